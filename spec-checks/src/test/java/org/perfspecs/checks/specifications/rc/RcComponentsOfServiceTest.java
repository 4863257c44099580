package org.perfspecs.checks.specifications.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.admitted;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.connection;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.contact;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.plan;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.referralMade;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;

/** RC.COMP.1-14. */
class RcComponentsOfServiceTest {
  private static final Instant AS_OF = ny("2024-02-15T12:00");

  private static Finding evaluate(EpisodeRequirement r, CaseRecord record) {
    return FindingChecks.evaluate(r, record, AS_OF);
  }

  static Stream<ProgramRequirement> attested() {
    return Stream.of(RcComponentsOfService.EMOTIONAL_SOCIAL_SUPPORT, RcComponentsOfService.RECOVERY_CAPITAL,
        RcComponentsOfService.POSITIVE_LIFE_CHANGES, RcComponentsOfService.RECOVERY_RELATIONSHIPS,
        RcComponentsOfService.ROLE_MODEL, RcComponentsOfService.CULTURALLY_SENSITIVE, RcComponentsOfService.ADVOCATE,
        RcComponentsOfService.MENTOR, RcComponentsOfService.PERSON_CENTERED,
        RcComponentsOfService.TRANSPORTATION_AS_OPPORTUNITY, RcComponentsOfService.MOBILE_DELIVERY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attested")
  @Verifies({"RC.COMP.1", "RC.COMP.2", "RC.COMP.3", "RC.COMP.4", "RC.COMP.6", "RC.COMP.9", "RC.COMP.10",
      "RC.COMP.11.a", "RC.COMP.12", "RC.COMP.13.b", "RC.COMP.14"})
  void attestedComponents(ProgramRequirement r) {
    RcTestRecords.assertAttested(r);
  }

  // item 5

  @ParameterizedTest
  @EnumSource(value = ServiceCategory.class, names = {"OUTPATIENT_BEHAVIORAL_HEALTH", "MEDICATION_FOR_ADDICTION_TREATMENT", "PEER_SUPPORT", "SELF_HELP"})
  @Verifies("RC.COMP.5")
  void aMarkedRecoveryNeedWithAReferralIsMetAndWithoutOneNotMet(ServiceCategory need) {
    Finding met = evaluate(RcComponentsOfService.LINKS_TO_TREATMENT_AND_SUPPORTS,
        record(admitted().addServiceNeeds(need).addReferralsMade(referralMade(need, ny("2024-01-10T12:00")))));
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    Finding notMet = evaluate(RcComponentsOfService.LINKS_TO_TREATMENT_AND_SUPPORTS, record(admitted().addServiceNeeds(need)));
    assertThat(notMet.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(notMet.reason()).contains(need.name());
  }

  @Test
  @Verifies("RC.COMP.5")
  void everyMarkedRecoveryNeedNeedsItsOwnReferral() {
    Finding f = evaluate(RcComponentsOfService.LINKS_TO_TREATMENT_AND_SUPPORTS, record(admitted()
        .addServiceNeeds(ServiceCategory.PEER_SUPPORT, ServiceCategory.SELF_HELP, ServiceCategory.HOUSING)
        .addReferralsMade(referralMade(ServiceCategory.PEER_SUPPORT, ny("2024-01-10T12:00")))));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("[SELF_HELP]").doesNotContain("HOUSING");
  }

  @Test
  @Verifies("RC.COMP.5")
  void aReferralStampedAfterTheAsOfDoesNotCount() {
    Finding f = evaluate(RcComponentsOfService.LINKS_TO_TREATMENT_AND_SUPPORTS, record(admitted()
        .addServiceNeeds(ServiceCategory.SELF_HELP)
        .addReferralsMade(referralMade(ServiceCategory.SELF_HELP, AS_OF.plusNanos(1)))));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.COMP.5")
  void notApplicableWithoutAMarkedRecoveryNeed() {
    Finding f = evaluate(RcComponentsOfService.LINKS_TO_TREATMENT_AND_SUPPORTS,
        record(admitted().addServiceNeeds(ServiceCategory.HOUSING)));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  // item 7

  @ParameterizedTest
  @EnumSource(value = ServiceCategory.class, names = {"PCC", "PRIMARY_HEALTH", "WALK_IN_MEDICAL", "DENTIST", "MENTAL_HEALTH",
      "PSYCHIATRY", "SOCIAL_SERVICES", "BENEFITS", "TRANSITIONAL_ASSISTANCE", "LEGAL"})
  @Verifies("RC.COMP.7")
  void aMarkedHealthOrSocialNeedWithAReferralIsMetAndWithoutOneNotMet(ServiceCategory need) {
    Finding met = evaluate(RcComponentsOfService.CONNECTIONS_TO_HEALTH_AND_SOCIAL_SERVICES,
        record(admitted().addServiceNeeds(need).addReferralsMade(referralMade(need, ny("2024-01-10T12:00")))));
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    Finding notMet = evaluate(RcComponentsOfService.CONNECTIONS_TO_HEALTH_AND_SOCIAL_SERVICES, record(admitted().addServiceNeeds(need)));
    assertThat(notMet.outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.COMP.7")
  void notApplicableWhenNoHealthOrSocialNeedIsMarked() {
    assertThat(evaluate(RcComponentsOfService.CONNECTIONS_TO_HEALTH_AND_SOCIAL_SERVICES,
        record(admitted().addServiceNeeds(ServiceCategory.SELF_HELP))).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  // item 8

  @ParameterizedTest
  @EnumSource(value = StateAgency.class, names = {"PROBATION", "PAROLE", "COURTS", "DCF"})
  @Verifies("RC.COMP.8")
  void anAccompanimentIsMetForAMemberInvolvedWithTheAgency(StateAgency agency) {
    CaseRecord met = record(member().addStateAgencies(agency), admitted()
        .addContacts(contact(ny("2024-01-12T09:00"), ContactMode.IN_PERSON, ContactKind.ACCOMPANIMENT, true)));
    assertThat(evaluate(RcComponentsOfService.RECOVERY_LIAISON, met).outcome()).isEqualTo(Outcome.MET);
    CaseRecord none = record(member().addStateAgencies(agency), admitted().addContacts(connection(ny("2024-01-12T09:00"))));
    Finding f = evaluate(RcComponentsOfService.RECOVERY_LIAISON, none);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("no contact preparing for or accompanying");
  }

  @Test
  @Verifies("RC.COMP.8")
  void anOpenDcfCaseCountsAsInvolvementAndAnAccompanimentWithoutTheMemberEngagedDoesNot() {
    CaseRecord r = record(member().dcfCaseOpen(true), admitted()
        .addContacts(contact(ny("2024-01-12T09:00"), ContactMode.IN_PERSON, ContactKind.ACCOMPANIMENT, false)));
    assertThat(evaluate(RcComponentsOfService.RECOVERY_LIAISON, r).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.COMP.8")
  void anAccompanimentAfterDischargeDoesNotCount() {
    CaseRecord r = record(member().addStateAgencies(StateAgency.PROBATION), admitted().dischargedAt(ny("2024-01-20T12:00"))
        .addContacts(contact(ny("2024-01-21T09:00"), ContactMode.IN_PERSON, ContactKind.ACCOMPANIMENT, true)));
    assertThat(evaluate(RcComponentsOfService.RECOVERY_LIAISON, r).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"RC.COMP.8", "RC.COMP.13.a"})
  void onlyTheStayCountsNotTheDaysBeforeAdmission() {
    Instant admittedAt = admitted().build().admittedAt().orElseThrow();
    CaseRecord before = record(member().addStateAgencies(StateAgency.PROBATION), admitted()
        .addServiceNeeds(ServiceCategory.TRANSPORTATION)
        .addContacts(contact(admittedAt.minusSeconds(60), ContactMode.IN_PERSON, ContactKind.ACCOMPANIMENT, true),
            contact(admittedAt.minusSeconds(120), ContactMode.IN_PERSON, ContactKind.TRANSPORTATION, true)));
    assertThat(evaluate(RcComponentsOfService.RECOVERY_LIAISON, before).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcComponentsOfService.TRANSPORTATION_ASSISTANCE, before).outcome()).isEqualTo(Outcome.NOT_MET);
    CaseRecord atAdmission = record(member().addStateAgencies(StateAgency.PROBATION), admitted()
        .addServiceNeeds(ServiceCategory.TRANSPORTATION)
        .addContacts(contact(admittedAt, ContactMode.IN_PERSON, ContactKind.ACCOMPANIMENT, true),
            contact(admittedAt, ContactMode.IN_PERSON, ContactKind.TRANSPORTATION, true)));
    assertThat(evaluate(RcComponentsOfService.RECOVERY_LIAISON, atAdmission).outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(RcComponentsOfService.TRANSPORTATION_ASSISTANCE, atAdmission).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.COMP.8")
  void notApplicableWithoutSuchInvolvement() {
    CaseRecord r = record(member().addStateAgencies(StateAgency.DMH), admitted());
    Finding f = evaluate(RcComponentsOfService.RECOVERY_LIAISON, r);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  // item 11.b: plan created 2024-01-05, due by the end of 2024-02-04

  private static Finding enacting(CaseRecord r, Instant asOf) {
    return FindingChecks.evaluate(RcComponentsOfService.WELLNESS_PLAN_ENACTING, r, asOf);
  }

  @Test
  @Verifies("RC.COMP.11.b")
  void aGoalsConnectionDuringTheStayAfterThePlanIsMet() {
    CaseRecord early = record(admitted().wellnessPlan(plan("2024-01-05"))
        .addContacts(connection(ny("2024-02-04T23:59"), Topic.WELLNESS_PLAN_GOALS)));
    Finding met = enacting(early, AS_OF);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.due()).isEmpty();
    CaseRecord after30Days = record(admitted().wellnessPlan(plan("2024-01-05"))
        .addContacts(connection(startOfDay("2024-02-05"), Topic.WELLNESS_PLAN_GOALS)));
    assertThat(enacting(after30Days, AS_OF).outcome()).as("no deadline is stated: any day of the stay counts")
        .isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.COMP.11.b")
  void notMetSoFarOnAnOpenEpisodeNeverPending() {
    CaseRecord r = record(admitted().wellnessPlan(plan("2024-01-05")).addContacts(connection(ny("2024-01-06T12:00"))));
    Finding soFar = enacting(r, ny("2024-01-07T12:00"));
    assertThat(soFar.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(soFar.due()).isEmpty();
    assertThat(soFar.reason()).contains("during the stay so far");
    assertThat(enacting(r, startOfDay("2024-02-05")).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.COMP.11.b")
  void aGoalsConnectionBeforeThePlanDoesNotCount() {
    CaseRecord r = record(admitted().wellnessPlan(plan("2024-01-05"))
        .addContacts(connection(ny("2024-01-04T12:00"), Topic.WELLNESS_PLAN_GOALS)));
    assertThat(enacting(r, ny("2024-01-20T12:00")).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.COMP.11.b")
  void notApplicableWithoutAWellnessPlan() {
    assertThat(enacting(record(admitted()), AS_OF).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  // item 13.a

  @Test
  @Verifies("RC.COMP.13.a")
  void aTransportationContactOrNoteIsMet() {
    CaseRecord ride = record(admitted().addServiceNeeds(ServiceCategory.TRANSPORTATION)
        .addContacts(contact(ny("2024-01-09T08:00"), ContactMode.IN_PERSON, ContactKind.TRANSPORTATION, true)));
    assertThat(evaluate(RcComponentsOfService.TRANSPORTATION_ASSISTANCE, ride).outcome()).isEqualTo(Outcome.MET);
    CaseRecord note = record(admitted().addServiceNeeds(ServiceCategory.TRANSPORTATION)
        .addDocuments(Document.builder().id("d-1").kind(DocumentKind.TRANSPORTATION_ASSISTANCE_NOTE)
            .date(LocalDate.of(2024, 1, 9)).build()));
    Finding f = evaluate(RcComponentsOfService.TRANSPORTATION_ASSISTANCE, note);
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.evidence()).extracting(e -> e.id()).containsExactly("d-1");
  }

  @Test
  @Verifies("RC.COMP.13.a")
  void aMarkedTransportationNeedWithoutAssistanceIsNotMet() {
    CaseRecord r = record(admitted().addServiceNeeds(ServiceCategory.TRANSPORTATION).dischargedAt(ny("2024-01-20T12:00"))
        .addDocuments(Document.builder().id("d-1").kind(DocumentKind.TRANSPORTATION_ASSISTANCE_NOTE)
            .date(LocalDate.of(2024, 1, 21)).build()));
    Finding f = evaluate(RcComponentsOfService.TRANSPORTATION_ASSISTANCE, r);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("no transportation assistance");
  }

  @Test
  @Verifies("RC.COMP.13.a")
  void notApplicableWithoutATransportationNeed() {
    assertThat(evaluate(RcComponentsOfService.TRANSPORTATION_ASSISTANCE, record(admitted())).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }
}
