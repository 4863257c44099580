package org.perfspecs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;

class GeneratedRecordsProperties {
  static final ModelValidator VALIDATOR = ModelValidator.create();
  static final Engine ENGINE = Engine.standard();

  @Property(tries = 200)
  @Domain(PerfspecsDomain.class)
  void everyGeneratedRecordIsValidAndSurvivesAJsonRoundTrip(@ForAll CaseRecord record) {
    assertThat(VALIDATOR.validate(record)).isEmpty();
    String json = ModelJson.toJson(record);
    assertThat(VALIDATOR.parse(json, CaseRecord.class).orElseThrow()).isEqualTo(record);
  }

  @Property(tries = 200)
  @Domain(PerfspecsDomain.class)
  void evaluationIsDeterministicAndNeverFails(@ForAll CaseRecord record) {
    EvaluationContext ctx = EvaluationContext.asOf(record.episode().admittedAt().orElseThrow().plus(Duration.ofDays(40)));
    List<Finding> first = ENGINE.evaluate(record, ctx);
    assertThat(ENGINE.evaluate(record, ctx)).isEqualTo(first);
    assertThat(first).noneMatch(f -> f.outcome() == Outcome.ERROR);
    assertThat(first).filteredOn(f -> f.outcome() == Outcome.PENDING).allSatisfy(f -> {
      assertThat(f.due()).isPresent();
      assertThat(f.due().get().last()).isAfterOrEqualTo(ctx.asOf());
    });
  }

  @Property(tries = 200)
  @Domain(PerfspecsDomain.class)
  void aPendingFindingIsNeverPendingOnTheSameDueTimeOnceItHasPassed(@ForAll CaseRecord record) {
    Instant start = record.episode().referral().orElseThrow().at();
    Instant earlier = start.plus(Duration.ofHours(1));
    for (Finding f : ENGINE.evaluate(record, EvaluationContext.asOf(earlier))) {
      if (f.outcome() != Outcome.PENDING) {
        continue;
      }
      Instant after = f.due().orElseThrow().last().plusNanos(1);
      Finding later = ENGINE.evaluate(record, EvaluationContext.asOf(after)).stream()
          .filter(g -> g.requirementId().equals(f.requirementId())).findFirst().orElseThrow();
      // One-shot deadlines turn MET or NOT_MET; a rolling window (RC.CASE.2) may be PENDING again,
      // but only for a later period: a due time that has passed is never pending again.
      if (later.outcome() == Outcome.PENDING) {
        assertThat(later.due().orElseThrow().last()).as(f.requirementId()).isAfter(f.due().orElseThrow().last());
      }
    }
  }
}
