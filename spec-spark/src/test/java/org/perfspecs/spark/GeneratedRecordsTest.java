package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.model.ModelJson;
import org.perfspecs.testkit.CaseRecords;

/**
 * Testkit-generated records (episodes of every service from 2021 to 2025, at most 3 contacts each
 * so that the test stays short; 2,000 distinct ones, each written under several episode ids, since
 * sampling them is the slow part), with a bad line every 997 lines, a repeated episode id every 499
 * lines (an exact copy of a record at the start of the file, another record with an earlier id, and
 * an invalid record carrying the id of a record further on, which is then the first valid one),
 * some CR LF line breaks and a byte-order mark on the first line, read in 8 MiB splits by {@code
 * local[2]}: Spark gives the command line's aggregate (with its lists), findings, rejections and
 * exit code. 50,000 records by default; {@code -Dperfspecs.spark.records=N} runs another number.
 */
class GeneratedRecordsTest {
  static final int RECORDS = Integer.getInteger("perfspecs.spark.records", 50_000);
  static final String AS_OF = "2025-06-30T12:00:00-04:00";
  /** Distinct generated records; the file repeats them under other episode ids. */
  static final int POOL = 2_000;

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

  @AfterEach
  void wholeSplits() {
    LocalSpark.session().sparkContext().hadoopConfiguration().unset("mapreduce.input.fileinputformat.split.maxsize");
  }

  /** What {@link #write} wrote besides the records. */
  record Written(int bad, int blank, int repeatedValid, int repeatedInvalid) {}

  @Test
  void generatedRecordsWithBadLinesAndRepeatedEpisodesGiveTheCommandLinesResults() throws IOException {
    Path file = dir.resolve("generated.ndjson");
    Written w = write(file, RECORDS);
    LocalSpark.session().sparkContext().hadoopConfiguration()
        .set("mapreduce.input.fileinputformat.split.maxsize", Integer.toString(8 << 20));

    CliComparison.Outcome o = new CliComparison(file, null, AS_OF).assertSame();

    long lines = RECORDS + w.bad() + w.repeatedValid() + w.repeatedInvalid();
    assertThat(o.summary().records().lines()).isEqualTo(lines);
    assertThat(o.summary().records().blank()).isEqualTo(w.blank());
    assertThat(o.summary().records().evaluated()).isEqualTo(RECORDS);
    assertThat(o.summary().records().rejected())
        .isEqualTo(w.bad() - w.blank() + w.repeatedValid() + w.repeatedInvalid());
    assertThat(o.summary().rejectedByReason())
        .containsEntry("$.episode.id is the episode id of an earlier record", (long) w.repeatedValid());
    assertThat(o.sparkRejections()).anySatisfy(r -> assertThat(r).contains("is the episode id of an earlier record"));
    assertThat(o.cliExitCode()).isEqualTo(2);
  }

  /**
   * {@code count} generated records with distinct episode ids, and between them: one bad line
   * every 997 lines, one repeated episode id every 499 lines (in turn: a copy of one of the first
   * ten records; a new record with the id of an earlier one; an invalid record with the id of the
   * record 50 further on); a byte-order mark first and a CR LF after every 13th line.
   */
  static Written write(Path file, int count) throws IOException {
    // jqwik's sample stream (random each run; the two sides read the same file, and a failure names its line):
    // POOL distinct records, each written under several episode ids (sampling is the slow part)
    ObjectWriter json = ModelJson.writer();
    ObjectMapper mapper = ModelJson.newMapper();
    List<ObjectNode> pool = new ArrayList<>();
    CaseRecords.caseRecords().withAtMostContacts(3).sampleStream().limit(Math.min(count, POOL))
        .forEach(r -> pool.add(mapper.valueToTree(r)));
    Iterator<ObjectNode> records = java.util.stream.Stream.generate(() -> 0).flatMap(x -> pool.stream()).iterator();
    List<String> firstTen = new ArrayList<>();
    int bad = 0;
    int blank = 0;
    int repeatedValid = 0;
    int repeatedInvalid = 0;
    int repeats = 0;
    try (OutputStream out = Files.newOutputStream(file);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      w.write('\uFEFF');
      for (int i = 0, line = 1; i < count; line++) {
        if (line % 997 == 0) {
          String b = BAD.get(bad++ % BAD.size());
          blank += b.isBlank() ? 1 : 0;
          w.write(b);
        } else if (line % 499 == 0) {
          switch (repeats++ % 3) {
            case 0 -> {
              w.write(firstTen.get(repeats % firstTen.size()));
              repeatedValid++;
            }
            case 1 -> {
              ObjectNode tree = records.next().deepCopy();
              ((ObjectNode) tree.get("episode")).put("id", "E-" + (i / 2));
              w.write(json.writeValueAsString(tree));
              repeatedValid++;
            }
            default -> {
              w.write("{\"member\": {\"id\": \"M-0\"}, \"episode\": {\"id\": \"E-" + (i + 50) + "\"}}");
              repeatedInvalid++;
            }
          }
        } else {
          ObjectNode tree = records.next().deepCopy();
          ((ObjectNode) tree.get("episode")).put("id", "E-" + i);
          String text = json.writeValueAsString(tree);
          if (firstTen.size() < 10) {
            firstTen.add(text);
          }
          w.write(text);
          i++;
        }
        w.write(line % 13 == 0 ? "\r\n" : "\n");
      }
    }
    return new Written(bad, blank, repeatedValid, repeatedInvalid);
  }
}
