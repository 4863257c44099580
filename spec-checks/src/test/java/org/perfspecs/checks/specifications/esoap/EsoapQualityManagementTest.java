package org.perfspecs.checks.specifications.esoap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Program;
import org.perfspecs.model.QualityPlan;
import org.perfspecs.model.ServiceType;

class EsoapQualityManagementTest {
  private static final Instant AS_OF = ny("2024-05-01T12:00");

  private static Program withPlan(String adoptedOn, boolean continuous) {
    return program(ServiceType.ESOAP).qualityPlan(QualityPlan.builder().adoptedOn(LocalDate.parse(adoptedOn))
        .continuousImprovement(continuous).build()).build();
  }

  private static Outcome outcome(Program p) {
    return FindingChecks.evaluate(EsoapQualityManagement.QUALITY_MANAGEMENT_PLAN, p, AS_OF).outcome();
  }

  @Test
  @Verifies("ESOAP.QM.1")
  void metByAPlanWithContinuousQiAdoptedOnOrBeforeTheAsOfDate() {
    assertThat(outcome(withPlan("2024-05-01", true))).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("ESOAP.QM.1")
  void notMetWithoutAPlanWithoutContinuousQiOrAdoptedLater() {
    assertThat(outcome(program(ServiceType.ESOAP).build())).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(withPlan("2024-01-01", false))).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(withPlan("2024-05-02", true))).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("ESOAP.QM.2")
  void esmReportingIsAttested() {
    EsoapTestSupport.assertAttested(EsoapQualityManagement.ESM_REPORTING);
  }

  @Test
  @Verifies("ESOAP.QM.3")
  void requiredNotificationsAreExternal() {
    EsoapTestSupport.assertExternal(EsoapQualityManagement.REQUIRED_NOTIFICATIONS, Esoap.CMR_105_164 + ", required notifications");
  }
}
