package org.perfspecs.checks.specifications.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.csp;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.evaluate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Incident;
import org.perfspecs.model.QualityPlan;
import org.perfspecs.model.ServiceType;

class CspQualityManagementTest {
  private static org.perfspecs.model.ImmutableQualityPlan plan(boolean cqi, boolean outcomes, boolean surveys) {
    return QualityPlan.builder().adoptedOn(LocalDate.of(2024, 1, 2)).continuousImprovement(cqi).outcomeMeasures(outcomes)
        .satisfactionSurveys(surveys).build();
  }

  @Test
  @Verifies({"CSP.QM.1", "CSP.QM.2.a", "CSP.QM.2.b", "CSP.QM.2.c"})
  void qualityPlanAndItsFeatures() {
    List<ProgramRequirement> all = List.of(CspQualityManagement.QM_PLAN, CspQualityManagement.CONTINUOUS_IMPROVEMENT,
        CspQualityManagement.OUTCOME_MEASURES, CspQualityManagement.SATISFACTION_SURVEYS);
    for (ProgramRequirement r : all) {
      assertThat(evaluate(r, program(ServiceType.CSP).qualityPlan(plan(true, true, true)).build()).outcome()).as(r.id()).isEqualTo(Outcome.MET);
      assertThat(evaluate(r, program(ServiceType.CSP).build()).outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
      // a plan adopted after the as-of date does not count
      assertThat(evaluate(r, program(ServiceType.CSP).qualityPlan(plan(true, true, true).withAdoptedOn(LocalDate.of(2024, 5, 2))).build())
          .outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
    }
    assertThat(evaluate(CspQualityManagement.QM_PLAN, program(ServiceType.CSP).qualityPlan(plan(false, false, false)).build()).outcome())
        .isEqualTo(Outcome.MET);
    assertThat(evaluate(CspQualityManagement.CONTINUOUS_IMPROVEMENT, program(ServiceType.CSP).qualityPlan(plan(false, true, true)).build())
        .outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(CspQualityManagement.OUTCOME_MEASURES, program(ServiceType.CSP).qualityPlan(plan(true, false, true)).build())
        .outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(CspQualityManagement.SATISFACTION_SURVEYS, program(ServiceType.CSP).qualityPlan(plan(true, true, false)).build())
        .outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("CSP.QM.3.a")
  void outcomesDataOnRequestIsAttested() {
    CspTestSupport.assertAttested(CspQualityManagement.OUTCOMES_DATA_ON_REQUEST);
  }

  @Test
  @Verifies("CSP.QM.3.b")
  void performanceStandardIsExternal() {
    CspTestSupport.assertExternal(CspQualityManagement.OUTCOMES_DATA_STANDARD, CspQualityManagement.PERFORMANCE_STANDARD);
  }

  /** Friday before Patriots' Day 2024: due by the end of Tuesday 2024-04-16. */
  private static org.perfspecs.model.ImmutableIncident incident(String id, String occurred, Instant reported) {
    var b = Incident.builder().id(id).occurredAt(ny(occurred)).reportable(true);
    if (reported != null) {
      b.reportedAt(reported);
    }
    return b.build();
  }

  @Test
  @Verifies("CSP.QM.4")
  void reportedWithinOneBusinessDayAtTheBoundary() {
    var r = CspQualityManagement.INCIDENTS_REPORTED;
    Finding onTime = evaluate(r, record(csp().addIncidents(incident("i-1", "2024-04-12T22:00", endOfDay("2024-04-16")))));
    assertThat(onTime.outcome()).isEqualTo(Outcome.MET);
    assertThat(onTime.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-16"));
    Finding late = evaluate(r, record(csp().addIncidents(incident("i-1", "2024-04-12T22:00", startOfDay("2024-04-17")))));
    assertThat(late.outcome()).isEqualTo(Outcome.NOT_MET);
    var unreported = record(csp().addIncidents(incident("i-1", "2024-04-12T22:00", null)));
    assertThat(evaluate(r, unreported, endOfDay("2024-04-16")).outcome()).isEqualTo(Outcome.PENDING);
    assertThat(evaluate(r, unreported, startOfDay("2024-04-17")).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("CSP.QM.4")
  void notApplicableWithoutAReportableIncidentAndTheWorstOfSeveralDecides() {
    var r = CspQualityManagement.INCIDENTS_REPORTED;
    assertThat(evaluate(r, record(csp())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(r, record(csp().addIncidents(incident("i-1", "2024-04-12T22:00", null).withReportable(false)))).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    // an incident after the as-of has not occurred yet
    assertThat(evaluate(r, record(csp().addIncidents(incident("i-1", "2024-05-02T22:00", null)))).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    Finding both = evaluate(r, record(csp().addIncidents(incident("i-1", "2024-04-01T10:00", ny("2024-04-01T12:00")),
        incident("i-2", "2024-04-03T10:00", ny("2024-04-08T12:00")))));
    assertThat(both.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(both.reason()).contains("i-2");
    Finding allOnTime = evaluate(r, record(csp().addIncidents(incident("i-1", "2024-04-01T10:00", ny("2024-04-01T12:00")),
        incident("i-2", "2024-04-03T10:00", ny("2024-04-04T12:00")))));
    assertThat(allOnTime.outcome()).isEqualTo(Outcome.MET);
    assertThat(allOnTime.reason()).contains("all 2");
    Finding pending = evaluate(r, record(csp().addIncidents(incident("i-1", "2024-04-01T10:00", ny("2024-04-01T12:00")),
        incident("i-2", "2024-04-30T10:00", null))));
    assertThat(pending.outcome()).isEqualTo(Outcome.PENDING);
  }
}
