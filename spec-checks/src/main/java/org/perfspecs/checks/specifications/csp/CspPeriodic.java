package org.perfspecs.checks.specifications.csp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.Episode;

/**
 * "At least every N months while enrolled": from the first date, each next update is due by the
 * end of the date N months after the previous one (e.g. 2024-01-31 + 3 months = 2024-04-30);
 * updates dated after the as-of date do not count. While the member is enrolled the next update
 * is PENDING until its due date passes; once discharged, the obligation ends with the discharge
 * date (no update is due after it, and an update dated after it is not one made while enrolled:
 * it is ignored).
 */
final class CspPeriodic {
  private CspPeriodic() {}

  static Judgment judge(LocalDate first, List<LocalDate> updates, int months, Episode e, EvaluationContext ctx,
      String what, Evidence basis) {
    List<Evidence> evidence = new ArrayList<>(List.of(basis));
    LocalDate previous = first;
    LocalDate lastEnrolledDay = e.dischargedAt().filter(ctx::hasHappened).map(ctx::dateOf).orElse(LocalDate.MAX);
    for (LocalDate u : updates.stream().filter(d -> d.isAfter(first) && ctx.hasBegun(d) && !d.isAfter(lastEnrolledDay))
        .sorted().toList()) {
      LocalDate dueDay = previous.plusMonths(months);
      Deadline due = Deadline.endOf(dueDay, ctx.zone(), months + " months after " + previous + " (" + dueDay + ")");
      evidence.add(Evidence.onDate("update", e.id(), u, what));
      if (u.isAfter(dueDay)) {
        return Judgment.missed(due, what + " late: dated " + u + ", due by " + dueDay + " (" + months
            + " months after " + previous + ")", CspRecords.all(evidence));
      }
      previous = u;
    }
    LocalDate dueDay = previous.plusMonths(months);
    Deadline due = Deadline.endOf(dueDay, ctx.zone(), months + " months after " + previous + " (" + dueDay + ")");
    boolean discharged = e.dischargedAt().filter(ctx::hasHappened).isPresent();
    if (discharged) {
      LocalDate dischargeDay = ctx.dateOf(e.dischargedAt().get());
      return dischargeDay.isAfter(dueDay)
          ? Judgment.missed(due, "no " + what + " by " + dueDay + " (" + months + " months after " + previous
              + "), before the discharge on " + dischargeDay, CspRecords.all(evidence))
          : Judgment.met((previous.equals(first) ? "no " + what + " fell due" : "every " + what + " due was on time")
              + " before the discharge on " + dischargeDay, CspRecords.all(evidence));
    }
    return due.isOpenAt(ctx.asOf())
        ? Judgment.pending(due, "the next " + what + " is due by " + dueDay + " (" + months + " months after "
            + previous + ")", CspRecords.all(evidence))
        : Judgment.missed(due, "no " + what + " by " + dueDay + " (" + months + " months after " + previous + ")",
            CspRecords.all(evidence));
  }
}
