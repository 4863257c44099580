package org.perfspecs.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.apiguardian.api.API;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.testkit.scenarios.Case;
import org.perfspecs.testkit.scenarios.CspScenarios;
import org.perfspecs.testkit.scenarios.EsoapScenarios;
import org.perfspecs.testkit.scenarios.IopScenarios;
import org.perfspecs.testkit.scenarios.RcScenarios;
import org.perfspecs.testkit.scenarios.Registrar;
import org.perfspecs.testkit.scenarios.RrsPpwScenarios;
import org.perfspecs.testkit.scenarios.ScenarioSource;
import org.perfspecs.testkit.scenarios.Trait;

/**
 * Scenario generators per requirement: records a requirement must judge MET ({@link #meeting}),
 * NOT_MET ({@link #violating}), PENDING ({@link #pending}) or NOT_APPLICABLE ({@link
 * #notApplicable}), for every episode requirement of the five bundled specifications.
 *
 * <p>Each generator is written from the specification's words (deadline, count, condition), not
 * from the requirement's code, so a property that judges its scenarios with the engine catches a
 * requirement that drifts from its text; jqwik shrinks a failing scenario to a small one:
 *
 * <pre>{@code
 * @Property
 * void consultationsAreDueIn48Hours(@ForAll("late") Scenario s) {
 *   Finding f = ((EpisodeRequirement) Catalog.standard().requirement(s.requirementId()).orElseThrow())
 *       .evaluate(s.record(), s.context());
 *   assertThat(f.outcome()).isEqualTo(s.expected());
 * }
 *
 * @Provide
 * Arbitrary<Scenario> late() {
 *   return Scenarios.violating("ESOAP.COMP.4.2");
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Scenarios {
  private static final List<ScenarioSource> SOURCES = List.of(new EsoapScenarios(), new RrsPpwScenarios(),
      new IopScenarios(), new CspScenarios(), new RcScenarios());
  private static final Registrar REGISTRAR = register();
  private static final List<String> IDS = orderedIds();

  private Scenarios() {}

  private static Registrar register() {
    Registrar r = new Registrar();
    SOURCES.forEach(s -> s.register(r));
    return r;
  }

  private static List<String> orderedIds() {
    List<String> ids = new ArrayList<>();
    for (Requirement q : Catalog.standard().requirements()) {
      if (REGISTRAR.generators().containsKey(q.id())) {
        ids.add(q.id());
      }
    }
    for (String id : REGISTRAR.generators().keySet()) {
      if (!ids.contains(id)) {
        throw new IllegalStateException("scenarios registered for " + id + ", which is not in the catalog");
      }
    }
    return Collections.unmodifiableList(ids);
  }

  /** Records {@code requirementId} must judge MET. */
  public static Arbitrary<Scenario> meeting(String requirementId) {
    return of(requirementId, Outcome.MET);
  }

  /** Records {@code requirementId} must judge NOT_MET. */
  public static Arbitrary<Scenario> violating(String requirementId) {
    return of(requirementId, Outcome.NOT_MET);
  }

  /** Records {@code requirementId} must judge PENDING (only for a requirement with a deadline or window). */
  public static Arbitrary<Scenario> pending(String requirementId) {
    return of(requirementId, Outcome.PENDING);
  }

  /** Records outside {@code requirementId}'s condition: it must judge them NOT_APPLICABLE. */
  public static Arbitrary<Scenario> notApplicable(String requirementId) {
    return of(requirementId, Outcome.NOT_APPLICABLE);
  }

  /**
   * Records {@code requirementId} must judge {@code outcome}.
   *
   * @throws IllegalArgumentException when {@code requirementId} is not a catalog id (the message
   *     names the nearest ids), is a program or external requirement (scenarios are records, so
   *     they exist for episode requirements only), or has no {@code outcome} scenarios ({@link
   *     #outcomes} says which there are)
   */
  public static Arbitrary<Scenario> of(String requirementId, Outcome outcome) {
    Arbitrary<Case> cases = REGISTRAR.generators().getOrDefault(requirementId, Map.of()).get(outcome);
    if (cases == null) {
      throw new IllegalArgumentException(noScenarios(requirementId, outcome));
    }
    return cases.map(c -> new Scenario(requirementId, outcome, c.record(), c.asOf()));
  }

  /** Why there are no {@code outcome} scenarios for {@code id}, as precisely as the catalog can say. */
  private static String noScenarios(String id, Outcome outcome) {
    Catalog catalog = Catalog.standard();
    Optional<Requirement> requirement = catalog.requirement(String.valueOf(id));
    if (requirement.isEmpty()) {
      List<String> nearest = nearestIds(String.valueOf(id), catalog);
      return "unknown requirement id '" + id + "'"
          + (nearest.isEmpty() ? "" : "; the nearest ids are " + String.join(", ", nearest));
    }
    if (!(requirement.get() instanceof EpisodeRequirement)) {
      String basis = requirement.get().basis().name().toLowerCase(Locale.ROOT);
      return "scenarios exist for episode requirements only; " + id + " is " + (basis.startsWith("e") ? "an " : "a ")
          + basis + " requirement (judged once per program, not on a member's record)";
    }
    String reason = without().get(id);
    return "no " + outcome + " scenarios for " + id + "; it has " + outcomes(id) + (reason == null ? "" : " (" + reason + ")");
  }

  /** The catalog ids closest to {@code id} by edit distance (at most 3, within 3 edits). */
  private static List<String> nearestIds(String id, Catalog catalog) {
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (Requirement q : catalog.requirements()) {
      int d = editDistance(id, q.id());
      if (d < best) {
        best = d;
        nearest.clear();
      }
      if (d == best && nearest.size() < 3) {
        nearest.add(q.id());
      }
    }
    return best <= 3 ? nearest : List.of();
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The outcomes {@code requirementId} has scenarios for (empty for an unknown id). */
  public static Set<Outcome> outcomes(String requirementId) {
    Map<Outcome, Arbitrary<Case>> byOutcome = REGISTRAR.generators().get(requirementId);
    return byOutcome == null ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(byOutcome.keySet()));
  }

  /** What {@code requirementId} promises beyond its scenarios. */
  public static Set<Trait> traits(String requirementId) {
    return REGISTRAR.traits().getOrDefault(requirementId, Set.of());
  }

  /**
   * Episode requirements that have no MET or no NOT_MET scenarios, with the reason (the model
   * cannot hold what would decide them either way, for example).
   */
  public static Map<String, String> without() {
    return REGISTRAR.without();
  }

  /** The requirement ids with scenarios, in catalog order. */
  public static List<String> requirementIds() {
    return IDS;
  }

  /** Every scenario of every requirement (requirement and outcome drawn first, then the case). */
  public static Arbitrary<Scenario> all() {
    List<Arbitrary<Scenario>> all = new ArrayList<>();
    for (String id : IDS) {
      for (Outcome o : outcomes(id)) {
        all.add(of(id, o));
      }
    }
    if (all.isEmpty()) {
      throw new IllegalStateException("no scenarios are registered");
    }
    return Arbitraries.integers().between(0, all.size() - 1).flatMap(all::get);
  }
}
