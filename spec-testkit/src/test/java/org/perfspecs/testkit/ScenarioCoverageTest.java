package org.perfspecs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.catalog.Catalog;

/**
 * Every episode requirement of the catalog has scenario generators for MET and NOT_MET, unless its
 * scenario source declares the reason it cannot have them. {@code -Dperfspecs.scenarios=IOP} restricts
 * the check to one specification.
 */
class ScenarioCoverageTest {
  /** Episode requirements without MET or NOT_MET scenarios, and why (declared by each source). */
  static final Map<String, String> EXEMPT = Scenarios.without();

  @Test
  void everyEpisodeRequirementHasMeetingAndViolatingScenarios() {
    List<String> missing = new ArrayList<>();
    for (Requirement q : Catalog.standard().requirements()) {
      if (q.basis() == Basis.EPISODE && ScenarioProperties.selected(q.id()) && !EXEMPT.containsKey(q.id())
          && !Scenarios.outcomes(q.id()).containsAll(List.of(Outcome.MET, Outcome.NOT_MET))) {
        missing.add(q.id() + " has " + Scenarios.outcomes(q.id()));
      }
    }
    assertThat(missing).as("episode requirements without MET and NOT_MET scenarios").isEmpty();
  }

  @Test
  void scenariosAreOnlyRegisteredForEpisodeRequirements() {
    for (String id : Scenarios.requirementIds()) {
      assertThat(Catalog.standard().requirement(id).orElseThrow().basis()).as(id).isEqualTo(Basis.EPISODE);
    }
  }

  @Test
  void exemptionsNameEpisodeRequirementsWithoutScenarios() {
    EXEMPT.forEach((id, why) -> {
      assertThat(Catalog.standard().requirement(id)).as(id).isPresent();
      assertThat(Scenarios.outcomes(id).containsAll(List.of(Outcome.MET, Outcome.NOT_MET))).as(id + " is exempt but has both scenarios").isFalse();
      assertThat(why).isNotBlank();
    });
  }
}
