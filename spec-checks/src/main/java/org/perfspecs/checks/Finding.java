package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.Deadline;

/**
 * The answer for one requirement and one subject (an episode or a program): the requirement (so
 * its strength and citation are one call away: {@code finding.requirement().strength()}), the
 * subject, the member for an episode finding, the program, the outcome, a reason, the evidence and
 * the due time where there is a deadline. Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Finding {
  private final Requirement requirement;
  // the subject's ids, one object shared by the findings of one record (Subject below)
  private final Subject subject;
  private final Judgment judgment;

  /**
   * The ids naming what was judged: the episode (or program) id, the member id for an episode, the
   * program id. Immutable; the engine makes one per record and shares it among its findings.
   */
  static class Subject {
    final String subjectId;
    final String memberId;
    final String programId;

    Subject(String subjectId, String memberId, String programId) {
      this.subjectId = requireNonNull(subjectId, "subjectId");
      this.memberId = memberId;
      this.programId = requireNonNull(programId, "programId");
    }

    /** The error type of an ERROR finding; null for any other. */
    String errorType() {
      return null;
    }
  }

  /**
   * The subject of an ERROR finding, with the exception's class name: made for that finding alone
   * (never shared), so a finding needs no field of its own for the error type (it stays at 24
   * bytes).
   */
  private static final class ErrorSubject extends Subject {
    private final String errorType;

    ErrorSubject(String subjectId, String memberId, String programId, String errorType) {
      super(subjectId, memberId, programId);
      this.errorType = errorType;
    }

    @Override
    String errorType() {
      return errorType;
    }
  }

  private Finding(Requirement requirement, Subject subject, Judgment judgment) {
    this.requirement = requireNonNull(requirement, "requirement");
    this.subject = subject;
    this.judgment = requireNonNull(judgment, "judgment");
    if ((requirement.basis() == Basis.EPISODE) != (subject.memberId != null)) {
      throw new IllegalArgumentException("an episode finding has a member id, a program finding none: "
          + requirement.id());
    }
  }

  private Finding(Requirement requirement, String subjectId, String memberId, String programId,
      Judgment judgment, String errorType) {
    this(requirement, errorType == null ? new Subject(subjectId, memberId, programId)
        : new ErrorSubject(subjectId, memberId, programId, errorType), judgment);
  }

  static Finding of(Requirement requirement, String subjectId, String memberId, String programId, Judgment judgment) {
    return new Finding(requirement, subjectId, memberId, programId, judgment, null);
  }

  /** {@link #of(Requirement, String, String, String, Judgment)} with the record's shared ids. */
  static Finding of(Requirement requirement, Subject subject, Judgment judgment) {
    return new Finding(requirement, subject, judgment);
  }

  static Finding error(Requirement requirement, String subjectId, String memberId, String programId, Throwable t) {
    return new Finding(requirement, subjectId, memberId, programId, Judgment.error(t), t.getClass().getName());
  }

  /**
   * A finding as recorded (for example read back from its JSON by {@link
   * org.perfspecs.checks.engine.FindingJson#fromJson}): the same fields, equal to the finding that
   * was written. An ERROR finding needs its {@code errorType}, a PENDING one its {@code due}.
   *
   * @param memberId the member's id for an episode requirement; empty for a program or external one
   * @throws IllegalArgumentException when the member id is present for a program requirement or
   *     absent for an episode one, or the outcome and {@code due} or {@code errorType} disagree
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Finding restore(Requirement requirement, String subjectId, Optional<String> memberId,
      String programId, Outcome outcome, String reason, List<Evidence> evidence, Optional<Deadline> due,
      Optional<String> errorType) {
    requireNonNull(outcome, "outcome");
    if (outcome == Outcome.ERROR && errorType.isEmpty()) {
      throw new IllegalArgumentException("an ERROR finding needs its error type");
    }
    if (outcome != Outcome.ERROR && errorType.isPresent()) {
      throw new IllegalArgumentException("only an ERROR finding has an error type");
    }
    return new Finding(requirement, subjectId, memberId.orElse(null), programId,
        Judgment.restore(outcome, reason, evidence, due.orElse(null)), errorType.orElse(null));
  }

  /**
   * The requirement judged: its {@link Requirement#strength() strength}, {@link
   * Requirement#citation() citation} (with {@link Citation#reference()} and the verbatim text),
   * specification and section.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public Requirement requirement() {
    return requirement;
  }

  /** The requirement's id, e.g. {@code IOP.COMP.4.a}. */
  public String requirementId() {
    return requirement.id();
  }

  /**
   * The member whose episode was judged; empty for a program-level or external finding.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public Optional<String> memberId() {
    return Optional.ofNullable(subject.memberId);
  }

  /** {@link Basis#EPISODE} for an episode finding; {@link Basis#PROGRAM} for a program or external one. */
  public Basis subjectKind() {
    return requirement.basis() == Basis.EPISODE ? Basis.EPISODE : Basis.PROGRAM;
  }

  /** The episode id or program id judged. */
  public String subjectId() {
    return subject.subjectId;
  }

  /** The program: the episode's program, or the program itself. */
  public String programId() {
    return subject.programId;
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
    return Optional.ofNullable(subject.errorType());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Finding f && f.requirement.id().equals(requirement.id()) && f.subjectKind() == subjectKind()
        && f.subjectId().equals(subjectId()) && Objects.equals(f.subject.memberId, subject.memberId)
        && f.programId().equals(programId())
        && f.outcome() == outcome() && f.reason().equals(reason()) && f.evidence().equals(evidence())
        && f.due().equals(due()) && Objects.equals(f.subject.errorType(), subject.errorType());
  }

  @Override
  public int hashCode() {
    return Objects.hash(requirement.id(), subjectId(), outcome(), reason());
  }

  @Override
  public String toString() {
    return requirement.id() + " [" + subjectId() + "] " + outcome() + ": " + reason()
        + due().map(d -> " (due " + d.last() + ")").orElse("");
  }
}
