package org.perfspecs.testkit.scenarios;

import org.apiguardian.api.API;

/** Scenario generators for the episode requirements of {@code IOP}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopScenarios implements ScenarioSource {
  @Override
  public String specification() {
    return "IOP";
  }

  @Override
  public void register(Registrar r) {
  }
}
