package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

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
 * blank lines are no records. Also CRLF line ends, a byte-order mark, a line over the maximum
 * record size and a truncated last line without a line break.
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
    line(bytes, samples.get(0));
    line(bytes, samples.get(1) + "\r");
    line(bytes, "");
    line(bytes, "{not json");
    bytes.writeBytes("{\"member\": {\"id\": \"M-".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    line(bytes, "\"}, \"episode\": {}}");
    line(bytes, "[1, 2]");
    line(bytes, "{\"member\": {\"id\": \"" + "x".repeat(70_000) + "\"}}");
    line(bytes, samples.get(2));
    line(bytes, "  \t ");
    line(bytes, "{\"member\": {}, \"episode\": {}}");
    line(bytes, samples.get(3) + "\r");
    bytes.writeBytes(samples.get(4).substring(0, samples.get(4).length() / 2).getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("mixed.ndjson");
    Files.write(file, bytes.toByteArray());

    LocalSpark.session().sparkContext().hadoopConfiguration().set("mapreduce.input.fileinputformat.split.maxsize", "4096");
    CliComparison c = new CliComparison(file, null, SamplesTest.AS_OF);
    c.extraCliArgs.addAll(List.of("--max-record-size", "65536"));
    c.checks = c.checks.withMaxRecordBytes(65536);

    CliComparison.Outcome o = c.assertSame();

    assertThat(o.summary().records().lines()).isEqualTo(12);
    assertThat(o.summary().records().blank()).isEqualTo(2);
    assertThat(o.summary().records().evaluated()).isEqualTo(4);
    assertThat(o.summary().records().rejected()).isEqualTo(6);
    assertThat(o.sparkRejections()).anySatisfy(r -> assertThat(r).startsWith("R line 5: $: is not UTF-8 text"))
        .anySatisfy(r -> assertThat(r).startsWith("R line 7: $: is longer than the maximum record size"))
        .anySatisfy(r -> assertThat(r).startsWith("R line 12: "))
        .noneSatisfy(r -> assertThat(r).contains("xxxx"));
  }

  private static void line(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }
}
