package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;

/**
 * When an episode requirement applies. A condition either holds (the rule runs), does not hold
 * ({@link Outcome#NOT_APPLICABLE}), or cannot be decided because a fact is missing ({@link
 * Outcome#UNDETERMINED}). Shared conditions are in {@link Conditions}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Condition {
  /** Decides a condition for one record. */
  @FunctionalInterface
  public interface Test {
    /**
     * @return empty when the condition holds; otherwise the NOT_APPLICABLE or UNDETERMINED
     *     judgment that stands instead of the rule's
     */
    Optional<Judgment> blocks(CaseRecord record, EvaluationContext ctx);
  }

  private final String description;
  private final Test test;

  private Condition(String description, Test test) {
    this.description = requireNonNull(description, "description");
    this.test = requireNonNull(test, "test");
  }

  /** A condition described in words (printed in the catalog) and decided by {@code test}. */
  public static Condition of(String description, Test test) {
    return new Condition(description, test);
  }

  /** Both conditions, this one first. */
  public Condition and(Condition other) {
    return new Condition(description + " and " + other.description, (r, c) -> {
      Optional<Judgment> first = blocks(r, c);
      return first.isPresent() ? first : other.blocks(r, c);
    });
  }

  /** The condition in words. */
  public String description() {
    return description;
  }

  Optional<Judgment> blocks(CaseRecord record, EvaluationContext ctx) {
    // many requirements share a condition's test: within the engine's evaluation of one record it runs once
    // (RecordScope.memoForRecord, without a lambda per call)
    java.util.Map<Test, Optional<Judgment>> results = RecordScope.mapForRecord(RESULTS, record, ctx);
    if (results == null) {
      return test.blocks(record, ctx);
    }
    Optional<Judgment> result = results.get(test);
    if (result == null) {
      result = test.blocks(record, ctx);
      results.put(test, result);
    }
    return result;
  }

  private static final RecordScope.Key<java.util.Map<Test, Optional<Judgment>>> RESULTS = RecordScope.Key.create();

  @Override
  public String toString() {
    return description;
  }
}
