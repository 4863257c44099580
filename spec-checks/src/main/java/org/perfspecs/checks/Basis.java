package org.perfspecs.checks;

import org.apiguardian.api.API;

/** What a requirement is judged on. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Basis {
  /** A member's case record (member and episode): evaluated once per episode. */
  EPISODE,
  /** The program profile: evaluated once per program. */
  PROGRAM,
  /**
   * An external document this library does not encode (105 CMR 164, the General Performance
   * Specifications, ...): recorded, evaluated once per program, always {@link Outcome#NOT_EVALUATED}
   * with the document named.
   */
  EXTERNAL
}
