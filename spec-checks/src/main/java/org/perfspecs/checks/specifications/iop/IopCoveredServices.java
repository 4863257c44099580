package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.Strength.SHOULD;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Location;
import org.perfspecs.model.Program;

/**
 * IOP "COVERED SERVICES". The heading is one paragraph; its obligations are numbered by sentence
 * (letters for two obligations in one sentence). Descriptions (what an IOP is, the modalities it
 * typically includes, who it serves, that it may be hospital-based or freestanding, how it compares
 * with other levels of care, the clinical criteria for treatment in an IOP setting) are not
 * requirements.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopCoveredServices extends Section {
  static final String HEADING = "COVERED SERVICES:";

  /** Minutes of programming a day must offer: three hours. */
  public static final long MINUTES_PER_DAY = 3 * 60;

  /** Days a week with three hours of programming. */
  public static final int DAYS_PER_WEEK = 5;

  /** Attendance days a member should have in each week of the stay. */
  public static final int ATTENDANCE_PER_WEEK = 3;

  /** Shortest and longest generally expected stay, in days between admission and discharge dates. */
  public static final int SHORTEST_STAY_DAYS = 7;

  /** Longest generally expected stay, in days between admission and discharge dates. */
  public static final int LONGEST_STAY_DAYS = 21;

  /**
   * {@index IOP.COV.1.a}: Sentence 1: "offering treatment 3 hours per day/5 days per week". Judged on the program profile:
   * MET when one location's weekly hours hold at least three hours (overlapping periods counted
   * once) on each of at least five days of the week; NOT_MET otherwise (and with no location).
   */
  public static final ProgramRequirement THREE_HOURS_FIVE_DAYS = ProgramRequirement.of(
      "IOP.COV.1.a", MUST, cite("paragraph, first sentence", "offering treatment 3 hours per day/5 days per week"),
      IopCoveredServices::threeHoursFiveDays);

  /**
   * {@index IOP.COV.1.b}: Sentence 1: "although 7 days per week availability is preferable": MET when one location holds
   * at least three hours on each of the seven days of the week.
   */
  public static final ProgramRequirement SEVEN_DAYS_PREFERABLE = ProgramRequirement.of(
      "IOP.COV.1.b", SHOULD, cite("paragraph, first sentence", "although 7 days per week availability is preferable"),
      IopCoveredServices::sevenDays);

  /**
   * {@index IOP.COV.2}: Sentence 2: "Participation should attend 3 times per week at a minimum based on clinical need".
   * Weeks are consecutive 7-day periods from the date of admission (days 1-7, 8-14, ...), in
   * America/New_York; attendance is a day with at least one attendance contact ({@link
   * IopRecords#ATTENDANCE_KINDS}) from admission to discharge. Every week that has ended (or ended
   * with the discharge on or after its last day) must hold at least three attendance days, with the
   * {@linkplain org.perfspecs.checks.Recurring recurring rule}: MET once a week has ended and every
   * ended week held three (or the week in progress holds three), the end of the week in progress as
   * the due time; PENDING only during the first week; a last week cut short by discharge is judged
   * only if it already holds three, and a stay shorter than one week with fewer than three is
   * NOT_APPLICABLE.
   */
  public static final EpisodeRequirement ATTENDS_THREE_TIMES_A_WEEK = EpisodeRequirement.of(
      "IOP.COV.2", SHOULD,
      cite("paragraph, second sentence", "Participation should attend 3 times per week at a minimum based on clinical need"),
      IopCoveredServices::attendsThreeTimesAWeek)
      .when(IopRecords.admitted());

  /**
   * {@index IOP.COV.3}: Sentence 3: "Length of stay is generally 1 to 3 weeks". The length is the number of days from
   * the admission date to the discharge date; MET from 7 to 21 days inclusive, NOT_MET shorter or
   * longer. While the member is still in the program it is PENDING up to the end of day 21 after the
   * admission date, and NOT_MET after it.
   */
  public static final EpisodeRequirement LENGTH_OF_STAY = EpisodeRequirement.of(
      "IOP.COV.3", SHOULD, cite("paragraph, third sentence", "Length of stay is generally 1 to 3 weeks"),
      IopCoveredServices::lengthOfStay)
      .when(IopRecords.admitted());

  /**
   * {@index IOP.COV.4}: "Adjunctive therapies such as life planning skills and expressive therapies may be provided but
   * must have a specific function within a given Member's treatment plan": applies when the record
   * shows an adjunctive therapy session; MET when a treatment plan (provisional or full) states the
   * function of the adjunctive therapy ({@link ContentElement#ADJUNCTIVE_THERAPY_FUNCTION}).
   */
  public static final EpisodeRequirement ADJUNCTIVE_THERAPY_IN_PLAN = EpisodeRequirement.of(
      "IOP.COV.4", MUST,
      cite("paragraph, adjunctive therapies sentence", "Adjunctive therapies such as life planning skills and expressive therapies may be provided but must have a specific function within a given Member’s treatment plan."),
      IopCoveredServices::adjunctiveTherapyInPlan)
      .when(Condition.of("the record shows an adjunctive therapy session", IopCoveredServices::hadAdjunctiveTherapy));

  IopCoveredServices() {
    super("COV", HEADING, List.of(THREE_HOURS_FIVE_DAYS, SEVEN_DAYS_PREFERABLE, ATTENDS_THREE_TIMES_A_WEEK,
        LENGTH_OF_STAY, ADJUNCTIVE_THERAPY_IN_PLAN));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

  /** The days of the week on which {@code l} is open at least three hours (overlaps counted once). */
  static Set<DayOfWeek> fullDays(Location l) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      Location day = Location.builder().from(l).hours(l.hours().stream().filter(h -> h.day() == d).toList()).build();
      if (day.weeklyMinutes() >= MINUTES_PER_DAY) {
        days.add(d);
      }
    }
    return days;
  }

  private static Judgment threeHoursFiveDays(Program p, EvaluationContext ctx) {
    return daysAWeek(p, DAYS_PER_WEEK);
  }

  private static Judgment sevenDays(Program p, EvaluationContext ctx) {
    return daysAWeek(p, 7);
  }

  private static Judgment daysAWeek(Program p, int days) {
    if (p.locations().isEmpty()) {
      return Judgment.notMet("the program profile lists no location with its hours");
    }
    List<Evidence> seen = new ArrayList<>();
    for (Location l : p.locations()) {
      Set<DayOfWeek> full = fullDays(l);
      Evidence e = Evidence.of("location", l.id(), "at least 3 hours on " + full.size() + " day(s) a week: " + full);
      if (full.size() >= days) {
        return Judgment.met("location " + l.id() + " offers at least 3 hours on " + full.size()
            + " days a week (" + days + " needed)", e);
      }
      seen.add(e);
    }
    return Judgment.notMet("no location offers at least 3 hours a day on " + days + " days a week",
        seen.toArray(Evidence[]::new));
  }

  private static Judgment attendsThreeTimesAWeek(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    LocalDate start = ctx.dateOf(IopRecords.admittedAt(record));
    // the dates, in order (the shared list, no copy)
    List<LocalDate> days = IopRecords.attendanceDays(record, ctx);
    return org.perfspecs.checks.Recurring.everyPeriod(e, ctx, start, 7, ATTENDANCE_PER_WEEK, days,
        "attendance day(s)", "week");
  }

  private static Judgment lengthOfStay(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    LocalDate admitted = ctx.dateOf(IopRecords.admittedAt(record));
    Deadline longest = Deadline.calendarDaysAfter(admitted, LONGEST_STAY_DAYS, ctx.zone());
    Evidence admission = IopRecords.admission(record);
    java.time.Instant dischargedAt = IopRecords.dischargedBy(e, ctx);
    if (dischargedAt == null) {
      long sofar = ChronoUnit.DAYS.between(admitted, ctx.today());
      return longest.isOpenAt(ctx.asOf())
          ? Judgment.pending(longest, "the member is still in the program after " + sofar
              + " day(s); a stay of 1 to 3 weeks ends by " + admitted.plusDays(LONGEST_STAY_DAYS), admission)
          : Judgment.missed(longest, "the member is still in the program after " + sofar
              + " days, longer than 3 weeks", admission);
    }
    LocalDate out = ctx.dateOf(dischargedAt);
    long days = ChronoUnit.DAYS.between(admitted, out);
    Evidence discharge = Evidence.of("episode", e.id(), dischargedAt, "discharge");
    if (days < SHORTEST_STAY_DAYS) {
      return Judgments.notMet("the stay lasted ", Long.toString(days), " day(s), shorter than 1 week", "", admission, discharge);
    }
    if (days > LONGEST_STAY_DAYS) {
      return Judgment.missed(longest, "the stay lasted " + days + " days, longer than 3 weeks", admission, discharge);
    }
    return Judgment.metBy(longest, "the stay lasted " + days + " days, within 1 to 3 weeks", admission, discharge);
  }

  // the same for every record: made once (judgments are immutable)
  private static final Optional<Judgment> NO_ADJUNCTIVE_THERAPY =
      Optional.of(Judgment.notApplicable("the record shows no adjunctive therapy session"));

  private static Optional<Judgment> hadAdjunctiveTherapy(CaseRecord record, EvaluationContext ctx) {
    List<Contact> contacts = record.episode().contacts();
    for (int i = 0, n = contacts.size(); i < n; i++) {
      Contact c = contacts.get(i);
      if (c.kind() == ContactKind.ADJUNCTIVE_THERAPY && ctx.hasHappened(c.at())) {
        return Optional.empty();
      }
    }
    return NO_ADJUNCTIVE_THERAPY;
  }

  private static Judgment adjunctiveTherapyInPlan(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Document> plans = IopRecords.documents(e, ctx, IopRecords.TREATMENT_PLANS);
    for (int i = 0, n = plans.size(); i < n; i++) {
      Document d = plans.get(i);
      if (d.elements().contains(ContentElement.ADJUNCTIVE_THERAPY_FUNCTION)) {
        return Judgments.met("treatment plan ", d.id(), " states the function of the adjunctive therapy", "",
            IopRecords.evidence(d));
      }
    }
    return Judgments.notMet("adjunctive therapy was provided but no treatment plan states its specific function", "", "", "",
        IopRecords.evidenceList(e, ctx, IopRecords.TREATMENT_PLANS));
  }
}
