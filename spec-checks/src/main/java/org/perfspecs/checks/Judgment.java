package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.Deadline;

/**
 * What a rule decides for one subject, before the engine names the requirement and subject: an
 * outcome, a one-sentence reason, the evidence and, where there is a deadline, the due time. One
 * factory per outcome; {@link Outcome#ERROR} is made only by the engine.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Judgment {
  private final Outcome outcome;
  // the reason: its text (a String), or (for reasons the library builds in bulk) the parts it is
  // made of (a Reason), made into text on first read into madeReason: a benign race, as
  // String.hashCode's (the text is the same whichever thread makes it, and a String is safely
  // published). One field for both keeps a judgment at 32 bytes.
  private final Object reason;
  private String madeReason;
  private final List<Evidence> evidence;
  private final Deadline due;

  /** The parts of a reason, made into its text only when read; the text must not be blank. */
  interface Reason {
    String text();
  }

  private Judgment(Outcome outcome, String reason, List<Evidence> evidence, Deadline due) {
    this(outcome, reason, ImmutableList.copyOf(evidence), due);
  }

  private Judgment(Outcome outcome, String reason, Evidence[] evidence, Deadline due) {
    // one copy of the array (List.of then ImmutableList.copyOf made two); nulls refused as before
    this(outcome, reason, ImmutableList.copyOf(evidence), due);
  }

  private Judgment(Outcome outcome, String reason, ImmutableList<Evidence> evidence, Deadline due) {
    this.outcome = outcome;
    this.reason = requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a judgment needs a reason");
    }
    this.evidence = evidence;
    this.due = due;
  }

  private Judgment(Outcome outcome, Reason parts, Evidence[] evidence, Deadline due) {
    this.outcome = requireNonNull(outcome, "outcome");
    this.reason = requireNonNull(parts, "parts");
    this.evidence = ImmutableList.copyOf(evidence);
    this.due = due;
  }

  // evidence in an array the caller hands over (it is never written again): kept, not copied
  private Judgment(Outcome outcome, Object reason, Deadline due, Evidence[] owned) {
    this.outcome = requireNonNull(outcome, "outcome");
    this.reason = requireNonNull(reason, "reason");
    this.evidence = owned(owned);
    this.due = due;
  }

  /**
   * The evidence of {@code array} as an immutable list without a copy of the array when it holds
   * two or more (the caller's own, never written again): the same elements, equal to the list the
   * public factories make; nulls refused as there.
   */
  private static List<Evidence> owned(Evidence[] array) {
    switch (array.length) {
      case 0:
        return ImmutableList.of();
      case 1:
        return ImmutableList.of(array[0]);
      default:
        for (Evidence e : array) {
          requireNonNull(e, "evidence");
        }
        return new OwnedEvidence(array);
    }
  }

  /** An unmodifiable list over an array nothing else writes: one small object in place of a copy. */
  private static final class OwnedEvidence extends java.util.AbstractList<Evidence> implements java.util.RandomAccess {
    private final Evidence[] array;

    OwnedEvidence(Evidence[] array) {
      this.array = array;
    }

    @Override
    public Evidence get(int index) {
      return array[java.util.Objects.checkIndex(index, array.length)];
    }

    @Override
    public int size() {
      return array.length;
    }
  }

  /**
   * {@link #of(Outcome, Deadline, Reason, Evidence...)} keeping {@code evidence} as it is: the
   * caller's own array, never written after this call (the library's rules, which fill an array for
   * the judgment alone).
   */
  static Judgment owning(Outcome outcome, Deadline due, Reason parts, Evidence[] evidence) {
    if (outcome == Outcome.PENDING && due == null) {
      throw new IllegalArgumentException("a PENDING judgment needs a due time");
    }
    return new Judgment(outcome, parts, due, evidence);
  }

  /**
   * A judgment with the reason {@code reason} (not blank) and evidence already in an immutable list,
   * kept as it is (shared by the judgments of one record that name the same records).
   */
  static Judgment sharing(Outcome outcome, String reason, ImmutableList<Evidence> evidence) {
    return new Judgment(requireNonNull(outcome, "outcome"), reason, requireNonNull(evidence, "evidence"), null);
  }

  /**
   * A judgment with the reason {@code reason} (not blank), keeping {@code evidence} as it is: the
   * caller's own array, never written after this call.
   */
  static Judgment owning(Outcome outcome, Deadline due, String reason, Evidence[] evidence) {
    if (outcome == Outcome.PENDING && due == null) {
      throw new IllegalArgumentException("a PENDING judgment needs a due time");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a judgment needs a reason");
    }
    return new Judgment(outcome, reason, due, evidence);
  }

  /**
   * A judgment whose reason is made from {@code parts} when first read: for the library's shared
   * judging code ({@link Timeliness}, {@link Recurring}), where the reason text is most of what a
   * judgment allocates and many findings are counted but never printed. The outcome, due time and
   * evidence rules are those of the public factories.
   */
  static Judgment of(Outcome outcome, Deadline due, Reason parts, Evidence... evidence) {
    if (outcome == Outcome.PENDING && due == null) {
      throw new IllegalArgumentException("a PENDING judgment needs a due time");
    }
    return new Judgment(outcome, parts, evidence, due);
  }

  /**
   * {@link #of(Outcome, Deadline, Reason, Evidence...)} with evidence already in an immutable list,
   * kept as it is (shared by the judgments of one record that name the same records).
   */
  static Judgment of(Outcome outcome, Deadline due, Reason parts, ImmutableList<Evidence> evidence) {
    if (outcome == Outcome.PENDING && due == null) {
      throw new IllegalArgumentException("a PENDING judgment needs a due time");
    }
    return new Judgment(outcome, parts, evidence, due);
  }

  private Judgment(Outcome outcome, Reason parts, ImmutableList<Evidence> evidence, Deadline due) {
    this.outcome = requireNonNull(outcome, "outcome");
    this.reason = requireNonNull(parts, "parts");
    this.evidence = requireNonNull(evidence, "evidence");
    this.due = due;
  }

  /** The record shows it. */
  public static Judgment met(String reason, Evidence... evidence) {
    return new Judgment(Outcome.MET, reason, evidence, null);
  }

  /** The record shows it, on time for {@code due}. */
  public static Judgment metBy(Deadline due, String reason, Evidence... evidence) {
    return new Judgment(Outcome.MET, reason, evidence, requireNonNull(due, "due"));
  }

  /** The record does not show it, or shows it late. */
  public static Judgment notMet(String reason, Evidence... evidence) {
    return new Judgment(Outcome.NOT_MET, reason, evidence, null);
  }

  /** Missed {@code due}. */
  public static Judgment missed(Deadline due, String reason, Evidence... evidence) {
    return new Judgment(Outcome.NOT_MET, reason, evidence, requireNonNull(due, "due"));
  }

  /** Not met yet, and {@code due} has not passed at the as-of time. */
  public static Judgment pending(Deadline due, String reason, Evidence... evidence) {
    return new Judgment(Outcome.PENDING, reason, evidence, requireNonNull(due, "due"));
  }

  /** The requirement's condition does not hold. */
  public static Judgment notApplicable(String reason, Evidence... evidence) {
    return new Judgment(Outcome.NOT_APPLICABLE, reason, evidence, null);
  }

  /** A fact needed to decide is missing; {@code missingFact} names it (e.g. "no admission time is recorded"). */
  public static Judgment undetermined(String missingFact, Evidence... evidence) {
    return new Judgment(Outcome.UNDETERMINED, missingFact, evidence, null);
  }

  /** Deferred to an external document this library does not encode; the reason names it. */
  public static Judgment notEvaluated(String reason, Evidence... evidence) {
    return new Judgment(Outcome.NOT_EVALUATED, reason, evidence, null);
  }

  static Judgment restore(Outcome outcome, String reason, List<Evidence> evidence, Deadline due) {
    if (outcome == Outcome.PENDING && due == null) {
      throw new IllegalArgumentException("a PENDING judgment needs a due time");
    }
    return new Judgment(outcome, reason, evidence, due);
  }

  static Judgment error(Throwable t) {
    return new Judgment(Outcome.ERROR, "the requirement's code failed on this record: " + t.getClass().getName(),
        List.of(), null);
  }

  /** The outcome. */
  public Outcome outcome() {
    return outcome;
  }

  /** One sentence a reviewer can read. */
  public String reason() {
    Object r = reason;
    if (r instanceof String text) {
      return text;
    }
    String made = madeReason;
    if (made == null) {
      made = requireNonNull(((Reason) r).text(), "reason");
      madeReason = made;
    }
    return made;
  }

  /** The records that decided it. */
  public List<Evidence> evidence() {
    return evidence;
  }

  /** The deadline, where there is one; always present when {@link Outcome#PENDING}. */
  public Optional<Deadline> due() {
    return Optional.ofNullable(due);
  }

  @Override
  public String toString() {
    return outcome + ": " + reason();
  }
}
