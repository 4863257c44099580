package org.perfspecs.testkit.scenarios;

import org.apiguardian.api.API;

/** Scenario generators for the episode requirements of {@code RRS_PPW}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsPpwScenarios implements ScenarioSource {
  @Override
  public String specification() {
    return "RRS_PPW";
  }

  @Override
  public void register(Registrar r) {
  }
}
