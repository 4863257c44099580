package org.perfspecs.fhir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfspecs.model.CaseRecord;

/**
 * A large bulk-data export made fast: the FHIR JSON of the bundled samples, copied {@code copies}
 * times with the member and episode ids made unique per copy (text substitution of the ids in each
 * resource line), one NDJSON file per resource type.
 */
final class BulkFixture {
  private BulkFixture() {}

  /** Writes the export and returns the number of resources written. */
  static long write(Path dir, int copies) throws IOException {
    Files.createDirectories(dir);
    List<CaseRecord> samples = Samples.caseRecords();
    // per sample: the lines of each type
    List<Map<String, List<String>>> templates = new ArrayList<>();
    var parser = Fhir.jsonParser();
    for (CaseRecord r : samples) {
      Map<String, List<String>> byType = new LinkedHashMap<>();
      for (var e : FhirCaseRecords.toBundle(r).getEntry()) {
        byType.computeIfAbsent(e.getResource().fhirType(), k -> new ArrayList<>())
            .add(parser.encodeResourceToString(e.getResource()));
      }
      templates.add(byType);
    }
    Map<String, BufferedWriter> writers = new LinkedHashMap<>();
    long resources = 0;
    try {
      for (int k = 0; k < copies; k++) {
        for (int s = 0; s < samples.size(); s++) {
          String member = samples.get(s).member().id();
          String episode = samples.get(s).episode().id();
          String suffix = "x" + k;
          for (var t : templates.get(s).entrySet()) {
            BufferedWriter w = writers.get(t.getKey());
            if (w == null) {
              w = Files.newBufferedWriter(dir.resolve(t.getKey() + ".ndjson"), StandardCharsets.UTF_8);
              writers.put(t.getKey(), w);
            }
            for (String line : t.getValue()) {
              w.write(line.replace(member, member + suffix).replace(episode, episode + suffix));
              w.write('\n');
              resources++;
            }
          }
        }
      }
    } finally {
      for (BufferedWriter w : writers.values()) {
        w.close();
      }
    }
    return resources;
  }
}
