package org.perfspecs.checks.engine;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.time.Deadline;

/**
 * One open obligation of a {@link Worklist}: a requirement with a deadline that is not met, either
 * still open ({@link Outcome#PENDING}) or missed ({@link Outcome#NOT_MET}, {@linkplain #overdue()
 * overdue}), with its due time, the time left as of the worklist's as-of time, and the
 * requirement's own words. Immutable and thread-safe.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class DueItem {
  private final Finding finding;
  private final Deadline due;
  private final Duration timeLeft;

  private DueItem(Finding finding, Deadline due, Instant asOf) {
    this.finding = finding;
    this.due = due;
    this.timeLeft = Duration.between(asOf, due.last());
  }

  /**
   * The item of {@code finding} as of {@code asOf}.
   *
   * @throws IllegalArgumentException when the finding is neither PENDING nor NOT_MET, or has no due time
   */
  static DueItem of(Finding finding, Instant asOf) {
    requireNonNull(finding, "finding");
    requireNonNull(asOf, "asOf");
    if (finding.outcome() != Outcome.PENDING && finding.outcome() != Outcome.NOT_MET) {
      throw new IllegalArgumentException("only a PENDING or NOT_MET finding is due: " + finding.requirementId());
    }
    return new DueItem(finding, finding.due().orElseThrow(
        () -> new IllegalArgumentException("a finding without a due time is not due: " + finding.requirementId())), asOf);
  }

  /** The finding it comes from. */
  public Finding finding() {
    return finding;
  }

  /** The requirement (strength, citation, condition). */
  public Requirement requirement() {
    return finding.requirement();
  }

  /** The requirement's id, e.g. {@code ESOAP.COMP.4.2}. */
  public String requirementId() {
    return finding.requirementId();
  }

  /** The episode. */
  public String episodeId() {
    return finding.subjectId();
  }

  /** {@link Outcome#PENDING} (still open) or {@link Outcome#NOT_MET} (missed). */
  public Outcome outcome() {
    return finding.outcome();
  }

  /**
   * Whether it is overdue: NOT_MET with a deadline (missed, or done late). A recurring obligation
   * whose closed window was missed is overdue even when its next due time is still ahead.
   */
  public boolean overdue() {
    return finding.outcome() == Outcome.NOT_MET;
  }

  /** The last instant at which it is (or was) on time (inclusive). */
  public Instant due() {
    return due.last();
  }

  /** How the due time was computed, e.g. {@code 48 hours after 2024-05-01 09:00 EDT}. */
  public String dueRule() {
    return due.description();
  }

  /**
   * From the as-of time to the due time: zero when due exactly now, negative when the due time has
   * passed.
   */
  public Duration timeLeft() {
    return timeLeft;
  }

  /** The short citation reference: document, section, item (see {@link org.perfspecs.checks.Citation#reference()}). */
  public String citation() {
    return requirement().citation().reference();
  }

  /** What would satisfy it, in the requirement's own words (the verbatim citation text). */
  public String obligation() {
    return requirement().citation().text();
  }

  /** The finding's reason, e.g. {@code no arranged obstetric consultation recorded yet; due by ...}. */
  public String reason() {
    return finding.reason();
  }

  @Override
  public String toString() {
    return requirementId() + " " + outcome() + " due " + due() + " (" + timeLeft + ")";
  }
}
