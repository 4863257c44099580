package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.testkit.CaseRecords;

/**
 * Testkit-generated records (episodes of every service from 2021 to 2025, at most 3 contacts each
 * so that the test stays short), with a bad line every 997 lines and a byte-order mark on the
 * first: Spark on {@code local[2]} gives the command line's aggregate, findings and rejections.
 * 10,000 records by default (the build's time on a loaded 2-core machine);
 * {@code -Dperfspecs.spark.records=50000} runs the 50,000.
 */
class GeneratedRecordsTest {
  static final int RECORDS = Integer.getInteger("perfspecs.spark.records", 10_000);
  static final String AS_OF = "2025-06-30T12:00:00-04:00";

  /** Lines the command line rejects, each for another reason. */
  static final List<String> BAD = List.of(
      "{\"member\": {\"id\": \"M-1\"",
      "{\"member\": {}, \"episode\": {}}",
      "[{\"member\": {}}]",
      "{\"member\": {\"id\": \"M-2\", \"favouriteColour\": \"blue\"}, \"episode\": {}}",
      "42",
      "   ");

  @TempDir
  Path dir;

  @Test
  void generatedRecordsWithInterleavedBadLinesGiveTheCommandLinesResults() throws IOException {
    Path file = dir.resolve("generated.ndjson");
    int bad = write(file, RECORDS);

    CliComparison.Outcome o = new CliComparison(file, null, AS_OF).assertSame();

    long blank = bad / BAD.size(); // every sixth bad line is blank: no record
    assertThat(o.summary().records().lines()).isEqualTo(RECORDS + bad);
    assertThat(o.summary().records().blank()).isEqualTo(blank);
    assertThat(o.summary().records().evaluated()).isEqualTo(RECORDS);
    assertThat(o.summary().records().rejected()).isEqualTo(bad - blank);
    assertThat(o.cliExitCode()).isEqualTo(2);
  }

  /** {@code count} generated records, one bad line after every 996 good ones, a BOM first; returns the bad lines written. */
  static int write(Path file, int count) throws IOException {
    // jqwik's sample stream (random each run; the two sides read the same file, and a failure names its line)
    java.util.Iterator<CaseRecord> records = CaseRecords.caseRecords().withAtMostContacts(3).sampleStream().iterator();
    ObjectWriter json = ModelJson.writer();
    com.fasterxml.jackson.databind.ObjectMapper mapper = ModelJson.newMapper();
    try (OutputStream out = Files.newOutputStream(file);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      w.write('\uFEFF');
      int bad = 0;
      for (int i = 0, line = 1; i < count; line++) {
        if (line % 997 == 0) {
          w.write(BAD.get(bad++ % BAD.size()));
        } else {
          // one record per episode: the command line refuses a second record of an episode id
          com.fasterxml.jackson.databind.node.ObjectNode tree = mapper.valueToTree(records.next());
          ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("episode")).put("id", "E-" + i);
          w.write(json.writeValueAsString(tree));
          i++;
        }
        w.write('\n');
      }
      return bad;
    }
  }
}
