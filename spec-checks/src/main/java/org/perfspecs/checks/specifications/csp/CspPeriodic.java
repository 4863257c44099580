package org.perfspecs.checks.specifications.csp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Recurring;
import org.perfspecs.checks.Recurring.State;
import org.perfspecs.checks.Recurring.Window;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.Episode;

/**
 * "At least every N months while enrolled", judged with the {@linkplain Recurring recurring rule}.
 * The windows: from the first date, each next update is due by the end of the date N months after
 * the previous one (month-end clipping: 2024-01-31 + 3 months = 2024-04-30; a 29 February anchor
 * + 12 months = 28 February), and an update on time closes its window (met) and opens the next.
 * Updates dated after the as-of date do not count. A window whose due date passed without an
 * update is missed (NOT_MET), even when an update came later (the next window runs from that late
 * update). While the member is enrolled the
 * window in progress is the one from the latest on-time update: MET when at least one update was
 * on time, PENDING before the first one falls due. Once discharged, the obligation ends with the
 * discharge date: a window whose due date is on or after it is cut short (no update is due after
 * it, and an update dated after it is ignored); a stay that ends before the first update falls
 * due is NOT_APPLICABLE.
 */
final class CspPeriodic {
  private CspPeriodic() {}

  /** The judgment; {@code allMet} is {@link #allMet(String) allMet(what)}, made by the caller once. */
  static Judgment judge(LocalDate first, List<LocalDate> updates, int months, Episode e, EvaluationContext ctx,
      String what, String allMet, Evidence basis) {
    List<Window> windows = new ArrayList<>();
    LocalDate previous = first;
    Optional<Instant> dischargedAt = e.dischargedAt();
    LocalDate lastEnrolledDay = dischargedAt.isPresent() && ctx.hasHappened(dischargedAt.get())
        ? ctx.dateOf(dischargedAt.get()) : LocalDate.MAX;
    boolean discharged = lastEnrolledDay != LocalDate.MAX;
    // the updates after the first date, begun and not after the last enrolled day, in date order
    LocalDate[] kept = new LocalDate[updates.size()];
    int count = 0;
    for (int i = 0, n = updates.size(); i < n; i++) {
      LocalDate d = updates.get(i);
      if (d.isAfter(first) && ctx.hasBegun(d) && !d.isAfter(lastEnrolledDay)) {
        kept[count++] = d;
      }
    }
    java.util.Arrays.sort(kept, 0, count);
    for (int k = 0; k < count; k++) {
      LocalDate u = kept[k];
      LocalDate dueDay = previous.plusMonths(months);
      Deadline due = due(previous, dueDay, months, ctx);
      Evidence update = Evidence.onDate("update", e.id(), u, what);
      // the accounts are made when read (Account): most findings are counted, never printed
      if (u.isAfter(dueDay)) {
        windows.add(Window.lazy(due, State.CLOSED, false, new Account(Account.LATE, what, u, dueDay, months, previous),
            update));
      } else {
        windows.add(Window.lazy(due, State.CLOSED, true, new Account(Account.ON_TIME, what, u, dueDay, months, previous),
            update));
      }
      previous = u;
    }
    LocalDate dueDay = previous.plusMonths(months);
    Deadline due = due(previous, dueDay, months, ctx);
    if (discharged) {
      windows.add(lastEnrolledDay.isAfter(dueDay)
          ? Window.lazy(due, State.CLOSED, false,
              new Account(Account.NONE_BEFORE_DISCHARGE, what, lastEnrolledDay, dueDay, months, previous))
          : Window.lazy(due, State.CUT_SHORT, false,
              new Account(Account.CUT_SHORT, what, lastEnrolledDay, dueDay, months, previous)));
    } else {
      windows.add(due.isOpenAt(ctx.asOf())
          ? Window.lazy(due, State.IN_PROGRESS, false, new Account(Account.NONE_YET, what, null, dueDay, months, previous))
          : Window.lazy(due, State.CLOSED, false, new Account(Account.NONE, what, null, dueDay, months, previous)));
    }
    return Recurring.judge(windows, allMet, ctx, basis);
  }

  /**
   * A window's account, made when read: exactly the text the sentences below give (the same as
   * when they were concatenated at once). {@code day} is the update's date ({@link #LATE}, {@link
   * #ON_TIME}) or the last enrolled day ({@link #NONE_BEFORE_DISCHARGE}, {@link #CUT_SHORT}).
   */
  private record Account(int sentence, String what, LocalDate day, LocalDate dueDay, int months, LocalDate previous)
      implements java.util.function.Supplier<String> {
    static final int LATE = 0;
    static final int ON_TIME = 1;
    static final int NONE_BEFORE_DISCHARGE = 2;
    static final int CUT_SHORT = 3;
    static final int NONE_YET = 4;
    static final int NONE = 5;

    @Override
    public String get() {
      return switch (sentence) {
        case LATE -> what + " late: dated " + day + ", due by " + dueDay + " (" + months + " months after " + previous + ")";
        case ON_TIME -> what + " on " + day + ", due by " + dueDay;
        case NONE_BEFORE_DISCHARGE -> none(what, dueDay, months, previous) + ", before the discharge on " + day;
        case CUT_SHORT -> "no " + what + " fell due before the discharge on " + day + " (the next was due by " + dueDay + ")";
        case NONE_YET -> "the next " + what + " is due by " + dueDay + " (" + months + " months after " + previous
            + "); none yet";
        default -> none(what, dueDay, months, previous);
      };
    }
  }

  private static String none(String what, LocalDate dueDay, int months, LocalDate previous) {
    return "no " + what + " by " + dueDay + " (" + months + " months after " + previous + ")";
  }

  private static Deadline due(LocalDate previous, LocalDate dueDay, int months, EvaluationContext ctx) {
    // the description made when read (most deadlines are counted, never printed)
    return Deadline.endOf(dueDay, ctx.zone(), () -> months + " months after " + previous + " (" + dueDay + ")");
  }

  /** The reason when every update that fell due was on time. */
  static String allMet(String what) {
    return "every " + what + " that fell due was on time";
  }
}
