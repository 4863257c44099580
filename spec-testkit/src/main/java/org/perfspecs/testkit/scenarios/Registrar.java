package org.perfspecs.testkit.scenarios;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import org.apiguardian.api.API;
import org.perfspecs.checks.Outcome;

/**
 * Collects scenario generators: for a requirement id, an arbitrary of {@link Case}s per outcome
 * the requirement must give for them, and its {@link Trait}s. Registering the same id and outcome
 * twice is an error (it would hide one of them).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Registrar {
  private final Map<String, Map<Outcome, Arbitrary<Case>>> generators = new LinkedHashMap<>();
  private final Map<String, Set<Trait>> traits = new LinkedHashMap<>();
  private final Map<String, String> without = new LinkedHashMap<>();

  /** An empty registrar. */
  public Registrar() {}

  /** Cases {@code id} must judge {@code outcome}. */
  public Registrar add(String id, Outcome outcome, Arbitrary<Case> cases) {
    requireNonNull(id, "id");
    requireNonNull(outcome, "outcome");
    requireNonNull(cases, "cases");
    Map<Outcome, Arbitrary<Case>> byOutcome = generators.computeIfAbsent(id, k -> new EnumMap<>(Outcome.class));
    if (byOutcome.putIfAbsent(outcome, cases) != null) {
      throw new IllegalStateException(id + " already has " + outcome + " scenarios");
    }
    return this;
  }

  /** Cases {@code id} must judge MET. */
  public Registrar meeting(String id, Arbitrary<Case> cases) {
    return add(id, Outcome.MET, cases);
  }

  /** Cases {@code id} must judge NOT_MET. */
  public Registrar violating(String id, Arbitrary<Case> cases) {
    return add(id, Outcome.NOT_MET, cases);
  }

  /** Cases {@code id} must judge PENDING. */
  public Registrar pending(String id, Arbitrary<Case> cases) {
    return add(id, Outcome.PENDING, cases);
  }

  /** Cases {@code id} must judge NOT_APPLICABLE (its condition does not hold). */
  public Registrar notApplicable(String id, Arbitrary<Case> cases) {
    return add(id, Outcome.NOT_APPLICABLE, cases);
  }

  /** Declares what {@code id} promises beyond its scenarios. */
  public Registrar traits(String id, Trait... declared) {
    Set<Trait> set = traits.computeIfAbsent(requireNonNull(id, "id"), k -> EnumSet.noneOf(Trait.class));
    Collections.addAll(set, declared);
    return this;
  }

  /**
   * Declares that {@code id}, an episode requirement, has no MET or no NOT_MET scenarios, and
   * why (for example: the model cannot record what would violate it).
   */
  public Registrar without(String id, String reason) {
    requireNonNull(id, "id");
    if (requireNonNull(reason, "reason").isBlank()) {
      throw new IllegalArgumentException("a reason is required for " + id);
    }
    without.put(id, reason);
    return this;
  }

  /** The requirements declared {@linkplain #without without} some scenarios, and why. */
  public Map<String, String> without() {
    return Collections.unmodifiableMap(without);
  }

  /** What was registered, by id then outcome, in registration order. */
  public Map<String, Map<Outcome, Arbitrary<Case>>> generators() {
    return Collections.unmodifiableMap(generators);
  }

  /** The declared traits by id. */
  public Map<String, Set<Trait>> traits() {
    return Collections.unmodifiableMap(traits);
  }
}
