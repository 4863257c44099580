package org.perfspecs.checks.specifications.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.contact;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.csp;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.dischargedStay;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.openStay;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.document;

import java.util.EnumSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Strength;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableDocument;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.OnCallArrangement;
import org.perfspecs.model.Party;
import org.perfspecs.model.PlanReview;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Goal;
import org.perfspecs.model.ImmutableServicePlan;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.ServiceType;

/** CSP.PROC.2.c.4.1 to .7: the elements the written service plan must include. */
class CspProcessSpecificationsTest {
  private static final Instant AS_OF = ny("2024-05-01T12:00");

  private static final List<EpisodeRequirement> ELEMENTS = List.of(
      CspProcessSpecifications.PLAN_PROBLEMS_AND_NEEDS,
      CspProcessSpecifications.PLAN_STRENGTHS_AND_NEEDS,
      CspProcessSpecifications.PLAN_MEASURABLE_GOALS,
      CspProcessSpecifications.PLAN_INTERVENTIONS,
      CspProcessSpecifications.PLAN_STAFF_RESPONSIBILITIES,
      CspProcessSpecifications.PLAN_DATE_LAST_REVIEWED,
      CspProcessSpecifications.PLAN_STAFF_SIGNATURES);

  private static Goal goal(String description, boolean measurable) {
    return Goal.builder().description(description).measurable(measurable).build();
  }

  /** A plan with every element. */
  private static ImmutableServicePlan complete() {
    return ServicePlan.builder().id("sp-1").completedOn(LocalDate.of(2024, 4, 10))
        .addProblemsAndNeeds("housing instability")
        .addStrengths("engaged family")
        .addGoals(goal("attend 4 of 4 weekly sessions", true))
        .addInterventions("weekly community support visits")
        .addStaffResponsibilities("CSP worker s-1: weekly visits")
        .lastReviewedOn(LocalDate.of(2024, 4, 10))
        .addStaffSignatures("s-1")
        .build();
  }

  private static Finding evaluate(EpisodeRequirement r, ServicePlan plan) {
    return FindingChecks.evaluate(r, record(episode(ServiceType.CSP).servicePlan(plan)), AS_OF);
  }

  /** {@code r} is NOT_MET on {@code plan} (a complete plan less the element) and MET on the complete plan. */
  private static void assertElementNotMet(EpisodeRequirement r, ServicePlan plan, String reason) {
    Finding f = evaluate(r, plan);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).isEqualTo("the written service plan does not include " + reason);
    assertThat(f.evidence()).extracting(Evidence::id).containsExactly("sp-1");
    assertThat(evaluate(r, complete()).outcome()).isEqualTo(Outcome.MET);
  }

  static Stream<EpisodeRequirement> elements() {
    return ELEMENTS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elements")
  @Verifies({"CSP.PROC.2.c.4.1", "CSP.PROC.2.c.4.2", "CSP.PROC.2.c.4.3", "CSP.PROC.2.c.4.4", "CSP.PROC.2.c.4.5",
      "CSP.PROC.2.c.4.6", "CSP.PROC.2.c.4.7"})
  void everyElementIsMetByACompletePlan(EpisodeRequirement r) {
    Finding f = evaluate(r, complete());
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.reason()).startsWith("the written service plan includes ");
    assertThat(f.evidence()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("servicePlan");
      assertThat(e.date()).hasValue(LocalDate.of(2024, 4, 10));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elements")
  @Verifies({"CSP.PROC.2.c.4.1", "CSP.PROC.2.c.4.2", "CSP.PROC.2.c.4.3", "CSP.PROC.2.c.4.4", "CSP.PROC.2.c.4.5",
      "CSP.PROC.2.c.4.6", "CSP.PROC.2.c.4.7"})
  void everyElementIsNotApplicableWithoutAPlan(EpisodeRequirement r) {
    Finding f = FindingChecks.evaluate(r, record(episode(ServiceType.CSP)), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(f.reason()).contains("no written service plan");
    assertThat(r.condition()).hasValue("a written service plan is in the record");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elements")
  @Verifies({"CSP.PROC.2.c.4.1", "CSP.PROC.2.c.4.2", "CSP.PROC.2.c.4.3", "CSP.PROC.2.c.4.4", "CSP.PROC.2.c.4.5",
      "CSP.PROC.2.c.4.6", "CSP.PROC.2.c.4.7"})
  void aPlanCompletedAfterTheAsOfDateIsNotInTheRecordYet(EpisodeRequirement r) {
    CaseRecord rec = record(episode(ServiceType.CSP).servicePlan(complete()));
    assertThat(FindingChecks.evaluate(r, rec, ny("2024-04-09T23:59")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(FindingChecks.evaluate(r, rec, ny("2024-04-10T00:00")).outcome()).isEqualTo(Outcome.MET);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elements")
  @Verifies({"CSP.PROC.2.c.4.1", "CSP.PROC.2.c.4.2", "CSP.PROC.2.c.4.3", "CSP.PROC.2.c.4.4", "CSP.PROC.2.c.4.5",
      "CSP.PROC.2.c.4.6", "CSP.PROC.2.c.4.7"})
  void anEmptyPlanMeetsNoElement(EpisodeRequirement r) {
    ServicePlan empty = ServicePlan.builder().id("sp-1").completedOn(LocalDate.of(2024, 4, 10)).build();
    assertThat(evaluate(r, empty).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.1")
  void element1ProblemsAndNeeds() {
    assertElementNotMet(CspProcessSpecifications.PLAN_PROBLEMS_AND_NEEDS,
        complete().withProblemsAndNeeds(List.of()), "identified problems and needs");
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.2")
  void element2StrengthsAndNeeds() {
    assertElementNotMet(CspProcessSpecifications.PLAN_STRENGTHS_AND_NEEDS,
        complete().withStrengths(List.of()), "the member's strengths and needs");
    assertElementNotMet(CspProcessSpecifications.PLAN_STRENGTHS_AND_NEEDS,
        complete().withProblemsAndNeeds(List.of()), "the member's strengths and needs");
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.3")
  void element3MeasurableGoals() {
    String what = "clearly defined interventions and measurable goals (every goal measurable)";
    assertElementNotMet(CspProcessSpecifications.PLAN_MEASURABLE_GOALS, complete().withGoals(List.of()), what);
    assertElementNotMet(CspProcessSpecifications.PLAN_MEASURABLE_GOALS,
        complete().withGoals(goal("attend 4 of 4 weekly sessions", true), goal("feel better", false)), what);
    assertElementNotMet(CspProcessSpecifications.PLAN_MEASURABLE_GOALS, complete().withInterventions(List.of()), what);
    assertThat(evaluate(CspProcessSpecifications.PLAN_MEASURABLE_GOALS,
        complete().withGoals(goal("a", true), goal("b", true))).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.4")
  void element4Interventions() {
    assertElementNotMet(CspProcessSpecifications.PLAN_INTERVENTIONS,
        complete().withInterventions(List.of()), "identified clinical interventions, services and benefits");
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.5")
  void element5StaffResponsibilities() {
    assertElementNotMet(CspProcessSpecifications.PLAN_STAFF_RESPONSIBILITIES,
        complete().withStaffResponsibilities(List.of()), "staff responsibilities and assignments");
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.6")
  void element6DateLastReviewed() {
    assertElementNotMet(CspProcessSpecifications.PLAN_DATE_LAST_REVIEWED,
        complete().withLastReviewedOn(java.util.Optional.empty()), "the date the plan was last reviewed or revised");
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.7")
  void element7StaffSignatures() {
    assertElementNotMet(CspProcessSpecifications.PLAN_STAFF_SIGNATURES,
        complete().withStaffSignatures(List.of()), "signatures of the CSP staff involved");
  }

  @Test
  @Verifies({"CSP.PROC.2.c.4.1", "CSP.PROC.2.c.4.2", "CSP.PROC.2.c.4.3", "CSP.PROC.2.c.4.4", "CSP.PROC.2.c.4.5",
      "CSP.PROC.2.c.4.6", "CSP.PROC.2.c.4.7"})
  void eachElementIsJudgedIndependently() {
    // removing one element fails that element only
    List<UnaryOperator<ImmutableServicePlan>> removals = List.of(
        p -> p.withProblemsAndNeeds(List.of()).withStrengths(List.of("x")),
        p -> p.withStrengths(List.of()),
        p -> p.withGoals(goal("vague", false)),
        p -> p.withInterventions(List.of()),
        p -> p.withStaffResponsibilities(List.of()),
        p -> p.withLastReviewedOn(java.util.Optional.empty()),
        p -> p.withStaffSignatures(List.of()));
    for (int i = 0; i < ELEMENTS.size(); i++) {
      ServicePlan plan = removals.get(i).apply(complete());
      for (int j = 0; j < ELEMENTS.size(); j++) {
        Outcome outcome = evaluate(ELEMENTS.get(j), plan).outcome();
        boolean expectedToFail = j == i
            || (i == 0 && j == 1) // needs are part of "strengths and needs"
            || (i == 3 && j == 2); // interventions are part of the solution-focused plan
        assertThat(outcome).as("removal %d, element %d", i + 1, j + 1)
            .isEqualTo(expectedToFail ? Outcome.NOT_MET : Outcome.MET);
      }
    }
  }

  // ==== the other requirements of the section ================================================

  private static Finding f(EpisodeRequirement r, CaseRecord rec) {
    return CspTestSupport.evaluate(r, rec);
  }

  private static Finding f(EpisodeRequirement r, CaseRecord rec, Instant asOf) {
    return CspTestSupport.evaluate(r, rec, asOf);
  }

  private static Outcome o(EpisodeRequirement r, CaseRecord rec) {
    return f(r, rec).outcome();
  }

  private static Outcome o(EpisodeRequirement r, CaseRecord rec, Instant asOf) {
    return f(r, rec, asOf).outcome();
  }

  private static Referral referralIn(ReferralSource source, String at) {
    return Referral.builder().id("ref-1").source(source).at(ny(at)).build();
  }

  private static Referral out(String id, ServiceCategory target, String at, ReferralOutcome outcome) {
    var b = Referral.builder().id(id).target(target).at(ny(at));
    if (outcome != null) {
      b.outcome(outcome);
    }
    return b.build();
  }

  @Test
  @Verifies("CSP.PROC.1")
  void mobileDelivery() {
    var loc = org.perfspecs.model.Location.builder().id("loc-1").inMassachusetts(true).communityServices(true).build();
    assertThat(CspTestSupport.evaluate(CspProcessSpecifications.MOBILE_DELIVERY, program(ServiceType.CSP).addLocations(loc).build())
        .outcome()).isEqualTo(Outcome.MET);
    assertThat(CspTestSupport.evaluate(CspProcessSpecifications.MOBILE_DELIVERY, program(ServiceType.CSP)
        .addLocations(loc.withCommunityServices(false)).build()).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Nested
  class Intake {
    private ImmutableEpisode.Builder referred(ReferralSource source) {
      return csp().referral(referralIn(source, "2024-04-01T10:00")).admittedAt(ny("2024-04-03T10:00"));
    }

    @Test
    @Verifies("CSP.PROC.2.a.1.a")
    void communicationWithTheReferralSourceByTheEndOfTheAdmissionDay() {
      var r = CspProcessSpecifications.COMMUNICATE_WITH_REFERRAL_SOURCE;
      var call = contact("c-1", "2024-04-03T23:59", ContactKind.CASE_MANAGEMENT, false).withParties(Party.REFERRAL_SOURCE);
      assertThat(o(r, record(referred(ReferralSource.BEHAVIORAL_HEALTH_PROVIDER).addContacts(call)))).isEqualTo(Outcome.MET);
      assertThat(o(r, record(referred(ReferralSource.BEHAVIORAL_HEALTH_PROVIDER).addContacts(call.withAt(startOfDay("2024-04-04"))))))
          .isEqualTo(Outcome.NOT_MET);
      // a contact without the referral source does not count
      assertThat(o(r, record(referred(ReferralSource.BEHAVIORAL_HEALTH_PROVIDER).addContacts(call.withParties(Party.PCC)))))
          .isEqualTo(Outcome.NOT_MET);
      var none = record(referred(ReferralSource.BEHAVIORAL_HEALTH_PROVIDER));
      assertThat(o(r, none, endOfDay("2024-04-03"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, none, startOfDay("2024-04-04"))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(referred(ReferralSource.SELF)))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(csp().admittedAt(ny("2024-04-03T10:00"))))).isEqualTo(Outcome.NOT_APPLICABLE);
      // a referral not admitted yet is a normal state, not missing data
      Finding notAdmitted = f(r, record(csp().referral(referralIn(ReferralSource.COURT, "2024-04-01T10:00"))));
      assertThat(notAdmitted.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(notAdmitted.reason()).startsWith("not admitted as of ");
      // neither a referral nor an admission: the admission time is missing
      assertThat(o(r, record(csp().addContacts(call)))).isIn(Outcome.NOT_APPLICABLE, Outcome.UNDETERMINED);
      // self-referred: not applicable whether or not an admission is recorded
      assertThat(o(r, record(csp().referral(referralIn(ReferralSource.SELF, "2024-04-01T10:00"))))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("CSP.PROC.2.a.1.b")
    void appropriatenessDocumentedByTheAdmissionDate() {
      var r = CspProcessSpecifications.DOCUMENT_APPROPRIATENESS;
      var adm = csp().admittedAt(ny("2024-04-03T10:00"));
      assertThat(o(r, record(adm.addDocuments(document("d-1", DocumentKind.ASSESSMENT, "2024-04-03"))))).isEqualTo(Outcome.MET);
      assertThat(o(r, record(csp().admittedAt(ny("2024-04-03T10:00")).addDocuments(document("d-1", DocumentKind.ASSESSMENT, "2024-04-04")))))
          .isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp().admittedAt(ny("2024-04-03T10:00"))), ny("2024-04-03T12:00"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, record(csp().admittedAt(ny("2024-04-03T10:00"))))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp()))).isEqualTo(Outcome.UNDETERMINED);
      assertThat(o(r, record(csp().determinedIneligibleAt(ny("2024-04-03T10:00"))))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("CSP.PROC.2.a.2")
    void dischargePlanningAtTheReferring24HourProvider() {
      var r = CspProcessSpecifications.DISCHARGE_PLANNING_AT_REFERRER;
      var meeting = contact("c-1", "2024-04-02T14:00", ContactKind.TEAM_MEETING, false).withParties(Party.REFERRAL_SOURCE);
      assertThat(o(r, record(referred(ReferralSource.INPATIENT_24_HOUR).addContacts(meeting)))).isEqualTo(Outcome.MET);
      assertThat(o(r, record(referred(ReferralSource.DIVERSIONARY_24_HOUR).addContacts(meeting.withKind(ContactKind.CASE_MANAGEMENT)))))
          .isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(referred(ReferralSource.INPATIENT_24_HOUR)), ny("2024-04-03T12:00"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, record(referred(ReferralSource.BEHAVIORAL_HEALTH_PROVIDER)))).isEqualTo(Outcome.NOT_APPLICABLE);
      // by the last nanosecond of the admission day; not the first instant of the next
      assertThat(o(r, record(referred(ReferralSource.INPATIENT_24_HOUR).addContacts(meeting.withAt(endOfDay("2024-04-03"))))))
          .isEqualTo(Outcome.MET);
      assertThat(o(r, record(referred(ReferralSource.INPATIENT_24_HOUR).addContacts(meeting.withAt(startOfDay("2024-04-04"))))))
          .isEqualTo(Outcome.NOT_MET);
      // a meeting before the referral does not count
      assertThat(o(r, record(referred(ReferralSource.INPATIENT_24_HOUR).addContacts(meeting.withAt(ny("2024-03-31T10:00"))))))
          .isEqualTo(Outcome.NOT_MET);
      Finding noAdmission = f(r, record(csp().referral(referralIn(ReferralSource.INPATIENT_24_HOUR, "2024-04-01T10:00"))));
      assertThat(noAdmission.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(noAdmission.reason()).startsWith("not admitted as of ");
      // discharged without an admission time: a fact that should be there is missing
      Finding missing = f(r, record(csp().referral(referralIn(ReferralSource.INPATIENT_24_HOUR, "2024-04-01T10:00"))
          .dischargedAt(ny("2024-04-20T10:00"))));
      assertThat(missing.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(missing.reason()).contains("no admission time is recorded");
    }

    @Test
    @Verifies("CSP.PROC.2.a.3")
    void referralsToAlternativesWhenIneligible() {
      var r = CspProcessSpecifications.REFERRALS_WHEN_INELIGIBLE;
      var inel = csp().determinedIneligibleAt(ny("2024-04-03T10:00"));
      assertThat(o(r, record(inel.addReferralsMade(out("r-1", ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH, "2024-04-03T23:59", null)))))
          .isEqualTo(Outcome.MET);
      assertThat(o(r, record(csp().determinedIneligibleAt(ny("2024-04-03T10:00"))
          .addReferralsMade(out("r-1", ServiceCategory.ALTERNATIVE_SERVICES, "2024-04-04T00:00", null))))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp().determinedIneligibleAt(ny("2024-04-03T10:00"))), ny("2024-04-03T11:00"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, record(csp().admittedAt(ny("2024-04-03T10:00"))))).isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }

  private static ImmutableDocument na(String id, String date, Party... with) {
    return document(id, DocumentKind.NEEDS_ASSESSMENT, date).withDevelopedWith(with);
  }

  @Nested
  class NeedsAssessment {
    @Test
    @Verifies("CSP.PROC.2.b.1")
    void within14DaysOfTheInitialAppointment() {
      var r = CspProcessSpecifications.NEEDS_ASSESSMENT_WITHIN_TWO_WEEKS;
      var appt = Appointment.builder().id("a-1").kind(AppointmentKind.INITIAL).scheduledAt(ny("2024-04-01T09:00"))
          .at(ny("2024-04-02T10:00")).kept(true).build();
      var base = csp().admittedAt(ny("2024-04-01T10:00")).addAppointments(appt);
      Finding met = f(r, record(base.addDocuments(na("d-1", "2024-04-16"))));
      assertThat(met.outcome()).isEqualTo(Outcome.MET);
      assertThat(met.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-16"));
      assertThat(o(r, record(csp().admittedAt(ny("2024-04-01T10:00")).addAppointments(appt).addDocuments(na("d-1", "2024-04-17")))))
          .isEqualTo(Outcome.NOT_MET);
      var none = record(csp().admittedAt(ny("2024-04-01T10:00")).addAppointments(appt));
      assertThat(o(r, none, endOfDay("2024-04-16"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, none, startOfDay("2024-04-17"))).isEqualTo(Outcome.NOT_MET);
      // a missed initial appointment does not start the clock: the admission does (due 2024-04-15)
      var missed = record(csp().admittedAt(ny("2024-04-01T10:00")).addAppointments(appt.withKept(false)).addDocuments(na("d-1", "2024-04-16")));
      assertThat(o(r, missed)).isEqualTo(Outcome.NOT_MET);
      Finding undetermined = f(r, record(csp()));
      assertThat(undetermined.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(undetermined.reason()).contains("no admission time is recorded").contains("no initial appointment");
      assertThat(o(r, record(csp().determinedIneligibleAt(ny("2024-04-01T10:00"))))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("CSP.PROC.2.b.2")
    void updatedWithTheMemberQuarterly() {
      var r = CspProcessSpecifications.NEEDS_ASSESSMENT_QUARTERLY;
      // first 2024-01-10: next due 2024-04-10
      var onTime = csp().admittedAt(ny("2024-01-02T10:00")).addDocuments(na("d-1", "2024-01-10"), na("d-2", "2024-04-10", Party.MEMBER));
      // one window closed on time: MET so far, naming the next due time
      Finding soFar = f(r, record(onTime));
      assertThat(soFar.outcome()).isEqualTo(Outcome.MET);
      assertThat(soFar.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-07-10"));
      assertThat(o(r, record(onTime), startOfDay("2024-07-11"))).as("the second window missed").isEqualTo(Outcome.NOT_MET);
      // month-end clipping: 2024-01-31 + 3 months = 2024-04-30
      var endOfMonth = record(csp().admittedAt(ny("2024-01-02T10:00")).addDocuments(na("d-1", "2024-01-31")));
      assertThat(f(r, endOfMonth, endOfDay("2024-04-30")).due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-30"));
      assertThat(o(r, endOfMonth, endOfDay("2024-04-30"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, endOfMonth, startOfDay("2024-05-01"))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp().admittedAt(ny("2024-01-02T10:00")).addDocuments(na("d-1", "2024-01-10"),
          na("d-2", "2024-04-11", Party.MEMBER))))).isEqualTo(Outcome.NOT_MET);
      // an update without the member does not count
      assertThat(o(r, record(csp().admittedAt(ny("2024-01-02T10:00")).addDocuments(na("d-1", "2024-01-10"), na("d-2", "2024-04-10")))))
          .isEqualTo(Outcome.NOT_MET);
      var onlyFirst = record(csp().admittedAt(ny("2024-01-02T10:00")).addDocuments(na("d-1", "2024-01-10")));
      assertThat(o(r, onlyFirst, endOfDay("2024-04-10"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, onlyFirst, startOfDay("2024-04-11"))).isEqualTo(Outcome.NOT_MET);
      // discharged on the due date: the window is cut short, nothing fell due; the day after: not met
      assertThat(o(r, record(csp().admittedAt(ny("2024-01-02T10:00")).dischargedAt(ny("2024-04-10T15:00"))
          .addDocuments(na("d-1", "2024-01-10"))))).isEqualTo(Outcome.NOT_APPLICABLE);
      // discharged after an on-time update and before the next due date: MET, no window in progress, no due
      Finding closedThenDischarged = f(r, record(csp().admittedAt(ny("2024-01-02T10:00")).dischargedAt(ny("2024-05-01T15:00"))
          .addDocuments(na("d-1", "2024-01-10"), na("d-2", "2024-04-10", Party.MEMBER))), startOfDay("2024-06-01"));
      assertThat(closedThenDischarged.outcome()).isEqualTo(Outcome.MET);
      assertThat(closedThenDischarged.due()).isEmpty();
      assertThat(o(r, record(csp().admittedAt(ny("2024-01-02T10:00")).dischargedAt(ny("2024-04-11T15:00"))
          .addDocuments(na("d-1", "2024-01-10"))))).isEqualTo(Outcome.NOT_MET);
      // an update dated after the discharge is not one made while enrolled: ignored, whatever its date
      var dischargedEarly = csp().admittedAt(ny("2024-01-02T10:00")).dischargedAt(ny("2024-03-15T15:00"))
          .addDocuments(na("d-1", "2024-01-10"), na("d-2", "2024-06-01", Party.MEMBER));
      assertThat(o(r, record(dischargedEarly), startOfDay("2024-05-01"))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(dischargedEarly), startOfDay("2024-07-01"))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(csp()))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies({"CSP.PROC.2.b.3.1", "CSP.PROC.2.b.3.2"})
    void theLatestAssessmentIdentifiesBarriersAndCommunityInvolvement() {
      var both = na("d-2", "2024-04-10").withElements(ContentElement.BARRIERS_TO_TREATMENT,
          ContentElement.COMMUNITY_INVOLVEMENT_SKILLS_AND_RESOURCES);
      for (EpisodeRequirement r : List.of(CspProcessSpecifications.NEEDS_ASSESSMENT_BARRIERS,
          CspProcessSpecifications.NEEDS_ASSESSMENT_COMMUNITY_INVOLVEMENT)) {
        assertThat(o(r, record(csp().addDocuments(na("d-1", "2024-01-10"), both)))).isEqualTo(Outcome.MET);
        // judged on the latest: an earlier complete one does not help
        assertThat(o(r, record(csp().addDocuments(both.withId("d-0").withDate(LocalDate.of(2024, 1, 1)), na("d-1", "2024-01-10")))))
            .isEqualTo(Outcome.NOT_MET);
        assertThat(o(r, record(csp()))).isEqualTo(Outcome.NOT_APPLICABLE);
      }
      assertThat(o(CspProcessSpecifications.NEEDS_ASSESSMENT_BARRIERS, record(csp().addDocuments(
          both.withElements(ContentElement.BARRIERS_TO_TREATMENT))))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.NEEDS_ASSESSMENT_COMMUNITY_INVOLVEMENT, record(csp().addDocuments(
          both.withElements(ContentElement.BARRIERS_TO_TREATMENT))))).isEqualTo(Outcome.NOT_MET);
    }
  }

  @Nested
  class ServicePlanning {
    @Test
    @Verifies("CSP.PROC.2.c")
    void planUponCompletionOfTheNeedsAssessment() {
      var r = CspProcessSpecifications.PLAN_UPON_NEEDS_ASSESSMENT;
      var withNa = csp().addDocuments(na("d-1", "2024-04-10"));
      assertThat(o(r, record(withNa.servicePlan(complete())))).isEqualTo(Outcome.MET);
      assertThat(o(r, record(csp().addDocuments(na("d-1", "2024-04-10")).servicePlan(complete().withCompletedOn(LocalDate.of(2024, 4, 11))))))
          .isEqualTo(Outcome.NOT_MET);
      Finding before = f(r, record(csp().addDocuments(na("d-1", "2024-04-10")).servicePlan(complete().withCompletedOn(LocalDate.of(2024, 4, 9)))));
      assertThat(before.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(before.reason()).contains("before the needs assessment");
      assertThat(o(r, record(csp().addDocuments(na("d-1", "2024-04-10"))), ny("2024-04-10T18:00"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, record(csp().addDocuments(na("d-1", "2024-04-10"))), startOfDay("2024-04-11"))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp().servicePlan(complete())))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies({"CSP.PROC.2.c.1", "CSP.PROC.2.c.2.a"})
    void personCenteredAndDevelopedWithTheMember() {
      var r1 = CspProcessSpecifications.PLAN_PERSON_CENTERED;
      assertThat(o(r1, record(csp().servicePlan(complete())))).isEqualTo(Outcome.MET);
      assertThat(o(r1, record(csp().servicePlan(complete().withInterventions(List.of()))))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r1, record(csp()))).isEqualTo(Outcome.NOT_APPLICABLE);
      var r2 = CspProcessSpecifications.PLAN_WITH_MEMBER;
      assertThat(o(r2, record(csp().servicePlan(complete().withDevelopedWith(Party.MEMBER))))).isEqualTo(Outcome.MET);
      assertThat(o(r2, record(csp().servicePlan(complete())))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r2, record(csp()))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("CSP.PROC.2.c.2.b")
    void developedWithTheChosenSupportNetwork() {
      var r = CspProcessSpecifications.PLAN_WITH_SUPPORT_NETWORK;
      assertThat(o(r, record(csp().servicePlan(complete())))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(csp().addConsentToShareWith(Party.FAMILY).servicePlan(complete())))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp().addConsentToShareWith(Party.FAMILY).servicePlan(complete().withDevelopedWith(Party.FAMILY)))))
          .isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("CSP.PROC.2.c.3")
    void referringProvidersRecordsIncorporated() {
      var r = CspProcessSpecifications.PLAN_INCORPORATES_RECORDS;
      var byProvider = csp().referral(referralIn(ReferralSource.BEHAVIORAL_HEALTH_PROVIDER, "2024-04-01T10:00"));
      assertThat(o(r, record(byProvider.servicePlan(complete().withDevelopedWith(Party.REFERRAL_SOURCE))))).isEqualTo(Outcome.MET);
      assertThat(o(r, record(csp().referral(referralIn(ReferralSource.BEHAVIORAL_HEALTH_PROVIDER, "2024-04-01T10:00"))
          .servicePlan(complete())))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp().referral(referralIn(ReferralSource.SELF, "2024-04-01T10:00")).servicePlan(complete()))))
          .isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(csp().servicePlan(complete())))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    private PlanReview revised(String on) {
      return PlanReview.builder().reviewedOn(LocalDate.parse(on)).revised(true).build();
    }

    @Test
    @Verifies("CSP.PROC.2.c.5.a")
    void reviewedAndRevisedEvery12Months() {
      var r = CspProcessSpecifications.PLAN_REVIEWED_12_MONTHS;
      var plan = complete().withCompletedOn(LocalDate.of(2023, 4, 10));
      Instant late = ny("2024-06-01T12:00");
      Finding soFar = f(r, record(csp().servicePlan(plan.withReviews(revised("2024-04-10")))), late);
      assertThat(soFar.outcome()).isEqualTo(Outcome.MET);
      assertThat(soFar.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2025-04-10"));
      // a 29 February anchor: due on 28 February the next year, met at its last instant, missed after
      var leap = record(csp().servicePlan(complete().withCompletedOn(LocalDate.of(2024, 2, 29))));
      assertThat(f(r, leap, endOfDay("2025-02-28")).due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2025-02-28"));
      assertThat(o(r, leap, endOfDay("2025-02-28"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, leap, startOfDay("2025-03-01"))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp().servicePlan(complete().withCompletedOn(LocalDate.of(2024, 2, 29))
          .withReviews(revised("2025-02-28")))), startOfDay("2025-03-01"))).isEqualTo(Outcome.MET);
      assertThat(o(r, record(csp().servicePlan(plan.withReviews(revised("2024-04-11")))), late)).isEqualTo(Outcome.NOT_MET);
      // a review that did not revise the plan does not count
      assertThat(o(r, record(csp().servicePlan(plan.withReviews(PlanReview.builder().reviewedOn(LocalDate.of(2024, 4, 1))
          .revised(false).build()))), late)).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp().servicePlan(plan)), endOfDay("2024-04-10"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, record(csp().servicePlan(plan)), startOfDay("2024-04-11"))).isEqualTo(Outcome.NOT_MET);
      // discharged before the first review fell due: nothing fell due
      assertThat(o(r, record(csp().dischargedAt(ny("2024-03-01T10:00")).admittedAt(ny("2023-04-01T10:00")).servicePlan(plan)), late))
          .isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(csp()))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("CSP.PROC.2.c.5.b")
    void updatedAfterASignificantChange() {
      var r = CspProcessSpecifications.PLAN_UPDATED_AFTER_CHANGE;
      var changed = csp().addSignificantNeedsChangesOn(LocalDate.of(2024, 4, 20));
      assertThat(o(r, record(changed.servicePlan(complete().withReviews(revised("2024-04-20")))))).isEqualTo(Outcome.MET);
      assertThat(o(r, record(csp().addSignificantNeedsChangesOn(LocalDate.of(2024, 4, 20))
          .servicePlan(complete().withReviews(revised("2024-04-19")))))).isEqualTo(Outcome.NOT_MET);
      // a change before the plan, or dated after the as-of, does not apply
      assertThat(o(r, record(csp().addSignificantNeedsChangesOn(LocalDate.of(2024, 4, 1)).servicePlan(complete()))))
          .isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(csp().addSignificantNeedsChangesOn(LocalDate.of(2024, 5, 2)).servicePlan(complete()))))
          .isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(csp().addSignificantNeedsChangesOn(LocalDate.of(2024, 4, 20))))).isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }

  @Nested
  class Services {
    @Test
    @Verifies({"CSP.PROC.2.d.a", "CSP.PROC.2.d.b", "CSP.PROC.2.e.b", "CSP.PROC.2.e.2.a"})
    void attested() {
      for (ProgramRequirement r : List.of(CspProcessSpecifications.SERVICES_FOSTER_EMPOWERMENT,
          CspProcessSpecifications.SERVICES_INCREASE_INDEPENDENCE, CspProcessSpecifications.RESOURCE_CONNECTIONS,
          CspProcessSpecifications.REFERRAL_CONTINUITY)) {
        CspTestSupport.assertAttested(r);
      }
    }

    @Test
    @Verifies("CSP.PROC.2.d.1")
    void dailyLivingSkillsWhenMarked() {
      var r = CspProcessSpecifications.DAILY_LIVING_SKILLS;
      var skills = contact("c-1", "2024-03-10T10:00", ContactKind.INDIVIDUAL, true).withTopics(Topic.DAILY_LIVING_SKILLS);
      assertThat(o(r, record(dischargedStay()))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(dischargedStay().addCounselingNeeds(Topic.DAILY_LIVING_SKILLS)))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(dischargedStay().addCounselingNeeds(Topic.DAILY_LIVING_SKILLS).addContacts(skills)))).isEqualTo(Outcome.MET);
      // open episode: judged over the stay so far
      assertThat(o(r, record(openStay().addCounselingNeeds(Topic.DAILY_LIVING_SKILLS)))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(openStay().addCounselingNeeds(Topic.DAILY_LIVING_SKILLS).addContacts(skills)))).isEqualTo(Outcome.MET);
      assertThat(o(r, record(openStay()))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(csp().addCounselingNeeds(Topic.DAILY_LIVING_SKILLS)))).isEqualTo(Outcome.UNDETERMINED);
    }

    @Test
    @Verifies({"CSP.PROC.2.d.2", "CSP.PROC.2.d.5"})
    void timeWithMembersAndCommunicating() {
      var engaged = contact("c-1", "2024-03-10T10:00", ContactKind.INDIVIDUAL, true);
      var reminder = contact("c-2", "2024-03-10T10:00", ContactKind.CASE_MANAGEMENT, false).withParties(Party.PCC);
      assertThat(o(CspProcessSpecifications.TIME_WITH_MEMBER, record(dischargedStay().addContacts(engaged)))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.TIME_WITH_MEMBER, record(dischargedStay().addContacts(reminder)))).isEqualTo(Outcome.NOT_MET);
      // open episode: judged over the stay so far
      assertThat(o(CspProcessSpecifications.TIME_WITH_MEMBER, record(openStay().addContacts(engaged)))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.TIME_WITH_MEMBER, record(openStay().addContacts(reminder)))).isEqualTo(Outcome.NOT_MET);
      // a contact after the as-of time is not in the stay so far
      assertThat(o(CspProcessSpecifications.TIME_WITH_MEMBER, record(openStay().addContacts(
          contact("c-9", "2024-05-02T10:00", ContactKind.INDIVIDUAL, true))))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.TIME_WITH_MEMBER, record(csp()))).isEqualTo(Outcome.UNDETERMINED);
      assertThat(o(CspProcessSpecifications.COMMUNICATING, record(dischargedStay().addContacts(reminder)))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.COMMUNICATING, record(dischargedStay().addContacts(
          contact("c-3", "2024-03-10T10:00", ContactKind.OUTREACH_ATTEMPT, false))))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.COMMUNICATING, record(openStay().addContacts(reminder)))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.COMMUNICATING, record(openStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.COMMUNICATING, record(csp()))).isEqualTo(Outcome.UNDETERMINED);
    }

    @Test
    @Verifies({"CSP.PROC.2.d.3.a", "CSP.PROC.2.d.3.b", "CSP.PROC.2.d.3.c", "CSP.PROC.2.d.3.d"})
    void educationAndLinkage() {
      var edu = contact("c-1", "2024-03-10T10:00", ContactKind.EDUCATION, true)
          .withTopics(Topic.MENTAL_ILLNESS, Topic.SUBSTANCE_USE, Topic.RECOVERY, Topic.PSYCHOTROPIC_MEDICATIONS);
      assertThat(o(CspProcessSpecifications.SERVICE_EDUCATION, record(dischargedStay().addContacts(edu)))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.SERVICE_EDUCATION, record(dischargedStay()))).isEqualTo(Outcome.NOT_MET);
      // open episode: judged over the stay so far
      assertThat(o(CspProcessSpecifications.SERVICE_EDUCATION, record(openStay().addContacts(edu)))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.SERVICE_EDUCATION, record(openStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.SERVICE_EDUCATION, record(csp()))).isEqualTo(Outcome.UNDETERMINED);
      // only psychotropic medications here, even when physical-disorder medication education is marked
      assertThat(o(CspProcessSpecifications.SERVICE_MEDICATION_EDUCATION, record(dischargedStay().addContacts(edu)
          .addCounselingNeeds(Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS)))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.SERVICE_MEDICATION_EDUCATION, record(dischargedStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.SERVICE_MEDICATION_EDUCATION, record(openStay().addContacts(edu)))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.SERVICE_MEDICATION_EDUCATION, record(openStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.SERVICE_MEDICATION_EDUCATION, record(csp()))).isEqualTo(Outcome.UNDETERMINED);
      var psych = dischargedStay().addServiceNeeds(ServiceCategory.PSYCHIATRY);
      assertThat(o(CspProcessSpecifications.SERVICE_MEDICATION_MONITORING, record(psych))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.SERVICE_MEDICATION_MONITORING, record(psych.addReferralsMade(
          out("r-1", ServiceCategory.PSYCHIATRY, "2024-04-01T10:00", null))))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.SERVICE_MEDICATION_MONITORING, record(dischargedStay()))).isEqualTo(Outcome.NOT_APPLICABLE);
      var openPsych = openStay().addServiceNeeds(ServiceCategory.PSYCHIATRY);
      assertThat(o(CspProcessSpecifications.SERVICE_MEDICATION_MONITORING, record(openPsych))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.SERVICE_MEDICATION_MONITORING, record(openPsych.addReferralsMade(
          out("r-1", ServiceCategory.PSYCHIATRY, "2024-04-01T10:00", null))))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.SERVICE_HEALTH_MAINTENANCE, record(member().primaryCareClinician(
          CareProvider.builder().name("Dr P").build()), dischargedStay()))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.SERVICE_HEALTH_MAINTENANCE, record(dischargedStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.SERVICE_HEALTH_MAINTENANCE, record(openStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.SERVICE_HEALTH_MAINTENANCE, record(openStay().addReferralsMade(
          out("r-1", ServiceCategory.PRIMARY_HEALTH, "2024-04-01T10:00", null))))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.SERVICE_HEALTH_MAINTENANCE, record(csp()))).isEqualTo(Outcome.UNDETERMINED);
    }

    @Test
    @Verifies({"CSP.PROC.2.d.4.1", "CSP.PROC.2.d.4.2", "CSP.PROC.2.d.4.3"})
    void assistanceWithBenefitsHousingAndHealthcareWhenMarked() {
      List<EpisodeRequirement> rs = List.of(CspProcessSpecifications.OBTAINING_BENEFITS, CspProcessSpecifications.OBTAINING_HOUSING,
          CspProcessSpecifications.OBTAINING_HEALTHCARE);
      List<ServiceCategory> needs = List.of(ServiceCategory.BENEFITS, ServiceCategory.HOUSING, ServiceCategory.PCC);
      for (int i = 0; i < 3; i++) {
        var r = rs.get(i);
        assertThat(o(r, record(dischargedStay()))).as(r.id()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(o(r, record(dischargedStay().addServiceNeeds(needs.get(i))))).as(r.id()).isEqualTo(Outcome.NOT_MET);
        assertThat(o(r, record(dischargedStay().addServiceNeeds(needs.get(i))
            .addReferralsMade(out("r-1", needs.get(i), "2024-03-10T10:00", null))))).as(r.id()).isEqualTo(Outcome.MET);
        // open episode: judged over the stay so far
        assertThat(o(r, record(openStay().addServiceNeeds(needs.get(i))))).as(r.id()).isEqualTo(Outcome.NOT_MET);
        assertThat(o(r, record(openStay().addServiceNeeds(needs.get(i))
            .addReferralsMade(out("r-1", needs.get(i), "2024-03-10T10:00", null))))).as(r.id()).isEqualTo(Outcome.MET);
        assertThat(o(r, record(csp().addServiceNeeds(needs.get(i))))).as(r.id()).isEqualTo(Outcome.UNDETERMINED);
      }
    }

    @Test
    @Verifies({"CSP.PROC.2.d.6.1", "CSP.PROC.2.d.6.2"})
    void crisisPreventionAndSafetyPlans() {
      assertThat(o(CspProcessSpecifications.CRISIS_PREVENTION_PLAN, record(dischargedStay().addDocuments(
          document("d-1", DocumentKind.CRISIS_PREVENTION_PLAN, "2024-03-10"))))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.CRISIS_PREVENTION_PLAN, record(dischargedStay().addDocuments(
          document("d-1", DocumentKind.SAFETY_PLAN, "2024-03-10"))))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(CspProcessSpecifications.SAFETY_PLAN, record(dischargedStay().addDocuments(
          document("d-1", DocumentKind.SAFETY_PLAN, "2024-03-10"))))).isEqualTo(Outcome.MET);
      assertThat(o(CspProcessSpecifications.SAFETY_PLAN, record(dischargedStay()))).isEqualTo(Outcome.NOT_MET);
      // open episode: judged over the stay so far
      for (var kind : List.of(DocumentKind.CRISIS_PREVENTION_PLAN, DocumentKind.SAFETY_PLAN)) {
        var r = kind == DocumentKind.SAFETY_PLAN ? CspProcessSpecifications.SAFETY_PLAN : CspProcessSpecifications.CRISIS_PREVENTION_PLAN;
        assertThat(o(r, record(openStay().addDocuments(document("d-1", kind, "2024-03-10"))))).as(r.id()).isEqualTo(Outcome.MET);
        assertThat(o(r, record(openStay()))).as(r.id()).isEqualTo(Outcome.NOT_MET);
        // dated before admission: not developed during the stay
        assertThat(o(r, record(openStay().addDocuments(document("d-1", kind, "2024-03-01"))))).as(r.id()).isEqualTo(Outcome.NOT_MET);
        assertThat(o(r, record(csp()))).as(r.id()).isEqualTo(Outcome.UNDETERMINED);
      }
    }

    @Test
    @Verifies("CSP.PROC.2.d.7")
    void naturalPeerAndSelfHelpSupports() {
      var r = CspProcessSpecifications.NATURAL_AND_PEER_SUPPORTS;
      assertThat(o(r, record(dischargedStay().addContacts(contact("c-1", "2024-03-10T10:00", ContactKind.PEER_SUPPORT, true)))))
          .isEqualTo(Outcome.MET);
      assertThat(o(r, record(dischargedStay()))).isEqualTo(Outcome.NOT_MET);
      // open episode: judged over the stay so far
      assertThat(o(r, record(openStay().addContacts(contact("c-1", "2024-03-10T10:00", ContactKind.PEER_SUPPORT, true)))))
          .isEqualTo(Outcome.MET);
      assertThat(o(r, record(openStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp()))).isEqualTo(Outcome.UNDETERMINED);
    }
  }

  @Nested
  class Referrals {
    @Test
    @Verifies({"CSP.PROC.2.e.a", "CSP.PROC.2.e.1"})
    void writtenReferralProcedures() {
      var both = program(ServiceType.CSP).addWrittenProcedures(ProcedureKind.REFERRAL, ProcedureKind.BEHAVIORAL_HEALTH_NEEDS).build();
      var none = program(ServiceType.CSP).build();
      for (ProgramRequirement r : List.of(CspProcessSpecifications.REFERRAL_METHODS, CspProcessSpecifications.BEHAVIORAL_HEALTH_NEEDS_POLICIES)) {
        assertThat(CspTestSupport.evaluate(r, both).outcome()).isEqualTo(Outcome.MET);
        assertThat(CspTestSupport.evaluate(r, none).outcome()).isEqualTo(Outcome.NOT_MET);
      }
    }

    @Test
    @Verifies("CSP.PROC.2.e.2.b")
    void everyReferralMadeDuringTheStayHasADocumentedOutcome() {
      var r = CspProcessSpecifications.REFERRALS_COMPLETED;
      assertThat(o(r, record(dischargedStay()))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(dischargedStay().addReferralsMade(out("r-1", ServiceCategory.HOUSING, "2024-03-10T10:00", ReferralOutcome.DECLINED)))))
          .isEqualTo(Outcome.MET);
      assertThat(o(r, record(dischargedStay().addReferralsMade(out("r-1", ServiceCategory.HOUSING, "2024-03-10T10:00", ReferralOutcome.PENDING),
          out("r-2", ServiceCategory.LEGAL, "2024-03-11T10:00", null))))).isEqualTo(Outcome.NOT_MET);
      // a referral after discharge is not one made during the stay
      assertThat(o(r, record(dischargedStay().addReferralsMade(out("r-1", ServiceCategory.HOUSING, "2024-04-27T10:00", null)))))
          .isEqualTo(Outcome.NOT_APPLICABLE);
      // open episode: judged over the referrals made during the stay so far
      assertThat(o(r, record(openStay().addReferralsMade(out("r-1", ServiceCategory.HOUSING, "2024-03-10T10:00", ReferralOutcome.CONNECTED)))))
          .isEqualTo(Outcome.MET);
      assertThat(o(r, record(openStay().addReferralsMade(out("r-1", ServiceCategory.HOUSING, "2024-03-10T10:00", null)))))
          .isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(openStay()))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(r, record(csp().addReferralsMade(out("r-1", ServiceCategory.HOUSING, "2024-03-10T10:00", null)))))
          .isEqualTo(Outcome.UNDETERMINED);
    }

    @Test
    @Verifies("CSP.PROC.2.e.3")
    void referralsShouldConnectTheMember() {
      var r = CspProcessSpecifications.REFERRALS_CONNECT;
      assertThat(r.strength()).isEqualTo(Strength.SHOULD);
      assertThat(o(r, record(csp().addReferralsMade(out("r-1", ServiceCategory.HOUSING, "2024-03-10T10:00", ReferralOutcome.CONNECTED)))))
          .isEqualTo(Outcome.MET);
      assertThat(o(r, record(csp().addReferralsMade(out("r-1", ServiceCategory.HOUSING, "2024-03-10T10:00", ReferralOutcome.NOT_ATTENDED)))))
          .isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp().addReferralsMade(out("r-1", ServiceCategory.HOUSING, "2024-03-10T10:00", ReferralOutcome.PENDING),
          out("r-2", ServiceCategory.DOULA, "2024-03-10T10:00", ReferralOutcome.DECLINED))))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("CSP.PROC.2.f")
    void crisisCapacityInAndOutsideBusinessHours() {
      var r = CspProcessSpecifications.CRISIS_CAPACITY;
      var onCall = OnCallArrangement.builder().coversClosedHours(true).triagesAndRefers(true).build();
      assertThat(CspTestSupport.evaluate(r, program(ServiceType.CSP).addWrittenProcedures(ProcedureKind.CRISIS_RESPONSE).onCall(onCall).build())
          .outcome()).isEqualTo(Outcome.MET);
      assertThat(CspTestSupport.evaluate(r, program(ServiceType.CSP).onCall(onCall).build()).reason()).contains("crisis-response procedure");
      assertThat(CspTestSupport.evaluate(r, program(ServiceType.CSP).addWrittenProcedures(ProcedureKind.CRISIS_RESPONSE).build()).outcome())
          .isEqualTo(Outcome.NOT_MET);
      assertThat(CspTestSupport.evaluate(r, program(ServiceType.CSP).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    }
  }

  private static ImmutableDocument dpNote(String id, String date, Party... with) {
    return document(id, DocumentKind.PROGRESS_NOTE, date).withElements(ContentElement.DISCHARGE_PLANNING_ACTIVITY).withDevelopedWith(with);
  }

  @Nested
  class DischargePlanning {
    @Test
    @Verifies("CSP.PROC.2.g")
    void dischargePerMassHealthStandardsIsExternal() {
      CspTestSupport.assertExternal(CspProcessSpecifications.DISCHARGE_PER_MASSHEALTH, CspProcessSpecifications.MASSHEALTH_DISCHARGE_STANDARDS);
    }

    @Test
    @Verifies("CSP.PROC.2.g.1.a")
    void dischargePlanningBegunOnTheAdmissionDay() {
      var r = CspProcessSpecifications.DISCHARGE_PLANNING_AT_ADMISSION;
      assertThat(o(r, record(csp().admittedAt(ny("2024-03-04T10:00")).addDocuments(dpNote("d-1", "2024-03-04"))))).isEqualTo(Outcome.MET);
      assertThat(o(r, record(csp().admittedAt(ny("2024-03-04T10:00")).addDocuments(dpNote("d-1", "2024-03-05"))))).isEqualTo(Outcome.NOT_MET);
      // a progress note without discharge-planning activity does not count
      assertThat(o(r, record(csp().admittedAt(ny("2024-03-04T10:00")).addDocuments(document("d-1", DocumentKind.PROGRESS_NOTE, "2024-03-04")))))
          .isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp().admittedAt(ny("2024-03-04T10:00"))), ny("2024-03-04T20:00"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, record(csp()))).isEqualTo(Outcome.UNDETERMINED);
    }

    @Test
    @Verifies({"CSP.PROC.2.g.1.b", "CSP.PROC.2.g.1.c"})
    void memberParticipationAndProgressNotes() {
      var with = CspProcessSpecifications.DISCHARGE_PLANNING_WITH_MEMBER;
      assertThat(o(with, record(csp().addDocuments(dpNote("d-1", "2024-03-04", Party.MEMBER))))).isEqualTo(Outcome.MET);
      assertThat(o(with, record(csp().addDocuments(dpNote("d-1", "2024-03-04", Party.FAMILY))))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(with, record(csp()))).isEqualTo(Outcome.NOT_APPLICABLE);
      var notes = CspProcessSpecifications.DISCHARGE_PLANNING_IN_PROGRESS_NOTES;
      assertThat(o(notes, record(dischargedStay().addDocuments(dpNote("d-1", "2024-03-04"))))).isEqualTo(Outcome.MET);
      assertThat(o(notes, record(dischargedStay().addDocuments(document("d-1", DocumentKind.DISCHARGE_PLAN, "2024-04-26")))))
          .isEqualTo(Outcome.NOT_MET);
      // open episode: judged over the stay so far
      assertThat(o(notes, record(openStay().addDocuments(dpNote("d-1", "2024-03-04"))))).isEqualTo(Outcome.MET);
      assertThat(o(notes, record(openStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(notes, record(csp()))).isEqualTo(Outcome.UNDETERMINED);
    }

    @Test
    @Verifies({"CSP.PROC.2.g.2.1", "CSP.PROC.2.g.2.2", "CSP.PROC.2.g.2.3", "CSP.PROC.2.g.2.4"})
    void whoTheDischargePlanningInvolves() {
      var supports = CspProcessSpecifications.DISCHARGE_WITH_SUPPORTS;
      assertThat(o(supports, record(dischargedStay()))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(supports, record(dischargedStay().addConsentToShareWith(Party.FAMILY)))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(supports, record(dischargedStay().addConsentToShareWith(Party.FAMILY).addDocuments(dpNote("d-1", "2024-04-20", Party.FAMILY)))))
          .isEqualTo(Outcome.MET);
      // open episode: judged over the stay so far
      assertThat(o(supports, record(openStay().addConsentToShareWith(Party.FAMILY)))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(supports, record(openStay().addConsentToShareWith(Party.FAMILY).addDocuments(dpNote("d-1", "2024-04-20", Party.FAMILY)))))
          .isEqualTo(Outcome.MET);
      var providers = CspProcessSpecifications.DISCHARGE_WITH_PROVIDERS;
      var withPcc = member().primaryCareClinician(CareProvider.builder().name("Dr P").build());
      assertThat(o(providers, record(dischargedStay()))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(providers, record(withPcc, dischargedStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(providers, record(withPcc, dischargedStay().addDocuments(document("d-1", DocumentKind.DISCHARGE_PLAN, "2024-04-26")
          .withDevelopedWith(Party.PCC))))).isEqualTo(Outcome.MET);
      assertThat(o(providers, record(withPcc, openStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(providers, record(withPcc, openStay().addDocuments(dpNote("d-1", "2024-04-20", Party.PCC))))).isEqualTo(Outcome.MET);
      var agencies = CspProcessSpecifications.DISCHARGE_WITH_AGENCIES;
      assertThat(o(agencies, record(member().addStateAgencies(StateAgency.PROBATION), dischargedStay()))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(agencies, record(member().addStateAgencies(StateAgency.DMH), dischargedStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(agencies, record(member().addStateAgencies(StateAgency.DMH), dischargedStay().addDocuments(
          dpNote("d-1", "2024-04-20", Party.DMH_CLINICIAN))))).isEqualTo(Outcome.MET);
      assertThat(o(agencies, record(member().addStateAgencies(StateAgency.DMH), openStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(agencies, record(member().addStateAgencies(StateAgency.DMH), openStay().addDocuments(
          dpNote("d-1", "2024-04-20", Party.DMH_CLINICIAN))))).isEqualTo(Outcome.MET);
      var probation = CspProcessSpecifications.DISCHARGE_WITH_PROBATION;
      assertThat(o(probation, record(member().addStateAgencies(StateAgency.DMH), dischargedStay()))).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(o(probation, record(member().addStateAgencies(StateAgency.PAROLE), dischargedStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(probation, record(member().addStateAgencies(StateAgency.PAROLE), dischargedStay().addDocuments(
          dpNote("d-1", "2024-04-20", Party.PROBATION_OR_PAROLE))))).isEqualTo(Outcome.MET);
      assertThat(o(probation, record(member().addStateAgencies(StateAgency.PAROLE), openStay()))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(probation, record(member().addStateAgencies(StateAgency.PAROLE), openStay().addDocuments(
          dpNote("d-1", "2024-04-20", Party.PROBATION_OR_PAROLE))))).isEqualTo(Outcome.MET);
      assertThat(o(probation, record(member().addStateAgencies(StateAgency.PAROLE), csp()))).isEqualTo(Outcome.UNDETERMINED);
    }

    @Test
    @Verifies({"CSP.PROC.2.g.3.1", "CSP.PROC.2.g.3.2"})
    void crisisPreventionAndSafetyPlanningInDischargePlanning() {
      var both = dpNote("d-1", "2024-04-20").withElements(ContentElement.DISCHARGE_PLANNING_ACTIVITY, ContentElement.CRISIS_PREVENTION,
          ContentElement.SAFETY_PLANNING);
      for (EpisodeRequirement r : List.of(CspProcessSpecifications.DISCHARGE_CRISIS_PREVENTION, CspProcessSpecifications.DISCHARGE_SAFETY_PLANNING)) {
        assertThat(o(r, record(dischargedStay().addDocuments(both)))).isEqualTo(Outcome.MET);
        assertThat(o(r, record(dischargedStay().addDocuments(dpNote("d-1", "2024-04-20"))))).isEqualTo(Outcome.NOT_MET);
        // the elements in a progress note that is not about discharge planning do not count
        assertThat(o(r, record(dischargedStay().addDocuments(both.withElements(ContentElement.CRISIS_PREVENTION, ContentElement.SAFETY_PLANNING)))))
            .isEqualTo(Outcome.NOT_MET);
        // open episode: judged over the stay so far
        assertThat(o(r, record(openStay().addDocuments(both)))).as(r.id()).isEqualTo(Outcome.MET);
        assertThat(o(r, record(openStay().addDocuments(dpNote("d-1", "2024-04-20"))))).as(r.id()).isEqualTo(Outcome.NOT_MET);
        assertThat(o(r, record(csp()))).as(r.id()).isEqualTo(Outcome.UNDETERMINED);
      }
    }

    @Test
    @Verifies("CSP.PROC.2.g.4.a")
    void writtenPlanGivenToTheMemberAtDischarge() {
      var r = CspProcessSpecifications.DISCHARGE_PLAN_GIVEN;
      var plan = document("d-1", DocumentKind.DISCHARGE_PLAN, "2024-04-26").withGivenTo(Party.MEMBER).withGivenOn(LocalDate.of(2024, 4, 26));
      Finding met = f(r, record(dischargedStay().addDocuments(plan)));
      assertThat(met.outcome()).isEqualTo(Outcome.MET);
      assertThat(met.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-26"));
      assertThat(o(r, record(dischargedStay().addDocuments(plan.withGivenOn(LocalDate.of(2024, 4, 27)))))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(dischargedStay().addDocuments(plan.withGivenTo(Party.FAMILY))))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(dischargedStay()), endOfDay("2024-04-26"))).isEqualTo(Outcome.PENDING);
      assertThat(o(r, record(dischargedStay()), startOfDay("2024-04-27"))).isEqualTo(Outcome.NOT_MET);
      assertThat(o(r, record(csp()))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies({"CSP.PROC.2.g.4.b.1", "CSP.PROC.2.g.4.b.2", "CSP.PROC.2.g.4.b.3", "CSP.PROC.2.g.4.b.4", "CSP.PROC.2.g.4.b.5",
        "CSP.PROC.2.g.4.b.6", "CSP.PROC.2.g.4.b.7", "CSP.PROC.2.g.4.b.8"})
    void copyForwardedToEachConsentedRecipient() {
      List<EpisodeRequirement> rs = List.of(CspProcessSpecifications.FORWARD_FAMILY, CspProcessSpecifications.FORWARD_STATE_AGENCIES,
          CspProcessSpecifications.FORWARD_OUTPATIENT, CspProcessSpecifications.FORWARD_PHYSICIAN, CspProcessSpecifications.FORWARD_SCHOOL,
          CspProcessSpecifications.FORWARD_CRISIS, CspProcessSpecifications.FORWARD_PROBATION, CspProcessSpecifications.FORWARD_OTHER);
      List<Party> parties = List.of(Party.GUARDIAN, Party.STATE_AGENCY, Party.OUTPATIENT_PROVIDER, Party.PCC, Party.SCHOOL,
          Party.CRISIS_INTERVENTION_PROVIDER, Party.PROBATION_OR_PAROLE, Party.OTHER);
      var plan = document("d-1", DocumentKind.DISCHARGE_PLAN, "2024-04-26");
      for (int i = 0; i < rs.size(); i++) {
        var r = rs.get(i);
        Party p = parties.get(i);
        assertThat(r.id()).isEqualTo("CSP.PROC.2.g.4.b." + (i + 1));
        assertThat(o(r, record(dischargedStay().addDocuments(plan.withForwardedTo(p))))).as(r.id()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(o(r, record(dischargedStay().addConsentToShareWith(p).addDocuments(plan)))).as(r.id()).isEqualTo(Outcome.NOT_MET);
        assertThat(o(r, record(dischargedStay().addConsentToShareWith(p).addDocuments(plan.withForwardedTo(p))))).as(r.id())
            .isEqualTo(Outcome.MET);
        assertThat(o(r, record(csp().addConsentToShareWith(p)))).as(r.id()).isEqualTo(Outcome.NOT_APPLICABLE);
      }
      // family group: every consented member of the group
      Finding partly = f(CspProcessSpecifications.FORWARD_FAMILY, record(dischargedStay().addConsentToShareWith(Party.FAMILY, Party.GUARDIAN)
          .addDocuments(plan.withForwardedTo(Party.FAMILY))));
      assertThat(partly.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(partly.reason()).contains("guardian");
    }
  }

  @Test
  @Verifies({"CSP.PROC.2.b.1", "CSP.COMP.3.1"})
  void noCspRequirementFailsWithAnErrorOnRealisticAndEmptyRecords() {
    var rich = dischargedStay().referral(referralIn(ReferralSource.INPATIENT_24_HOUR, "2024-03-01T10:00"))
        .addContacts(contact("c-1", "2024-03-01T12:00", ContactKind.INDIVIDUAL, true).withParties(Party.REFERRAL_SOURCE))
        .addDocuments(na("d-1", "2024-03-10"), dpNote("d-2", "2024-03-04", Party.MEMBER))
        .servicePlan(complete().withCompletedOn(LocalDate.of(2024, 3, 10)))
        .addSignificantNeedsChangesOn(LocalDate.of(2024, 4, 1))
        .addConsentToShareWith(Party.values());
    List<CaseRecord> records = List.of(record(csp()), record(rich), record(member().addStateAgencies(StateAgency.values())
        .dmhContinuingCareEligible(true).dcfCaseOpen(true), rich));
    int evaluated = 0;
    for (Requirement req : Csp.specification().requirements()) {
      if (req instanceof EpisodeRequirement er) {
        for (CaseRecord rec : records) {
          for (Instant asOf : List.of(ny("2024-03-01T11:00"), ny("2024-03-20T12:00"), AS_OF)) {
            assertThat(FindingChecks.evaluate(er, rec, EvaluationContext.asOf(asOf)).outcome()).as(er.id()).isNotEqualTo(Outcome.ERROR);
            evaluated++;
          }
        }
      }
    }
    assertThat(evaluated).isGreaterThan(200);
  }
}
