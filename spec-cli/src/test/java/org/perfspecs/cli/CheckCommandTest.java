package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final String AS_OF = "2024-06-03T12:00:00-04:00";
  private static final String SAMPLES = "../spec-examples/src/main/resources/org/perfspecs/examples/samples/";

  @TempDir
  Path dir;

  Path cases;
  Path programs;
  Path invalid;
  /** Records in the sample file (one per non-blank line) and programs in the sample profile. */
  long records;
  long programCount;

  @BeforeEach
  void copySamples() throws IOException {
    cases = Files.copy(Path.of(SAMPLES, "case-records.ndjson"), dir.resolve("cases.ndjson"));
    programs = Files.copy(Path.of(SAMPLES, "programs.json"), dir.resolve("programs.json"));
    invalid = Files.copy(Path.of(SAMPLES, "invalid-records.ndjson"), dir.resolve("invalid.ndjson"));
    records = Files.readAllLines(cases).stream().filter(l -> !l.isBlank()).count();
    programCount = new com.fasterxml.jackson.databind.ObjectMapper().readTree(programs.toFile()).size();
  }

  @Test
  void evaluatesEveryRecordAndProgramAndExitsClean() throws IOException {
    CliRun run = CliRun.of("check", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF);
    assertThat(run.exitCode).isEqualTo(0);
    assertThat(run.err).isEmpty();
    assertThat(run.out).containsPattern("(?m)^  elapsed: \\d+\\.\\d s( \\(\\d+ records/s\\))?$").doesNotContain("(0 records/s)");
    assertThat(run.out)
        .contains("as of 2024-06-03 12:00 EDT (2024-06-03T16:00:00Z)")
        .contains("records read: " + records + ", evaluated: " + records + ", rejected: 0; programs evaluated: " + programCount)
        .contains(Expected.of(cases, programs, AS_OF).summaryLine());
  }

  @Test
  void failOnNamesTheOutcomesThatFailTheRun() {
    assertThat(CliRun.of("check", cases.toString(), "--as-of", AS_OF, "--fail-on", "NOT_MET").exitCode).isEqualTo(1);
    assertThat(CliRun.of("check", cases.toString(), "--as-of", AS_OF, "--fail-on", "ERROR").exitCode).isEqualTo(0);
  }

  @Test
  void rejectsBadRecordsWithLineAndPathAndEvaluatesTheRest() {
    CliRun run = CliRun.of("check", invalid.toString(), "--as-of", AS_OF, "--fail-on", "NOT_MET");
    assertThat(run.exitCode).as("input rejected takes precedence over --fail-on").isEqualTo(2);
    assertThat(run.err.lines().toList()).contains(
        invalid + " line 2: $.episode.contacts[0].minutes: must be greater than or equal to 0",
        invalid + " line 3: $.episode.dischargedAt: must not be before admittedAt");
    assertThat(run.err).contains(invalid + " line 4: $.member.product: must be one of ");
    assertThat(run.err).contains(invalid + " line 5: $.episode.service: is truncated: the JSON ends before the value is complete (column 136)");
    assertThat(run.out).contains("records read: 5, evaluated: 1, rejected: 4");
    assertThat(run.out).contains("Episode IOP-1001");
    assertThat(run.err + run.out).as("no member data echoed").doesNotContain("1990-01-01", "UNKNOWN_PLAN");
    assertThat(run.err).doesNotContain("Exception", "\tat ");
  }

  @Test
  void jsonFormatWritesOneFindingPerLineAndTheSummaryToStderr() throws IOException {
    CliRun run = CliRun.of("check", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(run.exitCode).isEqualTo(0);
    List<String> lines = run.out.lines().toList();
    assertThat(lines).hasSize(Expected.of(cases, programs, AS_OF).total());
    ObjectMapper mapper = new ObjectMapper();
    for (String line : lines) {
      JsonNode n = mapper.readTree(line);
      assertThat(n.get("requirementId").asText()).matches("[A-Z_]+\\.[A-Z]+\\..+");
      assertThat(n.get("outcome").asText()).isNotBlank();
      assertThat(n.get("reason").asText()).isNotBlank();
      if (n.get("outcome").asText().equals("PENDING")) {
        assertThat(n.hasNonNull("due")).isTrue();
      }
    }
    assertThat(run.err).contains("records read: " + records + ", evaluated: " + records + ", rejected: 0");
  }

  @Test
  void csvFormatWritesAHeaderAndOneRowPerFinding() throws IOException {
    CliRun run = CliRun.of("check", cases.toString(), "--as-of", AS_OF, "--format", "csv");
    List<String> lines = run.out.lines().toList();
    assertThat(lines.get(0)).isEqualTo("requirementId,spec,section,strength,subjectKind,subjectId,memberId,programId,"
        + "outcome,due,reason,evidence,citation");
    assertThat(lines).hasSize(1 + Expected.of(cases, null, AS_OF).episodeFindings.size());
    assertThat(lines).contains("IOP.COMP.4.a,IOP,COMPONENTS OF SERVICES:,MUST,EPISODE,IOP-1003,M-1003,P-IOP-BOSTON,PENDING,"
        + "2024-06-04T03:59:59.999999999Z,no initial evaluation recorded yet; due by 2024-06-03 23:59 EDT (end of business "
        + "day 1 after 2024-05-31 (2024-06-03)),referral:ref-3,\"Intensive Outpatient Program (IOP) Performance "
        + "Specifications, PS #014, Commonwealth Care Alliance, revised 4/19/2023; COMPONENTS OF SERVICES:; item bullet 4, "
        + "first obligation\"");
    assertThat(lines).anyMatch(l -> l.startsWith("IOP.COMP.4.b,IOP,COMPONENTS OF SERVICES:,MUST,EPISODE,IOP-1003,M-1003,"
        + "P-IOP-BOSTON,UNDETERMINED,,\"no initial evaluation time is recorded as of 2024-06-03 12:00 EDT, so"));
  }

  @Test
  void asOfAcceptsADateMeaningTheEndOfThatDayInNewYork() {
    CliRun run = CliRun.of("check", cases.toString(), "--as-of", "2024-06-03", "--format", "csv");
    assertThat(run.exitCode).isEqualTo(0);
    assertThat(run.out).contains("IOP.COMP.4.a,IOP,COMPONENTS OF SERVICES:,MUST,EPISODE,IOP-1003,M-1003,P-IOP-BOSTON,PENDING");
    CliRun next = CliRun.of("check", cases.toString(), "--as-of", "2024-06-04", "--format", "csv");
    assertThat(next.out).contains("IOP.COMP.4.a,IOP,COMPONENTS OF SERVICES:,MUST,EPISODE,IOP-1003,M-1003,P-IOP-BOSTON,NOT_MET");
  }

  @Test
  void readsAJsonArrayAsWellAsNdjson() throws IOException {
    Path array = dir.resolve("array.json");
    Files.writeString(array, "[\n" + String.join(",\n", Files.readAllLines(cases)) + "\n]\n");
    CliRun run = CliRun.of("check", array.toString(), "--as-of", AS_OF);
    assertThat(run.exitCode).isEqualTo(0);
    assertThat(run.out).contains("records read: " + records + ", evaluated: " + records + ", rejected: 0");
  }

  @Test
  void blankLinesAreNotRecords() throws IOException {
    Path spaced = dir.resolve("spaced.ndjson");
    Files.writeString(spaced, "\n" + String.join("\n\n", Files.readAllLines(cases)) + "\n\n");
    CliRun run = CliRun.of("check", spaced.toString(), "--as-of", AS_OF);
    assertThat(run.out).contains("records read: " + records + ", evaluated: " + records + ", rejected: 0");
    assertThat(run.out).contains("(IOP at P-IOP-BOSTON, line 2)");
  }

  @Test
  void anEmptyFileHasNoRecords() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.ndjson"));
    CliRun run = CliRun.of("check", empty.toString(), "--as-of", AS_OF);
    assertThat(run.exitCode).isEqualTo(0);
    assertThat(run.out).contains("records read: 0, evaluated: 0, rejected: 0");
  }

  @Test
  void aBinaryFileIsRejectedAsInput() throws IOException {
    Path binary = dir.resolve("binary.ndjson");
    Files.write(binary, new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, (byte) 0xFE, 0x0A});
    CliRun run = CliRun.of("check", binary.toString(), "--as-of", AS_OF);
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("not UTF-8 text");
  }

  @Test
  void aMissingFileIsRejectedAsInput() {
    CliRun run = CliRun.of("check", dir.resolve("nope.ndjson").toString(), "--as-of", AS_OF);
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).isEqualTo(dir.resolve("nope.ndjson") + ": cannot be read (no such file)\n");
    assertThat(run.out).as("no empty compliance report").isEmpty();
  }

  @Test
  void usageErrorsExitWith3() {
    assertThat(CliRun.of("check").exitCode).isEqualTo(3);
    CliRun badAsOf = CliRun.of("check", cases.toString(), "--as-of", "yesterday");
    assertThat(badAsOf.exitCode).isEqualTo(3);
    assertThat(badAsOf.err).contains("expected an ISO-8601 date-time with offset").doesNotContain("Exception");
    assertThat(CliRun.of("check", cases.toString(), "--format", "xml").exitCode).isEqualTo(3);
    assertThat(CliRun.of("frobnicate").exitCode).isEqualTo(3);
    assertThat(CliRun.of().exitCode).isEqualTo(3);
  }

  @Test
  void standardInputIsADash() throws IOException {
    InputStream original = System.in;
    try (InputStream in = Files.newInputStream(cases)) {
      System.setIn(in);
      CliRun run = CliRun.of("check", "-", "--as-of", AS_OF, "--format", "json");
      assertThat(run.exitCode).isEqualTo(0);
      assertThat(run.out.lines()).hasSize(Expected.of(cases, null, AS_OF).episodeFindings.size());
    } finally {
      System.setIn(original);
    }
  }
}
