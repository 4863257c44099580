package org.perfspecs.checks.specifications.rc;

import static org.perfspecs.checks.Strength.MUST;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Topic;
import org.perfspecs.model.WellnessPlan;

/** RC: the minimum activities required for the case rate. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcCaseRateActivities extends Section {
  static final String HEADING = "In order to receive the case rate for Recovery Coach Services, the provider must document and be able to demonstrate that the Recovery Coach has completed the following minimum activities with all Members on the case:";

  /** Connections needed in each period. */
  public static final int CONNECTIONS_PER_PERIOD = 5;

  /** Length of a period in days. */
  public static final int PERIOD_DAYS = 30;

  /**
   * {@index RC.CASE.1}: Item 1: "At least one in-person meeting at the onset of service delivery to develop the
   * Wellness Plan in conjunction with the Member". The onset of service delivery is the first week
   * of service: days 1 to 7, the admission date being day 1 (America/New_York). MET when the
   * Wellness Plan in the record was created at an in-person meeting ({@code createdInPerson}) with
   * the member ({@code memberDirected}) on or before day 7; NOT_MET when it was created later, not
   * in person, or not with the member, or when there is none after day 7; PENDING while there is
   * none through day 7; UNDETERMINED without an admission time.
   */
  public static final EpisodeRequirement IN_PERSON_WELLNESS_PLAN_AT_ONSET = EpisodeRequirement.of(
      "RC.CASE.1", MUST,
      cite("1", "At least one in-person meeting at the onset of service delivery to develop the Wellness Plan in conjunction with the Member"),
      RcCaseRateActivities::inPersonWellnessPlanAtOnset)
      .reading(RcRecords.ONSET);

  /**
   * {@index RC.CASE.2}: Item 2: at least five connections in every thirty-day period.
   *
   * <p>Windows: consecutive 30-day periods from the date of admission (the start of service) in
   * America/New_York: days 1-30, 31-60, ... A connection is a contact in person, by phone or by
   * text (telehealth video is not one of the three modes named) with the member engaged and
   * responsive; case-related work without the member, and contacts after discharge, never count.
   * Judged with the {@linkplain org.perfspecs.checks.Recurring recurring rule}: a period that has
   * closed (its last day has ended before the as-of time, or the discharge came after it) with
   * fewer than five is NOT_MET; MET once a period has closed and every closed one held five, or
   * when the period in progress already holds five; PENDING while the first period is in progress
   * with fewer. A last period cut short by discharge counts only if it already holds five (it is
   * not a thirty-day period), so a stay shorter than thirty days with fewer than five connections
   * is NOT_APPLICABLE. Every finding on an open episode carries the end of the period in progress
   * as its due time.
   */
  public static final EpisodeRequirement FIVE_CONNECTIONS_PER_30_DAYS = EpisodeRequirement.of(
      "RC.CASE.2", MUST,
      cite("2, first and second sentences", "At least five (5) connections with the Member over a thirty (30) day period. Connections can be made in person, over the phone, or by text provided that the Member is engaged and responsive."),
      RcCaseRateActivities::fiveConnectionsPer30Days);

  /**
   * {@index RC.CASE.2.b}: Item 2, fourth sentence: "These ongoing connections must support peer relationship and support
   * the Member in working towards the goals in the Wellness Plan." Applies once a Wellness Plan is
   * in the record. Judged on consecutive 30-day periods from the plan's creation date (day 1),
   * with the rule of {@code RC.CASE.2}: every closed period must hold at least one connection that
   * addressed the Wellness Plan goals (topic WELLNESS_PLAN_GOALS); MET once one has closed with
   * one (or the period in progress holds one); PENDING only while the first period is in progress
   * without one; a last period cut short by discharge is judged only if it holds one; a stay that
   * ends within the first period without one is NOT_APPLICABLE.
   */
  public static final EpisodeRequirement CONNECTIONS_SUPPORT_WELLNESS_GOALS = EpisodeRequirement.of(
      "RC.CASE.2.b", MUST,
      cite("2, fourth sentence", "These ongoing connections must support peer relationship and support the Member in working towards the goals in the Wellness Plan."),
      RcCaseRateActivities::connectionsSupportWellnessGoals)
      .when(RcConditions.wellnessPlanInRecord());

  /**
   * {@index RC.CASE.2.c}: Item 2, fifth sentence: the provider's ability to demonstrate that it fulfils the
   * specification, including the minimum member interaction for the daily case rate: attested by
   * the program (each record's own evidence is judged by the other requirements).
   */
  public static final ProgramRequirement DEMONSTRATES_FULFILMENT = ProgramRequirement.attested(
      "RC.CASE.2.c", MUST,
      cite("2, fifth sentence", "The provider must be able to demonstrate that they are fulfilling the requirements of the performance specification, including the minimum Member interaction required for the daily case rate."));

  /**
   * {@index RC.CASE.2.d}: Item 2, sixth and seventh sentences: "Sufficient time spent on case related work without Member
   * present to assist Member in accomplishing goals", a minimum activity the provider must
   * document. "Sufficient" is not quantified: each 30-day period of service (from admission, as
   * for {@code RC.CASE.2}) must hold at least one case-related work record (kind
   * CASE_RELATED_WORK) with time spent (more than 0 minutes), with the rule of {@code RC.CASE.2}
   * (PENDING only while the first period is in progress without one); a
   * last period cut short by discharge is judged only if it holds one; a stay shorter than 30 days
   * without one is NOT_APPLICABLE; UNDETERMINED without an admission. (It never counts as a
   * connection: see {@code RC.CASE.2}.)
   */
  public static final EpisodeRequirement CASE_RELATED_WORK_DOCUMENTED = EpisodeRequirement.of(
      "RC.CASE.2.d", MUST,
      cite("2, sixth and seventh sentences", "Sufficient time spent on case related work without Member present to assist Member in accomplishing goals (e.g, phone calls to providers, identifying materials). These activities are intended to support the work with the Member but not replace actual connections between the Recovery Coach and the Member."),
      RcCaseRateActivities::caseRelatedWorkDocumented);

  private static final Set<ContactMode> CONNECTION_MODES = Set.of(ContactMode.IN_PERSON, ContactMode.PHONE, ContactMode.TEXT);

  RcCaseRateActivities() {
    super("CASE", HEADING, List.of(IN_PERSON_WELLNESS_PLAN_AT_ONSET, FIVE_CONNECTIONS_PER_30_DAYS,
        CONNECTIONS_SUPPORT_WELLNESS_GOALS, DEMONSTRATES_FULFILMENT, CASE_RELATED_WORK_DOCUMENTED));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Rc.SOURCE, HEADING, label, text);
  }

  /** Whether {@code c} counts as a connection with the member. */
  static boolean isConnection(Contact c) {
    return c.memberEngaged() && CONNECTION_MODES.contains(c.mode()) && c.kind() != ContactKind.CASE_RELATED_WORK;
  }

  private static Judgment fiveConnectionsPer30Days(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    if (e.admittedAt().filter(ctx::hasHappened).isEmpty()) {
      return RcRecords.noAdmission(e, ctx, "the 30-day periods cannot be placed");
    }
    LocalDate start = ctx.dateOf(e.admittedAt().get());
    java.time.Instant serviceEnd = e.dischargedAt().filter(ctx::hasHappened).orElse(ctx.asOf());
    // only counted: any list of the dates does
    List<Contact> contacts = e.contacts();
    List<LocalDate> dates = new java.util.ArrayList<>(contacts.size());
    for (int i = 0, n = contacts.size(); i < n; i++) {
      Contact c = contacts.get(i);
      if (isConnection(c) && !c.at().isAfter(serviceEnd)) {
        dates.add(ctx.dateOf(c.at()));
      }
    }
    return RcRecords.everyPeriod(e, ctx, start, PERIOD_DAYS, CONNECTIONS_PER_PERIOD, dates,
        "connection(s)", "30-day period");
  }

  private static Judgment inPersonWellnessPlanAtOnset(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    java.util.Optional<java.time.Instant> admitted = RcRecords.admitted(e, ctx);
    if (admitted.isEmpty()) {
      return RcRecords.noAdmission(e, ctx, "the onset of service delivery cannot be placed");
    }
    Deadline due = RcRecords.onset(e, admitted.get(), ctx);
    Evidence admission = RcRecords.admission(e, admitted.get());
    java.util.Optional<WellnessPlan> plan = RcRecords.wellnessPlan(e, ctx);
    if (plan.isPresent() && !plan.get().createdInPerson()) {
      return Judgment.notMet("the Wellness Plan was not developed at an in-person meeting", admission,
          RcRecords.wellnessPlan(plan.get()));
    }
    if (plan.isPresent() && !plan.get().memberDirected()) {
      return Judgment.notMet("the Wellness Plan is not recorded as developed in conjunction with the member (member-directed)",
          admission, RcRecords.wellnessPlan(plan.get()));
    }
    return Timeliness.judge(due,
        plan.map(p -> Timeliness.Timed.of(RcRecords.startOf(p.createdOn(), ctx), RcRecords.wellnessPlan(p))),
        "in-person meeting developing the Wellness Plan", ctx, admission);
  }

  private static Judgment connectionsSupportWellnessGoals(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    WellnessPlan plan = RcRecords.wellnessPlan(e, ctx).orElseThrow(); // the condition guarantees it
    List<Contact> connections = RcRecords.connections(e, ctx);
    List<LocalDate> dates = new java.util.ArrayList<>(connections.size());
    for (int i = 0, n = connections.size(); i < n; i++) {
      Contact c = connections.get(i);
      if (c.topics().contains(Topic.WELLNESS_PLAN_GOALS)) {
        dates.add(ctx.dateOf(c.at()));
      }
    }
    return RcRecords.everyPeriod(e, ctx, plan.createdOn(), PERIOD_DAYS, 1, dates,
        "connection(s) addressing the Wellness Plan goals", "30-day period from the Wellness Plan");
  }

  private static Judgment caseRelatedWorkDocumented(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    java.util.Optional<java.time.Instant> admitted = RcRecords.admitted(e, ctx);
    if (admitted.isEmpty()) {
      return RcRecords.noAdmission(e, ctx, "the 30-day periods cannot be placed");
    }
    List<Contact> contacts = RcRecords.stayContacts(e, ctx);
    List<LocalDate> dates = new java.util.ArrayList<>();
    for (int i = 0, n = contacts.size(); i < n; i++) {
      Contact c = contacts.get(i);
      if (c.kind() == ContactKind.CASE_RELATED_WORK && c.minutes() > 0) {
        dates.add(ctx.dateOf(c.at()));
      }
    }
    return RcRecords.everyPeriod(e, ctx, ctx.dateOf(admitted.get()), PERIOD_DAYS, 1, dates,
        "case-related work record(s)", "30-day period");
  }
}
