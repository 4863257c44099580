package org.perfspecs.checks.specifications.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.specifications.iop.IopQualityManagement.*;
import static org.perfspecs.checks.specifications.iop.IopTestData.LATER;
import static org.perfspecs.checks.specifications.iop.IopTestData.admitted;
import static org.perfspecs.checks.specifications.iop.IopTestData.doc;
import static org.perfspecs.checks.specifications.iop.IopTestData.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableQualityPlan;
import org.perfspecs.model.QualityPlan;

class IopQualityManagementTest {
  private static final Instant AS_OF = ny("2024-05-01T12:00");

  private static ImmutableQualityPlan plan(boolean cqi, boolean outcomes, boolean surveys) {
    return QualityPlan.builder().adoptedOn(LocalDate.of(2024, 5, 1)).continuousImprovement(cqi).outcomeMeasures(outcomes)
        .satisfactionSurveys(surveys).build();
  }

  private static Outcome judge(ProgramRequirement r, QualityPlan p) {
    return FindingChecks.evaluate(r, p == null ? program().build() : program().qualityPlan(p).build(), AS_OF).outcome();
  }

  @Test
  @Verifies({"IOP.QM.1", "IOP.QM.2.a", "IOP.QM.2.b", "IOP.QM.2.c", "IOP.QM.3.a"})
  void qualityPlanFacts() {
    for (ProgramRequirement r : List.of(QM_PLAN, CQI, OUTCOME_MEASURES, SATISFACTION_SURVEYS, COLLECT_OUTCOME_DATA)) {
      assertThat(judge(r, plan(true, true, true))).as(r.id()).isEqualTo(Outcome.MET);
      assertThat(judge(r, null)).as(r.id()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(r, plan(true, true, true).withAdoptedOn(LocalDate.of(2024, 5, 2)))).as(r.id() + " adopted after the as-of")
          .isEqualTo(Outcome.NOT_MET);
    }
    assertThat(judge(QM_PLAN, plan(false, false, false))).isEqualTo(Outcome.MET);
    assertThat(judge(CQI, plan(false, true, true))).isEqualTo(Outcome.NOT_MET);
    assertThat(judge(OUTCOME_MEASURES, plan(true, false, true))).isEqualTo(Outcome.NOT_MET);
    assertThat(judge(COLLECT_OUTCOME_DATA, plan(true, false, true))).isEqualTo(Outcome.NOT_MET);
    assertThat(judge(SATISFACTION_SURVEYS, plan(true, true, false))).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("IOP.QM.3.b")
  void outcomeDataInTreatmentPlans() {
    Finding met = FindingChecks.evaluate(OUTCOME_DATA_IN_PLAN, record(admitted().addDocuments(
        doc("tp", DocumentKind.TREATMENT_PLAN, "2024-04-09", ContentElement.OUTCOME_DATA).build())), LATER);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(FindingChecks.evaluate(OUTCOME_DATA_IN_PLAN, record(admitted().addDocuments(
        doc("tp", DocumentKind.TREATMENT_PLAN, "2024-04-09", ContentElement.STRENGTHS).build())), LATER).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(FindingChecks.evaluate(OUTCOME_DATA_IN_PLAN, record(admitted()), LATER).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("IOP.QM.4.a")
  void outcomesAvailableIsAttested() {
    IopTestData.checkAttested(List.of(OUTCOMES_AVAILABLE));
  }

  @Test
  @Verifies({"IOP.QM.4.b", "IOP.QM.6.a", "IOP.QM.6.b"})
  void deferrals() {
    IopTestData.checkExternal(List.of(CONSISTENT_WITH_STANDARDS, SRE_REPORTING, CONTRACT));
  }
}
