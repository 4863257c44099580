package org.perfspecs.checks.specifications.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.iop.IopComponentsOfServices.ADMITTED_WITHIN_ONE_BUSINESS_DAY;
import static org.perfspecs.checks.specifications.iop.IopComponentsOfServices.EVALUATED_WITHIN_ONE_BUSINESS_DAY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.checks.time.BusinessCalendar;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceType;

class IopComponentsOfServicesTest {
  /** Friday before Patriots' Day 2024 (Monday 2024-04-15): due end of Tuesday 2024-04-16. */
  private static final Instant FRIDAY_BEFORE_PATRIOTS_DAY = ny("2024-04-12T10:00");

  private static ImmutableEpisode.Builder iop() {
    return episode(ServiceType.IOP);
  }

  private static Referral referral(Instant at) {
    return Referral.builder().id("ref-1").source(ReferralSource.SELF).at(at).build();
  }

  private static Finding evaluation(CaseRecord record, Instant asOf) {
    return FindingChecks.evaluate(EVALUATED_WITHIN_ONE_BUSINESS_DAY, record, asOf);
  }

  private static Finding admission(CaseRecord record, Instant asOf) {
    return FindingChecks.evaluate(ADMITTED_WITHIN_ONE_BUSINESS_DAY, record, asOf);
  }

  /** IOP.COMP.4.a: evaluated/assessed within one business day of referral. */
  @Nested
  class EvaluatedWithinOneBusinessDay {
    @Test
    @Verifies("IOP.COMP.4.a")
    void metAtTheLastNanosecondOfTheDayAfterPatriotsDay() {
      Instant evaluated = endOfDay("2024-04-16");
      Finding f = evaluation(record(iop().referral(referral(FRIDAY_BEFORE_PATRIOTS_DAY)).evaluatedAt(evaluated)),
          ny("2024-05-01T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-16"));
      assertThat(f.evidence()).extracting(Evidence::kind).containsExactly("referral", "episode");
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("ref-1", "e-1");
      assertThat(f.reason()).contains("initial evaluation").contains("on time");
    }

    @Test
    @Verifies("IOP.COMP.4.a")
    void notMetAtTheFirstInstantOfTheNextDay() {
      Finding f = evaluation(record(iop().referral(referral(FRIDAY_BEFORE_PATRIOTS_DAY))
          .evaluatedAt(startOfDay("2024-04-17"))), ny("2024-05-01T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("late");
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-16"));
    }

    @Test
    @Verifies("IOP.COMP.4.a")
    void patriotsDayItselfIsNotTheDueDay() {
      // evaluated on Patriots' Day is on time; so is Tuesday; the deadline is not Monday
      Finding onPatriotsDay = evaluation(record(iop().referral(referral(FRIDAY_BEFORE_PATRIOTS_DAY))
          .evaluatedAt(ny("2024-04-15T11:00"))), ny("2024-05-01T12:00"));
      assertThat(onPatriotsDay.outcome()).isEqualTo(Outcome.MET);

      Finding pendingOnTuesdayMorning = evaluation(record(iop().referral(referral(FRIDAY_BEFORE_PATRIOTS_DAY))),
          ny("2024-04-16T08:00"));
      assertThat(pendingOnTuesdayMorning.outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    @Verifies("IOP.COMP.4.a")
    void notMetWhenNeverDone() {
      Finding f = evaluation(record(iop().referral(referral(FRIDAY_BEFORE_PATRIOTS_DAY))), startOfDay("2024-04-17"));

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("no initial evaluation recorded");
      assertThat(f.evidence()).extracting(Evidence::kind).containsExactly("referral");
    }

    @Test
    @Verifies("IOP.COMP.4.a")
    void pendingWithTheDueTimeWhileTheDayIsOpen() {
      Finding f = evaluation(record(iop().referral(referral(FRIDAY_BEFORE_PATRIOTS_DAY))), ny("2024-04-15T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-16"));
      assertThat(f.reason()).contains("due by 2024-04-16 23:59 EDT");
    }

    @Test
    @Verifies("IOP.COMP.4.a")
    void pendingAtTheLastNanosecondAndNotMetOneNanosecondLater() {
      CaseRecord r = record(iop().referral(referral(FRIDAY_BEFORE_PATRIOTS_DAY)));
      assertThat(evaluation(r, endOfDay("2024-04-16")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(evaluation(r, startOfDay("2024-04-17")).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.COMP.4.a")
    void anEvaluationStampedAfterTheAsOfHasNotHappenedYet() {
      CaseRecord r = record(iop().referral(referral(FRIDAY_BEFORE_PATRIOTS_DAY)).evaluatedAt(ny("2024-04-16T10:00")));
      assertThat(evaluation(r, ny("2024-04-15T12:00")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(evaluation(r, ny("2024-04-16T10:00")).outcome()).isEqualTo(Outcome.MET);
    }

    @ParameterizedTest(name = "referral {0}: on time at {1}, late at {2}")
    @CsvSource({
        // across a weekend: Friday 16:00 -> end of Monday
        "2024-03-01T16:00, 2024-03-04, 2024-03-05",
        // a Saturday referral -> end of Monday
        "2024-03-02T09:00, 2024-03-04, 2024-03-05",
        // across Patriots' Day 2024-04-15
        "2024-04-12T10:00, 2024-04-16, 2024-04-17",
        // across the observed Independence Day, Monday 2021-07-05
        "2021-07-02T10:00, 2021-07-06, 2021-07-07",
        "2021-07-03T10:00, 2021-07-06, 2021-07-07",
        // across the spring daylight-saving change
        "2024-03-08T10:00, 2024-03-11, 2024-03-12"
    })
    @Verifies("IOP.COMP.4.a")
    void boundaryAcrossWeekendsAndHolidays(String referredAt, String dueDay, String dayAfter) {
      Instant referred = ny(referredAt);
      Finding onTime = evaluation(record(iop().referral(referral(referred)).evaluatedAt(endOfDay(dueDay))),
          ny("2024-12-31T12:00"));
      Finding late = evaluation(record(iop().referral(referral(referred)).evaluatedAt(startOfDay(dayAfter))),
          ny("2024-12-31T12:00"));

      assertThat(onTime.outcome()).isEqualTo(Outcome.MET);
      assertThat(late.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(onTime.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(dueDay));
    }

    @Test
    @Verifies("IOP.COMP.4.a")
    void independenceDay2021ObservedMondayIsNotABusinessDay() {
      CaseRecord r = record(iop().referral(referral(ny("2021-07-02T15:00"))));
      assertThat(evaluation(r, endOfDay("2021-07-05")).outcome()).as("Monday 07-05 observed holiday").isEqualTo(Outcome.PENDING);
      assertThat(evaluation(r, endOfDay("2021-07-06")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(evaluation(r, startOfDay("2021-07-07")).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.COMP.4.a")
    void undeterminedWithoutAReferral() {
      Finding f = evaluation(record(iop().evaluatedAt(ny("2024-04-12T10:00"))), ny("2024-05-01T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(f.reason()).contains("no referral time is recorded");
      assertThat(f.due()).isEmpty();
    }

    @Test
    @Verifies("IOP.COMP.4.a")
    void undeterminedWhenTheReferralIsStampedAfterTheAsOf() {
      Finding f = evaluation(record(iop().referral(referral(ny("2024-04-12T10:00")))), ny("2024-04-12T09:00"));
      assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(f.reason()).contains("referral");
    }

    @Test
    @Verifies("IOP.COMP.4.a")
    void theContextsCalendarIsUsed() {
      BusinessCalendar patriotsDayWorked = date -> date.equals(LocalDate.of(2024, 4, 15))
          || BusinessCalendar.standard().isBusinessDay(date);
      CaseRecord r = record(iop().referral(referral(FRIDAY_BEFORE_PATRIOTS_DAY)).evaluatedAt(ny("2024-04-16T09:00")));
      EvaluationContext ctx = EvaluationContext.asOf(ny("2024-05-01T12:00")).withCalendar(patriotsDayWorked);

      Finding f = FindingChecks.evaluate(EVALUATED_WITHIN_ONE_BUSINESS_DAY, r, ctx);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-15"));
    }
  }

  /** IOP.COMP.4.b: admitted within one business day of the initial evaluation. */
  @Nested
  class AdmittedWithinOneBusinessDay {
    @Test
    @Verifies("IOP.COMP.4.b")
    void metAtTheLastNanosecondOfTheDueDay() {
      Finding f = admission(record(iop().evaluatedAt(FRIDAY_BEFORE_PATRIOTS_DAY).admittedAt(endOfDay("2024-04-16"))),
          ny("2024-05-01T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-16"));
      assertThat(f.evidence()).extracting(Evidence::note).containsExactly("initial evaluation", "admission");
    }

    @Test
    @Verifies("IOP.COMP.4.b")
    void notMetLateAtTheFirstInstantOfTheNextDay() {
      Finding f = admission(record(iop().evaluatedAt(FRIDAY_BEFORE_PATRIOTS_DAY).admittedAt(startOfDay("2024-04-17"))),
          ny("2024-05-01T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("admission late");
    }

    @Test
    @Verifies("IOP.COMP.4.b")
    void notMetWhenNeverAdmitted() {
      Finding f = admission(record(iop().evaluatedAt(FRIDAY_BEFORE_PATRIOTS_DAY)), startOfDay("2024-04-17"));

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("no admission recorded");
    }

    @Test
    @Verifies("IOP.COMP.4.b")
    void pendingWithTheDueTime() {
      CaseRecord r = record(iop().evaluatedAt(FRIDAY_BEFORE_PATRIOTS_DAY));
      Finding f = admission(r, ny("2024-04-15T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-16"));
      assertThat(admission(r, endOfDay("2024-04-16")).outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    @Verifies("IOP.COMP.4.b")
    void anAdmissionStampedAfterTheAsOfHasNotHappenedYet() {
      CaseRecord r = record(iop().evaluatedAt(FRIDAY_BEFORE_PATRIOTS_DAY).admittedAt(ny("2024-04-16T09:00")));
      assertThat(admission(r, ny("2024-04-16T08:59")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(admission(r, ny("2024-04-16T09:00")).outcome()).isEqualTo(Outcome.MET);
    }

    @ParameterizedTest(name = "evaluated {0}: on time at {1}, late at {2}")
    @CsvSource({
        "2024-03-01T16:00, 2024-03-04, 2024-03-05",
        "2024-04-12T10:00, 2024-04-16, 2024-04-17",
        "2021-07-02T10:00, 2021-07-06, 2021-07-07",
        "2024-11-01T10:00, 2024-11-04, 2024-11-05"
    })
    @Verifies("IOP.COMP.4.b")
    void boundaryAcrossWeekendsAndHolidays(String evaluatedAt, String dueDay, String dayAfter) {
      Finding onTime = admission(record(iop().evaluatedAt(ny(evaluatedAt)).admittedAt(endOfDay(dueDay))),
          ny("2024-12-31T12:00"));
      Finding late = admission(record(iop().evaluatedAt(ny(evaluatedAt)).admittedAt(startOfDay(dayAfter))),
          ny("2024-12-31T12:00"));

      assertThat(onTime.outcome()).isEqualTo(Outcome.MET);
      assertThat(late.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.COMP.4.b")
    void undeterminedWithoutAnInitialEvaluation() {
      Finding f = admission(record(iop().admittedAt(ny("2024-04-12T10:00"))), ny("2024-05-01T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(f.reason()).contains("no initial evaluation time is recorded");
    }

    @Test
    @Verifies("IOP.COMP.4.b")
    void notApplicableWhenDeterminedIneligible() {
      Finding f = admission(record(iop().evaluatedAt(FRIDAY_BEFORE_PATRIOTS_DAY)
          .determinedIneligibleAt(ny("2024-04-12T11:00"))), ny("2024-05-01T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(f.reason()).contains("ineligible");
      assertThat(f.evidence()).extracting(Evidence::note).containsExactly("determined ineligible");
      assertThat(ADMITTED_WITHIN_ONE_BUSINESS_DAY.condition()).hasValue("the member was not found ineligible at evaluation");
    }

    @Test
    @Verifies("IOP.COMP.4.b")
    void anIneligibilityStampedAfterTheAsOfDoesNotApplyYet() {
      CaseRecord r = record(iop().evaluatedAt(FRIDAY_BEFORE_PATRIOTS_DAY).determinedIneligibleAt(ny("2024-04-16T11:00")));
      assertThat(admission(r, ny("2024-04-15T12:00")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(admission(r, ny("2024-04-16T11:00")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }

  /** The program-level and added episode-level requirements of COMPONENTS OF SERVICES. */
  @Nested
  class AddedRequirements {
    private final Instant asOf = ny("2024-05-01T12:00");

    private Finding judge(org.perfspecs.checks.ProgramRequirement r, org.perfspecs.model.Program p) {
      return FindingChecks.evaluate(r, p, asOf);
    }

    private Finding judge(org.perfspecs.checks.EpisodeRequirement r, ImmutableEpisode.Builder e, Instant at) {
      return FindingChecks.evaluate(r, record(e), at);
    }

    @Test
    @Verifies("IOP.COMP.1")
    void licensure() {
      var dmh = org.perfspecs.model.License.builder().issuer("DMH").kind("Mental Health Clinic");
      assertThat(judge(IopComponentsOfServices.LICENSURE, IopTestData.program().addLicenses(dmh.build()).build()).outcome())
          .isEqualTo(Outcome.MET);
      assertThat(judge(IopComponentsOfServices.LICENSURE, IopTestData.program().addLicenses(dmh.validThrough(LocalDate.of(2024, 5, 1)).build()).build()).outcome())
          .as("valid through the as-of date").isEqualTo(Outcome.MET);
      assertThat(judge(IopComponentsOfServices.LICENSURE, IopTestData.program().addLicenses(dmh.validThrough(LocalDate.of(2024, 4, 30)).build()).build()).outcome())
          .as("expired").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopComponentsOfServices.LICENSURE, IopTestData.program().addLicenses(
          org.perfspecs.model.License.builder().issuer("RI BHDDH").kind("clinic").massachusetts(false).build()).build()).outcome())
          .isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopComponentsOfServices.LICENSURE, IopTestData.program().build()).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies({"IOP.COMP.2.1", "IOP.COMP.2.2", "IOP.COMP.2.3", "IOP.COMP.2.4", "IOP.COMP.2.5", "IOP.COMP.2.6",
        "IOP.COMP.2.7", "IOP.COMP.2.9", "IOP.COMP.2.10", "IOP.COMP.3", "IOP.COMP.6"})
    void attestedComponents() {
      IopTestData.checkAttested(List.of(IopComponentsOfServices.COMPONENT_EVALUATION, IopComponentsOfServices.COMPONENT_CONSULTATION,
          IopComponentsOfServices.COMPONENT_CRISIS_PLANNING, IopComponentsOfServices.COMPONENT_DISCHARGE_PLANNING,
          IopComponentsOfServices.COMPONENT_THERAPY, IopComponentsOfServices.COMPONENT_TEAM_REVIEW,
          IopComponentsOfServices.COMPONENT_PEER_SUPPORT, IopComponentsOfServices.COMPONENT_PSYCHOEDUCATION,
          IopComponentsOfServices.COMPONENT_SUBSTANCE_USE, IopComponentsOfServices.MEETS_SPECIAL_NEEDS,
          IopComponentsOfServices.SOLUTION_FOCUSED));
    }

    private org.perfspecs.model.Agreement agreement(org.perfspecs.model.AgreementKind kind, org.perfspecs.model.PartnerCategory c, String signed) {
      return org.perfspecs.model.Agreement.builder().id("ag-1").kind(kind).partnerCategory(c).partnerName("Partner")
          .signedOn(LocalDate.parse(signed)).build();
    }

    @Test
    @Verifies({"IOP.COMP.2.8", "IOP.COMP.10"})
    void medicationAccessAndAgreements() {
      var psychiatrist = IopTestData.program().addStaff(IopTestData.staff("s-1", org.perfspecs.model.StaffRole.PSYCHIATRIST)).build();
      assertThat(judge(IopComponentsOfServices.COMPONENT_MEDICATION_ACCESS, psychiatrist).outcome()).isEqualTo(Outcome.MET);
      assertThat(judge(IopComponentsOfServices.MEDICATION_AGREEMENTS, psychiatrist).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      var mou = IopTestData.program().addAgreements(agreement(org.perfspecs.model.AgreementKind.MEMORANDUM_OF_UNDERSTANDING,
          org.perfspecs.model.PartnerCategory.MEDICATION_MANAGEMENT, "2024-05-01")).build();
      assertThat(judge(IopComponentsOfServices.COMPONENT_MEDICATION_ACCESS, mou).outcome()).isEqualTo(Outcome.MET);
      assertThat(judge(IopComponentsOfServices.MEDICATION_AGREEMENTS, mou).outcome()).isEqualTo(Outcome.MET);
      var future = IopTestData.program().addAgreements(agreement(org.perfspecs.model.AgreementKind.AFFILIATION,
          org.perfspecs.model.PartnerCategory.MEDICATION_MANAGEMENT, "2024-05-02")).build();
      assertThat(judge(IopComponentsOfServices.MEDICATION_AGREEMENTS, future).outcome()).as("signed after the as-of").isEqualTo(Outcome.NOT_MET);
      var wrongKind = IopTestData.program().addAgreements(agreement(org.perfspecs.model.AgreementKind.CONTRACT,
          org.perfspecs.model.PartnerCategory.MEDICATION_MANAGEMENT, "2024-01-01")).build();
      assertThat(judge(IopComponentsOfServices.MEDICATION_AGREEMENTS, wrongKind).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopComponentsOfServices.COMPONENT_MEDICATION_ACCESS, IopTestData.program().build()).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies({"IOP.COMP.8", "IOP.COMP.12"})
    void writtenProcedures() {
      var all = IopTestData.program().addWrittenProcedures(org.perfspecs.model.ProcedureKind.MEDICAL_PSYCHIATRIC_EMERGENCIES,
          org.perfspecs.model.ProcedureKind.ADMISSION_CRITERIA, org.perfspecs.model.ProcedureKind.DISCHARGE_CRITERIA).build();
      assertThat(judge(IopComponentsOfServices.EMERGENCY_PROCEDURES, all).outcome()).isEqualTo(Outcome.MET);
      assertThat(judge(IopComponentsOfServices.ADMISSION_DISCHARGE_CRITERIA, all).outcome()).isEqualTo(Outcome.MET);
      var admissionOnly = IopTestData.program().addWrittenProcedures(org.perfspecs.model.ProcedureKind.ADMISSION_CRITERIA).build();
      Finding f = judge(IopComponentsOfServices.ADMISSION_DISCHARGE_CRITERIA, admissionOnly);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("DISCHARGE_CRITERIA");
      assertThat(judge(IopComponentsOfServices.EMERGENCY_PROCEDURES, admissionOnly).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.COMP.5")
    void treatmentPlanByTheEndOfTheFirstBusinessDay() {
      var onTime = IopTestData.admitted().addDocuments(IopTestData.doc("tp", org.perfspecs.model.DocumentKind.PROVISIONAL_TREATMENT_PLAN, "2024-04-02").build());
      Finding met = judge(IopComponentsOfServices.TREATMENT_PLAN_PROVIDED, onTime, IopTestData.LATER);
      assertThat(met.outcome()).isEqualTo(Outcome.MET);
      assertThat(met.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-02"));
      var late = IopTestData.admitted().addDocuments(IopTestData.doc("tp", org.perfspecs.model.DocumentKind.TREATMENT_PLAN, "2024-04-03").build());
      assertThat(judge(IopComponentsOfServices.TREATMENT_PLAN_PROVIDED, late, IopTestData.LATER).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopComponentsOfServices.TREATMENT_PLAN_PROVIDED, IopTestData.admitted(), endOfDay("2024-04-02")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(judge(IopComponentsOfServices.TREATMENT_PLAN_PROVIDED, IopTestData.admitted(), startOfDay("2024-04-03")).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopComponentsOfServices.TREATMENT_PLAN_PROVIDED, IopTestData.iop(), IopTestData.LATER).outcome()).isEqualTo(Outcome.UNDETERMINED);
    }

    @Test
    @Verifies("IOP.COMP.9")
    void psychiatristReviewsEachAdmission() {
      var review = IopTestData.doc("pr", org.perfspecs.model.DocumentKind.PSYCHIATRIC_ADMISSION_REVIEW, "2024-04-02").build();
      assertThat(judge(IopComponentsOfServices.PSYCHIATRIST_REVIEWS_ADMISSION, IopTestData.admitted().addDocuments(review), IopTestData.LATER).outcome())
          .isEqualTo(Outcome.MET);
      // no deadline in the bullet: by default judged over the stay so far, so a review on day 3 counts
      assertThat(judge(IopComponentsOfServices.PSYCHIATRIST_REVIEWS_ADMISSION, IopTestData.admitted().addDocuments(review.withDate(LocalDate.of(2024, 4, 3))), IopTestData.LATER).outcome())
          .isEqualTo(Outcome.MET);
      // read as due by the planning deadline (end of the first business day after admission): late
      org.perfspecs.checks.EvaluationContext planning = org.perfspecs.checks.EvaluationContext.asOf(IopTestData.LATER)
          .withInterpretation(IopComponentsOfServices.REVIEW_WINDOW, "PLANNING_DEADLINE");
      assertThat(IopComponentsOfServices.PSYCHIATRIST_REVIEWS_ADMISSION.evaluate(org.perfspecs.checks.Fixtures.record(
          IopTestData.admitted().addDocuments(review.withDate(LocalDate.of(2024, 4, 3)))), planning).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(IopComponentsOfServices.PSYCHIATRIST_REVIEWS_ADMISSION.evaluate(org.perfspecs.checks.Fixtures.record(
          IopTestData.admitted()), org.perfspecs.checks.EvaluationContext.asOf(ny("2024-04-02T12:00"))
          .withInterpretation(IopComponentsOfServices.REVIEW_WINDOW, "PLANNING_DEADLINE")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(judge(IopComponentsOfServices.PSYCHIATRIST_REVIEWS_ADMISSION, IopTestData.admitted().addDocuments(review.withDate(LocalDate.of(2024, 3, 30))), IopTestData.LATER).outcome())
          .as("a review before the admission date is not a review of this admission").isEqualTo(Outcome.NOT_MET);
      // none so far, open: NOT_MET (what is not documented was not done), and MET once it is documented
      assertThat(judge(IopComponentsOfServices.PSYCHIATRIST_REVIEWS_ADMISSION, IopTestData.admitted(), ny("2024-04-02T12:00")).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopComponentsOfServices.PSYCHIATRIST_REVIEWS_ADMISSION, IopTestData.iop(), IopTestData.LATER).outcome()).isEqualTo(Outcome.UNDETERMINED);
    }

    @Test
    @Verifies("IOP.COMP.7")
    void coordinatesWithProvidersWithConsent() {
      var plan = IopTestData.doc("tp", org.perfspecs.model.DocumentKind.TREATMENT_PLAN, "2024-04-02")
          .addDevelopedWith(org.perfspecs.model.Party.MEMBER, org.perfspecs.model.Party.PCC).build();
      assertThat(judge(IopComponentsOfServices.COORDINATES_WITH_PROVIDERS, IopTestData.admitted().addDocuments(plan)
          .addConsentToShareWith(org.perfspecs.model.Party.PCC), IopTestData.LATER).outcome()).isEqualTo(Outcome.MET);
      // "with the consent of the member": not given, or refused, the obligation does not apply
      assertThat(judge(IopComponentsOfServices.COORDINATES_WITH_PROVIDERS, IopTestData.admitted().addDocuments(plan), IopTestData.LATER).outcome())
          .as("without consent").isEqualTo(Outcome.NOT_APPLICABLE);
      var refusal = org.perfspecs.model.ConsentRefusal.builder().id("cr").at(ny("2024-04-03T10:00")).build();
      Finding refused = judge(IopComponentsOfServices.COORDINATES_WITH_PROVIDERS, IopTestData.admitted().addDocuments(
          plan.withDevelopedWith(org.perfspecs.model.Party.MEMBER)).addConsentToShareWith(org.perfspecs.model.Party.PCC)
          .addConsentRefusals(refusal), IopTestData.LATER);
      assertThat(refused.outcome()).as("consent given, then refused").isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(refused.reason()).contains("was refused (member, 2024-04-03 10:00 EDT)");
      assertThat(judge(IopComponentsOfServices.COORDINATES_WITH_PROVIDERS, IopTestData.admitted().addDocuments(
          plan.withDevelopedWith(org.perfspecs.model.Party.MEMBER)).addConsentToShareWith(org.perfspecs.model.Party.PCC)
          .addConsentRefusals(refusal.withAt(ny("2024-08-02T10:00"))), IopTestData.LATER).outcome())
          .as("a refusal after the as-of has not happened yet").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopComponentsOfServices.COORDINATES_WITH_PROVIDERS, IopTestData.admitted().addDocuments(
          plan.withDevelopedWith(org.perfspecs.model.Party.MEMBER)).addConsentToShareWith(org.perfspecs.model.Party.PCC),
          IopTestData.LATER).outcome()).as("consent given, no provider").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopComponentsOfServices.COORDINATES_WITH_PROVIDERS, IopTestData.admitted(), IopTestData.LATER).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    private org.perfspecs.model.Referral referralTo(org.perfspecs.model.ServiceCategory target, Instant at) {
      return org.perfspecs.model.Referral.builder().id("r-" + target.ordinal()).target(target).at(at).build();
    }

    @Test
    @Verifies({"IOP.COMP.11.1", "IOP.COMP.11.2"})
    void crisisReferralsWhenTheNeedIsMarked() {
      Instant crisis = ny("2024-04-05T20:00");
      var outpatient = org.perfspecs.model.ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH;
      var esp = org.perfspecs.model.ServiceCategory.CRISIS_SERVICES;
      var base = IopTestData.admitted().addContacts(IopTestData.contact("cr", org.perfspecs.model.ContactKind.CRISIS_INTERVENTION, crisis).withMode(org.perfspecs.model.ContactMode.PHONE))
          .addServiceNeeds(outpatient, esp);
      assertThat(judge(IopComponentsOfServices.CRISIS_REFER_OUTPATIENT, ImmutableEpisode.builder().from(base.build())
          .addReferralsMade(referralTo(outpatient, crisis)), IopTestData.LATER).outcome()).isEqualTo(Outcome.MET);
      assertThat(judge(IopComponentsOfServices.CRISIS_REFER_ESP, ImmutableEpisode.builder().from(base.build())
          .addReferralsMade(referralTo(esp, crisis.plusSeconds(600))), IopTestData.LATER).outcome()).isEqualTo(Outcome.MET);
      assertThat(judge(IopComponentsOfServices.CRISIS_REFER_ESP, ImmutableEpisode.builder().from(base.build())
          .addReferralsMade(referralTo(esp, crisis.minusSeconds(1))), IopTestData.LATER).outcome()).as("before the crisis contact").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopComponentsOfServices.CRISIS_REFER_OUTPATIENT, ImmutableEpisode.builder().from(base.build())
          .addReferralsMade(referralTo(esp, crisis)), IopTestData.LATER).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopComponentsOfServices.CRISIS_REFER_OUTPATIENT, ImmutableEpisode.builder().from(base.build()).serviceNeeds(java.util.Set.of()),
          IopTestData.LATER).outcome()).as("need not marked").isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(judge(IopComponentsOfServices.CRISIS_REFER_ESP, IopTestData.admitted().addServiceNeeds(esp), IopTestData.LATER).outcome())
          .as("no crisis contact").isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(judge(IopComponentsOfServices.CRISIS_REFER_ESP, base, crisis.minusSeconds(1)).outcome())
          .as("crisis contact after the as-of").isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("IOP.COMP.11.3")
    void crisisOtherInterventions() {
      Instant crisis = ny("2024-04-05T20:00");
      var bare = IopTestData.contact("cr", org.perfspecs.model.ContactKind.CRISIS_INTERVENTION, crisis);
      assertThat(judge(IopComponentsOfServices.CRISIS_OTHER_INTERVENTIONS, IopTestData.admitted().addContacts(
          bare.withTopics(org.perfspecs.model.Topic.SAFETY_PLANNING)), IopTestData.LATER).outcome()).isEqualTo(Outcome.MET);
      assertThat(judge(IopComponentsOfServices.CRISIS_OTHER_INTERVENTIONS, IopTestData.admitted().addContacts(bare,
          IopTestData.day("d1", "2024-04-06")), IopTestData.LATER).outcome()).as("followed up").isEqualTo(Outcome.MET);
      Finding f = judge(IopComponentsOfServices.CRISIS_OTHER_INTERVENTIONS, IopTestData.admitted().addContacts(bare,
          IopTestData.day("d1", "2024-04-06").withMemberEngaged(false)), IopTestData.LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("cr");
      assertThat(judge(IopComponentsOfServices.CRISIS_OTHER_INTERVENTIONS, IopTestData.admitted(), IopTestData.LATER).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }
}
