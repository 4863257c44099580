package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad lines between good ones, read by several tasks (small splits): each is rejected with the
 * command line's line number, JSON path and message, the good ones around it are evaluated, and
 * blank lines are no records. Lines end with LF, CR LF and a lone CR (the command line counts each
 * as one line break, also where a CR LF straddles two splits); a byte-order mark, a line over the
 * maximum record size and a truncated last line without a line break.
 */
class BadLinesTest {
  @TempDir
  Path dir;

  @AfterEach
  void wholeSplits() {
    LocalSpark.session().sparkContext().hadoopConfiguration().unset("mapreduce.input.fileinputformat.split.maxsize");
  }

  @Test
  void badLinesAreRejectedAsTheCommandLineRejectsThemAndTheOthersAreEvaluated() throws IOException {
    List<String> samples = Files.readAllLines(SamplesTest.sample(dir, "case-records.ndjson"), StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    line(bytes, samples.get(0), "\n");
    line(bytes, samples.get(1), "\r\n");
    line(bytes, "", "\r");
    line(bytes, "{not json", "\r");
    bytes.writeBytes("{\"member\": {\"id\": \"M-".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    line(bytes, "\"}, \"episode\": {}}", "\n");
    line(bytes, "[1, 2]", "\r\n");
    line(bytes, "{\"member\": {\"id\": \"" + "x".repeat(70_000) + "\"}}", "\n");
    line(bytes, samples.get(2), "\r");
    line(bytes, "  \t ", "\r\n");
    line(bytes, "{\"member\": {}, \"episode\": {}}", "\n");
    line(bytes, samples.get(3), "\r\n");
    line(bytes, "", "\r\n");
    bytes.writeBytes(samples.get(4).substring(0, samples.get(4).length() / 2).getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("mixed.ndjson");
    Files.write(file, bytes.toByteArray());

    LocalSpark.session().sparkContext().hadoopConfiguration().set("mapreduce.input.fileinputformat.split.maxsize", "4096");
    CliComparison c = new CliComparison(file, null, SamplesTest.AS_OF);
    c.extraCliArgs.addAll(List.of("--max-record-size", "65536"));
    c.checks = c.checks.withMaxRecordBytes(65536);

    CliComparison.Outcome o = c.assertSame();

    assertThat(o.summary().records().lines()).isEqualTo(13);
    assertThat(o.summary().records().blank()).isEqualTo(3);
    assertThat(o.summary().records().evaluated()).isEqualTo(4);
    assertThat(o.summary().records().rejected()).isEqualTo(6);
    assertThat(o.sparkRejections()).anySatisfy(r -> assertThat(r).startsWith("R line 4: $: "))
        .anySatisfy(r -> assertThat(r).startsWith("R line 5: $: is not UTF-8 text"))
        .anySatisfy(r -> assertThat(r).startsWith("R line 7: $: is longer than the maximum record size"))
        .anySatisfy(r -> assertThat(r).startsWith("R line 13: "))
        .noneSatisfy(r -> assertThat(r).contains("xxxx"));
  }

  @Test
  void crLfLineBreaksAcrossEverySplitBoundaryCountAsTheCommandLineCountsThem() throws IOException {
    // lines of every length from 1 to 60 bytes with CR LF, CR and LF endings, read in 37-byte splits:
    // a split boundary falls between the CR and the LF of many of them; one valid record last
    List<String> samples = Files.readAllLines(SamplesTest.sample(dir, "case-records.ndjson"), StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String[] ends = {"\r\n", "\r", "\n", "\r\n\r\n", "\n\r"};
    for (int i = 1; i <= 60; i++) {
      line(bytes, "{" + "x".repeat(i), ends[i % ends.length]);
    }
    line(bytes, samples.get(2), "\r\n"); // the shortest sample (643 bytes)
    Path file = dir.resolve("breaks.ndjson");
    Files.write(file, bytes.toByteArray());

    LocalSpark.session().sparkContext().hadoopConfiguration().set("mapreduce.input.fileinputformat.split.maxsize", "37");
    CliComparison.Outcome o = new CliComparison(file, null, SamplesTest.AS_OF).assertSame();

    assertThat(o.summary().records().evaluated()).isEqualTo(1);
    assertThat(o.summary().records().rejected()).isEqualTo(60);
    assertThat(o.sparkRejections()).hasSize(60);
  }

  @Test
  void aFileThatIsAJsonArrayIsRefusedNamingIt() throws IOException {
    Path file = dir.resolve("array.json");
    Files.writeString(file, "\uFEFF \n\t[\n{\"member\": {}},\n{}\n]\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SparkChecks.readLines(LocalSpark.session(), file.toString()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("array.json: is a JSON array");
  }

  private static void line(ByteArrayOutputStream out, String text, String end) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(end.getBytes(StandardCharsets.US_ASCII));
  }
}
