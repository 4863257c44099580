package org.perfspecs.checks.spec.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.spec.rrs.RrsServiceComponents.LICENSURE_105_CMR_164;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.ServiceType;

/** RRS_PPW.COMP.1: deferral to 105 CMR 164, including DPH reporting requirements. */
class RrsServiceComponentsTest {
  @Test
  @Verifies("RRS_PPW.COMP.1")
  void isNotEvaluatedAndNamesTheExternalDocument() {
    Finding f = FindingChecks.evaluate(LICENSURE_105_CMR_164, program(ServiceType.RRS_PPW).build(), ny("2024-05-01T12:00"));

    assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    assertThat(f.reason()).contains(RrsPpw.CMR_105_164).contains("105 CMR 164");
    assertThat(f.requirementId()).isEqualTo("RRS_PPW.COMP.1");
    assertThat(f.subjectKind()).isEqualTo(Basis.PROGRAM);
    assertThat(f.evidence()).isEmpty();
    assertThat(f.due()).isEmpty();
  }

  @Test
  @Verifies("RRS_PPW.COMP.1")
  void isAnExternalMustRequirementOfTheRrsPpwDocument() {
    assertThat(LICENSURE_105_CMR_164.basis()).isEqualTo(Basis.EXTERNAL);
    assertThat(LICENSURE_105_CMR_164.strength()).isEqualTo(Strength.MUST);
    assertThat(LICENSURE_105_CMR_164.externalDocument()).hasValue(RrsPpw.CMR_105_164);
    assertThat(LICENSURE_105_CMR_164.condition()).isEmpty();
    assertThat(LICENSURE_105_CMR_164.citation().document()).isEqualTo(RrsPpw.SOURCE);
    assertThat(LICENSURE_105_CMR_164.citation().section()).isEqualTo("SERVICE COMPONENTS");
  }

  @Test
  @Verifies("RRS_PPW.COMP.1")
  void anAttestationDoesNotTurnTheDeferralIntoAJudgment() {
    Finding f = FindingChecks.evaluate(LICENSURE_105_CMR_164, program(ServiceType.RRS_PPW)
        .addAttestations(Attestation.builder().requirementId("RRS_PPW.COMP.1").attestedBy("director")
            .attestedOn(LocalDate.of(2024, 1, 2)).build())
        .build(), ny("2024-05-01T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
  }
}
