package org.perfspecs.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;

/** The bundled sample case records (spec-examples), and their lines as JSON. */
final class Samples {
  private Samples() {}

  static final String RESOURCE = "/org/perfspecs/examples/samples/case-records.ndjson";

  /** The sample records' JSON lines. */
  static List<String> lines() {
    try (InputStream in = Samples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the classpath");
      }
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample records. */
  static List<CaseRecord> records() {
    List<CaseRecord> out = new ArrayList<>();
    for (String line : lines()) {
      try {
        out.add(ModelJson.reader(CaseRecord.class).readValue(line));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
