package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input loses nothing: each bad record gets one line with its line number and JSON path, is
 * skipped and counted, and every other record is evaluated; no member data in any message.
 */
class BadInputTest {
  static final String AS_OF = "2024-06-03T12:00:00-04:00";
  /** Member data the bad records carry; none of it may appear in any message. */
  static final List<String> MEMBER_DATA = List.of("Jordan Quill", "1987-11-23", "M-SECRET-77", "NOT_A_PLAN",
      "HOSPICE_PLUS");

  @TempDir
  Path dir;

  String good;
  /** The good record as another episode (an input holds each episode once). */
  String good2;
  long goodFindings;

  @BeforeEach
  void oneGoodRecord() throws IOException {
    good = Files.readAllLines(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson")).get(0);
    good2 = good.replaceFirst("\"episode\": \\{\"id\": \"", "\"episode\": {\"id\": \"X-");
    Path one = Files.writeString(dir.resolve("one.ndjson"), good + "\n");
    goodFindings = Expected.of(one, null, AS_OF).total();
  }

  /** A file of: good, {@code bad}, good (no newline after the last when {@code lastBad}). */
  private CliRun checkAround(String bad) throws IOException {
    Path f = Files.writeString(dir.resolve("in.ndjson"), good + "\n" + bad + "\n" + good2 + "\n");
    return CliRun.of("check", f.toString(), "--as-of", AS_OF, "--format", "json");
  }

  private void assertSkippedAndCounted(CliRun run, String expectedMessage, String reason) {
    assertThat(run.exitCode).isEqualTo(2);
    List<String> messages = run.err.lines().filter(l -> l.contains(".ndjson line ")).toList();
    assertThat(messages).as("one line per bad record").hasSize(1);
    assertThat(messages.get(0)).endsWith(expectedMessage);
    assertThat(run.out.lines()).as("both good records evaluated").hasSize((int) (2 * goodFindings));
    assertThat(run.err).contains("records read: 3, evaluated: 2, rejected: 1")
        .contains("rejected 1: " + reason);
    for (String data : MEMBER_DATA) {
      assertThat(run.err + run.out).as("member data echoed").doesNotContain(data);
    }
    assertThat(run.err).doesNotContain("Exception", "\tat ");
  }

  @Test
  void malformedJson() throws IOException {
    CliRun run = checkAround("{\"member\": {\"id\": \"M-SECRET-77\", \"name\": Jordan Quill}}");
    assertSkippedAndCounted(run, "in.ndjson line 2: $.member.name: is not well-formed JSON (column 48)",
        "$.member.name is not well-formed JSON");
  }

  @Test
  void aRecordThatFailsValidation() throws IOException {
    String bad = good.replaceFirst("\"dateOfBirth\": \"[0-9-]+\"", "\"dateOfBirth\": \"1987-11-23\"")
        .replaceFirst("\"dischargedAt\": \"[^\"]+\"", "\"dischargedAt\": \"2024-04-01T00:00:00Z\"");
    CliRun run = checkAround(bad);
    assertSkippedAndCounted(run, "in.ndjson line 2: $.episode.dischargedAt: must not be before admittedAt",
        "$.episode.dischargedAt must not be before admittedAt");
  }

  @Test
  void anUnknownServiceOrProductCode() throws IOException {
    CliRun service = checkAround(good.replaceFirst("\"service\": \"[A-Z_]+\"", "\"service\": \"HOSPICE_PLUS\""));
    assertThat(service.err).contains("in.ndjson line 2: $.episode.service: must be one of ");
    assertSkippedAndCounted(service, "", "$.episode.service must be one of");
    CliRun product = checkAround(good.replaceFirst("\"product\": \"[A-Z_]+\"", "\"product\": \"NOT_A_PLAN\""));
    assertThat(product.err).contains("in.ndjson line 2: $.member.product: must be one of ");
  }

  @Test
  void aTruncatedLastLine() throws IOException {
    Path f = Files.writeString(dir.resolve("in.ndjson"), good + "\n" + good2 + "\n" + good.substring(0, good.length() / 2));
    CliRun run = CliRun.of("check", f.toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).containsPattern("in\\.ndjson line 3: \\$[.\\w\\[\\]]*: is truncated: the JSON ends before the value is complete");
    assertThat(run.out.lines()).hasSize((int) (2 * goodFindings));
    assertThat(run.err).contains("records read: 3, evaluated: 2, rejected: 1");
  }

  @Test
  void anEmptyFileIsCleanAndHasNoRecords() throws IOException {
    Path f = Files.createFile(dir.resolve("empty.ndjson"));
    CliRun run = CliRun.of("report", f.toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("\"recordsRead\" : 0").contains("\"findings\" : 0");
    assertThat(run.err).contains("records read: 0, evaluated: 0, rejected: 0");
  }

  @Test
  void aBinaryLineIsRejectedAloneAndABinaryFileLineByLine() throws IOException {
    Path f = dir.resolve("mixed.ndjson");
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write((good + "\n").getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, (byte) 0xFE, 0x0A});
      out.write((good2 + "\n").getBytes(StandardCharsets.UTF_8));
    }
    CliRun run = CliRun.of("check", f.toString(), "--as-of", AS_OF, "--format", "json");
    assertSkippedAndCounted(run, "mixed.ndjson line 2: $: is not UTF-8 text", "$ is not UTF-8 text");

    Path binary = dir.resolve("binary.bin");
    byte[] noise = new byte[4096];
    new java.util.Random(7).nextBytes(noise);
    Files.write(binary, noise);
    CliRun all = CliRun.of("check", binary.toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(all.exitCode).isEqualTo(2);
    long lines = all.err.lines().filter(l -> l.startsWith(binary + " line ")).count();
    assertThat(all.err).contains("evaluated: 0, rejected: " + lines);
    assertThat(all.out).isEmpty();
  }

  @Test
  void aLineOf100MebibytesIsSkippedWithItsLineNumberAndTheRestEvaluated() throws IOException {
    Path f = dir.resolve("huge.ndjson");
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
      out.write((good + "\n").getBytes(StandardCharsets.UTF_8));
      out.write("{\"member\": {\"id\": \"M-SECRET-77\", \"preferredName\": \"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "Jordan Quill ".repeat(1 << 10).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 100L << 20; written += chunk.length) {
        out.write(chunk);
      }
      out.write("\"}}\n".getBytes(StandardCharsets.UTF_8));
      out.write((good2 + "\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Files.size(f)).isGreaterThan(100L << 20);
    CliRun run = CliRun.of("check", f.toString(), "--as-of", AS_OF, "--format", "json");
    assertSkippedAndCounted(run, "; the line was skipped", "$ is longer than the maximum record size of 16777216 bytes; the line was skipped");
    assertThat(run.err).contains("huge.ndjson line 2: $: is longer than the maximum record size of 16777216 bytes (");
    // a smaller limit, on the command line
    CliRun small = CliRun.of("check", f.toString(), "--as-of", AS_OF, "--format", "json", "--max-record-size", "1KiB");
    assertThat(small.err).contains("huge.ndjson line 1: $: is longer than the maximum record size of 1024 bytes");
    assertThat(CliRun.of("check", f.toString(), "--max-record-size", "lots").exitCode).isEqualTo(3);
    Files.delete(f);
  }

  @Test
  void exitCodes() throws IOException {
    Path f = Files.writeString(dir.resolve("good.ndjson"), good + "\n");
    assertThat(CliRun.of("check", f.toString(), "--as-of", AS_OF, "--format", "json").exitCode).isEqualTo(0);
    assertThat(CliRun.of("check", f.toString(), "--as-of", AS_OF, "--format", "json", "--fail-on", "NOT_MET,PENDING,UNDETERMINED,NOT_APPLICABLE,MET").exitCode)
        .isEqualTo(1);
    assertThat(checkAround("{").exitCode).isEqualTo(2);
    assertThat(CliRun.of("check", f.toString(), "--fail-on", "MAYBE").exitCode).isEqualTo(3);
    assertThat(CliRun.of("report").exitCode).isEqualTo(3);
  }
}
