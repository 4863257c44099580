package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the mix of good records, repeated episode ids, rejected lines (not JSON, not an
 * object, not UTF-8), blank lines and records whose evaluation fails, an evaluation on several
 * threads writes, reports, counts and aggregates exactly what it does on one.
 */
class PipelineOrderProperties {
  private static final List<String> SAMPLES;

  static {
    try {
      SAMPLES = Files.readAllLines(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * {@code lines}: 0–19 a sample record (a number seen twice is a repeated episode id), 20 not
   * JSON, 21 blank, 22 not an object, 23 not UTF-8.
   */
  @Property(tries = 25)
  void severalThreadsGiveWhatOneGives(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 23) Integer> lines,
      @ForAll @IntRange(min = 2, max = 4) int threads) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int n : lines) {
      if (n < SAMPLES.size()) {
        bytes.write(SAMPLES.get(n).getBytes(StandardCharsets.UTF_8));
      } else if (n == 20) {
        bytes.write("{\"member\": ".getBytes(StandardCharsets.UTF_8));
      } else if (n == 22) {
        bytes.write("[1]".getBytes(StandardCharsets.UTF_8));
      } else if (n == 23) {
        bytes.write(new byte[] {'"', (byte) 0xFF, '"'});
      } else {
        bytes.write(' ');
      }
      bytes.write('\n');
    }
    Path file = Files.createTempFile("pipeline-", ".ndjson");
    try {
      Files.write(file, bytes.toByteArray());
      String one = ThreadsTest.evaluateWithFailures(file, 1);
      assertThat(ThreadsTest.evaluateWithFailures(file, threads)).isEqualTo(one);
    } finally {
      Files.delete(file);
    }
  }
}
