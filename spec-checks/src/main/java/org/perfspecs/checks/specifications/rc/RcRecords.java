package org.perfspecs.checks.specifications.rc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Interpretation;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.Recurring;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.WellnessPlan;

/**
 * What the RC rules read from a record, defined once:
 *
 * <ul>
 *   <li>the <b>onset of service delivery</b> is the first week of service: days 1 to 7, the
 *       admission date being day 1, in America/New_York (due by the end of day 7);
 *   <li>an obligation the document states without a deadline or window is judged over the <b>stay
 *       so far</b>, from admission to the discharge (or to the as-of time while the episode is
 *       open): MET when the record shows it within that span, NOT_MET when it does not; never
 *       PENDING ({@link #shownDuringStay});
 *   <li>a <b>connection</b> is {@link RcCaseRateActivities#isConnection}: in person, phone or text,
 *       member engaged and responsive, not case-related work; only connections stamped by the as-of
 *       time, and not after a discharge that has happened, count;
 *   <li>a plan is in the record once its creation date has begun at the as-of time.
 * </ul>
 */
final class RcRecords {
  /** The onset of service delivery: days 1 to 7 of service. */
  static final int ONSET_DAYS = 7;

  private RcRecords() {}

  /** The admission, when recorded and happened. */
  static Optional<Instant> admitted(Episode e, EvaluationContext ctx) {
    Optional<Instant> admitted = e.admittedAt();
    return admitted.isPresent() && !ctx.hasHappened(admitted.get()) ? Optional.empty() : admitted;
  }

  /**
   * Without an admission: NOT_APPLICABLE for a referral not admitted yet, else UNDETERMINED, so
   * {@code consequence} ({@link org.perfspecs.checks.Conditions#withoutAdmission}).
   */
  static Judgment noAdmission(Episode e, EvaluationContext ctx, String consequence) {
    return org.perfspecs.checks.Conditions.withoutAdmission(e, ctx, consequence).orElseThrow();
  }

  /** The end of day {@code n} of service (the admission date is day 1). */
  static Deadline endOfServiceDay(Instant admitted, int n, EvaluationContext ctx, String what) {
    LocalDate day = ctx.dateOf(admitted).plusDays(n - 1L);
    return Deadline.endOf(day, ctx.zone(), "end of day " + n + " of service, " + what + " (" + day + ")");
  }

  /**
   * "At the onset of service delivery": by default service days 1 to 7 (the first week, the
   * admission date being day 1).
   */
  static final Interpretation ONSET = Interpretation.days("RC.CASE.1.onset", "at the onset of service delivery",
      ONSET_DAYS, "The document gives no number; the first week of service (days 1 to 7, the admission date day 1) leaves room for the in-person meeting the plan needs while still being its start, before the weekly contacts begin.");

  /** The end of the onset of service delivery (day 7 by default: {@link #ONSET}). */
  static Deadline onset(Episode e, Instant admitted, EvaluationContext ctx) {
    // once per record: several rules ask ({@code admitted} is the episode's admission)
    java.util.Map<Episode, Deadline> memo = RecordScope.map(ONSET_DEADLINE, e, ctx);
    Deadline due = memo == null ? null : memo.get(e);
    if (due == null) {
      due = endOfServiceDay(admitted, ONSET.daysIn(ctx), ctx, "the onset of service delivery");
      if (memo != null) {
        memo.put(e, due);
      }
    }
    return due;
  }

  private static final RecordScope.Key<java.util.Map<Episode, Deadline>> ONSET_DEADLINE = RecordScope.Key.create();

  /**
   * The judgment of an obligation stated without a deadline or window, over the stay so far: MET
   * naming {@code shown} when the record shows {@code what} within it; otherwise NOT_MET, saying
   * whether the stay ended at a discharge or is still open at the as-of time.
   */
  static Judgment shownDuringStay(Episode e, EvaluationContext ctx, String what, Optional<Evidence> shown,
      Evidence... context) {
    if (shown.isPresent()) {
      return Judgments.met("the record shows a ", what, " during the stay", "", concat(context, shown.get()));
    }
    Optional<Instant> discharged = e.dischargedAt();
    String until = discharged.isPresent() && ctx.hasHappened(discharged.get())
        ? "during the stay (discharged " + Times.format(discharged.get(), ctx.zone()) + ")"
        : "during the stay so far (as of " + Times.format(ctx.asOf(), ctx.zone()) + ")";
    return Judgments.notMet("the record shows no ", what, " ", until, context);
  }

  /** The discharge if it has happened, else the as-of time. */
  static Instant serviceEnd(Episode e, EvaluationContext ctx) {
    Optional<Instant> discharged = e.dischargedAt();
    return discharged.isPresent() && ctx.hasHappened(discharged.get()) ? discharged.get() : ctx.asOf();
  }

  /**
   * Contacts of the stay so far, in time order: from the admission (when recorded) to a discharge
   * that has happened, or to the as-of time.
   */
  static List<Contact> contacts(Episode e, EvaluationContext ctx, Predicate<Contact> which) {
    return kept(stayContacts(e, ctx), which);
  }

  /**
   * Every contact of the stay so far, in time order, worked out once per record: the lists the rules
   * ask for are this one filtered (filtering a stably sorted list keeps the order sorting the
   * filtered list gives).
   */
  static List<Contact> stayContacts(Episode e, EvaluationContext ctx) {
    return RecordScope.memo(STAY_CONTACTS, e, ctx, () -> {
      Instant end = serviceEnd(e, ctx);
      Instant start = admitted(e, ctx).orElse(Instant.MIN);
      return RecordLists.keptSorted(e.contacts(),
          c -> ctx.hasHappened(c.at()) && !c.at().isBefore(start) && !c.at().isAfter(end), BY_TIME);
    });
  }

  /** The first of {@link #stayContacts} that {@code which} accepts, or null. */
  static Contact firstContact(Episode e, EvaluationContext ctx, Predicate<Contact> which) {
    return first(stayContacts(e, ctx), which);
  }

  /** The first element of {@code list} that {@code which} accepts, or null. */
  static <T> T first(List<T> list, Predicate<? super T> which) {
    for (int i = 0, n = list.size(); i < n; i++) {
      T t = list.get(i);
      if (which.test(t)) {
        return t;
      }
    }
    return null;
  }

  /** The elements of {@code list} that {@code which} accepts, in order ({@code list} itself when all are). */
  static <T> List<T> kept(List<T> list, Predicate<? super T> which) {
    return RecordLists.kept(list, which);
  }

  private static final RecordScope.Key<List<Contact>> STAY_CONTACTS = RecordScope.Key.create();
  private static final RecordScope.Key<List<Contact>> CONNECTIONS = RecordScope.Key.create();
  private static final RecordScope.Key<List<Contact>> IN_PERSON_CONNECTIONS = RecordScope.Key.create();
  private static final RecordScope.Key<List<LocalDate>> CONNECTION_DATES = RecordScope.Key.create();

  private static final Comparator<Contact> BY_TIME = Comparator.comparing(Contact::at);

  /** Connections with the member (see the class comment), in time order, once per record. */
  static List<Contact> connections(Episode e, EvaluationContext ctx) {
    return RecordScope.memo(CONNECTIONS, e, ctx, () -> contacts(e, ctx, RcCaseRateActivities::isConnection));
  }

  /** In-person connections with the member, in time order, once per record. */
  static List<Contact> inPersonConnections(Episode e, EvaluationContext ctx) {
    return RecordScope.memo(IN_PERSON_CONNECTIONS, e, ctx,
        () -> kept(connections(e, ctx), c -> c.mode() == ContactMode.IN_PERSON));
  }

  /** The dates of {@link #connections}, in the same order, once per record. */
  static List<LocalDate> connectionDates(Episode e, EvaluationContext ctx) {
    return RecordScope.memo(CONNECTION_DATES, e, ctx, () -> {
      List<Contact> connections = connections(e, ctx);
      LocalDate[] dates = new LocalDate[connections.size()];
      for (int i = 0; i < dates.length; i++) {
        dates[i] = ctx.dateOf(connections.get(i).at());
      }
      return Collections.unmodifiableList(Arrays.asList(dates));
    });
  }

  /** The Wellness Plan, when in the record at the as-of time. */
  static Optional<WellnessPlan> wellnessPlan(Episode e, EvaluationContext ctx) {
    Optional<WellnessPlan> plan = e.wellnessPlan();
    return plan.isPresent() && !ctx.hasBegun(plan.get().createdOn()) ? Optional.empty() : plan;
  }

  /** The Plan of Safe Care, when in the record at the as-of time. */
  static Optional<WellnessPlan> planOfSafeCare(Episode e, EvaluationContext ctx) {
    Optional<WellnessPlan> plan = e.planOfSafeCare();
    return plan.isPresent() && !ctx.hasBegun(plan.get().createdOn()) ? Optional.empty() : plan;
  }

  /** The first instant of {@code day} (a date-only record counts as done at the start of its day). */
  static Instant startOf(LocalDate day, EvaluationContext ctx) {
    return day.atStartOfDay(ctx.zone()).toInstant();
  }

  // evidence naming one record depends on that record alone: made once per record evaluated
  private static final RecordScope.Key<java.util.Map<Object, Evidence>> EVIDENCE = RecordScope.Key.create();
  private static final RecordScope.Key<java.util.Map<Object, Evidence>> SAFE_CARE_EVIDENCE = RecordScope.Key.create();

  /** The admission as evidence; {@code admitted} is the episode's admission. */
  static Evidence admission(Episode e, Instant admitted) {
    return RecordScope.memoOf(EVIDENCE, e, x -> Evidence.of("episode", e.id(), admitted, "admission (start of service)"));
  }

  static Evidence wellnessPlan(WellnessPlan p) {
    return RecordScope.memoOf(EVIDENCE, p,
        x -> Evidence.onDate("wellnessPlan", p.id(), p.createdOn(), "Wellness Plan created"));
  }

  static Evidence planOfSafeCare(WellnessPlan p) {
    // a separate key: the same plan object could in principle be both plans
    return RecordScope.memoOf(SAFE_CARE_EVIDENCE, p,
        x -> Evidence.onDate("planOfSafeCare", p.id(), p.createdOn(), "Plan of Safe Care created"));
  }

  static Evidence contact(Contact c, String note) {
    return Evidence.of("contact", c.id(), c.at(), note);
  }

  static Evidence[] all(Evidence first, Evidence... rest) {
    Evidence[] out = new Evidence[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  static Evidence[] all(List<Evidence> list) {
    return list.toArray(Evidence[]::new);
  }

  static Evidence[] concat(Evidence[] a, Evidence... b) {
    Evidence[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * A plan that must be in the record at the onset of service delivery: MET when it is there and
   * {@code ok} holds; NOT_MET when it is there and {@code ok} fails (with {@code failure}); when it
   * is not there, PENDING until the end of day 7 of service, NOT_MET after; UNDETERMINED without an
   * admission.
   */
  static Judgment wellnessPlanByOnset(CaseRecord record, EvaluationContext ctx, Predicate<WellnessPlan> ok,
      String success, String failure) {
    Episode e = record.episode();
    Optional<Instant> admitted = admitted(e, ctx);
    Optional<WellnessPlan> plan = wellnessPlan(e, ctx);
    if (plan.isPresent()) {
      return ok.test(plan.get()) ? Judgment.met(success, wellnessPlan(plan.get()))
          : Judgment.notMet(failure, wellnessPlan(plan.get()));
    }
    if (admitted.isEmpty()) {
      return noAdmission(e, ctx, "the onset of service (when the Wellness Plan is due) cannot be placed");
    }
    Deadline due = onset(e, admitted.get(), ctx);
    String dueText = Times.format(due.last(), ctx.zone()) + " (" + due.description() + ")";
    return due.isOpenAt(ctx.asOf())
        ? Judgment.pending(due, "no Wellness Plan is in the record yet; due by " + dueText, admission(e, admitted.get()))
        : Judgment.missed(due, "no Wellness Plan is in the record; it was due by " + dueText, admission(e, admitted.get()));
  }

  /**
   * For each need in {@code needs}, a referral made out of the service to that kind of service
   * during the stay so far (from the admission, when recorded, to a discharge that has happened, or
   * to the as-of time): MET when every need has one, else NOT_MET naming those without.
   */
  static Judgment referredForEach(Episode e, EvaluationContext ctx, Set<ServiceCategory> needs, String what) {
    if (needs.isEmpty()) {
      return Judgments.met("a referral is recorded for every need for ", what, " (", needs + ")");
    }
    Instant start = admitted(e, ctx).orElse(Instant.MIN);
    Instant end = serviceEnd(e, ctx);
    // one pass over the referrals: per need (by ordinal), the earliest in the stay so far, the first
    // of equal times as Stream.min keeps
    Referral[] earliest = new Referral[SERVICE_CATEGORIES];
    for (Referral r : e.referralsMade()) {
      Optional<ServiceCategory> target = r.target(); // one read (each read makes an Optional)
      if (target.isPresent() && needs.contains(target.get()) && ctx.hasHappened(r.at()) && !r.at().isBefore(start)
          && !r.at().isAfter(end)) {
        int i = target.get().ordinal();
        if (earliest[i] == null || r.at().isBefore(earliest[i].at())) {
          earliest[i] = r;
        }
      }
    }
    Evidence[] evidence = new Evidence[needs.size()];
    int found = 0;
    List<ServiceCategory> missing = null;
    for (ServiceCategory need : needs) {
      Referral made = earliest[need.ordinal()];
      if (made != null) {
        evidence[found++] = RecordScope.memoOf(EVIDENCE, made,
            x -> Evidence.of("referral", made.id(), made.at(), "referral made to " + need));
      } else {
        if (missing == null) {
          missing = new ArrayList<>();
        }
        missing.add(need);
      }
    }
    if (found < evidence.length) {
      evidence = Arrays.copyOf(evidence, found);
    }
    return missing == null
        ? Judgments.met("a referral is recorded for every need for ", what, " (", needs + ")", evidence)
        : Judgments.notMet("no referral is recorded for the need(s) for ", what, ": ", missing.toString(), evidence);
  }

  private static final int SERVICE_CATEGORIES = ServiceCategory.values().length;

  /** {@link Recurring#everyPeriod}, the rule of {@code RC.CASE.2} applied to other counts. */
  static Judgment everyPeriod(Episode e, EvaluationContext ctx, LocalDate start, int days, int required,
      List<LocalDate> dates, String unit, String period) {
    return Recurring.everyPeriod(e, ctx, start, days, required, dates, unit, period);
  }
}
