package org.perfspecs.checks;

import com.google.common.collect.ImmutableList;
import org.apiguardian.api.API;

/**
 * Judgments whose reason is kept as up to four parts and made into its text (their concatenation)
 * only when first read, for the specifications' rules: most findings are counted and never printed,
 * and the reason text is much of what a judgment allocates. The text read is exactly the
 * concatenation, so a finding is the same as with {@link Judgment#met(String, Evidence...)} and the
 * other public factories.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class Judgments {
  private Judgments() {}

  /**
   * MET, the reason {@code a + b + c + d}. The evidence array is kept, not copied: it must be the
   * caller's own (varargs, or an array filled for this judgment) and never written after the call.
   */
  public static Judgment met(String a, String b, String c, String d, Evidence... evidence) {
    return Judgment.owning(Outcome.MET, null, new Concat(a, b, c, d), evidence);
  }

  /**
   * NOT_MET, the reason {@code a + b + c + d}; the evidence array kept as {@link #met(String,
   * String, String, String, Evidence...)} keeps it.
   */
  public static Judgment notMet(String a, String b, String c, String d, Evidence... evidence) {
    return Judgment.owning(Outcome.NOT_MET, null, new Concat(a, b, c, d), evidence);
  }

  /**
   * {@link Judgment#met(String, Evidence...)}, the evidence array kept, not copied: it must be the
   * caller's own (varargs, or an array filled for this judgment) and never written after the call.
   */
  public static Judgment met(String reason, Evidence... evidence) {
    return Judgment.owning(Outcome.MET, null, reason, evidence);
  }

  /** {@link Judgment#notMet(String, Evidence...)}, the evidence array kept as {@link #met(String, Evidence...)} keeps it. */
  public static Judgment notMet(String reason, Evidence... evidence) {
    return Judgment.owning(Outcome.NOT_MET, null, reason, evidence);
  }

  /** {@link Judgment#met(String, Evidence...)} with evidence already in an immutable list, kept as it is (shared). */
  public static Judgment met(String reason, ImmutableList<Evidence> evidence) {
    return Judgment.sharing(Outcome.MET, reason, evidence);
  }

  /** {@link Judgment#notMet(String, Evidence...)} with evidence already in an immutable list, kept as it is (shared). */
  public static Judgment notMet(String reason, ImmutableList<Evidence> evidence) {
    return Judgment.sharing(Outcome.NOT_MET, reason, evidence);
  }

  /**
   * {@link Judgment#missed(Deadline, String, Evidence...)}, the evidence array kept as {@link
   * #met(String, Evidence...)} keeps it.
   */
  public static Judgment missed(org.perfspecs.checks.time.Deadline due, String reason, Evidence... evidence) {
    return Judgment.owning(Outcome.NOT_MET, java.util.Objects.requireNonNull(due, "due"), reason, evidence);
  }

  /** MET, the reason {@code a + b + c + d}, the evidence list kept as it is (shared). */
  public static Judgment met(String a, String b, String c, String d, ImmutableList<Evidence> evidence) {
    return Judgment.of(Outcome.MET, null, new Concat(a, b, c, d), evidence);
  }

  /** NOT_MET, the reason {@code a + b + c + d}, the evidence list kept as it is. */
  public static Judgment notMet(String a, String b, String c, String d, ImmutableList<Evidence> evidence) {
    return Judgment.of(Outcome.NOT_MET, null, new Concat(a, b, c, d), evidence);
  }

  /** The parts of a reason; the first must not be blank, the others may be empty. */
  private static final class Concat implements Judgment.Reason {
    private final String a;
    private final String b;
    private final String c;
    private final String d;

    Concat(String a, String b, String c, String d) {
      if (a.isBlank()) {
        throw new IllegalArgumentException("a judgment needs a reason");
      }
      this.a = a;
      this.b = java.util.Objects.requireNonNull(b, "b");
      this.c = java.util.Objects.requireNonNull(c, "c");
      this.d = java.util.Objects.requireNonNull(d, "d");
    }

    @Override
    public String text() {
      return a + b + c + d;
    }
  }
}
