package org.perfspecs.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Outcome;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;

/**
 * A generated case for one requirement: a valid case record, the as-of instant to judge it at, and
 * the outcome the requirement must give. Made by {@link Scenarios}; immutable.
 *
 * <p>{@link #toString()} prints the whole record as JSON, so a failing property's counterexample
 * (after shrinking) can be pasted into {@code perfspecs check --as-of}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Scenario {
  private final String requirementId;
  private final Outcome expected;
  private final CaseRecord record;
  private final Instant asOf;

  Scenario(String requirementId, Outcome expected, CaseRecord record, Instant asOf) {
    this.requirementId = requireNonNull(requirementId, "requirementId");
    this.expected = requireNonNull(expected, "expected");
    this.record = requireNonNull(record, "record");
    this.asOf = requireNonNull(asOf, "asOf");
  }

  /** The requirement this case is for. */
  public String requirementId() {
    return requirementId;
  }

  /** The outcome {@link #requirementId()} must give for {@link #record()} at {@link #asOf()}. */
  public Outcome expected() {
    return expected;
  }

  /** The member's case record. */
  public CaseRecord record() {
    return record;
  }

  /** When to judge it. */
  public Instant asOf() {
    return asOf;
  }

  /** An evaluation context at {@link #asOf()} with the standard business calendar. */
  public EvaluationContext context() {
    return EvaluationContext.asOf(asOf);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scenario s && requirementId.equals(s.requirementId) && expected == s.expected
        && record.equals(s.record) && asOf.equals(s.asOf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requirementId, expected, record, asOf);
  }

  @Override
  public String toString() {
    return requirementId + " must be " + expected + " as of " + asOf + " for " + ModelJson.toJson(record);
  }
}
