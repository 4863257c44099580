package org.perfspecs.compare;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What one engine said about one rule for one record: the outcome ({@code MET}, {@code NOT_MET},
 * {@code PENDING}, {@code NOT_APPLICABLE}, {@code UNDETERMINED}) and the due time of the finding,
 * to the millisecond (CQL's finest precision): the deadline of a judged timed rule (MET, NOT_MET or
 * PENDING), and for the recurring RC rule the end of the period in progress (the next due time,
 * whatever the outcome) or, after discharge, the end of the period missed.
 *
 * @param outcome the outcome's name, never {@code null}
 * @param due the due time (last on-time instant), empty when the finding has none
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record Verdict(String outcome, Optional<Instant> due) {
  /** Checks the fields and truncates {@code due} to the millisecond. */
  public Verdict {
    requireNonNull(outcome, "outcome");
    due = requireNonNull(due, "due").map(t -> t.truncatedTo(ChronoUnit.MILLIS));
  }

  @Override
  public String toString() {
    return outcome + due.map(t -> " due " + t).orElse("");
  }
}
