package org.perfspecs.checks;

import org.apiguardian.api.API;

/**
 * What a {@link Finding} says about one requirement for one subject. Severity is not outcome: how
 * much a requirement matters is its {@link Strength}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Outcome {
  /** The record shows it. */
  MET,
  /**
   * The record does not show it (read as a chart reviewer reads a record: what is not documented
   * was not done), or shows it late.
   */
  NOT_MET,
  /** The deadline or window has not closed at the as-of time, and it is not met yet. Has a due time. */
  PENDING,
  /** The requirement's condition does not hold for this subject (member not pregnant, not discharged, ...). */
  NOT_APPLICABLE,
  /** A fact needed to decide is missing from the record (data quality, not non-compliance); the reason names it. */
  UNDETERMINED,
  /** Deferred to an external document this library does not encode; the reason names it. */
  NOT_EVALUATED,
  /** The requirement's own code failed on this record: a library bug, reported with the exception type. */
  ERROR
}
