package org.perfspecs.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;

/** The bundled sample records of spec-examples. */
final class Samples {
  private Samples() {}

  static final String CASE_RECORDS = "/org/perfspecs/examples/samples/case-records.ndjson";

  static List<CaseRecord> caseRecords() {
    try (InputStream in = Samples.class.getResourceAsStream(CASE_RECORDS)) {
      ModelValidator v = ModelValidator.create();
      List<CaseRecord> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(v.parse(line, CaseRecord.class).orElseThrow());
        }
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
