package org.perfspecs.checks.specifications.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.rc.RcDefinition.REFERRAL_FROM_ELIGIBLE_SOURCE;
import static org.perfspecs.checks.specifications.rc.RcDefinition.WELLNESS_PLAN_WITH_MEMBER;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.ADMITTED;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.DAY_7;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.DAY_8;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.admitted;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.plan;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceType;

/** RC.DEF: the Wellness Plan developed with the member, the referral source, and two attested obligations. */
class RcDefinitionTest {
  private static Finding judgePlan(CaseRecord r, Instant asOf) {
    return FindingChecks.evaluate(WELLNESS_PLAN_WITH_MEMBER, r, asOf);
  }

  private static Finding referral(CaseRecord r, Instant asOf) {
    return FindingChecks.evaluate(REFERRAL_FROM_ELIGIBLE_SOURCE, r, asOf);
  }

  private static Referral from(ReferralSource source, Instant at) {
    return Referral.builder().id("ref-1").source(source).at(at).build();
  }

  @Test
  @Verifies("RC.DEF.1")
  void aMemberDirectedWellnessPlanIsMet() {
    Finding f = judgePlan(record(admitted().wellnessPlan(plan("2024-01-02"))), ny("2024-01-02T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.evidence()).extracting(e -> e.id()).containsExactly("wp-1");
  }

  @Test
  @Verifies("RC.DEF.1")
  void aPlanNotDirectedByTheMemberIsNotMet() {
    Finding f = judgePlan(record(admitted().wellnessPlan(plan("2024-01-02").withMemberDirected(false))), ny("2024-01-02T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("not recorded as developed with the member");
  }

  @Test
  @Verifies("RC.DEF.1")
  void withoutAPlanPendingThroughDay7AndNotMetFromDay8() {
    Finding pending = judgePlan(record(admitted()), endOfDay(DAY_7));
    assertThat(pending.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(pending.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(DAY_7));
    Finding missed = judgePlan(record(admitted()), startOfDay(DAY_8));
    assertThat(missed.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(missed.reason()).contains("no Wellness Plan is in the record");
  }

  @Test
  @Verifies("RC.DEF.1")
  void aPlanDatedAfterTheAsOfIsNotYetInTheRecord() {
    CaseRecord r = record(admitted().wellnessPlan(plan("2024-01-05")));
    assertThat(judgePlan(r, endOfDay("2024-01-04")).outcome()).isEqualTo(Outcome.PENDING);
    assertThat(judgePlan(r, startOfDay("2024-01-05")).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.DEF.1")
  void undeterminedWithoutAPlanOrAnAdmission() {
    Finding f = judgePlan(record(episode(ServiceType.RC)), ny("2024-01-02T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.reason()).contains("no admission time is recorded");
  }

  @ParameterizedTest
  @EnumSource(value = ReferralSource.class, names = {"MEDICAL_PROVIDER", "BEHAVIORAL_HEALTH_PROVIDER", "COMMUNITY_PARTNER", "CARE_MANAGER"})
  @Verifies("RC.DEF.2")
  void aReferralFromAnEligibleSourceIsMet(ReferralSource source) {
    Finding f = referral(record(admitted().referral(from(source, ny("2023-12-28T09:00")))), ny("2024-01-02T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.reason()).contains(source.name());
  }

  @ParameterizedTest
  @EnumSource(value = ReferralSource.class, names = {"SELF", "FAMILY", "COURT", "STATE_AGENCY", "EMERGENCY_SERVICES", "OTHER"})
  @Verifies("RC.DEF.2")
  void aReferralFromAnotherSourceIsNotMet(ReferralSource source) {
    Finding f = referral(record(admitted().referral(from(source, ny("2023-12-28T09:00")))), ny("2024-01-02T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("the referral came from " + source);
  }

  @Test
  @Verifies("RC.DEF.2")
  void noReferralIsNotMet() {
    Finding f = referral(record(admitted()), ny("2024-01-02T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("no referral into the service");
  }

  @Test
  @Verifies("RC.DEF.2")
  void aReferralReceivedAtTheAdmissionIsMetAndOneAfterItIsNot() {
    assertThat(referral(record(admitted().referral(from(ReferralSource.CARE_MANAGER, ADMITTED))), ny("2024-01-02T12:00"))
        .outcome()).isEqualTo(Outcome.MET);
    Finding late = referral(record(admitted().referral(from(ReferralSource.CARE_MANAGER, ADMITTED.plusSeconds(60)))),
        ny("2024-01-02T12:00"));
    assertThat(late.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(late.reason()).contains("after the admission");
  }

  @Test
  @Verifies("RC.DEF.2")
  void aReferralStampedAfterTheAsOfHasNotBeenReceived() {
    CaseRecord r = record(episode(ServiceType.RC).referral(from(ReferralSource.CARE_MANAGER, ny("2024-01-02T12:00"))));
    assertThat(referral(r, ny("2024-01-02T11:59")).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(referral(r, ny("2024-01-02T12:00")).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies({"RC.DEF.3", "RC.DEF.4"})
  void attestedObligations() {
    RcTestRecords.assertAttested(RcDefinition.EMPLOYING_ORGANIZATION);
    RcTestRecords.assertAttested(RcDefinition.BASED_IN_LICENSED_CLINIC);
  }
}
