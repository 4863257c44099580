package org.perfspecs.checks.specifications.esoap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.ADMITTED;
import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.LATER;
import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.admitted;
import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.pregnant;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.License;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.ServiceType;

class EsoapDefinitionTest {
  @Test
  @Verifies("ESOAP.DEF.1")
  void metForAPregnantMemberAndForAMemberDeliveredExactlyOneYearBefore() {
    assertThat(FindingChecks.evaluate(EsoapDefinition.PREGNANT_OR_POSTPARTUM, record(pregnant(), admitted()), LATER).outcome())
        .isEqualTo(Outcome.MET);
    var postpartum = member().pregnancy(PregnancyStatus.builder().state(PregnancyState.POSTPARTUM)
        .deliveryDate(LocalDate.of(2023, 4, 15)).build());
    assertThat(FindingChecks.evaluate(EsoapDefinition.PREGNANT_OR_POSTPARTUM, record(postpartum, admitted()), LATER).outcome())
        .isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("ESOAP.DEF.1")
  void notMetWhenNeitherPregnantNorPostpartumAtAdmission() {
    var tooLate = member().pregnancy(PregnancyStatus.builder().state(PregnancyState.POSTPARTUM)
        .deliveryDate(LocalDate.of(2023, 4, 14)).build());
    assertThat(FindingChecks.evaluate(EsoapDefinition.PREGNANT_OR_POSTPARTUM, record(tooLate, admitted()), LATER).outcome())
        .isEqualTo(Outcome.NOT_MET);
    Finding f = FindingChecks.evaluate(EsoapDefinition.PREGNANT_OR_POSTPARTUM, record(member(), admitted()), LATER);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("2024-04-15");
  }

  @Test
  @Verifies("ESOAP.DEF.1")
  void undeterminedWithoutAnAdmissionOrBeforeIt() {
    Finding f = FindingChecks.evaluate(EsoapDefinition.PREGNANT_OR_POSTPARTUM, record(pregnant(), episode(ServiceType.ESOAP)), LATER);
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(FindingChecks.evaluate(EsoapDefinition.PREGNANT_OR_POSTPARTUM, record(pregnant(), admitted()),
        ADMITTED.minusNanos(1)).outcome()).isEqualTo(Outcome.UNDETERMINED);
  }

  private static License licence(String issuer, String validThrough, boolean massachusetts) {
    var b = License.builder().issuer(issuer).kind("Substance Use Disorder Treatment Program").massachusetts(massachusetts);
    if (validThrough != null) {
      b.validThrough(LocalDate.parse(validThrough));
    }
    return b.build();
  }

  @Test
  @Verifies("ESOAP.DEF.2")
  void metByADphLicenceValidThroughTheAsOfDate() {
    Instant asOf = ny("2024-05-01T12:00");
    assertThat(FindingChecks.evaluate(EsoapDefinition.DPH_LICENSED_FACILITY,
        program(ServiceType.ESOAP).addLicenses(licence("DPH/BSAS", "2024-05-01", true)).build(), asOf).outcome())
        .isEqualTo(Outcome.MET);
    assertThat(FindingChecks.evaluate(EsoapDefinition.DPH_LICENSED_FACILITY,
        program(ServiceType.ESOAP).addLicenses(licence("DPH/BSAS", "2024-04-30", true)).build(), asOf).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(FindingChecks.evaluate(EsoapDefinition.DPH_LICENSED_FACILITY,
        program(ServiceType.ESOAP).addLicenses(licence("DMH", null, true), licence("DPH", null, false)).build(), asOf).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(FindingChecks.evaluate(EsoapDefinition.DPH_LICENSED_FACILITY, program(ServiceType.ESOAP).build(), asOf).outcome())
        .isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("ESOAP.DEF.3.a")
  void exclusionCriteriaOnClinicalPresentationAreAttested() {
    EsoapTestSupport.assertAttested(EsoapDefinition.EXCLUSION_ON_CLINICAL_PRESENTATION);
  }

  @Test
  @Verifies("ESOAP.DEF.3.b")
  void noAutomaticExclusionsIsAttested() {
    EsoapTestSupport.assertAttested(EsoapDefinition.NO_AUTOMATIC_EXCLUSIONS);
  }

  @Test
  @Verifies("ESOAP.DEF.4")
  void servicesUntilSafeStepDownAreAttested() {
    EsoapTestSupport.assertAttested(EsoapDefinition.SERVICES_UNTIL_SAFE_STEP_DOWN);
  }
}
