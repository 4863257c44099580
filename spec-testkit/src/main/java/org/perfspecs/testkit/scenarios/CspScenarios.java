package org.perfspecs.testkit.scenarios;

import org.apiguardian.api.API;

/** Scenario generators for the episode requirements of {@code CSP}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspScenarios implements ScenarioSource {
  @Override
  public String specification() {
    return "CSP";
  }

  @Override
  public void register(Registrar r) {
  }
}
