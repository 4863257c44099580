package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.catalog.Catalog;

class ReportCommandTest {
  static final String AS_OF = "2024-06-03T12:00:00-04:00";
  static final String SAMPLES = "../spec-examples/src/main/resources/org/perfspecs/examples/samples/";

  @TempDir
  Path dir;

  Path cases;
  Path programs;

  @BeforeEach
  void copySamples() throws IOException {
    cases = Files.copy(Path.of(SAMPLES, "case-records.ndjson"), dir.resolve("cases.ndjson"));
    programs = Files.copy(Path.of(SAMPLES, "programs.json"), dir.resolve("programs.json"));
  }

  @Test
  void theJsonAggregateCountsEveryFindingByRequirementProgramAndMonth() throws IOException {
    CliRun run = CliRun.of("report", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF,
        "--format", "json");
    assertThat(run.exitCode).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out);
    Expected expected = Expected.of(cases, programs, AS_OF);
    assertThat(root.get("asOf").asText()).isEqualTo("2024-06-03T16:00:00Z");
    assertThat(root.get("totals").get("findings").asLong()).isEqualTo(expected.total());
    for (Outcome o : Outcome.values()) {
      long n = expected.episodeFindings.stream().filter(f -> f.outcome() == o).count()
          + expected.programFindings.stream().filter(f -> f.outcome() == o).count();
      assertThat(root.get("totals").get("counts").get(o.name()).asLong()).as(o.name()).isEqualTo(n);
    }
    // per requirement and program, as the library computes them
    Map<String, Long> metByRequirement = new TreeMap<>();
    for (Finding f : concat(expected)) {
      if (f.outcome() == Outcome.MET) {
        metByRequirement.merge(f.requirementId(), 1L, Long::sum);
      }
    }
    for (JsonNode row : root.get("requirements")) {
      if (row.get("level").asText().equals("REQUIREMENT")) {
        assertThat(row.get("counts").get("MET").asLong()).as(row.get("key").asText())
            .isEqualTo(metByRequirement.getOrDefault(row.get("key").asText(), 0L));
        long met = row.get("counts").get("MET").asLong();
        long notMet = row.get("counts").get("NOT_MET").asLong();
        if (met + notMet == 0) {
          assertThat(row.get("complianceRate").isNull()).isTrue();
        } else {
          assertThat(row.get("complianceRate").asDouble()).isCloseTo((double) met / (met + notMet),
              org.assertj.core.api.Assertions.within(0.00005));
        }
      }
    }
    long programTotal = 0;
    for (JsonNode row : root.get("programs")) {
      assertThat(row.get("key").asText()).contains("@");
      programTotal += row.get("findings").asLong();
    }
    assertThat(programTotal).isEqualTo(expected.total());
    long monthTotal = 0;
    List<String> months = new java.util.ArrayList<>();
    for (JsonNode row : root.get("months")) {
      if (row.get("requirementId").asText().isEmpty()) {
        monthTotal += row.get("findings").asLong();
        months.add(row.get("month").asText());
      }
    }
    assertThat(monthTotal).as("every finding in exactly one month").isEqualTo(expected.total());
    assertThat(months).contains("2024-05", "program-level");
    assertThat(root.get("months").get(0).get("month").asText()).matches("\\d{4}-\\d{2}");
    assertThat(run.err).contains("records read: 19, evaluated: 19, rejected: 0; programs evaluated: 6");
  }

  private static List<Finding> concat(Expected e) {
    List<Finding> all = new java.util.ArrayList<>(e.programFindings);
    all.addAll(e.episodeFindings);
    return all;
  }

  @Test
  void csvHasAHeaderAndOneRowPerAggregateRow() throws IOException {
    CliRun run = CliRun.of("report", cases.toString(), "--as-of", AS_OF, "--format", "csv");
    List<String> lines = run.out.lines().toList();
    assertThat(lines.get(0)).isEqualTo("level,key,spec,section,requirementId,programId,month,strength,"
        + "MET,NOT_MET,PENDING,NOT_APPLICABLE,UNDETERMINED,NOT_EVALUATED,ERROR,findings,complianceRate");
    assertThat(lines).anyMatch(l -> l.startsWith("SPECIFICATION,IOP,IOP,"));
    assertThat(lines).anyMatch(l -> l.startsWith("PROGRAM,IOP@P-IOP-BOSTON,IOP,,,P-IOP-BOSTON,,,"));
    assertThat(lines).anyMatch(l -> l.startsWith("MONTH,IOP#2024-05,IOP,,,,2024-05,,"));
    assertThat(lines).anyMatch(l -> l.startsWith("REQUIREMENT,IOP.COMP.4.a,IOP,COMP,IOP.COMP.4.a,,,MUST,"));
  }

  @Test
  void twoRunsGiveTheSameBytes() throws IOException {
    for (String format : List.of("json", "csv", "html")) {
      CliRun one = CliRun.of("report", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF, "--format", format);
      CliRun two = CliRun.of("report", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF, "--format", format);
      assertThat(one.out).as(format).isEqualTo(two.out).isNotEmpty();
    }
    CliRun one = CliRun.of("check", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF, "--format", "json");
    CliRun two = CliRun.of("check", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(one.out).isEqualTo(two.out);
    CliRun text1 = CliRun.of("check", cases.toString(), "--as-of", AS_OF);
    CliRun text2 = CliRun.of("check", cases.toString(), "--as-of", AS_OF);
    assertThat(withoutElapsed(text1.out)).isEqualTo(withoutElapsed(text2.out));
  }

  static String withoutElapsed(String s) {
    return s.replaceAll("(?m)^  elapsed: .*$", "");
  }

  @Test
  void outputToADirectoryWritesEachFormatAndSeveralFormatsNeedADirectory() throws IOException {
    Path out = dir.resolve("site/");
    CliRun run = CliRun.of("report", cases.toString(), "--as-of", AS_OF, "--format", "html,json,csv", "--output", out + "/");
    assertThat(run.exitCode).isZero();
    assertThat(out.resolve("report.html")).exists();
    assertThat(out.resolve("aggregate.json")).exists();
    assertThat(out.resolve("aggregate.csv")).exists();
    assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>");
    Path file = dir.resolve("one.html");
    assertThat(CliRun.of("report", cases.toString(), "--as-of", AS_OF, "-o", file.toString()).exitCode).isZero();
    assertThat(Files.readString(file)).contains("<svg").doesNotContain("http://", "https://", "<script", "<link");
    assertThat(CliRun.of("report", cases.toString(), "--format", "html,json").exitCode).isEqualTo(3);
    assertThat(CliRun.of("report", cases.toString(), "--format", "pdf").exitCode).isEqualTo(3);
  }

  @Test
  void checkWithOutputWritesFindingsAggregatesAndTheReportInOnePass() throws IOException {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("check", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF,
        "--output", out.toString());
    assertThat(run.exitCode).isZero();
    Expected expected = Expected.of(cases, programs, AS_OF);
    List<String> findings = Files.readAllLines(out.resolve("findings.ndjson"));
    assertThat(findings).hasSize(expected.total());
    JsonNode aggregate = new ObjectMapper().readTree(out.resolve("aggregate.json").toFile());
    assertThat(aggregate.get("totals").get("findings").asLong()).isEqualTo(expected.total());
    assertThat(out.resolve("aggregate.csv")).exists();
    assertThat(out.resolve("report.html")).exists();
    assertThat(run.out).contains("wrote " + out.resolve("report.html")).contains(expected.summaryLine());
    // the same aggregate as report gives
    CliRun report = CliRun.of("report", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF,
        "--format", "json");
    assertThat(Files.readString(out.resolve("aggregate.json"))).isEqualTo(report.out);
    assertThat(CliRun.of("check", cases.toString(), "--format", "json", "--output", out.toString()).exitCode)
        .as("--format with --output").isEqualTo(3);
  }

  @Test
  void failOnWorksForReportsToo() {
    assertThat(CliRun.of("report", cases.toString(), "--as-of", AS_OF, "--format", "json", "--fail-on", "NOT_MET")
        .exitCode).isEqualTo(1);
  }

  @Test
  void theHtmlPageHasTheFourViewsAndEveryRequirementsCitation() {
    CliRun run = CliRun.of("report", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF);
    assertThat(run.out).contains("id=\"by-requirement\"", "data-strength=\"MUST\"", "data-strength=\"SHOULD\"",
        "id=\"by-program\"", "id=\"by-month\"", "id=\"requirements\"", "<details>");
    assertThat(run.out).contains(HtmlReport.esc(Catalog.standard().requirement("IOP.COMP.4.a").orElseThrow().citation().text()));
  }

  @Test
  void pageCountsHaveThousandsSeparatorsAndRatesOneDecimal() {
    assertThat(HtmlReport.n(54_400_000)).isEqualTo("54,400,000");
    assertThat(HtmlReport.n(999)).isEqualTo("999");
    assertThat(HtmlReport.percent(java.util.OptionalDouble.of(2.0 / 3))).isEqualTo("66.7%");
    assertThat(HtmlReport.percent(java.util.OptionalDouble.empty())).isEqualTo("\u2013");
    assertThat(HtmlReport.esc("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  }

  @Test
  void aForcedProgressBarDrawsOnStderrAndNoneByDefaultWhenNotATerminal() {
    CliRun bar = CliRun.of("report", cases.toString(), "--as-of", AS_OF, "--format", "json", "--progress");
    assertThat(bar.err).contains("records").contains("%").contains("\r");
    CliRun none = CliRun.of("report", cases.toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(none.err).doesNotContain("\r");
  }
}
