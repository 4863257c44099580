package org.perfspecs.testkit.scenarios;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;

/**
 * A case record and the as-of instant to judge it at: what a scenario generator produces before
 * {@link org.perfspecs.testkit.Scenarios} names the requirement and the expected outcome.
 *
 * @param record the member's case record (valid: it passes {@link org.perfspecs.model.ModelValidator})
 * @param asOf when to judge it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Case(CaseRecord record, Instant asOf) {
  /** Checks both parts are present. */
  public Case {
    requireNonNull(record, "record");
    requireNonNull(asOf, "asOf");
  }

  /** {@code new Case(record, asOf)}. */
  public static Case of(CaseRecord record, Instant asOf) {
    return new Case(record, asOf);
  }
}
