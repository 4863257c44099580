package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.FindingJson;

/** Findings that stand alone, --only, --with-citations, failing.csv, case-insensitive enum options. */
class FindingsOutputTest {
  @TempDir
  Path dir;
  Path cases;
  Path programs;

  @BeforeEach
  void copySamples() throws IOException {
    cases = Files.copy(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson"), dir.resolve("cases.ndjson"));
    programs = Files.copy(Path.of(ReportCommandTest.SAMPLES, "programs.json"), dir.resolve("programs.json"));
  }

  @Test
  void everyJsonFindingCanBeReadWithNoOtherFileAndReadsBackEqual() throws IOException {
    CliRun run = CliRun.of("check", cases.toString(), "--programs", programs.toString(), "--as-of", ReportCommandTest.AS_OF,
        "--format", "JSON");
    assertThat(run.exitCode).isZero();
    ObjectMapper mapper = new ObjectMapper();
    List<String> lines = run.out.lines().toList();
    assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("{\"requirementId\":"));
    for (String line : lines) {
      JsonNode n = mapper.readTree(line);
      var req = Catalog.standard().requirement(n.get("requirementId").asText()).orElseThrow();
      assertThat(n.get("spec").asText()).isEqualTo(req.specKey());
      assertThat(n.get("section").asText()).isEqualTo(req.citation().section());
      assertThat(n.get("strength").asText()).isEqualTo(req.strength().name());
      assertThat(n.get("citation").asText()).isEqualTo(req.citation().reference()).doesNotContain(".txt");
      assertThat(n.has("citationText")).isFalse();
      assertThat(n.has("memberId")).isEqualTo(n.get("subjectKind").asText().equals("EPISODE"));
      assertThat(n.get("programId").asText()).isNotBlank();
      Finding f = FindingJson.fromJson(line);
      assertThat(FindingJson.toJson(f)).isEqualTo(line);
    }
  }

  @Test
  void withCitationsAddsTheVerbatimTextToJsonAndCsv() throws IOException {
    CliRun json = CliRun.of("check", cases.toString(), "--as-of", ReportCommandTest.AS_OF, "--format", "json",
        "--with-citations");
    JsonNode first = new ObjectMapper().readTree(json.out.lines().findFirst().orElseThrow());
    assertThat(first.get("citationText").asText())
        .isEqualTo(Catalog.standard().requirement(first.get("requirementId").asText()).orElseThrow().citation().text());
    CliRun csv = CliRun.of("check", cases.toString(), "--as-of", ReportCommandTest.AS_OF, "--format", "csv",
        "--with-citations");
    assertThat(csv.out.lines().findFirst().orElseThrow()).endsWith(",evidence,citation,citationText");
    assertThat(csv.out).contains("first obligation\",The member will be evaluated/assessed within one business day of referral");
  }

  @Test
  void onlyWritesTheNamedOutcomesInAnyCaseAndTheSummaryStillCountsEverything() throws IOException {
    CliRun all = CliRun.of("check", cases.toString(), "--as-of", ReportCommandTest.AS_OF, "--format", "json");
    CliRun only = CliRun.of("check", cases.toString(), "--as-of", ReportCommandTest.AS_OF, "--format", "json",
        "--only", "not_met,Pending");
    ObjectMapper mapper = new ObjectMapper();
    List<String> expected = all.out.lines().filter(l -> l.contains("\"outcome\":\"NOT_MET\"")
        || l.contains("\"outcome\":\"PENDING\"")).toList();
    assertThat(only.out.lines().toList()).isNotEmpty().containsExactlyElementsOf(expected);
    for (String line : only.out.lines().toList()) {
      assertThat(mapper.readTree(line).get("outcome").asText()).isIn("NOT_MET", "PENDING");
    }
    assertThat(summary(only.err)).as("the summary counts every finding").isEqualTo(summary(all.err));

    // in the directory, the aggregate still counts everything
    Path out = dir.resolve("out");
    Path outAll = dir.resolve("out-all");
    assertThat(CliRun.of("check", cases.toString(), "--as-of", ReportCommandTest.AS_OF, "--only", "NOT_MET",
        "--output", out.toString()).exitCode).isZero();
    CliRun.of("check", cases.toString(), "--as-of", ReportCommandTest.AS_OF, "--output", outAll.toString());
    assertThat(Files.readString(out.resolve("aggregate.json"))).isEqualTo(Files.readString(outAll.resolve("aggregate.json")));
    assertThat(Files.readAllLines(out.resolve("findings.ndjson"))).allMatch(l -> l.contains("\"outcome\":\"NOT_MET\""))
        .hasSize((int) Files.readAllLines(outAll.resolve("findings.ndjson")).stream()
            .filter(l -> l.contains("\"outcome\":\"NOT_MET\"")).count());
  }

  private static String summary(String err) {
    return err.replaceAll("(?m)^  elapsed: .*$", "");
  }

  @Test
  void failingCsvHasEveryFailingEpisodeAndRequirement() throws IOException {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("check", cases.toString(), "--programs", programs.toString(), "--as-of",
        ReportCommandTest.AS_OF, "--output", out.toString());
    assertThat(run.out).contains("wrote " + out.resolve("failing.csv"));
    List<String> failing = Files.readAllLines(out.resolve("failing.csv"));
    assertThat(failing.get(0)).isEqualTo("requirementId,spec,strength,episodeId,memberId,programId,due,reason,citation");
    long notMetEpisodes = Files.readAllLines(out.resolve("findings.ndjson")).stream()
        .filter(l -> l.contains("\"outcome\":\"NOT_MET\"") && l.contains("\"subjectKind\":\"EPISODE\"")).count();
    assertThat(failing).hasSize(1 + (int) notMetEpisodes);
    assertThat(failing).contains("IOP.COMP.4.a,IOP,MUST,IOP-1002,M-1002,P-IOP-BOSTON,2024-05-08T03:59:59.999999999Z,"
        + "\"initial evaluation late: at 2024-05-08 10:00 EDT, due by 2024-05-07 23:59 EDT (end of business day 1 after "
        + "2024-05-06 (2024-05-07))\",\"Intensive Outpatient Program (IOP) Performance Specifications, PS #014, "
        + "Commonwealth Care Alliance, revised 4/19/2023; COMPONENTS OF SERVICES:; item bullet 4, first obligation\"");
  }

  @Test
  void everyEnumOptionAcceptsAnyCase() {
    assertThat(CliRun.of("check", cases.toString(), "--as-of", ReportCommandTest.AS_OF, "--format", "Csv",
        "--fail-on", "not_met").exitCode).isEqualTo(1);
    assertThat(CliRun.of("report", cases.toString(), "--as-of", ReportCommandTest.AS_OF, "--format", "JSON").exitCode)
        .isZero();
    assertThat(CliRun.of("catalog", "--format", "CSV").exitCode).isZero();
    assertThat(CliRun.of("check", cases.toString(), "--only", "nope").exitCode).isEqualTo(3);
  }

  @Test
  void generateCompletionPrintsABashScript() {
    CliRun run = CliRun.of("generate-completion");
    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("complete -F").contains("perfspecs").contains("--with-citations");
    assertThat(CliRun.of("--help").out).contains("generate-completion").contains("due");
  }

  @Test
  void aReportToATerminalGoesToADefaultFileAndSaysWhere() throws IOException {
    var original = ReportCommand.stdoutIsTerminal;
    Path cwdFile = Path.of(ReportCommand.DEFAULT_HTML_FILE).toAbsolutePath();
    boolean existed = Files.exists(cwdFile);
    try {
      ReportCommand.stdoutIsTerminal = () -> true;
      CliRun run = CliRun.of("report", cases.toString(), "--as-of", ReportCommandTest.AS_OF);
      assertThat(run.exitCode).isZero();
      assertThat(run.out).isEmpty();
      assertThat(run.err).contains("wrote " + cwdFile.normalize()).contains("standard output is a terminal");
      assertThat(Files.readString(cwdFile)).startsWith("<!DOCTYPE html>");
      // json to a terminal is short enough to read; -o - forces standard output
      assertThat(CliRun.of("report", cases.toString(), "--as-of", ReportCommandTest.AS_OF, "--format", "json").out)
          .startsWith("{");
      assertThat(CliRun.of("report", cases.toString(), "--as-of", ReportCommandTest.AS_OF, "-o", "-").out)
          .startsWith("<!DOCTYPE html>");
    } finally {
      ReportCommand.stdoutIsTerminal = original;
      if (!existed) {
        Files.deleteIfExists(cwdFile);
      }
    }
  }
}
