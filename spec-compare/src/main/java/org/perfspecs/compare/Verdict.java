package org.perfspecs.compare;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What one engine said about one rule for one record: the outcome ({@code MET}, {@code NOT_MET},
 * {@code PENDING}, {@code NOT_APPLICABLE}, {@code UNDETERMINED}) and, for a PENDING one, the due
 * time (the last on-time instant, to the millisecond: CQL's finest precision).
 *
 * @param outcome the outcome's name, never {@code null}
 * @param due the due time of a PENDING verdict, empty otherwise
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record Verdict(String outcome, Optional<Instant> due) {
  /** Checks the fields and truncates {@code due} to the millisecond. */
  public Verdict {
    requireNonNull(outcome, "outcome");
    due = requireNonNull(due, "due").map(t -> t.truncatedTo(ChronoUnit.MILLIS));
  }

  /** A verdict; the due time is kept only when the outcome is PENDING. */
  public static Verdict of(String outcome, Optional<Instant> due) {
    return new Verdict(outcome, "PENDING".equals(outcome) ? due : Optional.empty());
  }

  @Override
  public String toString() {
    return outcome + due.map(t -> " due " + t).orElse("");
  }
}
