package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Program;

/**
 * {@link AggregateJson}: figures gathered outside the command line (here: the engine run by hand,
 * the lists kept as the command line keeps them) give the bytes of {@code report --format json}.
 */
class AggregateJsonTest {
  @TempDir
  Path dir;

  @Test
  void figuresGatheredElsewhereGiveTheCommandLinesAggregateJson() throws IOException {
    Path cases = Files.copy(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson"), dir.resolve("cases.ndjson"));
    Path programs = Files.copy(Path.of(ReportCommandTest.SAMPLES, "programs.json"), dir.resolve("programs.json"));
    CliRun run = CliRun.of("report", cases.toString(), "--programs", programs.toString(), "--as-of",
        ReportCommandTest.AS_OF, "--format", "json", "--drill-down", "2", "--coming-due", "30", "--no-progress");

    Instant asOf = AsOfTime.parse(ReportCommandTest.AS_OF);
    EvaluationContext ctx = EvaluationContext.asOf(asOf);
    Engine engine = Engine.standard();
    Aggregate aggregate = new Aggregate(engine.catalog());
    ReportOptions options = new ReportOptions();
    options.drillDown = 2;
    options.comingDueDays = 30;
    ActionLists lists = new ActionLists(options, asOf);
    long programsRead = 0;
    long records = 0;
    for (Program p : read(programs, Program.class)) {
      programsRead++;
      List<Finding> findings = engine.evaluate(p, ctx);
      findings.forEach(aggregate::add);
      lists.add(findings);
    }
    for (CaseRecord r : read(cases, CaseRecord.class)) {
      records++;
      List<Finding> findings = engine.evaluate(r, ctx);
      aggregate.add(r, findings);
      lists.add(findings);
    }
    Map<String, List<String>> first = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Aggregate.Row row : aggregate.rows()) {
      if (row.level() == Aggregate.Level.REQUIREMENT) {
        first.put(row.requirementId(), lists.failing(row.requirementId()));
        totals.put(row.requirementId(), lists.failingTotal(row.requirementId()));
      }
    }
    List<AggregateJson.Due> due = new ArrayList<>();
    lists.comingDue().forEach(d -> due.add(new AggregateJson.Due(d.due(), d.requirementId(), d.subjectId(), d.programId())));

    String json = AggregateJson.toJson(aggregate, engine.catalog(), asOf,
        new AggregateJson.Input("cases.ndjson", "programs.json", records, records, 0, Map.of(), programsRead,
            programsRead),
        new AggregateJson.ActionLists(2, 30, first, totals, due, lists.comingDueTotal));

    assertThat(run.exitCode).isZero();
    assertThat(first.values()).anySatisfy(ids -> assertThat(ids).hasSize(2));
    assertThat(json).isEqualTo(run.out);
  }

  @Test
  void theReasonsAreTheCommandLines() {
    assertThat(AggregateJson.reason(List.of(org.perfspecs.model.Violation.of("$.episode.contacts[3].at",
        "must be before the discharge (line 4)")), false)).isEqualTo("$.episode.contacts[].at must be before the discharge");
    assertThat(AggregateJson.internalErrorReason(true, new IllegalStateException())).isEqualTo(
        "program: internal error (IllegalStateException)");
    assertThatThrownBy(() -> new AggregateJson.ActionLists(1001, 7, Map.of(), Map.of(), List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static <T> List<T> read(Path file, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        RecordReader<T> reader = RecordReader.of(in, type, ModelValidator.create())) {
      for (Optional<RecordReader.Entry<T>> e = reader.next(); e.isPresent(); e = reader.next()) {
        out.add(e.get().result().value().orElseThrow());
      }
    }
    return out;
  }
}
