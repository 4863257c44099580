package org.perfspecs.checks.specifications.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;

import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.ServiceType;

/** RC.QM.1: deferred to the payer's requirements. */
class RcQualityManagementTest {
  @Test
  @Verifies("RC.QM.1")
  void deferredToThePayersRequirements() {
    Finding f = FindingChecks.evaluate(RcQualityManagement.PAYER_REQUIREMENTS,
        program(ServiceType.RC).addAttestations(RcTestRecords.attestation("RC.QM.1", "2024-01-01")).build(), ny("2024-06-03T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    assertThat(f.reason()).contains(RcQualityManagement.PAYER_QM_REQUIREMENTS);
    assertThat(RcQualityManagement.PAYER_REQUIREMENTS.basis()).isEqualTo(Basis.EXTERNAL);
    assertThat(Rc.specification().inheritsFrom()).contains(RcQualityManagement.PAYER_QM_REQUIREMENTS);
  }
}
