package org.perfspecs.checks.specifications.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.iop.IopCoveredServices.ADJUNCTIVE_THERAPY_IN_PLAN;
import static org.perfspecs.checks.specifications.iop.IopCoveredServices.ATTENDS_THREE_TIMES_A_WEEK;
import static org.perfspecs.checks.specifications.iop.IopCoveredServices.LENGTH_OF_STAY;
import static org.perfspecs.checks.specifications.iop.IopCoveredServices.SEVEN_DAYS_PREFERABLE;
import static org.perfspecs.checks.specifications.iop.IopCoveredServices.THREE_HOURS_FIVE_DAYS;
import static org.perfspecs.checks.specifications.iop.IopTestData.LATER;
import static org.perfspecs.checks.specifications.iop.IopTestData.admitted;
import static org.perfspecs.checks.specifications.iop.IopTestData.contact;
import static org.perfspecs.checks.specifications.iop.IopTestData.day;
import static org.perfspecs.checks.specifications.iop.IopTestData.discharged;
import static org.perfspecs.checks.specifications.iop.IopTestData.doc;
import static org.perfspecs.checks.specifications.iop.IopTestData.iop;
import static org.perfspecs.checks.specifications.iop.IopTestData.program;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableLocation;
import org.perfspecs.model.Location;
import org.perfspecs.model.OpeningHours;
import org.perfspecs.model.Program;

class IopCoveredServicesTest {
  private static ImmutableLocation location(int days, String opens, String closes) {
    ImmutableLocation.Builder b = Location.builder().id("loc-1").inMassachusetts(true);
    for (int i = 0; i < days; i++) {
      b.addHours(OpeningHours.builder().day(DayOfWeek.of(i + 1)).opens(LocalTime.parse(opens)).closes(LocalTime.parse(closes)).build());
    }
    return b.build();
  }

  private static Finding judge(ProgramRequirementRef r, Program p) {
    return FindingChecks.evaluate(r.r(), p, ny("2024-05-01T12:00"));
  }

  private record ProgramRequirementRef(org.perfspecs.checks.ProgramRequirement r) {}

  @Nested
  class ThreeHoursFiveDays {
    private final ProgramRequirementRef r = new ProgramRequirementRef(THREE_HOURS_FIVE_DAYS);

    @Test
    @Verifies("IOP.COV.1.a")
    void exactlyThreeHoursOnFiveDaysIsMet() {
      Finding f = judge(r, program().addLocations(location(5, "09:00", "12:00")).build());
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.reason()).contains("loc-1");
    }

    @Test
    @Verifies("IOP.COV.1.a")
    void oneMinuteShortOrFourDaysIsNotMet() {
      assertThat(judge(r, program().addLocations(location(5, "09:00", "11:59")).build()).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(r, program().addLocations(location(4, "09:00", "17:00")).build()).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(r, program().build()).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.COV.1.a")
    void overlappingPeriodsCountOnce() {
      ImmutableLocation l = location(5, "09:00", "11:00");
      ImmutableLocation.Builder b = Location.builder().from(l);
      for (int i = 0; i < 5; i++) {
        b.addHours(OpeningHours.builder().day(DayOfWeek.of(i + 1)).opens(LocalTime.parse("09:00")).closes(LocalTime.parse("11:00")).build());
      }
      assertThat(judge(r, program().addLocations(b.build()).build()).outcome()).isEqualTo(Outcome.NOT_MET);
      ImmutableLocation.Builder split = Location.builder().from(l);
      for (int i = 0; i < 5; i++) {
        split.addHours(OpeningHours.builder().day(DayOfWeek.of(i + 1)).opens(LocalTime.parse("13:00")).closes(LocalTime.parse("14:00")).build());
      }
      assertThat(judge(r, program().addLocations(split.build()).build()).outcome()).isEqualTo(Outcome.MET);
    }
  }

  @Nested
  class SevenDays {
    private final ProgramRequirementRef r = new ProgramRequirementRef(SEVEN_DAYS_PREFERABLE);

    @Test
    @Verifies("IOP.COV.1.b")
    void sevenDaysIsMetSixIsNot() {
      assertThat(SEVEN_DAYS_PREFERABLE.strength()).isEqualTo(Strength.SHOULD);
      assertThat(judge(r, program().addLocations(location(7, "09:00", "12:00")).build()).outcome()).isEqualTo(Outcome.MET);
      assertThat(judge(r, program().addLocations(location(6, "09:00", "12:00")).build()).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(r, program().build()).outcome()).isEqualTo(Outcome.NOT_MET);
    }
  }

  /** Admission Monday 2024-04-01: week 1 is 04-01..04-07, week 2 04-08..04-14. */
  @Nested
  class AttendsThreeTimesAWeek {
    private Finding evaluate(ImmutableEpisode.Builder e, Instant asOf) {
      return FindingChecks.evaluate(ATTENDS_THREE_TIMES_A_WEEK, record(e), asOf);
    }

    @Test
    @Verifies("IOP.COV.2")
    void metWhenEveryWeekHasThreeDays() {
      Finding f = evaluate(discharged(ny("2024-04-12T15:00")).addContacts(day("c1", "2024-04-01"), day("c2", "2024-04-03"),
          day("c3", "2024-04-07"), day("c4", "2024-04-08"), day("c5", "2024-04-09"), day("c6", "2024-04-10")), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(ATTENDS_THREE_TIMES_A_WEEK.strength()).isEqualTo(Strength.SHOULD);
    }

    @Test
    @Verifies("IOP.COV.2")
    void twoContactsOnOneDayAreOneDayAndAClosedWeekWithTwoIsNotMet() {
      Finding f = evaluate(admitted().addContacts(day("c1", "2024-04-01"), contact("c2", ContactKind.GROUP, ny("2024-04-01T14:00")),
          day("c3", "2024-04-07")), startOfDay("2024-04-08"));
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      // the due time names the end of the week in progress (week 2)
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-14"));
      assertThat(f.reason()).contains("had 2 attendance day(s)");
    }

    @Test
    @Verifies("IOP.COV.2")
    void pendingUntilTheLastNanosecondOfTheWeek() {
      ImmutableEpisode.Builder e = admitted().addContacts(day("c1", "2024-04-01"), day("c2", "2024-04-02"));
      Finding f = evaluate(e, endOfDay("2024-04-07"));
      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-07"));
    }

    @Test
    @Verifies("IOP.COV.2")
    void phoneCallsOutreachAndDisengagedContactsAreNotAttendance() {
      ImmutableEpisode.Builder e = admitted().addContacts(day("c1", "2024-04-01"), day("c2", "2024-04-02"),
          contact("c3", ContactKind.INDIVIDUAL, ny("2024-04-03T10:00")).withMode(ContactMode.PHONE),
          contact("c4", ContactKind.OUTREACH_ATTEMPT, ny("2024-04-04T10:00")),
          contact("c5", ContactKind.GROUP, ny("2024-04-05T10:00")).withMemberEngaged(false),
          contact("c6", ContactKind.INDIVIDUAL, ny("2024-04-06T10:00")).withMode(ContactMode.TELEHEALTH));
      // week 1 closed with three: MET so far, with week 2 in progress
      Finding f = evaluate(e, startOfDay("2024-04-08"));
      assertThat(f.outcome()).as("telehealth counts: 3 days").isEqualTo(Outcome.MET);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-14"));
      assertThat(evaluate(e, startOfDay("2024-04-15")).outcome()).as("week 2 closed with none").isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.COV.2")
    void aLastWeekCutShortByDischargeIsNotJudgedAndAShortStayIsNotApplicable() {
      Finding cut = evaluate(discharged(ny("2024-04-09T15:00")).addContacts(day("c1", "2024-04-01"), day("c2", "2024-04-02"),
          day("c3", "2024-04-03"), day("c4", "2024-04-08")), LATER);
      assertThat(cut.outcome()).isEqualTo(Outcome.MET);
      Finding shortStay = evaluate(discharged(ny("2024-04-04T15:00")).addContacts(day("c1", "2024-04-01")), LATER);
      assertThat(shortStay.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("IOP.COV.2")
    void undeterminedWithoutAdmission() {
      Finding f = evaluate(iop(), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(f.reason()).contains("no admission time is recorded");
    }
  }

  @Nested
  class LengthOfStay {
    private Finding evaluate(ImmutableEpisode.Builder e, Instant asOf) {
      return FindingChecks.evaluate(LENGTH_OF_STAY, record(e), asOf);
    }

    @Test
    @Verifies("IOP.COV.3")
    void sevenToTwentyOneDaysIsMet() {
      assertThat(evaluate(discharged(ny("2024-04-08T10:00")), LATER).outcome()).isEqualTo(Outcome.MET);
      assertThat(evaluate(discharged(endOfDay("2024-04-22")), LATER).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("IOP.COV.3")
    void shorterOrLongerIsNotMet() {
      Finding six = evaluate(discharged(endOfDay("2024-04-07")), LATER);
      assertThat(six.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(six.reason()).contains("shorter than 1 week");
      Finding twentyTwo = evaluate(discharged(startOfDay("2024-04-23")), LATER);
      assertThat(twentyTwo.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(twentyTwo.reason()).contains("longer than 3 weeks");
    }

    @Test
    @Verifies("IOP.COV.3")
    void pendingWhileOpenUpToDay21ThenNotMet() {
      Finding open = evaluate(admitted(), endOfDay("2024-04-22"));
      assertThat(open.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(open.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-22"));
      assertThat(evaluate(admitted(), startOfDay("2024-04-23")).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(evaluate(discharged(ny("2024-04-10T10:00")), ny("2024-04-05T10:00")).outcome())
          .as("a discharge after the as-of has not happened").isEqualTo(Outcome.PENDING);
    }

    @Test
    @Verifies("IOP.COV.3")
    void undeterminedWithoutAdmission() {
      assertThat(evaluate(iop(), LATER).outcome()).isEqualTo(Outcome.UNDETERMINED);
    }
  }

  @Nested
  class AdjunctiveTherapy {
    private Finding evaluate(ImmutableEpisode.Builder e) {
      return FindingChecks.evaluate(ADJUNCTIVE_THERAPY_IN_PLAN, record(e), LATER);
    }

    private ImmutableEpisode.Builder withTherapy() {
      return admitted().addContacts(contact("c1", ContactKind.ADJUNCTIVE_THERAPY, ny("2024-04-03T10:00")));
    }

    @Test
    @Verifies("IOP.COV.4")
    void metWhenAPlanStatesItsFunction() {
      Finding f = evaluate(withTherapy().addDocuments(doc("tp", DocumentKind.TREATMENT_PLAN, "2024-04-02",
          ContentElement.ADJUNCTIVE_THERAPY_FUNCTION).build()));
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("IOP.COV.4")
    void notMetWhenNoPlanStatesIt() {
      Finding f = evaluate(withTherapy().addDocuments(doc("tp", DocumentKind.TREATMENT_PLAN, "2024-04-02",
          ContentElement.STRENGTHS).build(),
          doc("dp", DocumentKind.DISCHARGE_PLAN, "2024-04-02", ContentElement.ADJUNCTIVE_THERAPY_FUNCTION).build()));
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.COV.4")
    void notApplicableWithoutAdjunctiveTherapy() {
      Finding f = evaluate(admitted().addContacts(day("c1", "2024-04-03")));
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      CaseRecord future = record(withTherapy());
      assertThat(FindingChecks.evaluate(ADJUNCTIVE_THERAPY_IN_PLAN, future, ny("2024-04-03T09:00")).outcome())
          .as("a session after the as-of has not happened").isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }
}
