package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.Deadline;

/**
 * The answer for one requirement and one subject (an episode or a program): the requirement id,
 * the subject, the program, the outcome, a reason, the evidence and the due time where there is a
 * deadline. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Finding {
  private final String requirementId;
  private final Basis subjectKind;
  private final String subjectId;
  private final String programId;
  private final Judgment judgment;
  private final String errorType;

  private Finding(String requirementId, Basis subjectKind, String subjectId, String programId,
      Judgment judgment, String errorType) {
    this.requirementId = requireNonNull(requirementId, "requirementId");
    this.subjectKind = requireNonNull(subjectKind, "subjectKind");
    this.subjectId = requireNonNull(subjectId, "subjectId");
    this.programId = requireNonNull(programId, "programId");
    this.judgment = requireNonNull(judgment, "judgment");
    this.errorType = errorType;
  }

  static Finding of(Requirement requirement, String subjectId, String programId, Judgment judgment) {
    Basis kind = requirement.basis() == Basis.EPISODE ? Basis.EPISODE : Basis.PROGRAM;
    return new Finding(requirement.id(), kind, subjectId, programId, judgment, null);
  }

  static Finding error(Requirement requirement, String subjectId, String programId, Throwable t) {
    Basis kind = requirement.basis() == Basis.EPISODE ? Basis.EPISODE : Basis.PROGRAM;
    return new Finding(requirement.id(), kind, subjectId, programId, Judgment.error(t), t.getClass().getName());
  }

  /**
   * A finding as recorded (for example read back from its JSON by {@link
   * org.perfspecs.checks.engine.FindingJson#fromJson}): the same fields, equal to the finding that
   * was written. An ERROR finding needs its {@code errorType}, a PENDING one its {@code due}.
   */
  public static Finding restore(String requirementId, Basis subjectKind, String subjectId, String programId,
      Outcome outcome, String reason, List<Evidence> evidence, Optional<Deadline> due, Optional<String> errorType) {
    requireNonNull(outcome, "outcome");
    if (outcome == Outcome.ERROR && errorType.isEmpty()) {
      throw new IllegalArgumentException("an ERROR finding needs its error type");
    }
    if (outcome != Outcome.ERROR && errorType.isPresent()) {
      throw new IllegalArgumentException("only an ERROR finding has an error type");
    }
    return new Finding(requirementId, subjectKind, subjectId, programId,
        Judgment.restore(outcome, reason, evidence, due.orElse(null)), errorType.orElse(null));
  }

  /** The requirement's id, e.g. {@code IOP.COMP.4.a}. */
  public String requirementId() {
    return requirementId;
  }

  /** {@link Basis#EPISODE} for an episode finding; {@link Basis#PROGRAM} for a program or external one. */
  public Basis subjectKind() {
    return subjectKind;
  }

  /** The episode id or program id judged. */
  public String subjectId() {
    return subjectId;
  }

  /** The program: the episode's program, or the program itself. */
  public String programId() {
    return programId;
  }

  /** The outcome. */
  public Outcome outcome() {
    return judgment.outcome();
  }

  /** One sentence a reviewer can read. */
  public String reason() {
    return judgment.reason();
  }

  /** The records that decided it. */
  public List<Evidence> evidence() {
    return judgment.evidence();
  }

  /**
   * The deadline, where there is one; always present when {@link Outcome#PENDING}. For a
   * deadline ("within 48 hours"), the deadline judged, whatever the outcome. For a recurring
   * obligation ({@link Recurring}: "quarterly", "five connections over thirty days"), the end of
   * the <em>window in progress</em> (the next due time) while the episode is open, whatever the
   * outcome, so a MET finding still says what is due next; after the discharge, the window a
   * NOT_MET finding missed, and none for MET.
   */
  public Optional<Deadline> due() {
    return judgment.due();
  }

  /** For {@link Outcome#ERROR}: the exception's class name. */
  public Optional<String> errorType() {
    return Optional.ofNullable(errorType);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Finding f && f.requirementId.equals(requirementId) && f.subjectKind == subjectKind
        && f.subjectId.equals(subjectId) && f.programId.equals(programId)
        && f.outcome() == outcome() && f.reason().equals(reason()) && f.evidence().equals(evidence())
        && f.due().equals(due()) && Objects.equals(f.errorType, errorType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requirementId, subjectId, outcome(), reason());
  }

  @Override
  public String toString() {
    return requirementId + " [" + subjectId + "] " + outcome() + ": " + reason()
        + due().map(d -> " (due " + d.last() + ")").orElse("");
  }
}
