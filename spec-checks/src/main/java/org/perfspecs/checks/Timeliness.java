package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
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
    requireNonNull(due, "due");
    // the reason's text is made when it is read (Reason below), from these parts
    ZoneId zone = ctx.zone();
    if (done.isPresent() && ctx.hasHappened(done.get().at())) {
      Timed d = done.get();
      Evidence[] evidence = concat(basis, d.evidence());
      return due.isMetBy(d.at())
          // concat's array is this call's own: kept, not copied
          ? Judgment.owning(Outcome.MET, due, new Reason(Sentence.ON_TIME, what, d.at(), due, zone), evidence)
          : Judgment.owning(Outcome.NOT_MET, due, new Reason(Sentence.LATE, what, d.at(), due, zone), evidence);
    }
    return due.isOpenAt(ctx.asOf())
        ? Judgment.of(Outcome.PENDING, due, new Reason(Sentence.NOT_YET, what, null, due, zone), basis)
        : Judgment.of(Outcome.NOT_MET, due, new Reason(Sentence.NOT_BY, what, null, due, zone), basis);
  }

  private enum Sentence { ON_TIME, LATE, NOT_YET, NOT_BY }

  /** A reason of {@link #judge}: "<what> at <when>, on time for <due> (<how>)" and the like. */
  private record Reason(Sentence sentence, String what, Instant at, Deadline due, ZoneId zone)
      implements Judgment.Reason {
    @Override
    public String text() {
      String dueText = Times.format(due.last(), zone) + " (" + due.description() + ")";
      return switch (sentence) {
        case ON_TIME -> what + " at " + Times.format(at, zone) + ", on time for " + dueText;
        case LATE -> what + " late: at " + Times.format(at, zone) + ", due by " + dueText;
        case NOT_YET -> "no " + what + " recorded yet; due by " + dueText;
        case NOT_BY -> "no " + what + " recorded by " + dueText;
      };
    }
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
