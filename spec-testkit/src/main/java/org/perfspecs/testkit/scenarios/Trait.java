package org.perfspecs.testkit.scenarios;

import org.apiguardian.api.API;

/**
 * What a requirement promises beyond its scenarios, checked by the testkit's properties on its
 * {@linkplain org.perfspecs.testkit.Scenarios#meeting(String) meeting} scenarios.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Trait {
  /**
   * A "within" or "at least" requirement: once MET, it stays MET at every later as-of (with the
   * record unchanged). Not for rolling windows that open a new period (RC.CASE.2), nor for
   * requirements that wait for a discharge that may still come.
   */
  STAYS_MET_AS_TIME_PASSES,
  /**
   * Documenting more (another contact, document, consultation or appointment within the stay and
   * before the as-of) never turns a MET finding into NOT_MET.
   */
  STAYS_MET_WITH_MORE_DOCUMENTATION
}
