package org.perfspecs.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

/**
 * A requirement whose own code fails yields an ERROR finding naming the exception type; evaluation
 * never throws for a record, and the other requirements still run. The requirements here are
 * built for the test and are not in the catalog (so no {@code @Verifies}).
 */
class RequirementErrorTest {
  private static final Instant AS_OF = ny("2024-05-01T12:00");
  private static final Citation CITATION = Citation.of("test.txt", "TEST", "1", "The provider does the thing.");

  private static Judgment throwsIllegalState(CaseRecord record, EvaluationContext ctx) {
    throw new IllegalStateException("boom");
  }

  private static Judgment returnsNothing(CaseRecord record, EvaluationContext ctx) {
    return null;
  }

  private static Judgment alwaysMet(CaseRecord record, EvaluationContext ctx) {
    return Judgment.met("the thing was done");
  }

  private static Optional<Judgment> conditionThrows(CaseRecord record, EvaluationContext ctx) {
    throw new ArithmeticException("condition failed");
  }

  private static Judgment programRuleThrows(Program program, EvaluationContext ctx) {
    throw new UnsupportedOperationException("no");
  }

  private static final EpisodeRequirement THROWING =
      EpisodeRequirement.of("IOP.TEST.1", Strength.MUST, CITATION, RequirementErrorTest::throwsIllegalState);

  @Test
  void aRuleThatThrowsYieldsAnErrorFindingWithTheExceptionType() {
    CaseRecord r = record(episode(ServiceType.IOP));
    Finding f = FindingChecks.evaluate(THROWING, r, AS_OF);

    assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(f.errorType()).hasValue("java.lang.IllegalStateException");
    assertThat(f.reason()).contains("java.lang.IllegalStateException");
    assertThat(f.reason()).doesNotContain("boom");
    assertThat(f.requirementId()).isEqualTo("IOP.TEST.1");
    assertThat(f.subjectId()).isEqualTo("e-1");
    assertThat(f.programId()).isEqualTo("p-1");
    assertThat(f.evidence()).isEmpty();
    assertThat(f.due()).isEmpty();
  }

  @Test
  void aRuleThatReturnsNoJudgmentYieldsAnErrorFinding() {
    EpisodeRequirement r = EpisodeRequirement.of("IOP.TEST.2", Strength.MUST, CITATION, RequirementErrorTest::returnsNothing);
    Finding f = FindingChecks.evaluate(r, record(episode(ServiceType.IOP)), AS_OF);

    assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(f.errorType()).hasValue("java.lang.NullPointerException");
  }

  @Test
  void aConditionThatThrowsYieldsAnErrorFinding() {
    EpisodeRequirement r = EpisodeRequirement.of("IOP.TEST.3", Strength.MUST, CITATION, RequirementErrorTest::alwaysMet)
        .when(Condition.of("a condition that fails", RequirementErrorTest::conditionThrows));
    Finding f = FindingChecks.evaluate(r, record(episode(ServiceType.IOP)), AS_OF);

    assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(f.errorType()).hasValue("java.lang.ArithmeticException");
  }

  @Test
  void aProgramRuleThatThrowsYieldsAnErrorFinding() {
    ProgramRequirement r = ProgramRequirement.of("CSP.TEST.1", Strength.MUST, CITATION, RequirementErrorTest::programRuleThrows);
    Finding f = FindingChecks.evaluate(r, program(ServiceType.CSP).build(), AS_OF);

    assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(f.errorType()).hasValue("java.lang.UnsupportedOperationException");
    assertThat(f.subjectKind()).isEqualTo(Basis.PROGRAM);
  }

  @Test
  void theEngineReportsTheErrorAndStillRunsTheOtherRequirements() {
    EpisodeRequirement fine = EpisodeRequirement.of("IOP.TEST.9", Strength.MUST, CITATION, RequirementErrorTest::alwaysMet);
    Specification spec = Specification.builder(ServiceType.IOP)
        .title("Test").issuer("Test").revision("none").sourceFile("test.txt")
        .sections(new Section("TEST", "TEST", List.of(THROWING, fine)) {})
        .build();
    Engine engine = Engine.of(Catalog.of(List.of(spec)));

    List<Finding> findings = engine.evaluate(record(episode(ServiceType.IOP)), EvaluationContext.asOf(AS_OF));

    assertThat(findings).extracting(Finding::requirementId).containsExactly("IOP.TEST.1", "IOP.TEST.9");
    assertThat(findings).extracting(Finding::outcome).containsExactly(Outcome.ERROR, Outcome.MET);
  }
}
