package org.perfspecs.checks;

import org.apiguardian.api.API;

/** How strongly the specification states a requirement, read from its own verb. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Strength {
  /** must, shall, will, is required, is responsible, and plain present-tense obligations ("the provider arranges"). */
  MUST,
  /** should, is expected, is encouraged, preferable, generally. */
  SHOULD,
  /** may. */
  MAY
}
