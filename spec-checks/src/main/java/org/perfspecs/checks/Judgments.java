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

  /** MET, the reason {@code a + b + c + d}. */
  public static Judgment met(String a, String b, String c, String d, Evidence... evidence) {
    return Judgment.of(Outcome.MET, null, new Concat(a, b, c, d), evidence);
  }

  /** NOT_MET, the reason {@code a + b + c + d}. */
  public static Judgment notMet(String a, String b, String c, String d, Evidence... evidence) {
    return Judgment.of(Outcome.NOT_MET, null, new Concat(a, b, c, d), evidence);
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
