package org.perfspecs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.FindingJson;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;

/** Properties of evaluation over generated records: determinism, time, parallelism. */
class EvaluationProperties {
  static final Engine ENGINE = Engine.standard();

  static Instant asOfFor(CaseRecord record, int days) {
    return record.episode().admittedAt().orElseThrow().plus(Duration.ofDays(days));
  }

  /** The same record and as-of give the same findings in the same order, and never an ERROR. */
  @Property(tries = 300)
  @Domain(PerfspecsDomain.class)
  @Domain(DomainContext.Global.class)
  void evaluationIsDeterministicAndNeverFails(@ForAll CaseRecord record, @ForAll @IntRange(min = -3, max = 600) int days) {
    EvaluationContext ctx = EvaluationContext.asOf(asOfFor(record, days));
    List<Finding> first = ENGINE.evaluate(record, ctx);
    List<Finding> second = ENGINE.evaluate(record, ctx);
    assertThat(second).containsExactlyElementsOf(first);
    assertThat(second.stream().map(FindingJson::toJson).toList())
        .containsExactlyElementsOf(first.stream().map(FindingJson::toJson).toList());
    assertThat(first).noneMatch(f -> f.outcome() == Outcome.ERROR);
    assertThat(first).filteredOn(f -> f.outcome() == Outcome.PENDING).allSatisfy(f -> {
      assertThat(f.due()).as(f.requirementId()).isPresent();
      assertThat(f.due().get().last()).as(f.requirementId()).isAfterOrEqualTo(ctx.asOf());
    });
  }

  /** Every finding survives a JSON round trip (FindingJson.toJson, then fromJson): equal, field by field. */
  @Property(tries = 200)
  @Domain(PerfspecsDomain.class)
  @Domain(DomainContext.Global.class)
  void everyFindingSurvivesAJsonRoundTrip(@ForAll CaseRecord record, @ForAll Program program,
      @ForAll @IntRange(min = -3, max = 600) int days) {
    EvaluationContext ctx = EvaluationContext.asOf(asOfFor(record, days));
    List<Finding> findings = new ArrayList<>(ENGINE.evaluate(record, ctx));
    findings.addAll(ENGINE.evaluate(program, ctx));
    for (Finding f : findings) {
      String json = FindingJson.toJson(f);
      assertThat(FindingJson.fromJson(json)).as(json).isEqualTo(f);
      assertThat(FindingJson.toJson(FindingJson.fromJson(json))).isEqualTo(json);
    }
  }

  /** Program profiles, too: deterministic, never an ERROR. */
  @Property(tries = 200)
  @Domain(PerfspecsDomain.class)
  @Domain(DomainContext.Global.class)
  void programEvaluationIsDeterministicAndNeverFails(@ForAll Program program) {
    EvaluationContext ctx = EvaluationContext.asOf(Instant.parse("2024-06-01T16:00:00Z"));
    List<Finding> first = ENGINE.evaluate(program, ctx);
    assertThat(ENGINE.evaluate(program, ctx)).containsExactlyElementsOf(first);
    assertThat(first).noneMatch(f -> f.outcome() == Outcome.ERROR);
  }

  /**
   * As the as-of advances over a sequence of times, a PENDING finding turns MET or NOT_MET once
   * its due time passes; a due time that has passed is never pending again (a rolling window may be
   * pending again, but only for a later due time).
   */
  @Property(tries = 200)
  @Domain(PerfspecsDomain.class)
  @Domain(DomainContext.Global.class)
  void pendingResolvesOnceItsDueTimePasses(@ForAll CaseRecord record,
      @ForAll @Size(min = 2, max = 8) List<@IntRange(min = 0, max = 60 * 24 * 200) Integer> steps) {
    Instant t = record.episode().referral().orElseThrow().at();
    Map<String, Instant> lastDue = new HashMap<>();
    for (int step : steps) {
      t = t.plus(Duration.ofMinutes(step));
      for (Finding f : ENGINE.evaluate(record, EvaluationContext.asOf(t))) {
        Instant passed = lastDue.get(f.requirementId());
        if (f.outcome() == Outcome.PENDING) {
          Instant due = f.due().orElseThrow().last();
          assertThat(due).as("%s pending at %s", f.requirementId(), t).isAfterOrEqualTo(t);
          if (passed != null && passed.isBefore(t)) {
            assertThat(due).as("%s pending again on a passed due time", f.requirementId()).isAfter(passed);
          }
          lastDue.put(f.requirementId(), due);
        }
      }
    }
  }

  /** A batch evaluated sequentially and in parallel gives the same findings and the same aggregate. */
  @Property(tries = 30)
  void sequentialAndParallelBatchesAgree(@ForAll("batches") List<CaseRecord> batch, @ForAll @IntRange(min = 0, max = 400) int days) {
    Instant asOf = Instant.parse("2023-06-01T16:00:00Z").plus(Duration.ofDays(days));
    EvaluationContext ctx = EvaluationContext.asOf(asOf);
    List<List<Finding>> sequential = batch.stream().map(r -> ENGINE.evaluate(r, ctx)).toList();
    List<List<Finding>> parallel = batch.parallelStream().map(r -> ENGINE.evaluate(r, ctx)).collect(Collectors.toList());
    assertThat(parallel).isEqualTo(sequential);

    Aggregate one = new Aggregate(ENGINE.catalog());
    sequential.forEach(fs -> fs.forEach(one::add));
    Aggregate merged = batch.parallelStream().map(r -> {
      Aggregate a = new Aggregate(ENGINE.catalog());
      ENGINE.evaluate(r, ctx).forEach(a::add);
      return a;
    }).reduce((a, b) -> {
      a.merge(b);
      return a;
    }).orElseGet(() -> new Aggregate(ENGINE.catalog()));
    assertThat(rows(merged)).isEqualTo(rows(one));
  }

  @Provide
  Arbitrary<List<CaseRecord>> batches() {
    return CaseRecords.caseRecords().list().ofMinSize(1).ofMaxSize(40);
  }

  private static List<String> rows(Aggregate a) {
    List<String> out = new ArrayList<>();
    a.rows().forEach(r -> out.add(r.level() + " " + r.key() + " " + r.counts()));
    return out;
  }
}
