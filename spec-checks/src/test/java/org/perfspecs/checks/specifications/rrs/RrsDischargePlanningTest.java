package org.perfspecs.checks.specifications.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.specifications.rrs.RrsCases.ADMITTED;
import static org.perfspecs.checks.specifications.rrs.RrsCases.AS_OF;
import static org.perfspecs.checks.specifications.rrs.RrsCases.DISCHARGED;
import static org.perfspecs.checks.specifications.rrs.RrsCases.DURING;
import static org.perfspecs.checks.specifications.rrs.RrsCases.eval;
import static org.perfspecs.checks.specifications.rrs.RrsCases.notAdmitted;
import static org.perfspecs.checks.specifications.rrs.RrsCases.open;
import static org.perfspecs.checks.specifications.rrs.RrsCases.pregnant;
import static org.perfspecs.checks.specifications.rrs.RrsCases.referral;
import static org.perfspecs.checks.specifications.rrs.RrsCases.stay;
import static org.perfspecs.checks.specifications.rrs.RrsDischargePlanning.AFTERCARE_PLAN;

import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ServiceCategory;

/** RRS_PPW Discharge Planning and Documentation. */
class RrsDischargePlanningTest {
  private static Document plan(DocumentKind kind, String date) {
    return Document.builder().id("d-1").kind(kind).date(LocalDate.parse(date)).build();
  }

  @ParameterizedTest
  @EnumSource(value = DocumentKind.class, names = {"AFTERCARE_PLAN", "DISCHARGE_PLAN"})
  @Verifies("RRS_PPW.DISCH.1")
  void aPlanDatedUpToTheDischargeDateMeetsIt(DocumentKind kind) {
    Finding onDischargeDay = eval(AFTERCARE_PLAN, pregnant(), stay().addDocuments(plan(kind, "2024-05-20")), AS_OF);
    assertThat(onDischargeDay.outcome()).isEqualTo(Outcome.MET);
    assertThat(onDischargeDay.evidence()).extracting(Evidence::id).containsExactly("e-1", "d-1");
    assertThat(eval(AFTERCARE_PLAN, pregnant(), stay().addDocuments(plan(kind, "2024-04-15")), AS_OF).outcome())
        .as("on the admission date").isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RRS_PPW.DISCH.1")
  void aPlanDatedTheDayAfterDischargeIsLate() {
    Finding f = eval(AFTERCARE_PLAN, pregnant(), stay().addDocuments(plan(DocumentKind.AFTERCARE_PLAN, "2024-05-21")), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("after the discharge date");
  }

  @Test
  @Verifies("RRS_PPW.DISCH.1")
  void noPlanOrAnotherDocumentOrAPlanBeforeAdmissionIsNotMet() {
    assertThat(eval(AFTERCARE_PLAN, pregnant(), stay(), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(eval(AFTERCARE_PLAN, pregnant(), stay().addDocuments(plan(DocumentKind.TREATMENT_PLAN, "2024-05-01")), AS_OF)
        .outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(eval(AFTERCARE_PLAN, pregnant(), stay().addDocuments(plan(DocumentKind.AFTERCARE_PLAN, "2024-04-14")), AS_OF)
        .outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RRS_PPW.DISCH.1")
  void notApplicableBeforeDischargeAndUndeterminedWithoutAdmission() {
    assertThat(eval(AFTERCARE_PLAN, pregnant(), open(), AS_OF).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(eval(AFTERCARE_PLAN, pregnant(), stay(), DISCHARGED.minusNanos(1)).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(eval(AFTERCARE_PLAN, pregnant(), stay().addDocuments(plan(DocumentKind.AFTERCARE_PLAN, "2024-05-20")), DISCHARGED)
        .outcome()).isEqualTo(Outcome.MET);
    assertThat(eval(AFTERCARE_PLAN, pregnant(), notAdmitted().dischargedAt(DISCHARGED), AS_OF).outcome())
        .isEqualTo(Outcome.UNDETERMINED);
  }

  static Stream<Arguments> referrals() {
    return Stream.of(
        Arguments.of(RrsDischargePlanning.REFER_LIVING_OPPORTUNITIES, ServiceCategory.FAMILY_LIVING_OPPORTUNITIES),
        Arguments.of(RrsDischargePlanning.REFER_CHILDCARE, ServiceCategory.CHILDCARE),
        Arguments.of(RrsDischargePlanning.REFER_VOCATIONAL, ServiceCategory.VOCATIONAL_EDUCATIONAL),
        Arguments.of(RrsDischargePlanning.REFER_PRIMARY_HEALTH, ServiceCategory.PRIMARY_HEALTH),
        Arguments.of(RrsDischargePlanning.REFER_MENTAL_HEALTH, ServiceCategory.MENTAL_HEALTH),
        Arguments.of(RrsDischargePlanning.REFER_PEDIATRIC, ServiceCategory.PEDIATRICS),
        Arguments.of(RrsDischargePlanning.REFER_SPECIALIZED_PEDIATRIC, ServiceCategory.SPECIALIZED_PEDIATRICS),
        Arguments.of(RrsDischargePlanning.REFER_SURVIVOR_SUPPORT, ServiceCategory.SUPPORT_FOR_SURVIVORS),
        Arguments.of(RrsDischargePlanning.REFER_SOCIAL_SERVICES, ServiceCategory.SOCIAL_SERVICES));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referrals")
  @Verifies({"RRS_PPW.DISCH.1.a", "RRS_PPW.DISCH.1.b", "RRS_PPW.DISCH.1.c", "RRS_PPW.DISCH.1.d.1", "RRS_PPW.DISCH.1.d.2",
      "RRS_PPW.DISCH.1.d.3", "RRS_PPW.DISCH.1.d.4", "RRS_PPW.DISCH.1.d.5", "RRS_PPW.DISCH.1.d.6"})
  void aReferralMadeFromAdmissionThroughDischargeMeetsIt(EpisodeRequirement r, ServiceCategory need) {
    Finding atAdmission = eval(r, pregnant(), stay().addServiceNeeds(need).addReferralsMade(referral("r-1", need, ADMITTED)), AS_OF);
    assertThat(atAdmission.outcome()).isEqualTo(Outcome.MET);
    assertThat(atAdmission.evidence()).extracting(Evidence::id).containsExactly("e-1", "r-1");
    assertThat(eval(r, pregnant(), stay().addServiceNeeds(need).addReferralsMade(referral("r-1", need, DISCHARGED)), AS_OF)
        .outcome()).isEqualTo(Outcome.MET);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referrals")
  @Verifies({"RRS_PPW.DISCH.1.a", "RRS_PPW.DISCH.1.b", "RRS_PPW.DISCH.1.c", "RRS_PPW.DISCH.1.d.1", "RRS_PPW.DISCH.1.d.2",
      "RRS_PPW.DISCH.1.d.3", "RRS_PPW.DISCH.1.d.4", "RRS_PPW.DISCH.1.d.5", "RRS_PPW.DISCH.1.d.6"})
  void noReferralOrOneOutsideTheStayOrToAnotherServiceIsNotMet(EpisodeRequirement r, ServiceCategory need) {
    assertThat(eval(r, pregnant(), stay().addServiceNeeds(need), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(eval(r, pregnant(), stay().addServiceNeeds(need)
        .addReferralsMade(referral("r-1", need, DISCHARGED.plus(Duration.ofMinutes(1)))), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(eval(r, pregnant(), stay().addServiceNeeds(need)
        .addReferralsMade(referral("r-1", need, ADMITTED.minus(Duration.ofMinutes(1)))), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(eval(r, pregnant(), stay().addServiceNeeds(need)
        .addReferralsMade(referral("r-1", ServiceCategory.OTHER, DURING)), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referrals")
  @Verifies({"RRS_PPW.DISCH.1.a", "RRS_PPW.DISCH.1.b", "RRS_PPW.DISCH.1.c", "RRS_PPW.DISCH.1.d.1", "RRS_PPW.DISCH.1.d.2",
      "RRS_PPW.DISCH.1.d.3", "RRS_PPW.DISCH.1.d.4", "RRS_PPW.DISCH.1.d.5", "RRS_PPW.DISCH.1.d.6"})
  void conditionsNeedAdmissionAndDischarge(EpisodeRequirement r, ServiceCategory need) {
    Finding notIndicated = eval(r, pregnant(), stay().addReferralsMade(referral("r-1", need, DURING)), AS_OF);
    assertThat(notIndicated.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(notIndicated.reason()).contains("does not mark");
    assertThat(eval(r, pregnant(), open().addServiceNeeds(need), AS_OF).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(eval(r, pregnant(), notAdmitted().addServiceNeeds(need).dischargedAt(DISCHARGED), AS_OF).outcome())
        .isEqualTo(Outcome.UNDETERMINED);
  }
}
