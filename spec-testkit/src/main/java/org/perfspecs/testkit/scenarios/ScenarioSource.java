package org.perfspecs.testkit.scenarios;

import org.apiguardian.api.API;

/**
 * The scenario generators of one specification's episode requirements, registered with a {@link
 * Registrar}. The testkit ships one per bundled specification; {@link
 * org.perfspecs.testkit.Scenarios} reads them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ScenarioSource {
  /** The specification key ({@code "IOP"}, ...). */
  String specification();

  /** Registers this specification's generators. */
  void register(Registrar registrar);
}
