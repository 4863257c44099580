package org.perfspecs.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Asking for scenarios that cannot exist fails with a message that says why. */
class ScenariosMisuseTest {
  @Test
  void aTypoIsAnUnknownIdWithTheNearestIds() {
    assertThatThrownBy(() -> Scenarios.violating("IOP.COMP.4.z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown requirement id 'IOP.COMP.4.z'; the nearest ids are IOP.COMP.4.a, IOP.COMP.4.b");
  }

  @Test
  void anIdFarFromEveryCatalogIdNamesNone() {
    assertThatThrownBy(() -> Scenarios.meeting("NOT-AN-ID-AT-ALL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown requirement id 'NOT-AN-ID-AT-ALL'");
  }

  @Test
  void aProgramRequirementHasNoScenarios() {
    assertThatThrownBy(() -> Scenarios.violating("IOP.COV.1.a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scenarios exist for episode requirements only; IOP.COV.1.a is a program requirement"
            + " (judged once per program, not on a member's record)");
  }

  @Test
  void anExternalRequirementHasNoScenarios() {
    assertThatThrownBy(() -> Scenarios.meeting("IOP.BILL.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("scenarios exist for episode requirements only; IOP.BILL.1 is an external requirement");
  }

  @Test
  void anEpisodeRequirementWithoutThatOutcomeSaysWhichItHas() {
    // IOP.COMP.4.a has a deadline but no condition: no NOT_APPLICABLE scenarios
    assertThatThrownBy(() -> Scenarios.notApplicable("IOP.COMP.4.a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no NOT_APPLICABLE scenarios for IOP.COMP.4.a; it has [");
  }
}
