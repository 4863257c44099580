package org.perfspecs.checks.specifications.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceType;

/** RRS_PPW.OVW.0: the service is for pregnant and post-partum women (childbirth up to one year). */
class RrsPopulationTest {
  static final Instant AS_OF = ny("2024-06-01T12:00");

  static CaseRecord deliveredAndAdmitted(String delivered, Instant admitted) {
    return record(member().pregnancy(PregnancyStatus.builder().state(PregnancyState.POSTPARTUM)
        .deliveryDate(LocalDate.parse(delivered)).build()), episode(ServiceType.RRS_PPW).admittedAt(admitted));
  }

  @Test
  @Verifies("RRS_PPW.OVW.0")
  void postPartumIsUpToOneYearAfterChildbirthInclusive() {
    Finding met = FindingChecks.evaluate(RrsOverview.PREGNANT_OR_POSTPARTUM, deliveredAndAdmitted("2023-03-15", ny("2024-03-15T23:30")), AS_OF);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    Finding notMet = FindingChecks.evaluate(RrsOverview.PREGNANT_OR_POSTPARTUM, deliveredAndAdmitted("2023-03-15", ny("2024-03-16T00:01")), AS_OF);
    assertThat(notMet.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(notMet.reason()).contains("neither pregnant nor within one year after childbirth");
  }

  @Test
  @Verifies("RRS_PPW.OVW.0")
  void pregnantIsServedAndNeitherIsNotMet() {
    CaseRecord pregnant = record(member().pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT)
        .estimatedDueDate(LocalDate.of(2024, 9, 1)).build()), episode(ServiceType.RRS_PPW).admittedAt(ny("2024-04-15T09:00")));
    assertThat(FindingChecks.evaluate(RrsOverview.PREGNANT_OR_POSTPARTUM, pregnant, AS_OF).outcome()).isEqualTo(Outcome.MET);
    CaseRecord neither = record(member(), episode(ServiceType.RRS_PPW).admittedAt(ny("2024-04-15T09:00")));
    assertThat(FindingChecks.evaluate(RrsOverview.PREGNANT_OR_POSTPARTUM, neither, AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RRS_PPW.OVW.0")
  void aReferralNotAdmittedYetIsNotApplicableAndAMissingAdmissionUndetermined() {
    CaseRecord referred = record(member(), episode(ServiceType.RRS_PPW).referral(Referral.builder().id("in")
        .source(ReferralSource.SELF).at(ny("2024-05-30T10:00")).build()));
    Finding notAdmitted = FindingChecks.evaluate(RrsOverview.PREGNANT_OR_POSTPARTUM, referred, AS_OF);
    assertThat(notAdmitted.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(notAdmitted.reason()).startsWith("not admitted as of 2024-06-01 12:00 EDT");
    assertThat(FindingChecks.evaluate(RrsOverview.PREGNANT_OR_POSTPARTUM, record(member(), episode(ServiceType.RRS_PPW)), AS_OF)
        .outcome()).isEqualTo(Outcome.UNDETERMINED);
  }
}
