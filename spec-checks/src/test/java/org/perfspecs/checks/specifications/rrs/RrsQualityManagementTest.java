package org.perfspecs.checks.specifications.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.specifications.rrs.RrsCases.ADMITTED;
import static org.perfspecs.checks.specifications.rrs.RrsCases.AS_OF;
import static org.perfspecs.checks.specifications.rrs.RrsCases.DISCHARGED;
import static org.perfspecs.checks.specifications.rrs.RrsCases.DURING;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertAttested;
import static org.perfspecs.checks.specifications.rrs.RrsCases.eval;
import static org.perfspecs.checks.specifications.rrs.RrsCases.notAdmitted;
import static org.perfspecs.checks.specifications.rrs.RrsCases.open;
import static org.perfspecs.checks.specifications.rrs.RrsCases.pregnant;
import static org.perfspecs.checks.specifications.rrs.RrsCases.stay;
import static org.perfspecs.checks.specifications.rrs.RrsQualityManagement.COLLECTS_QUALITY_DATA;
import static org.perfspecs.checks.specifications.rrs.RrsQualityManagement.CONTINUOUS_QI;
import static org.perfspecs.checks.specifications.rrs.RrsQualityManagement.INCIDENTS_REPORTED;
import static org.perfspecs.checks.specifications.rrs.RrsQualityManagement.QM_PLAN;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.ImmutableQualityPlan;
import org.perfspecs.model.Incident;
import org.perfspecs.model.Program;
import org.perfspecs.model.QualityPlan;
import org.perfspecs.model.ServiceType;

/** RRS_PPW QUALITY MANAGEMENT. */
class RrsQualityManagementTest {
  private static final Instant QM_AS_OF = ny("2024-05-01T08:00");

  private static ImmutableQualityPlan.Builder plan(String adoptedOn) {
    return QualityPlan.builder().adoptedOn(LocalDate.parse(adoptedOn)).continuousImprovement(true).outcomeMeasures(true);
  }

  private static Program with(QualityPlan q) {
    return program(ServiceType.RRS_PPW).qualityPlan(q).build();
  }

  private static Incident incident(String id, Instant at, boolean reportable, Instant reportedAt) {
    var b = Incident.builder().id(id).occurredAt(at).reportable(reportable);
    if (reportedAt != null) {
      b.reportedAt(reportedAt);
    }
    return b.build();
  }

  @Test
  @Verifies("RRS_PPW.QM.1")
  void aQualityPlanAdoptedByTheAsOfDateMeetsItem1() {
    Finding f = eval(QM_PLAN, with(plan("2024-05-01").build()), QM_AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.evidence()).extracting(Evidence::kind).containsExactly("qualityPlan");
    assertThat(eval(QM_PLAN, with(plan("2024-05-02").build()), QM_AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(eval(QM_PLAN, program(ServiceType.RRS_PPW).build(), QM_AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"RRS_PPW.QM.1.a.I", "RRS_PPW.QM.1.a.II", "RRS_PPW.QM.1.a.III", "RRS_PPW.QM.1.a.IV"})
  void theFourOutcomeAimsAreAttested() {
    assertAttested(RrsQualityManagement.IMPROVE_MOUD);
    assertAttested(RrsQualityManagement.IMPROVE_READMISSIONS);
    assertAttested(RrsQualityManagement.IMPROVE_TRANSITIONS);
    assertAttested(RrsQualityManagement.IMPROVE_CAPACITY);
  }

  @Test
  @Verifies("RRS_PPW.QM.1.b")
  void esmReportingIsAttested() {
    assertAttested(RrsQualityManagement.ESM_REPORTING);
  }

  @Test
  @Verifies("RRS_PPW.QM.1.c")
  void collectingQualityDataNeedsOutcomeMeasuresOrSurveysInAnAdoptedPlan() {
    assertThat(eval(COLLECTS_QUALITY_DATA, with(plan("2024-05-01").build()), QM_AS_OF).outcome()).isEqualTo(Outcome.MET);
    assertThat(eval(COLLECTS_QUALITY_DATA, with(plan("2024-01-01").outcomeMeasures(false).satisfactionSurveys(true).build()),
        QM_AS_OF).outcome()).isEqualTo(Outcome.MET);
    Finding neither = eval(COLLECTS_QUALITY_DATA, with(plan("2024-01-01").outcomeMeasures(false).build()), QM_AS_OF);
    assertThat(neither.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(neither.reason()).contains("neither");
    assertThat(eval(COLLECTS_QUALITY_DATA, with(plan("2024-05-02").build()), QM_AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(eval(COLLECTS_QUALITY_DATA, program(ServiceType.RRS_PPW).build(), QM_AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RRS_PPW.QM.2")
  void continuousQiNeedsTheProcessInAnAdoptedPlan() {
    assertThat(eval(CONTINUOUS_QI, with(plan("2024-05-01").build()), QM_AS_OF).outcome()).isEqualTo(Outcome.MET);
    Finding without = eval(CONTINUOUS_QI, with(plan("2024-01-01").continuousImprovement(false).build()), QM_AS_OF);
    assertThat(without.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(without.reason()).contains("no continuous quality improvement");
    assertThat(eval(CONTINUOUS_QI, with(plan("2024-05-02").build()), QM_AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(eval(CONTINUOUS_QI, program(ServiceType.RRS_PPW).build(), QM_AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"RRS_PPW.QM.3.a", "RRS_PPW.QM.3.b"})
  void outcomesDataObligationsAreAttested() {
    assertAttested(RrsQualityManagement.OUTCOMES_ON_REQUEST);
    assertAttested(RrsQualityManagement.OUTCOMES_CONSISTENT);
  }

  @Test
  @Verifies("RRS_PPW.QM.4")
  void everyReportableIncidentReportedIsMet() {
    Finding f = eval(INCIDENTS_REPORTED, pregnant(), stay()
        .addIncidents(incident("i-1", ADMITTED, true, ADMITTED))
        .addIncidents(incident("i-2", DISCHARGED, true, AS_OF)), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.evidence()).extracting(Evidence::id).containsExactly("i-1", "i-2");
  }

  @Test
  @Verifies("RRS_PPW.QM.4")
  void anUnreportedReportableIncidentIsNotMet() {
    Finding f = eval(INCIDENTS_REPORTED, pregnant(), stay()
        .addIncidents(incident("i-1", DURING, true, DURING))
        .addIncidents(incident("i-2", DURING.plusSeconds(60), true, null)), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).startsWith("1 of 2");
  }

  @Test
  @Verifies("RRS_PPW.QM.4")
  void aReportAfterTheAsOfHasNotHappenedYet() {
    var e = open().addIncidents(incident("i-1", DURING, true, DURING.plusSeconds(3600)));
    assertThat(eval(INCIDENTS_REPORTED, pregnant(), e, DURING.plusSeconds(3599)).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(eval(INCIDENTS_REPORTED, pregnant(), open().addIncidents(incident("i-1", DURING, true, DURING.plusSeconds(3600))),
        DURING.plusSeconds(3600)).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RRS_PPW.QM.4")
  void notApplicableWithoutAReportableIncidentInTheStay() {
    assertThat(eval(INCIDENTS_REPORTED, pregnant(), stay(), AS_OF).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(eval(INCIDENTS_REPORTED, pregnant(), stay().addIncidents(incident("i-1", DURING, false, null)), AS_OF)
        .outcome()).as("not reportable").isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(eval(INCIDENTS_REPORTED, pregnant(), stay()
        .addIncidents(incident("i-1", DISCHARGED.plus(Duration.ofMinutes(1)), true, null)), AS_OF)
        .outcome()).as("after discharge").isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(eval(INCIDENTS_REPORTED, pregnant(), open().addIncidents(incident("i-1", DURING, true, null)),
        DURING.minusNanos(1)).outcome()).as("not yet occurred").isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("RRS_PPW.QM.4")
  void undeterminedWithoutAnAdmissionTime() {
    Finding f = eval(INCIDENTS_REPORTED, pregnant(), notAdmitted().addIncidents(incident("i-1", DURING, true, null)), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
  }
}
