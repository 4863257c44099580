package org.perfspecs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.testkit.scenarios.Trait;

/**
 * Walks the catalog: every requirement with scenario generators must judge each of its generated
 * scenarios as the generator says. {@code -Dperfspecs.scenarios=IOP} restricts the walk to one
 * specification (its ids start with the key and a dot).
 */
class ScenarioProperties {
  static final Catalog CATALOG = Catalog.standard();
  static final ModelValidator VALIDATOR = ModelValidator.create();
  static final int SAMPLES_PER_KEY = 25;

  static boolean selected(String id) {
    String only = System.getProperty("perfspecs.scenarios", "");
    return only.isEmpty() || id.startsWith(only + ".");
  }

  static Finding judge(Scenario s) {
    return judge(s.requirementId(), s.record(), s.context());
  }

  static Finding judge(String id, CaseRecord record, EvaluationContext ctx) {
    return ((EpisodeRequirement) CATALOG.requirement(id).orElseThrow()).evaluate(record, ctx);
  }

  static void assertJudgedAsGenerated(Scenario s) {
    assertThat(VALIDATOR.validate(s.record())).as("generated record is valid: %s", s).isEmpty();
    Finding f = judge(s);
    assertThat(f.outcome()).as("%s\n  judged %s: %s", s, f.outcome(), f.reason()).isEqualTo(s.expected());
  }

  /** Any scenario of any requirement; a failure shrinks to a small record. */
  @Property(tries = 3000)
  void everyScenarioIsJudgedAsGenerated(@ForAll("scenarios") Scenario s) {
    assertJudgedAsGenerated(s);
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    List<Arbitrary<Scenario>> all = new ArrayList<>();
    for (String id : Scenarios.requirementIds()) {
      if (selected(id)) {
        Scenarios.outcomes(id).forEach(o -> all.add(Scenarios.of(id, o)));
      }
    }
    return Arbitraries.integers().between(0, all.size() - 1).flatMap(all::get);
  }

  /** Every requirement and outcome, each sampled {@value #SAMPLES_PER_KEY} times (no shrinking). */
  @Property(generation = GenerationMode.EXHAUSTIVE)
  void everyGeneratorHoldsOverManySamples(@ForAll("keys") String key) {
    String id = key.substring(0, key.indexOf(' '));
    Outcome outcome = Outcome.valueOf(key.substring(key.indexOf(' ') + 1));
    Scenarios.of(id, outcome).sampleStream().limit(SAMPLES_PER_KEY).forEach(ScenarioProperties::assertJudgedAsGenerated);
  }

  @Provide
  Arbitrary<String> keys() {
    List<String> keys = new ArrayList<>();
    for (String id : Scenarios.requirementIds()) {
      if (selected(id)) {
        Scenarios.outcomes(id).forEach(o -> keys.add(id + " " + o));
      }
    }
    return Arbitraries.of(keys);
  }

  /** A MET "within"/"at least" finding stays MET at every later as-of. */
  @Property(tries = 1000)
  void aMetFindingStaysMetAsTimePasses(@ForAll("timeMonotone") Optional<Scenario> maybe, @ForAll("later") Duration later) {
    Assume.that(maybe.isPresent());
    Scenario s = maybe.get();
    assertThat(judge(s).outcome()).as("%s", s).isEqualTo(Outcome.MET);
    Finding then = judge(s.requirementId(), s.record(), EvaluationContext.asOf(s.asOf().plus(later)));
    assertThat(then.outcome()).as("%s\n  %s later: %s", s, later, then.reason()).isEqualTo(Outcome.MET);
  }

  @Provide
  Arbitrary<Optional<Scenario>> timeMonotone() {
    return meetingWith(Trait.STAYS_MET_AS_TIME_PASSES);
  }

  @Provide
  Arbitrary<Duration> later() {
    return Arbitraries.longs().between(0, Duration.ofDays(800).toMinutes()).map(Duration::ofMinutes);
  }

  /** Documenting more never turns a MET finding of a "within"/"at least" requirement into NOT_MET. */
  @Property(tries = 1000)
  void moreDocumentationNeverUnmeets(@ForAll("documentationMonotone") Optional<Scenario> maybe, @ForAll long seed) {
    Assume.that(maybe.isPresent());
    Scenario s = maybe.get();
    assertThat(judge(s).outcome()).as("%s", s).isEqualTo(Outcome.MET);
    CaseRecord more = Documentation.added(s.record(), s.asOf(), seed);
    assertThat(VALIDATOR.validate(more)).isEmpty();
    Finding then = judge(s.requirementId(), more, s.context());
    assertThat(then.outcome()).as("%s\n  with more documentation %s: %s", s, more, then.reason())
        .isNotEqualTo(Outcome.NOT_MET);
  }

  @Provide
  Arbitrary<Optional<Scenario>> documentationMonotone() {
    return meetingWith(Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static Arbitrary<Optional<Scenario>> meetingWith(Trait trait) {
    List<Arbitrary<Scenario>> all = new ArrayList<>();
    for (String id : Scenarios.requirementIds()) {
      if (selected(id) && Scenarios.traits(id).contains(trait) && Scenarios.outcomes(id).contains(Outcome.MET)) {
        all.add(Scenarios.meeting(id));
      }
    }
    // a narrow -Dperfspecs.scenarios may select no requirement with the trait: nothing to check then
    return all.isEmpty() ? Arbitraries.just(Optional.empty())
        : Arbitraries.integers().between(0, all.size() - 1).flatMap(all::get).map(Optional::of);
  }
}
