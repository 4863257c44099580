package org.perfspecs.checks.specifications.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.specifications.csp.CspComponentsOfService.LOCATION_OPEN_40_HOURS;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.contact;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.csp;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.dischargedStay;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.openStay;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.Goal;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.License;
import org.perfspecs.model.OnCallArrangement;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.ImmutableLocation;
import org.perfspecs.model.Location;
import org.perfspecs.model.OpeningHours;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

/** CSP.COMP.2: a Massachusetts location open at least 40 hours a week, onsite and community-based. */
class CspComponentsOfServiceTest {
  private static final Instant AS_OF = ny("2024-05-01T12:00");

  private static OpeningHours open(DayOfWeek day, String opens, String closes) {
    return OpeningHours.builder().day(day).opens(LocalTime.parse(opens)).closes(LocalTime.parse(closes)).build();
  }

  /** Monday to Friday 09:00-17:00: exactly 40 hours; in Massachusetts, onsite and community-based. */
  private static ImmutableLocation fortyHours(String id) {
    ImmutableLocation.Builder b = Location.builder().id(id).inMassachusetts(true).onsiteServices(true).communityServices(true);
    for (DayOfWeek d : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
      b.addHours(open(d, "09:00", "17:00"));
    }
    return b.build();
  }

  /** Forty hours less one minute: Monday to Thursday 09:00-17:00, Friday 09:00-16:59. */
  private static ImmutableLocation oneMinuteShort(String id) {
    ImmutableLocation full = fortyHours(id);
    return full.withHours(java.util.stream.Stream.concat(full.hours().subList(0, 4).stream(),
        java.util.stream.Stream.of(open(DayOfWeek.FRIDAY, "09:00", "16:59"))).toList());
  }

  private static Finding evaluate(Program p) {
    return FindingChecks.evaluate(LOCATION_OPEN_40_HOURS, p, AS_OF);
  }

  @Test
  @Verifies("CSP.COMP.2")
  void exactly40HoursIsMet() {
    Location l = fortyHours("loc-1");
    assertThat(l.weeklyMinutes()).isEqualTo(CspComponentsOfService.MINIMUM_WEEKLY_MINUTES);

    Finding f = evaluate(program(ServiceType.CSP).addLocations(l).build());
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.reason()).contains("loc-1").contains("40h");
    assertThat(f.evidence()).extracting(Evidence::id).containsExactly("loc-1");
    assertThat(LOCATION_OPEN_40_HOURS.basis()).isEqualTo(Basis.PROGRAM);
  }

  @Test
  @Verifies("CSP.COMP.2")
  void thirtyNineHoursFiftyNineMinutesIsNotMet() {
    Location l = oneMinuteShort("loc-1");
    assertThat(l.weeklyMinutes()).isEqualTo(40 * 60 - 1);

    Finding f = evaluate(program(ServiceType.CSP).addLocations(l).build());
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("is open 39h59m");
  }

  @Test
  @Verifies("CSP.COMP.2")
  void aLocationOutsideMassachusettsIsNotMet() {
    Finding f = evaluate(program(ServiceType.CSP).addLocations(fortyHours("loc-ri").withInMassachusetts(false)).build());
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("outside Massachusetts");
    assertThat(f.evidence()).extracting(Evidence::note).containsExactly("40h a week, outside Massachusetts");
  }

  @Test
  @Verifies("CSP.COMP.2")
  void noLocationsIsNotMet() {
    Finding f = evaluate(program(ServiceType.CSP).build());
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("no location");
  }

  @Test
  @Verifies("CSP.COMP.2")
  void aLocationWithoutBothOnsiteAndCommunityServicesIsNotMet() {
    Finding noCommunity = evaluate(program(ServiceType.CSP).addLocations(fortyHours("loc-1").withCommunityServices(false)).build());
    Finding noOnsite = evaluate(program(ServiceType.CSP).addLocations(fortyHours("loc-1").withOnsiteServices(false)).build());

    assertThat(noCommunity.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(noCommunity.reason()).contains("without both onsite and community-based services");
    assertThat(noOnsite.outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("CSP.COMP.2")
  void oneQualifyingLocationAmongOthersIsEnough() {
    Finding f = evaluate(program(ServiceType.CSP)
        .addLocations(oneMinuteShort("loc-short"), fortyHours("loc-ri").withInMassachusetts(false), fortyHours("loc-ok"))
        .build());
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.evidence()).extracting(Evidence::id).containsExactly("loc-ok");
  }

  @Test
  @Verifies("CSP.COMP.2")
  void hoursSplitAcrossDaysAndPeriodsAddUp() {
    ImmutableLocation.Builder b = Location.builder().id("loc-1").inMassachusetts(true).communityServices(true);
    for (DayOfWeek d : DayOfWeek.values()) {
      b.addHours(open(d, "08:00", "11:00"), open(d, "13:00", "15:50")); // 5h50m a day, 7 days = 40h50m
    }
    Finding f = evaluate(program(ServiceType.CSP).addLocations(b.build()).build());
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.reason()).contains("40h50m");
  }

  // ---- CSP.COMP.1 ---------------------------------------------------------------------------

  private static License licence(boolean parent, boolean ma, LocalDate validThrough) {
    var b = License.builder().issuer("DMH").kind("Mental Health Services").heldByParentOrganization(parent).massachusetts(ma);
    if (validThrough != null) {
      b.validThrough(validThrough);
    }
    return b.build();
  }

  @Test
  @Verifies("CSP.COMP.1")
  void partOfALicensedLargerOrganization() {
    var base = program(ServiceType.CSP).parentOrganization("Harbor Behavioral Health");
    assertThat(evaluate(CspComponentsOfService.PART_OF_LICENSED_ORGANIZATION, base.addLicenses(licence(true, true, null)).build()).outcome())
        .isEqualTo(Outcome.MET);
    // valid through the as-of date is enough; the day before is not
    assertThat(evaluate(CspComponentsOfService.PART_OF_LICENSED_ORGANIZATION, program(ServiceType.CSP).parentOrganization("H")
        .addLicenses(licence(true, true, LocalDate.of(2024, 5, 1))).build()).outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(CspComponentsOfService.PART_OF_LICENSED_ORGANIZATION, program(ServiceType.CSP).parentOrganization("H")
        .addLicenses(licence(true, true, LocalDate.of(2024, 4, 30))).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(CspComponentsOfService.PART_OF_LICENSED_ORGANIZATION, program(ServiceType.CSP).parentOrganization("H")
        .addLicenses(licence(false, true, null), licence(true, false, null)).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    Finding noParent = evaluate(CspComponentsOfService.PART_OF_LICENSED_ORGANIZATION,
        program(ServiceType.CSP).addLicenses(licence(true, true, null)).build());
    assertThat(noParent.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(noParent.reason()).contains("names no larger organization");
  }

  private static Finding evaluate(ProgramRequirement r, Program p) {
    return FindingChecks.evaluate(r, p, AS_OF);
  }

  // ---- CSP.COMP.3.1 / 3.2 -------------------------------------------------------------------

  private static Referral referral(String at) {
    return Referral.builder().id("ref-1").source(ReferralSource.SELF).at(ny(at)).build();
  }

  @Nested
  class ContactAttemptWithin24Hours {
    private final EpisodeRequirement r = CspComponentsOfService.CONTACT_ATTEMPT_WITHIN_24_HOURS;

    @Test
    @Verifies("CSP.COMP.3.1")
    void metAtExactly24HoursAndNotMetOneMinuteLater() {
      Finding onTime = CspTestSupport.evaluate(r, record(csp().referral(referral("2024-04-01T10:00"))
          .addContacts(contact("c-1", "2024-04-02T10:00", ContactKind.OUTREACH_ATTEMPT, false))));
      assertThat(onTime.outcome()).isEqualTo(Outcome.MET);
      assertThat(onTime.evidence()).extracting(Evidence::id).containsExactly("ref-1", "c-1");
      Finding late = CspTestSupport.evaluate(r, record(csp().referral(referral("2024-04-01T10:00"))
          .addContacts(contact("c-1", "2024-04-02T10:01", ContactKind.OUTREACH_ATTEMPT, false))));
      assertThat(late.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(late.reason()).contains("late");
    }

    @Test
    @Verifies("CSP.COMP.3.1")
    void pendingWhileOpenNotMetWhenNeverMadeUndeterminedWithoutAReferral() {
      CaseRecord noContact = record(csp().referral(referral("2024-04-01T10:00")));
      assertThat(CspTestSupport.evaluate(r, noContact, ny("2024-04-02T10:00")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(CspTestSupport.evaluate(r, noContact, ny("2024-04-02T10:01")).outcome()).isEqualTo(Outcome.NOT_MET);
      // a contact before the referral does not count; a contact stamped after the as-of has not happened
      CaseRecord early = record(csp().referral(referral("2024-04-01T10:00"))
          .addContacts(contact("c-0", "2024-03-30T10:00", ContactKind.OUTREACH_ATTEMPT, false),
              contact("c-1", "2024-04-01T20:00", ContactKind.OUTREACH_ATTEMPT, false)));
      assertThat(CspTestSupport.evaluate(r, early, ny("2024-04-01T19:00")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(CspTestSupport.evaluate(r, early, ny("2024-04-01T20:00")).outcome()).isEqualTo(Outcome.MET);
      // a call to the referral source only is not an attempt to contact the member
      CaseRecord sourceOnly = record(csp().referral(referral("2024-04-01T10:00"))
          .addContacts(contact("c-1", "2024-04-01T11:00", ContactKind.CASE_MANAGEMENT, false).withParties(Party.REFERRAL_SOURCE)));
      assertThat(CspTestSupport.evaluate(r, sourceOnly, ny("2024-04-02T10:01")).outcome()).isEqualTo(Outcome.NOT_MET);
      Finding undetermined = CspTestSupport.evaluate(r, record(csp()));
      assertThat(undetermined.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(undetermined.reason()).contains("no referral time is recorded");
    }
  }

  private static Appointment initial(String id, String bookedAt, String at) {
    return Appointment.builder().id(id).kind(AppointmentKind.INITIAL).scheduledAt(ny(bookedAt)).at(ny(at)).build();
  }

  @Nested
  class AppointmentWithin48Hours {
    private final EpisodeRequirement r = CspComponentsOfService.APPOINTMENT_WITHIN_48_HOURS;

    private ImmutableEpisode.Builder contacted() {
      return csp().referral(referral("2024-04-01T10:00"))
          .addContacts(contact("c-0", "2024-04-01T11:00", ContactKind.OUTREACH_ATTEMPT, false),
              contact("c-1", "2024-04-01T15:00", ContactKind.INDIVIDUAL, true));
    }

    @Test
    @Verifies("CSP.COMP.3.2")
    void anAppointmentAtExactly48HoursAfterTheInitialContactIsMetOneMinuteLaterIsNot() {
      Finding onTime = CspTestSupport.evaluate(r, record(contacted().addAppointments(initial("a-1", "2024-04-01T15:10", "2024-04-03T15:00"))));
      assertThat(onTime.outcome()).isEqualTo(Outcome.MET);
      assertThat(onTime.due()).get().extracting(d -> d.last()).isEqualTo(ny("2024-04-03T15:00"));
      Finding late = CspTestSupport.evaluate(r, record(contacted().addAppointments(initial("a-1", "2024-04-01T15:10", "2024-04-03T15:01"))));
      assertThat(late.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(late.reason()).contains("the first offered is later");
    }

    @Test
    @Verifies("CSP.COMP.3.2")
    void offeredButNotYetHeldIsMetPendingWhileOpenNotApplicableBeforeContact() {
      CaseRecord booked = record(contacted().addAppointments(initial("a-1", "2024-04-02T09:00", "2024-04-03T09:00")));
      assertThat(CspTestSupport.evaluate(r, booked, ny("2024-04-02T09:00")).outcome()).isEqualTo(Outcome.MET);
      // not yet booked at the as-of: pending; no booking by the end of the window: not met
      assertThat(CspTestSupport.evaluate(r, booked, ny("2024-04-02T08:59")).outcome()).isEqualTo(Outcome.PENDING);
      CaseRecord none = record(contacted());
      assertThat(CspTestSupport.evaluate(r, none, ny("2024-04-03T15:00")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(CspTestSupport.evaluate(r, none, ny("2024-04-03T15:01")).outcome()).isEqualTo(Outcome.NOT_MET);
      // only an unanswered attempt so far: the clock has not started
      assertThat(CspTestSupport.evaluate(r, none, ny("2024-04-01T12:00")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      // a booking entered after the appointment took place does not count
      CaseRecord backdated = record(contacted().addAppointments(initial("a-1", "2024-04-04T09:00", "2024-04-02T09:00")));
      assertThat(CspTestSupport.evaluate(r, backdated).outcome()).isEqualTo(Outcome.NOT_MET);
    }
  }

  // ---- CSP.COMP.4.1 / 4.2 / 5 -----------------------------------------------------------------

  @Test
  @Verifies("CSP.COMP.4.1")
  void inPersonNineToFiveOnEveryWeekday() {
    assertThat(evaluate(CspComponentsOfService.IN_PERSON_WEEKDAYS_9_TO_5, program(ServiceType.CSP).addLocations(fortyHours("loc-1")).build())
        .outcome()).isEqualTo(Outcome.MET);
    // Friday closing at 16:59 is not met
    Finding shortFriday = evaluate(CspComponentsOfService.IN_PERSON_WEEKDAYS_9_TO_5, program(ServiceType.CSP).addLocations(oneMinuteShort("loc-1")).build());
    assertThat(shortFriday.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(shortFriday.evidence()).extracting(Evidence::note).anyMatch(n -> n.contains("FRIDAY"));
    // joined periods 09:00-12:00 and 12:00-17:00 cover the day; a gap does not
    ImmutableLocation.Builder split = Location.builder().id("loc-2").inMassachusetts(true);
    ImmutableLocation.Builder gap = Location.builder().id("loc-3").inMassachusetts(true);
    for (DayOfWeek d : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
      split.addHours(open(d, "08:00", "12:00"), open(d, "12:00", "17:30"));
      gap.addHours(open(d, "09:00", "12:00"), open(d, "13:00", "17:00"));
    }
    assertThat(evaluate(CspComponentsOfService.IN_PERSON_WEEKDAYS_9_TO_5, program(ServiceType.CSP).addLocations(split.build()).build()).outcome())
        .isEqualTo(Outcome.MET);
    assertThat(evaluate(CspComponentsOfService.IN_PERSON_WEEKDAYS_9_TO_5, program(ServiceType.CSP).addLocations(gap.build()).build()).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(CspComponentsOfService.IN_PERSON_WEEKDAYS_9_TO_5, program(ServiceType.CSP)
        .addLocations(fortyHours("loc-1").withOnsiteServices(false)).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(CspComponentsOfService.IN_PERSON_WEEKDAYS_9_TO_5, program(ServiceType.CSP).build()).reason())
        .contains("no location");
  }

  @Test
  @Verifies("CSP.COMP.4.2")
  void onCallWhenTheSiteIsClosed() {
    ProgramRequirement r = CspComponentsOfService.ON_CALL_WHEN_CLOSED;
    assertThat(evaluate(r, program(ServiceType.CSP).onCall(OnCallArrangement.builder().coversClosedHours(true).triagesAndRefers(true).build()).build())
        .outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(r, program(ServiceType.CSP).onCall(OnCallArrangement.builder().coversClosedHours(false).triagesAndRefers(true).build()).build())
        .outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, program(ServiceType.CSP).onCall(OnCallArrangement.builder().coversClosedHours(true).triagesAndRefers(false).build()).build())
        .reason()).contains("does not triage and refer");
    assertThat(evaluate(r, program(ServiceType.CSP).build()).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("CSP.COMP.5")
  void mobileServicesFromALocation() {
    assertThat(evaluate(CspComponentsOfService.MOBILE_SERVICES, program(ServiceType.CSP).addLocations(fortyHours("loc-1")).build()).outcome())
        .isEqualTo(Outcome.MET);
    assertThat(evaluate(CspComponentsOfService.MOBILE_SERVICES, program(ServiceType.CSP)
        .addLocations(fortyHours("loc-1").withCommunityServices(false)).build()).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"CSP.COMP.6", "CSP.COMP.8", "CSP.COMP.9"})
  void attestedComponents() {
    CspTestSupport.assertAttested(CspComponentsOfService.COMPLEX_TREATMENT_ISSUES);
    CspTestSupport.assertAttested(CspComponentsOfService.ASSERTIVE_OUTREACH);
    CspTestSupport.assertAttested(CspComponentsOfService.ADJUNCT_TO_PSYCHOTHERAPY_AND_PRIMARY_CARE);
  }

  // ---- CSP.COMP.7.1-5 ------------------------------------------------------------------------

  private static org.perfspecs.model.ImmutableServicePlan plan(Party... developedWith) {
    return ServicePlan.builder().id("sp-1").completedOn(LocalDate.of(2024, 4, 10)).addProblemsAndNeeds("housing")
        .addGoals(Goal.builder().description("g").measurable(true).build()).addDevelopedWith(developedWith).build();
  }

  @Test
  @Verifies({"CSP.COMP.7.1", "CSP.COMP.7.2"})
  void planDevelopedWithTheMemberAndTreatmentProviders() {
    assertThat(CspTestSupport.evaluate(CspComponentsOfService.PLAN_WITH_MEMBER, record(csp().servicePlan(plan(Party.MEMBER)))).outcome())
        .isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(CspComponentsOfService.PLAN_WITH_MEMBER, record(csp().servicePlan(plan(Party.PCC)))).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(CspComponentsOfService.PLAN_WITH_TREATMENT_PROVIDERS, record(csp().servicePlan(plan(Party.PCC)))).outcome())
        .isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(CspComponentsOfService.PLAN_WITH_TREATMENT_PROVIDERS, record(csp().servicePlan(plan(Party.MEMBER)))).outcome())
        .isEqualTo(Outcome.NOT_MET);
    // no written plan yet (or dated after the as-of): not applicable
    assertThat(CspTestSupport.evaluate(CspComponentsOfService.PLAN_WITH_MEMBER, record(csp())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(CspTestSupport.evaluate(CspComponentsOfService.PLAN_WITH_TREATMENT_PROVIDERS,
        record(csp().servicePlan(plan(Party.PCC).withCompletedOn(LocalDate.of(2024, 5, 2))))).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("CSP.COMP.7.3")
  void planDevelopedWithFamilyWhenConsented() {
    EpisodeRequirement r = CspComponentsOfService.PLAN_WITH_FAMILY;
    assertThat(CspTestSupport.evaluate(r, record(csp().servicePlan(plan(Party.MEMBER)))).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(CspTestSupport.evaluate(r, record(csp().addConsentToShareWith(Party.GUARDIAN).servicePlan(plan(Party.MEMBER)))).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(csp().addConsentToShareWith(Party.FAMILY).servicePlan(plan(Party.MEMBER, Party.FAMILY)))).outcome())
        .isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("CSP.COMP.7.4")
  void planDevelopedWithADmhClinicianWhenContinuingCareEligible() {
    EpisodeRequirement r = CspComponentsOfService.PLAN_WITH_DMH_CLINICIAN;
    assertThat(CspTestSupport.evaluate(r, record(csp().servicePlan(plan(Party.MEMBER)))).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(CspTestSupport.evaluate(r, record(member().dmhContinuingCareEligible(true), csp().servicePlan(plan(Party.MEMBER)))).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(member().dmhContinuingCareEligible(true), csp().servicePlan(plan(Party.DMH_CLINICIAN)))).outcome())
        .isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("CSP.COMP.7.5")
  void planDevelopedWithADcfCaseworkerWhenDcfIsInvolved() {
    EpisodeRequirement r = CspComponentsOfService.PLAN_WITH_DCF_CASEWORKER;
    assertThat(CspTestSupport.evaluate(r, record(csp().servicePlan(plan(Party.MEMBER)))).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(CspTestSupport.evaluate(r, record(member().dcfCaseOpen(true), csp().servicePlan(plan(Party.MEMBER)))).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(member().addStateAgencies(StateAgency.DCF), csp().servicePlan(plan(Party.DCF_CASEWORKER)))).outcome())
        .isEqualTo(Outcome.MET);
  }

  // ---- CSP.COMP.10 / 11 -----------------------------------------------------------------------

  @Test
  @Verifies("CSP.COMP.10")
  void peerAndNaturalSupportsOverTheStay() {
    EpisodeRequirement r = CspComponentsOfService.PEER_AND_NATURAL_SUPPORTS;
    // open episode: judged over the stay so far
    assertThat(CspTestSupport.evaluate(r, record(openStay())).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(openStay().addContacts(contact("c-1", "2024-03-10T10:00", ContactKind.PEER_SUPPORT, true))))
        .outcome()).isEqualTo(Outcome.MET);
    // before admission does not count; no admission time is undetermined
    assertThat(CspTestSupport.evaluate(r, record(openStay().addContacts(contact("c-1", "2024-03-01T10:00", ContactKind.PEER_SUPPORT, true))))
        .outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(csp())).outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay())).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay().addContacts(contact("c-1", "2024-03-10T10:00", ContactKind.PEER_SUPPORT, true))))
        .outcome()).isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay().addReferralsMade(Referral.builder().id("r-1").target(ServiceCategory.SELF_HELP)
        .at(ny("2024-03-10T10:00")).build()))).outcome()).isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay().addContacts(contact("c-1", "2024-03-10T10:00", ContactKind.FAMILY, false)
        .withParties(Party.FAMILY)))).outcome()).isEqualTo(Outcome.MET);
    // a peer-support contact after discharge does not count
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay().addContacts(contact("c-1", "2024-04-27T10:00", ContactKind.PEER_SUPPORT, true))))
        .outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("CSP.COMP.11.a")
  void educationOnEachTopic() {
    EpisodeRequirement r = CspComponentsOfService.EDUCATION;
    var all = contact("c-1", "2024-03-10T10:00", ContactKind.EDUCATION, true).withTopics(Topic.MENTAL_ILLNESS, Topic.SUBSTANCE_USE);
    var recovery = contact("c-2", "2024-03-11T10:00", ContactKind.FAMILY, false).withParties(Party.FAMILY).withTopics(Topic.RECOVERY);
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay().addContacts(all, recovery))).outcome()).isEqualTo(Outcome.MET);
    Finding missing = CspTestSupport.evaluate(r, record(dischargedStay().addContacts(all)));
    assertThat(missing.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(missing.reason()).contains("recovery");
    // a topic covered without the member or family does not count
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay().addContacts(all, recovery.withParties(Party.PCC)))).outcome())
        .isEqualTo(Outcome.NOT_MET);
    // open episode: judged over the stay so far
    assertThat(CspTestSupport.evaluate(r, record(openStay().addContacts(all))).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(openStay().addContacts(all, recovery))).outcome()).isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(r, record(csp().addContacts(all, recovery))).outcome()).isEqualTo(Outcome.UNDETERMINED);
  }

  @Test
  @Verifies("CSP.COMP.11.b")
  void medicationEducation() {
    EpisodeRequirement r = CspComponentsOfService.MEDICATION_EDUCATION;
    var psych = contact("c-1", "2024-03-10T10:00", ContactKind.EDUCATION, true).withTopics(Topic.PSYCHOTROPIC_MEDICATIONS);
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay().addContacts(psych))).outcome()).isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay().addContacts(psych).addCounselingNeeds(Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS)))
        .outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay())).outcome()).isEqualTo(Outcome.NOT_MET);
    // open episode: judged over the stay so far
    assertThat(CspTestSupport.evaluate(r, record(openStay().addContacts(psych))).outcome()).isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(r, record(openStay())).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(csp())).outcome()).isEqualTo(Outcome.UNDETERMINED);
  }

  @Test
  @Verifies("CSP.COMP.11.c")
  void medicationMonitoringLinkWhenMarked() {
    EpisodeRequirement r = CspComponentsOfService.MEDICATION_MONITORING_LINK;
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    ImmutableEpisode.Builder needs = dischargedStay().addServiceNeeds(ServiceCategory.PSYCHIATRY);
    assertThat(CspTestSupport.evaluate(r, record(needs)).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(needs.addAppointments(Appointment.builder().id("a-1").kind(AppointmentKind.PSYCHIATRIC_AFTERCARE)
        .scheduledAt(ny("2024-04-20T10:00")).at(ny("2024-05-03T10:00")).build()))).outcome()).isEqualTo(Outcome.MET);
    // open episode: judged over the stay so far
    ImmutableEpisode.Builder open = openStay().addServiceNeeds(ServiceCategory.PSYCHIATRY);
    assertThat(CspTestSupport.evaluate(r, record(open)).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(open.addReferralsMade(Referral.builder().id("r-1").target(ServiceCategory.PSYCHIATRY)
        .at(ny("2024-04-20T10:00")).build()))).outcome()).isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(r, record(openStay())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("CSP.COMP.11.d")
  void healthMaintenanceLink() {
    EpisodeRequirement r = CspComponentsOfService.HEALTH_MAINTENANCE_LINK;
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay())).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(member().primaryCareClinician(CareProvider.builder().name("Dr P").build()), dischargedStay()))
        .outcome()).isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(r, record(dischargedStay().addReferralsMade(Referral.builder().id("r-1").target(ServiceCategory.PCC)
        .at(ny("2024-03-10T10:00")).outcome(ReferralOutcome.CONNECTED).build()))).outcome()).isEqualTo(Outcome.MET);
    // open episode: judged over the stay so far
    assertThat(CspTestSupport.evaluate(r, record(openStay())).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(CspTestSupport.evaluate(r, record(openStay().addReferralsMade(Referral.builder().id("r-1").target(ServiceCategory.PCC)
        .at(ny("2024-03-10T10:00")).build()))).outcome()).isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(r, record(csp())).outcome()).isEqualTo(Outcome.UNDETERMINED);
  }
}
