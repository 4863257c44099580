package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;

/**
 * Issue 14's findings, each reproduced with the command line: no crash, no silent loss, no member
 * data in any output, exit 4 for internal errors in every subcommand, CSV and terminal injection.
 */
class ReliabilityTest {
  static final String AS_OF = "2024-06-03";
  static final String CANARY = "Quillon Zebedee";

  @TempDir
  Path dir;

  String good;
  String good2;

  @BeforeEach
  void goodRecords() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson"));
    good = lines.get(0);
    good2 = lines.get(1);
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String withAdmission(String record, String at) {
    return record.replaceFirst("\"admittedAt\": \"[^\"]+\"", "\"admittedAt\": \"" + at + "\"");
  }

  /** Every file `check --output` writes, and stdout and stderr, as one text. */
  private String allOutput(Path input) throws IOException {
    Path out = dir.resolve("out-" + input.getFileName());
    CliRun run = CliRun.of("check", input.toString(), "--as-of", AS_OF, "--output", out.toString());
    StringBuilder b = new StringBuilder(run.out).append(run.err);
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.toList()) {
        b.append(Files.readString(f));
      }
    }
    return b.toString();
  }

  /** Item 1: an extreme admission time is refused at the boundary; the rest is read; report -o writes. */
  @Test
  void anExtremeAdmissionIsRejectedNotACrash() throws IOException {
    for (String at : List.of("-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "1899-12-31T23:00:00Z")) {
      Path f = file("extreme.ndjson", good + "\n" + withAdmission(good2, at) + "\n" + good2 + "\n");
      CliRun run = CliRun.of("check", f.toString(), "--as-of", AS_OF, "--format", "json");
      assertThat(run.exitCode).as(at).isEqualTo(2);
      assertThat(run.err).as(at).contains("extreme.ndjson line 2: $.episode.admittedAt: must be ")
          .contains("records read: 3, evaluated: 2, rejected: 1").doesNotContain("Exception", "\tat ");
      Path html = dir.resolve("r.html");
      assertThat(CliRun.of("report", f.toString(), "--as-of", AS_OF, "-o", html.toString()).exitCode).isEqualTo(2);
      assertThat(html).isNotEmptyFile();
    }
  }

  /** Item 2: a value where a property name belongs never reaches a message, aggregate.json or the page. */
  @Test
  void aValueWhereANameBelongsIsNeverEchoed() throws IOException {
    String bad = good2.replaceFirst("\"preferredName\": \"Ray\"", "\"preferredName\": \"Ray\", \"" + CANARY + "\"");
    assertThat(bad).contains(CANARY);
    Path f = file("names.ndjson", good + "\n" + bad + "\n");
    String all = allOutput(f);
    assertThat(all).contains("names.ndjson line 2: $.member.<unknown>: is not well-formed JSON").doesNotContain(CANARY);
    String typo = good2.replaceFirst("\"preferredName\": \"Ray\"", "\"" + CANARY + "\": \"Ray\"");
    CliRun validate = CliRun.of("validate", file("typo.ndjson", typo + "\n").toString());
    assertThat(validate.out).contains("typo.ndjson line 1: $.member.<unknown>: is not a known property").doesNotContain(CANARY);
  }

  /** Item 3: a one-line array followed by NDJSON loses nothing silently; what follows is rejected, counted. */
  @Test
  void anArrayFollowedByMoreIsNotASilentLoss() throws IOException {
    Path f = file("mixed.ndjson", "[" + good + "]\n" + good2 + "\n" + good2 + "\n");
    CliRun run = CliRun.of("check", f.toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("mixed.ndjson line 2: $: is after the end of the top-level JSON array")
        .contains("records read: 3, evaluated: 1, rejected: 2");
    String dup = good.replaceFirst("\"service\": \"IOP\"", "\"service\": \"IOP\", \"service\": \"CSP\"");
    CliRun dupKeys = CliRun.of("check", file("dup.json", "[" + dup + "]").toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(dupKeys.err).contains("dup.json line 1: $.episode.service: is a duplicate property")
        .contains("evaluated: 0, rejected: 1");
  }

  /** Item 5: numbers are not instants. */
  @Test
  void numbersAreNotInstants() throws IOException {
    for (String n : List.of("1e400", "1713187800", "-1")) {
      String bad = good2.replaceFirst("\"admittedAt\": \"[^\"]+\"", "\"admittedAt\": " + n);
      CliRun run = CliRun.of("check", file("n.ndjson", bad + "\n").toString(), "--as-of", AS_OF, "--format", "json");
      assertThat(run.err).as(n).contains("n.ndjson line 1: $.episode.admittedAt: must be an ISO-8601 date-time");
      assertThat(run.out).isEmpty();
    }
  }

  /** Item 6: CSV cells that a spreadsheet would run as a formula get a leading quote. */
  @Test
  void csvCellsAreNeutralised() throws IOException {
    String evil = good.replaceFirst("\"episode\": \\{\"id\": \"[^\"]+\"", "\"episode\": {\"id\": \"=cmd|' /C calc'!A0\"")
        .replaceFirst("\"programId\": \"[^\"]+\"", "\"programId\": \"@SUM(1+1)\"");
    Path f = file("evil.ndjson", evil + "\n");
    CliRun csv = CliRun.of("check", f.toString(), "--as-of", AS_OF, "--format", "csv");
    assertThat(csv.exitCode).isZero();
    assertThat(csv.out.lines().skip(1)).isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains(",'=cmd|' /C calc'!A0,'@SUM(1+1),"));
    String aggregate = Files.readString(Path.of(allOutputDir(f).toString(), "aggregate.csv"));
    assertThat(aggregate).contains(",'@SUM(1+1),").doesNotContain(",@SUM");
    assertThat(Csv.field("-2")).isEqualTo("'-2");
    assertThat(Csv.field("+1")).isEqualTo("'+1");
    assertThat(Csv.field("\tx")).isEqualTo("'\tx");
    assertThat(Csv.field("\rx")).isEqualTo("\"'\rx\"");
    assertThat(Csv.field("x=1")).isEqualTo("x=1");
  }

  private Path allOutputDir(Path input) {
    Path out = dir.resolve("dir-" + input.getFileName());
    CliRun.of("check", input.toString(), "--as-of", AS_OF, "--output", out.toString());
    return out;
  }

  /** Item 7: control characters in ids are escaped in text output. */
  @Test
  void controlCharactersInIdsAreEscapedInText() throws IOException {
    String evil = good.replaceFirst("\"episode\": \\{\"id\": \"[^\"]+\"", "\"episode\": {\"id\": \"E\\\\u001b[2J\\\\u0007\\\\u009b\\\\u202e\"");
    CliRun run = CliRun.of("check", file("esc.ndjson", evil + "\n").toString(), "--as-of", AS_OF);
    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("Episode E\\u001b[2J\\u0007\\u009b\\u202e (")
        .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b").doesNotContain("\u202e");
    assertThat(TextReport.safe("a\uD83D\uDE00b")).isEqualTo("a\uD83D\uDE00b");
    assertThat(TextReport.safe("a\uD800b")).isEqualTo("a\\ud800b");
  }

  /** Item 8: a second record of an episode is rejected, naming the first's line; counted; the aggregate counts one. */
  @Test
  void aDuplicateEpisodeIdIsRejected() throws IOException {
    Path f = file("twice.ndjson", good + "\n" + good2 + "\n" + good + "\n");
    CliRun run = CliRun.of("report", f.toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("twice.ndjson line 3: $.episode.id: is the episode id of an earlier record (line 1)")
        .contains("records read: 3, evaluated: 2, rejected: 1")
        .contains("rejected 1: $.episode.id is the episode id of an earlier record");
    CliRun once = CliRun.of("report", file("once.ndjson", good + "\n" + good2 + "\n").toString(), "--as-of", AS_OF,
        "--format", "json");
    assertThat(run.out.replaceAll("(?s)\"input\".*?\"totals\"", ""))
        .isEqualTo(once.out.replaceAll("(?s)\"input\".*?\"totals\"", ""));
    CliRun validate = CliRun.of("validate", f.toString());
    assertThat(validate.out).contains("twice.ndjson line 3: $.episode.id: is the episode id of an earlier record (line 1)")
        .contains("records read: 3, valid: 2, rejected: 1");
  }

  /** Item 8: lines of whitespace JSON does not allow are records (rejected and counted); CR-only files are read. */
  @Test
  void otherWhitespaceLinesAreCountedAndCrOnlyFilesRead() throws IOException {
    CliRun ws = CliRun.of("check", file("ws.ndjson", good + "\n\u001c\n\f\n\u000b\n\u2028\n\u3000\n \t\n\n" + good2 + "\n").toString(),
        "--as-of", AS_OF, "--format", "json");
    assertThat(ws.err).contains("records read: 7, evaluated: 2, rejected: 5");
    CliRun cr = CliRun.of("check", file("cr.ndjson", good + "\r" + good2 + "\r").toString(), "--as-of", AS_OF, "--format", "json");
    assertThat(cr.exitCode).isZero();
    assertThat(cr.err).contains("records read: 2, evaluated: 2, rejected: 0");
  }

  /** Item 1 (and 4): a failure while judging one record skips that record, the run goes on, and exits 4. */
  @Test
  void aFailureOnOneRecordSkipsItAndExitsWith4() throws IOException {
    Path f = file("three.ndjson", good + "\n" + good2 + "\n" + Files.readAllLines(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson")).get(2) + "\n");
    Engine engine = Engine.standard();
    String failing = good2.replaceFirst("(?s).*\"episode\": \\{\"id\": \"([^\"]+)\".*", "$1");
    Evaluation.Judge judge = new Evaluation.Judge() {
      @Override
      public List<Finding> evaluate(CaseRecord record, EvaluationContext ctx) {
        if (record.episode().id().equals(failing)) {
          throw new java.time.DateTimeException("Invalid value for Year: " + CANARY);
        }
        return engine.evaluate(record, ctx);
      }

      @Override
      public List<Finding> evaluate(Program program, EvaluationContext ctx) {
        return engine.evaluate(program, ctx);
      }
    };
    InputOptions in = new InputOptions();
    in.file = f;
    in.progress = false;
    StringWriter err = new StringWriter();
    List<Finding> seen = new ArrayList<>();
    Evaluation ev = Evaluation.run(in, EvaluationContext.asOf(java.time.Instant.parse("2024-06-03T16:00:00Z")),
        new Evaluation.FindingSink() {
          @Override
          public void program(Program program, List<Finding> findings) {}

          @Override
          public void record(CaseRecord record, long line, List<Finding> findings) {
            seen.addAll(findings);
          }
        }, new PrintWriter(err, true), engine.catalog(), judge);
    assertThat(ev.read).isEqualTo(3);
    assertThat(ev.evaluated).isEqualTo(2);
    assertThat(ev.rejected).isEqualTo(1);
    assertThat(ev.exitCode(java.util.Set.of())).isEqualTo(4);
    assertThat(err.toString()).contains("three.ndjson line 2: internal error while evaluating the record (java.time.DateTimeException at ")
        .doesNotContain(CANARY);
    StringWriter summary = new StringWriter();
    ev.printSummary(new PrintWriter(summary, true));
    assertThat(summary.toString()).contains("internal errors: 1 (1 skipped, 0 ERROR findings)")
        .contains("rejected 1: internal error (DateTimeException)");
    assertThat(seen).isNotEmpty();
  }

  /** Values that pass validation never give ERROR: the as-of is held to the same range (a usage error otherwise). */
  @Test
  void anAsOfOutsideThePlausibleRangeIsAUsageError() throws IOException {
    Path f = file("one.ndjson", good + "\n");
    for (String asOf : List.of("+999999999-12-31", "2101-01-01", "1899-12-31T00:00:00Z", "-1000000000-01-01T00:00:00Z")) {
      CliRun run = CliRun.of("check", f.toString(), "--as-of", asOf, "--format", "json");
      assertThat(run.exitCode).as(asOf).isEqualTo(3);
      assertThat(run.err).as(asOf).doesNotContain("\tat ");
    }
    assertThat(CliRun.of("check", f.toString(), "--as-of", "2100-12-30", "--format", "json").exitCode).isZero();
  }

  /** Item 1: exit 4 on an internal failure in every subcommand (it was 1 below the top level). */
  @Test
  void everySubcommandExitsWith4OnAFailure() throws IOException {
    Path f = file("one.ndjson", good + "\n");
    Path fileAsDir = file("plain.txt", "x");
    CliRun report = CliRun.of("report", f.toString(), "--as-of", AS_OF, "-o", fileAsDir.resolve("report.html").toString());
    assertThat(report.exitCode).isEqualTo(4);
    assertThat(report.err).contains("perfspecs: input/output error (java.nio.file.").doesNotContain("\tat ");
    CliRun check = CliRun.of("check", f.toString(), "--as-of", AS_OF, "--output", fileAsDir.resolve("sub").toString());
    assertThat(check.exitCode).isEqualTo(4);
    assertThat(PerfspecsCommand.internalErrorMessage(new IllegalStateException(CANARY)))
        .startsWith("perfspecs: internal error (java.lang.IllegalStateException at ").doesNotContain(CANARY);
  }
}
