package org.perfspecs.checks.spec.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.spec.iop.IopComponentsOfServices.ADMITTED_WITHIN_ONE_BUSINESS_DAY;
import static org.perfspecs.checks.spec.iop.IopComponentsOfServices.EVALUATED_WITHIN_ONE_BUSINESS_DAY;

import java.time.Instant;
import java.time.LocalDate;
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
}
