package org.perfspecs.checks;

import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.Deadline;

/**
 * The one way a deadline is judged, shared by every requirement with a deadline:
 *
 * <ul>
 *   <li>done on or before the deadline: {@link Outcome#MET};
 *   <li>done after it: {@link Outcome#NOT_MET} (late);
 *   <li>not done, deadline still open at the as-of time: {@link Outcome#PENDING}, with the due time;
 *   <li>not done, deadline passed: {@link Outcome#NOT_MET}.
 * </ul>
 *
 * An event stamped after the as-of time has not happened yet.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Timeliness {
  private Timeliness() {}

  /**
   * Judges {@code what} (e.g. "initial evaluation") done at {@code doneAt}, due by {@code due}.
   *
   * @param done the record that shows it done, when there is one, with its time
   * @param basis the records the deadline is computed from (the referral, the admission, ...)
   */
  public static Judgment judge(Deadline due, Optional<Timed> done, String what, EvaluationContext ctx,
      Evidence... basis) {
    String dueText = Times.format(due.last(), ctx.zone()) + " (" + due.description() + ")";
    Optional<Timed> happened = done.filter(d -> ctx.hasHappened(d.at()));
    if (happened.isPresent()) {
      Timed d = happened.get();
      String when = Times.format(d.at(), ctx.zone());
      Evidence[] evidence = concat(basis, d.evidence());
      return due.isMetBy(d.at())
          ? Judgment.metBy(due, what + " at " + when + ", on time for " + dueText, evidence)
          : Judgment.missed(due, what + " late: at " + when + ", due by " + dueText, evidence);
    }
    return due.isOpenAt(ctx.asOf())
        ? Judgment.pending(due, "no " + what + " recorded yet; due by " + dueText, basis)
        : Judgment.missed(due, "no " + what + " recorded by " + dueText, basis);
  }

  private static Evidence[] concat(Evidence[] basis, Evidence last) {
    Evidence[] all = java.util.Arrays.copyOf(basis, basis.length + 1);
    all[basis.length] = last;
    return all;
  }

  /** An event that may meet a deadline: its time and the evidence naming it. */
  public static final class Timed {
    private final Instant at;
    private final Evidence evidence;

    private Timed(Instant at, Evidence evidence) {
      this.at = at;
      this.evidence = evidence;
    }

    /** The event at {@code at}, shown by {@code evidence}. */
    public static Timed of(Instant at, Evidence evidence) {
      return new Timed(at, evidence);
    }

    /** When. */
    public Instant at() {
      return at;
    }

    /** The record. */
    public Evidence evidence() {
      return evidence;
    }
  }
}
