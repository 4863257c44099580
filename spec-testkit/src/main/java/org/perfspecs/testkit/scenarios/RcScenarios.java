package org.perfspecs.testkit.scenarios;

import org.apiguardian.api.API;

/** Scenario generators for the episode requirements of {@code RC}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcScenarios implements ScenarioSource {
  @Override
  public String specification() {
    return "RC";
  }

  @Override
  public void register(Registrar r) {
  }
}
