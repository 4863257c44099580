package org.perfspecs.checks.specifications.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.DAY_30;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.DAY_31;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.admitted;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.connection;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.contact;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.planOfSafeCare;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.referralMade;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;

/** RC.PREG.1-4. Admitted 2024-01-01 10:00 EST; day 30 is 2024-01-30. */
class RcPregnantAndParentingMembersTest {
  private static final Instant AS_OF = ny("2024-02-15T12:00");

  private static ImmutableMember.Builder parenting() {
    return member().parenting(true);
  }

  private static ImmutableMember.Builder pregnant() {
    return member().pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT).build());
  }

  private static ImmutableMember.Builder deliveredOn(String date) {
    return member().pregnancy(PregnancyStatus.builder().state(PregnancyState.POSTPARTUM)
        .deliveryDate(LocalDate.parse(date)).build());
  }

  private static Finding evaluate(EpisodeRequirement r, CaseRecord record, Instant asOf) {
    return FindingChecks.evaluate(r, record, asOf);
  }

  // the condition, on item 1

  @Test
  @Verifies("RC.PREG.1")
  void appliesToParentingPregnantAndPostpartumMembersOnly() {
    Instant asOf = startOfDay(DAY_31);
    assertThat(evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, record(parenting(), admitted()), asOf).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, record(pregnant(), admitted()), asOf).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, record(deliveredOn("2023-01-01"), admitted()), asOf)
        .outcome()).as("delivered one year before admission").isEqualTo(Outcome.NOT_MET);
    Finding tooLong = evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, record(deliveredOn("2022-12-31"), admitted()), asOf);
    assertThat(tooLong.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, record(member(), admitted()), asOf).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("RC.PREG.1")
  void undeterminedForAPregnantMemberWithoutAnAdmission() {
    Finding f = evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, record(pregnant(), episode(ServiceType.RC)), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    Finding parentingNoAdmission = evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE,
        record(parenting(), episode(ServiceType.RC)), AS_OF);
    assertThat(parentingNoAdmission.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(parentingNoAdmission.reason()).contains("no admission time is recorded");
  }

  @Test
  @Verifies("RC.PREG.1")
  void aMemberDirectedPlanIdentifyingNeedsIsMet() {
    CaseRecord r = record(parenting(), admitted().planOfSafeCare(planOfSafeCare("2024-01-10", ServiceCategory.HOUSING)));
    assertThat(evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, r, AS_OF).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.PREG.1")
  void aPlanNotMemberDirectedOrIdentifyingNoNeedIsNotMet() {
    CaseRecord notDirected = record(parenting(), admitted()
        .planOfSafeCare(planOfSafeCare("2024-01-10", ServiceCategory.HOUSING).withMemberDirected(false)));
    assertThat(evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, notDirected, AS_OF).reason())
        .contains("not recorded as created collaboratively");
    CaseRecord noNeeds = record(parenting(), admitted().planOfSafeCare(planOfSafeCare("2024-01-10")));
    Finding f = evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, noNeeds, AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("identifies no needed services");
  }

  @Test
  @Verifies("RC.PREG.1")
  void withoutAPlanNotMetOverTheStaySoFarNeverPending() {
    Finding early = evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, record(parenting(), admitted()),
        ny("2024-01-02T12:00"));
    assertThat(early.outcome()).as("no deadline is stated: the stay so far is judged").isEqualTo(Outcome.NOT_MET);
    assertThat(early.due()).isEmpty();
    assertThat(early.reason()).contains("no Plan of Safe Care").contains("during the stay so far");
    Finding discharged = evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE,
        record(parenting(), admitted().dischargedAt(ny("2024-01-20T12:00"))), AS_OF);
    assertThat(discharged.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(discharged.reason()).contains("discharged");
    CaseRecord planLate = record(parenting(), admitted().planOfSafeCare(planOfSafeCare("2024-02-10", ServiceCategory.HOUSING)));
    assertThat(evaluate(RcPregnantAndParentingMembers.PLAN_OF_SAFE_CARE, planLate, AS_OF).outcome())
        .as("a plan after day 30 is in the stay so far").isEqualTo(Outcome.MET);
  }

  // item 2

  static Stream<Arguments> supportElements() {
    return Stream.of(
        Arguments.of(RcPregnantAndParentingMembers.SUPPORT_PERINATAL, ServiceCategory.PRENATAL_CARE),
        Arguments.of(RcPregnantAndParentingMembers.SUPPORT_HOUSING, ServiceCategory.HOUSING),
        Arguments.of(RcPregnantAndParentingMembers.SUPPORT_HEALTHCARE, ServiceCategory.PCC),
        Arguments.of(RcPregnantAndParentingMembers.SUPPORT_INCOME, ServiceCategory.BENEFITS),
        Arguments.of(RcPregnantAndParentingMembers.SUPPORT_TREATMENT, ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("supportElements")
  @Verifies({"RC.PREG.2.1", "RC.PREG.2.2", "RC.PREG.2.3", "RC.PREG.2.4", "RC.PREG.2.5"})
  void anIdentifiedNeedWithAReferralIsMetAndWithoutOneNotMet(EpisodeRequirement r, ServiceCategory need) {
    CaseRecord met = record(parenting(), admitted().planOfSafeCare(planOfSafeCare("2024-01-10", need))
        .addReferralsMade(referralMade(need, ny("2024-01-12T10:00"))));
    assertThat(evaluate(r, met, AS_OF).outcome()).isEqualTo(Outcome.MET);
    CaseRecord notMet = record(parenting(), admitted().planOfSafeCare(planOfSafeCare("2024-01-10", need)));
    Finding f = evaluate(r, notMet, AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains(need.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("supportElements")
  @Verifies({"RC.PREG.2.1", "RC.PREG.2.2", "RC.PREG.2.3", "RC.PREG.2.4", "RC.PREG.2.5"})
  void notApplicableWhenThePlanIdentifiesNoSuchNeedOrThereIsNoPlanOrMemberNotPregnantOrParenting(EpisodeRequirement r,
      ServiceCategory need) {
    ServiceCategory other = need == ServiceCategory.HOUSING ? ServiceCategory.CHILDCARE : ServiceCategory.HOUSING;
    assertThat(evaluate(r, record(parenting(), admitted().planOfSafeCare(planOfSafeCare("2024-01-10", other))), AS_OF)
        .outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(r, record(parenting(), admitted()), AS_OF).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(r, record(member(), admitted().planOfSafeCare(planOfSafeCare("2024-01-10", need))), AS_OF)
        .outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  // item 3

  @Test
  @Verifies("RC.PREG.3.a")
  void localResourcesAreAttested() {
    RcTestRecords.assertAttested(RcPregnantAndParentingMembers.LOCAL_RESOURCES);
  }

  private static Agreement agreement(PartnerCategory category, String signed, String expires) {
    var b = Agreement.builder().id("ag-" + category).kind(AgreementKind.MEMORANDUM_OF_UNDERSTANDING).partnerCategory(category)
        .partnerName("Local partner").signedOn(LocalDate.parse(signed));
    if (expires != null) {
      b.expiresOn(LocalDate.parse(expires));
    }
    return b.build();
  }

  static Stream<Arguments> partnerships() {
    return Stream.of(Arguments.of(RcPregnantAndParentingMembers.PARTNERSHIP_DCF, PartnerCategory.DCF_AREA_OFFICE),
        Arguments.of(RcPregnantAndParentingMembers.PARTNERSHIP_EARLY_INTERVENTION, PartnerCategory.EARLY_INTERVENTION));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("partnerships")
  @Verifies({"RC.PREG.3.b.1", "RC.PREG.3.b.2"})
  void aPartnershipInForceOnTheAsOfDateIsMet(ProgramRequirement r, PartnerCategory category) {
    Instant asOf = ny("2024-06-03T12:00");
    assertThat(FindingChecks.evaluate(r, program(ServiceType.RC).addAgreements(agreement(category, "2024-06-03", "2024-06-03")).build(), asOf)
        .outcome()).isEqualTo(Outcome.MET);
    assertThat(FindingChecks.evaluate(r, program(ServiceType.RC).addAgreements(agreement(category, "2024-06-04", null)).build(), asOf)
        .outcome()).as("signed after the as-of date").isEqualTo(Outcome.NOT_MET);
    assertThat(FindingChecks.evaluate(r, program(ServiceType.RC).addAgreements(agreement(category, "2023-01-01", "2024-06-02")).build(), asOf)
        .outcome()).as("expired").isEqualTo(Outcome.NOT_MET);
    Finding other = FindingChecks.evaluate(r, program(ServiceType.RC)
        .addAgreements(agreement(PartnerCategory.HOSPITAL, "2023-01-01", null)).build(), asOf);
    assertThat(other.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(other.reason()).contains("holds no agreement with");
  }

  // item 4.a

  @Test
  @Verifies("RC.PREG.4.a")
  void aConnectionOnDcfDuringTheStayIsMet() {
    CaseRecord early = record(pregnant(), admitted().addContacts(connection(ny(DAY_30 + "T23:59"), Topic.DCF)));
    Finding met = evaluate(RcPregnantAndParentingMembers.DCF_PROCESS_EXPLAINED, early, AS_OF);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.due()).isEmpty();
    CaseRecord afterDay30 = record(pregnant(), admitted().addContacts(connection(startOfDay(DAY_31), Topic.DCF)));
    assertThat(evaluate(RcPregnantAndParentingMembers.DCF_PROCESS_EXPLAINED, afterDay30, AS_OF).outcome())
        .as("no deadline is stated: any day of the stay counts").isEqualTo(Outcome.MET);
    CaseRecord afterDischarge = record(pregnant(), admitted().dischargedAt(ny("2024-01-20T12:00"))
        .addContacts(connection(ny("2024-01-25T12:00"), Topic.DCF)));
    assertThat(evaluate(RcPregnantAndParentingMembers.DCF_PROCESS_EXPLAINED, afterDischarge, AS_OF).outcome())
        .as("after the discharge").isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.PREG.4.a")
  void notMetSoFarOnAnOpenEpisodeAndNotApplicableOtherwise() {
    CaseRecord none = record(parenting(), admitted().addContacts(connection(ny("2024-01-05T12:00"))));
    Finding soFar = evaluate(RcPregnantAndParentingMembers.DCF_PROCESS_EXPLAINED, none, ny("2024-01-06T12:00"));
    assertThat(soFar.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(soFar.due()).isEmpty();
    assertThat(soFar.reason()).contains("during the stay so far");
    assertThat(evaluate(RcPregnantAndParentingMembers.DCF_PROCESS_EXPLAINED, none, startOfDay(DAY_31)).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcPregnantAndParentingMembers.DCF_PROCESS_EXPLAINED, record(member(), admitted()), AS_OF).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    Finding undetermined = evaluate(RcPregnantAndParentingMembers.DCF_PROCESS_EXPLAINED,
        record(parenting(), episode(ServiceType.RC)), AS_OF);
    assertThat(undetermined.outcome()).isEqualTo(Outcome.UNDETERMINED);
  }

  // item 4.b

  @Test
  @Verifies("RC.PREG.4.b")
  void custodyAdvocacyByAFamilyPreservationConnectionOrAnAccompaniment() {
    CaseRecord topic = record(parenting().dcfCaseOpen(true), admitted()
        .addContacts(connection(ny("2024-01-15T12:00"), Topic.FAMILY_PRESERVATION)));
    assertThat(evaluate(RcPregnantAndParentingMembers.CUSTODY_ADVOCACY, topic, AS_OF).outcome()).isEqualTo(Outcome.MET);
    CaseRecord accompanied = record(parenting().addStateAgencies(StateAgency.DCF), admitted()
        .addContacts(contact(ny("2024-01-15T12:00"), ContactMode.IN_PERSON, ContactKind.ACCOMPANIMENT, true)));
    assertThat(evaluate(RcPregnantAndParentingMembers.CUSTODY_ADVOCACY, accompanied, AS_OF).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.PREG.4.b")
  void custodyAdvocacyNotMetSoFarAndNotApplicableWithoutDcf() {
    CaseRecord none = record(parenting().dcfCaseOpen(true), admitted());
    Finding soFar = evaluate(RcPregnantAndParentingMembers.CUSTODY_ADVOCACY, none, ny("2024-01-06T12:00"));
    assertThat(soFar.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(soFar.due()).isEmpty();
    assertThat(evaluate(RcPregnantAndParentingMembers.CUSTODY_ADVOCACY, none, startOfDay(DAY_31)).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcPregnantAndParentingMembers.CUSTODY_ADVOCACY, record(parenting(), admitted()), AS_OF).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(RcPregnantAndParentingMembers.CUSTODY_ADVOCACY, record(member().dcfCaseOpen(true), admitted()), AS_OF)
        .outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  // item 4.c: Plan of Safe Care created 2024-01-10; no deadline is stated, so the stay so far is judged

  @Test
  @Verifies("RC.PREG.4.c")
  void followThroughOnThePlanOfSafeCare() {
    CaseRecord late = record(parenting(), admitted().planOfSafeCare(planOfSafeCare("2024-01-10", ServiceCategory.HOUSING))
        .addContacts(connection(ny("2024-02-12T10:00"))));
    Finding met = evaluate(RcPregnantAndParentingMembers.FOLLOW_THROUGH_PLAN_OF_SAFE_CARE, late, AS_OF);
    assertThat(met.outcome()).as("more than 30 days after the plan still counts").isEqualTo(Outcome.MET);
    assertThat(met.due()).isEmpty();
    CaseRecord before = record(parenting(), admitted().planOfSafeCare(planOfSafeCare("2024-01-10", ServiceCategory.HOUSING))
        .addContacts(connection(ny("2024-01-09T12:00"))));
    Finding soFar = evaluate(RcPregnantAndParentingMembers.FOLLOW_THROUGH_PLAN_OF_SAFE_CARE, before, ny("2024-01-11T12:00"));
    assertThat(soFar.outcome()).as("a connection before the plan does not count; not met so far").isEqualTo(Outcome.NOT_MET);
    assertThat(soFar.due()).isEmpty();
    assertThat(soFar.reason()).contains("during the stay so far");
    assertThat(evaluate(RcPregnantAndParentingMembers.FOLLOW_THROUGH_PLAN_OF_SAFE_CARE, record(parenting(), admitted()), AS_OF)
        .outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  // item 4.d

  private static Document familyActionPlan(String date) {
    return Document.builder().id("fap-1").kind(DocumentKind.DCF_FAMILY_ACTION_PLAN).date(LocalDate.parse(date)).build();
  }

  @Test
  @Verifies("RC.PREG.4.d")
  void followThroughOnTheDcfFamilyActionPlan() {
    CaseRecord met = record(parenting().dcfCaseOpen(true), admitted().addDocuments(familyActionPlan("2024-01-10"))
        .addContacts(connection(ny("2024-01-12T12:00"))));
    assertThat(evaluate(RcPregnantAndParentingMembers.FOLLOW_THROUGH_DCF_FAMILY_ACTION_PLAN, met, AS_OF).outcome())
        .isEqualTo(Outcome.MET);
    CaseRecord none = record(parenting().dcfCaseOpen(true), admitted().addDocuments(familyActionPlan("2024-01-10")));
    Finding soFar = evaluate(RcPregnantAndParentingMembers.FOLLOW_THROUGH_DCF_FAMILY_ACTION_PLAN, none, ny("2024-01-11T12:00"));
    assertThat(soFar.outcome()).as("no deadline is stated: not met so far on an open episode").isEqualTo(Outcome.NOT_MET);
    assertThat(soFar.due()).isEmpty();
    CaseRecord afterDischarge = record(parenting().dcfCaseOpen(true), admitted().addDocuments(familyActionPlan("2024-01-10"))
        .dischargedAt(ny("2024-01-20T12:00")).addContacts(connection(ny("2024-01-25T12:00"))));
    Finding f = evaluate(RcPregnantAndParentingMembers.FOLLOW_THROUGH_DCF_FAMILY_ACTION_PLAN, afterDischarge, AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("discharged");
  }

  @Test
  @Verifies("RC.PREG.4.d")
  void noFamilyActionPlanIsNotMetAndNoOpenCaseIsNotApplicable() {
    Finding f = evaluate(RcPregnantAndParentingMembers.FOLLOW_THROUGH_DCF_FAMILY_ACTION_PLAN,
        record(parenting().dcfCaseOpen(true), admitted().addDocuments(familyActionPlan("2024-03-01"))), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("no DCF Family Action Plan is in the record");
    assertThat(evaluate(RcPregnantAndParentingMembers.FOLLOW_THROUGH_DCF_FAMILY_ACTION_PLAN,
        record(parenting(), admitted().addDocuments(familyActionPlan("2024-01-10"))), AS_OF).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

}
