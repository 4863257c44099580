package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.Episode;

/**
 * The one way a recurring obligation is judged ("updated quarterly", "reviewed at least every 12
 * months", "at least five connections over a thirty-day period", "ongoing weekly contacts"),
 * shared by every periodic or per-window requirement. The requirement cuts the stay into
 * {@linkplain Window windows} and says of each whether it is met; this class decides:
 *
 * <ul>
 *   <li>{@link Outcome#NOT_MET} when any window that has <em>closed</em> was missed (the first
 *       such window is named in the reason);
 *   <li>{@link Outcome#MET} when every closed window was met and at least one has closed, or when
 *       the window in progress is already met;
 *   <li>{@link Outcome#PENDING} only while no window has closed and the window in progress is not
 *       met yet;
 *   <li>{@link Outcome#NOT_APPLICABLE} when the stay ended (discharge) before any window closed and
 *       the window it cut short was not met: nothing fell due.
 * </ul>
 *
 * <p><b>The due time.</b> Every finding of a recurring requirement on an open episode carries, in
 * {@link Finding#due()}, the end of the <em>window in progress</em> (the next due time), whatever
 * its outcome: an EHR can say "3 more connections due by 1 March" beside a MET. When no window is
 * in progress (the member has been discharged), a NOT_MET finding carries the end of the window it
 * missed and a MET finding has none.
 *
 * <p>A window <em>closes</em> when its last instant has passed at the as-of time, or when the
 * discharge came after its end; a window the discharge cut short is neither closed nor in
 * progress: it is judged only when it is already met (it does not make the finding NOT_MET).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Recurring {
  private Recurring() {}

  /** Where a window stands at the as-of time. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public enum State {
    /** Its last instant has passed (or it ended before the discharge): it is judged. */
    CLOSED,
    /** The episode is open and the window has not ended: the window in progress. */
    IN_PROGRESS,
    /** The discharge came before its end: a window that cannot close. */
    CUT_SHORT
  }

  /**
   * One window of a recurring obligation: its end (the deadline by which it must be met), where it
   * stands, whether the record meets it, one sentence on what it holds, and the evidence naming
   * it. Immutable.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Window {
    private final Deadline end;
    private final State state;
    private final boolean met;
    // the account: its text (a String), or (for windows the library makes) what makes it (a
    // Supplier), made into text on first read into madeAccount: a benign race, as
    // String.hashCode's (the text is the same whichever thread makes it, and a String is safely
    // published)
    private final Object account;
    private String madeAccount;
    private final List<Evidence> evidence;

    private Window(Deadline end, State state, boolean met, Object account, List<Evidence> evidence) {
      this.end = requireNonNull(end, "end");
      this.state = requireNonNull(state, "state");
      this.met = met;
      this.account = requireNonNull(account, "account");
      this.evidence = evidence;
    }

    /**
     * A window.
     *
     * @param end the last instant by which it must be met (inclusive), never null
     * @param state where it stands at the as-of time, never null
     * @param met whether the record meets it
     * @param account what it holds, in one clause a reviewer can read (e.g. {@code "30-day period 2
     *     (2024-01-31 to 2024-02-29) had 3 connection(s); at least 5 are required"}), never null
     * @param evidence the records that show it (the window itself, the updates in it)
     */
    public static Window of(Deadline end, State state, boolean met, String account, Evidence... evidence) {
      return new Window(end, state, met, requireNonNull(account, "account"), ImmutableList.copyOf(List.of(evidence)));
    }

    /**
     * {@link #of(Deadline, State, boolean, String, Evidence...)} with the account made from {@code
     * account} when first read (most findings are counted, never printed): for the specifications'
     * rules. {@code account} must give the same text, never blank, whenever it is asked.
     */
    @API(status = API.Status.INTERNAL, since = "0.2")
    public static Window lazy(Deadline end, State state, boolean met, java.util.function.Supplier<String> account,
        Evidence... evidence) {
      return new Window(end, state, met, requireNonNull(account, "account"), ImmutableList.copyOf(evidence));
    }

    /** The deadline by which it must be met. */
    public Deadline end() {
      return end;
    }

    /** Where it stands at the as-of time. */
    public State state() {
      return state;
    }

    /** Whether the record meets it. */
    public boolean met() {
      return met;
    }

    /** What it holds, in words. */
    public String account() {
      Object a = account;
      if (a instanceof String text) {
        return text;
      }
      String made = madeAccount;
      if (made == null) {
        made = requireNonNull(((java.util.function.Supplier<?>) a).get(), "account").toString();
        madeAccount = made;
      }
      return made;
    }

    /** The records that show it. */
    public List<Evidence> evidence() {
      return evidence;
    }
  }

  /**
   * Judges a recurring obligation from its windows, in time order (see the class comment).
   *
   * @param windows the windows of the stay so far, earliest first; at most one {@link
   *     State#IN_PROGRESS}, and only last; must not be empty
   * @param allMet the reason when every closed window was met, e.g. {@code "every 30-day period
   *     that has closed had at least 5 connections"}
   * @param ctx the evaluation context (for formatting times)
   * @param basis records every finding names first (the admission, the first assessment)
   * @throws IllegalArgumentException when {@code windows} is empty
   */
  public static Judgment judge(List<Window> windows, String allMet, EvaluationContext ctx, Evidence... basis) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("a recurring obligation needs at least one window");
    }
    // The reason is made when read (WindowReason: exactly the text once concatenated here) and the
    // evidence (the basis, then that of each window up to the one judged) goes into one array.
    int n = windows.size();
    Window last = windows.get(n - 1);
    Window inProgress = last.state == State.IN_PROGRESS ? last : null;
    // the zone formats the due time of the window in progress, the only one a reason names
    java.time.ZoneId zone = inProgress != null ? ctx.zone() : null;
    int closed = 0;
    for (int i = 0; i < n; i++) {
      Window w = windows.get(i);
      if (w.state != State.CLOSED) {
        continue;
      }
      if (!w.met) {
        // the window in progress (the last) is never the closed one missed
        Evidence[] evidence = evidence(basis, windows, i, inProgress);
        if (inProgress == null) {
          requireReason(w);
        }
        return Judgment.owning(Outcome.NOT_MET, inProgress != null ? inProgress.end : w.end,
            new WindowReason(inProgress != null ? WindowReason.MISSED_WITH_NEXT : WindowReason.MISSED, w, inProgress,
                allMet, 0, zone),
            evidence);
      }
      closed++;
    }
    Evidence[] evidence = evidence(basis, windows, n - 1, null);
    if (inProgress != null) {
      Window p = inProgress;
      if (closed > 0) {
        return Judgment.owning(Outcome.MET, p.end, new WindowReason(WindowReason.MET_WITH_NEXT, p, p, allMet, closed, zone),
            evidence);
      }
      return p.met
          ? Judgment.owning(Outcome.MET, p.end, new WindowReason(WindowReason.ENOUGH_SO_FAR, p, p, allMet, 0, zone), evidence)
          : Judgment.owning(Outcome.PENDING, p.end, new WindowReason(WindowReason.DUE_BY, p, p, allMet, 0, zone), evidence);
    }
    if (closed > 0 || last.met) {
      if (closed == 0) {
        requireReason(last);
      }
      return Judgment.owning(Outcome.MET, null,
          new WindowReason(closed > 0 ? WindowReason.ALL_MET : WindowReason.ACCOUNT, last, null, allMet, closed, zone),
          evidence);
    }
    return Judgment.owning(Outcome.NOT_APPLICABLE, null, new WindowReason(WindowReason.ENDED_EARLY, last, null, allMet, 0, zone),
        evidence);
  }

  /** A reason that is a window's account alone must not be blank (as the public factories refuse it). */
  private static void requireReason(Window w) {
    if (w.account instanceof String text && text.isBlank()) {
      throw new IllegalArgumentException("a judgment needs a reason");
    }
  }

  /** The basis, the evidence of windows 0 to {@code upTo}, then that of {@code andThen} (when not null), in one array. */
  private static Evidence[] evidence(Evidence[] basis, List<Window> windows, int upTo, Window andThen) {
    int size = basis.length + (andThen != null ? andThen.evidence.size() : 0);
    for (int i = 0; i <= upTo; i++) {
      size += windows.get(i).evidence.size();
    }
    Evidence[] out = java.util.Arrays.copyOf(basis, size);
    int count = basis.length;
    for (int i = 0; i <= upTo; i++) {
      count = addTo(out, count, windows.get(i).evidence);
    }
    if (andThen != null) {
      addTo(out, count, andThen.evidence);
    }
    return out;
  }

  private static int addTo(Evidence[] out, int count, List<Evidence> evidence) {
    for (int j = 0, m = evidence.size(); j < m; j++) {
      out[count++] = evidence.get(j);
    }
    return count;
  }

  /**
   * The sentences of a recurring rule's reason, {@link #judge}'s and {@link #everyPeriod}'s alike,
   * made when read from the parts each kind of reason gives.
   */
  private interface RecurringReason extends Judgment.Reason {
    int MISSED = 0;
    int MISSED_WITH_NEXT = 1;
    int MET_WITH_NEXT = 2;
    int ENOUGH_SO_FAR = 3;
    int DUE_BY = 4;
    int ALL_MET = 5;
    int ACCOUNT = 6;
    int ENDED_EARLY = 7;

    /** Which sentence, one of the constants above. */
    int sentence();

    /** The windows closed (for {@link #MET_WITH_NEXT} and {@link #ALL_MET}). */
    int closed();

    /** The account of the window the sentence is about (the one missed, else the last). */
    String account();

    /** The account of the window in progress. */
    String accountInProgress();

    /** When the window in progress ends, in words. */
    String dueInProgress();

    /** The sentence that every closed window held enough. */
    String allMet();

    @Override
    default String text() {
      return switch (sentence()) {
        case MISSED -> account();
        case MISSED_WITH_NEXT -> account() + "; the window in progress ends " + dueInProgress();
        case MET_WITH_NEXT -> allMet() + " (" + closed() + " closed); " + accountInProgress()
            + ", the window in progress ending " + dueInProgress();
        case ENOUGH_SO_FAR -> accountInProgress() + ", already enough for the window in progress ending " + dueInProgress();
        case DUE_BY -> accountInProgress() + "; due by " + dueInProgress();
        case ALL_MET -> allMet() + " (" + closed() + " closed)";
        case ACCOUNT -> account();
        default -> "the stay ended before its first window closed: " + account();
      };
    }
  }

  /** A reason of {@link #judge}, made when read: {@code w} the window it is about, {@code p} the one in progress. */
  private record WindowReason(int sentence, Window w, Window p, String allMet, int closed, java.time.ZoneId zone)
      implements RecurringReason {
    @Override
    public String account() {
      return w.account();
    }

    @Override
    public String accountInProgress() {
      return p.account();
    }

    @Override
    public String dueInProgress() {
      return due(p.end, zone);
    }
  }

  /**
   * "At least {@code required} qualifying records in every period of {@code days} days" (RC's
   * five connections in every thirty days, its weekly contacts, IOP's attendance each week), judged
   * with the recurring rule: consecutive periods from {@code start} (day 1,
   * America/New_York); a period closes when its last day has ended at the as-of time or when the
   * discharge came after it; a closed period with fewer is NOT_MET; MET once a period has closed
   * and every closed one held enough, or when the period in progress already holds them; PENDING
   * while the first period is in progress with fewer; a last period cut short by discharge counts
   * only if it already holds them, so a stay shorter than one period with fewer is NOT_APPLICABLE.
   * The finding's due time is the end of the period in progress.
   *
   * @param dates the dates (America/New_York) of the qualifying records
   * @param unit what is counted, e.g. {@code "connection(s)"}
   * @param period what a period is called, e.g. {@code "week"} or {@code "30-day period"}
   * @param e the episode (its id names the periods' evidence; its discharge ends the last period)
   * @param start the first day of period 1 (inclusive)
   * @param days the length of a period in days, at least 1
   * @param required how many qualifying dates a period must hold, at least 1
   */
  public static Judgment everyPeriod(Episode e, EvaluationContext ctx, LocalDate start, int days, int required,
      List<LocalDate> dates, String unit, String period) {
    Optional<java.time.Instant> discharged = e.dischargedAt();
    LocalDate lastServiceDay = discharged.isPresent() && ctx.hasHappened(discharged.get())
        ? ctx.dateOf(discharged.get()) : ctx.today();
    if (start.isAfter(lastServiceDay)) {
      return Judgment.notApplicable("no day of service falls on or after " + start);
    }
    boolean open = e.isOpenAt(ctx.asOf());
    // The periods are worked out by day number, and text, deadlines and evidence are made only for
    // the periods the judgment names: the same judgment as judge() over every period's Window (the
    // rule above), without the words of the periods it does not read.
    long first = start.toEpochDay();
    int n = (int) ((lastServiceDay.toEpochDay() - first) / days) + 1;
    int[] counts = new int[n];
    for (int i = 0, size = dates.size(); i < size; i++) {
      long k = Math.floorDiv(dates.get(i).toEpochDay() - first, (long) days);
      if (k >= 0 && k < n) {
        counts[(int) k]++;
      }
    }
    Periods p = new Periods(e.id(), ctx, start, days, required, counts, unit, period, open, lastServiceDay);
    int last = n - 1;
    boolean inProgress = p.state(last) == State.IN_PROGRESS;
    int closed = 0;
    for (int k = 0; k < n; k++) {
      if (p.state(k) != State.CLOSED) {
        continue;
      }
      if (counts[k] < required) {
        // the evidence of periods 1..k+1, then that of the period in progress
        Evidence[] evidence = p.evidence(k, inProgress);
        return Judgment.owning(Outcome.NOT_MET, inProgress ? p.end(last) : p.end(k),
            new PeriodReason(p, inProgress ? PeriodReason.MISSED_WITH_NEXT : PeriodReason.MISSED, k, 0), evidence);
      }
      closed++;
    }
    Evidence[] evidence = p.evidence(last, false);
    if (inProgress) {
      Deadline end = p.end(last);
      if (closed > 0) {
        return Judgment.owning(Outcome.MET, end, new PeriodReason(p, PeriodReason.MET_WITH_NEXT, last, closed), evidence);
      }
      return counts[last] >= required
          ? Judgment.owning(Outcome.MET, end, new PeriodReason(p, PeriodReason.ENOUGH_SO_FAR, last, 0), evidence)
          : Judgment.owning(Outcome.PENDING, end, new PeriodReason(p, PeriodReason.DUE_BY, last, 0), evidence);
    }
    if (closed > 0 || counts[last] >= required) {
      return Judgment.owning(Outcome.MET, null,
          new PeriodReason(p, closed > 0 ? PeriodReason.ALL_MET : PeriodReason.ACCOUNT, last, closed), evidence);
    }
    return Judgment.owning(Outcome.NOT_APPLICABLE, null, new PeriodReason(p, PeriodReason.ENDED_EARLY, last, 0), evidence);
  }

  /**
   * A reason of {@link #everyPeriod}, made when read: {@code k} the period it is about (the last
   * but for a missed one), the one in progress the last.
   */
  private record PeriodReason(Periods p, int sentence, int k, int closed) implements RecurringReason {
    @Override
    public String account() {
      return p.account(k);
    }

    @Override
    public String accountInProgress() {
      return p.account(p.counts.length - 1);
    }

    @Override
    public String dueInProgress() {
      return p.due(p.end(p.counts.length - 1));
    }

    @Override
    public String allMet() {
      return p.allMet();
    }
  }

  /** The periods of {@link #everyPeriod}, their words made on demand. */
  private static final class Periods {
    // no reference to the record or context: a finding's lazy reason and evidence hold on to this
    private final String episodeId;
    private final java.time.ZoneId zone;
    private final LocalDate start;
    private final int days;
    private final int required;
    private final int[] counts;
    private final String unit;
    private final String period;
    private final boolean open;
    private final long firstDay;
    private final long lastServiceDay;
    private final long today;

    Periods(String episodeId, EvaluationContext ctx, LocalDate start, int days, int required, int[] counts, String unit,
        String period, boolean open, LocalDate lastServiceDay) {
      this.episodeId = episodeId;
      this.zone = ctx.zone();
      this.start = start;
      this.days = days;
      this.required = required;
      this.counts = counts;
      this.unit = unit;
      this.period = period;
      this.open = open;
      this.firstDay = start.toEpochDay();
      this.lastServiceDay = lastServiceDay.toEpochDay();
      this.today = ctx.today().toEpochDay();
    }

    LocalDate from(int k) {
      return start.plusDays((long) k * days);
    }

    LocalDate to(int k) {
      return from(k).plusDays(days - 1L);
    }

    /**
     * As judge() reads a Window's state: the period's deadline is the end of its last day, so it is
     * open at the as-of time exactly while the as-of date is not after that day.
     */
    State state(int k) {
      // by epoch day, as the LocalDates from(k) and to(k) compare
      long to = firstDay + (long) k * days + days - 1L;
      boolean cutShort = to > lastServiceDay;
      return !open && cutShort ? State.CUT_SHORT
          : !open || today > to ? State.CLOSED : State.IN_PROGRESS;
    }

    String name(int k) {
      return period + " " + (k + 1) + " (" + from(k) + " to " + to(k) + ")";
    }

    Deadline end(int k) {
      return Deadline.endOf(to(k), zone, () -> "end of " + name(k));
    }

    String due(Deadline d) {
      return Times.format(d.last(), zone) + " (" + d.description() + ")";
    }

    String account(int k) {
      long count = counts[k];
      return state(k) == State.IN_PROGRESS
          ? name(k) + " has " + count + " " + unit + " so far" + (count >= required ? "" : "; at least " + required
              + " are due by its end")
          : name(k) + " had " + count + " " + unit + (count >= required ? "" : "; at least " + required + " are required");
    }

    String allMet() {
      return "every " + period + " that has closed had at least " + required + " " + unit;
    }

    /** The evidence of periods 1 to {@code upTo + 1}, and of the last period when {@code andLast}. */
    Evidence[] evidence(int upTo, boolean andLast) {
      Evidence[] out = new Evidence[upTo + 1 + (andLast ? 1 : 0)];
      String idPrefix = episodeId + "#" + period.replace(' ', '-') + "-";
      for (int k = 0; k <= upTo; k++) {
        out[k] = evidence(idPrefix, k);
      }
      if (andLast) {
        out[upTo + 1] = evidence(idPrefix, counts.length - 1);
      }
      return out;
    }

    private Evidence evidence(String idPrefix, int k) {
      LocalDate from = from(k);
      return Evidence.onDate("period", from, new PeriodText(idPrefix, k + 1, counts[k], unit, from, days));
    }
  }

  /**
   * A period's evidence id ({@code <episode>#<period>-<n>}) and note ({@code "<count> <unit> from
   * <from> to <to>"}), made when read.
   */
  private static final class PeriodText extends Evidence.Text {
    private final String idPrefix;
    private final int number;
    private final int count;
    private final String unit;
    private final LocalDate from;
    private final int days;

    PeriodText(String idPrefix, int number, int count, String unit, LocalDate from, int days) {
      this.idPrefix = idPrefix;
      this.number = number;
      this.count = count;
      this.unit = unit;
      this.from = from;
      this.days = days;
    }

    @Override
    String makeId() {
      return idPrefix + number;
    }

    @Override
    String makeNote() {
      return count + " " + unit + " from " + from + " to " + from.plusDays(days - 1L);
    }
  }

  private static String due(Deadline d, java.time.ZoneId zone) {
    return Times.format(d.last(), zone) + " (" + d.description() + ")";
  }
}
