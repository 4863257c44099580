package org.perfspecs.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.immutables.value.Value;

/** An incident that occurred while the member received services, and whether and when it was
 * reported. */
@Value.Immutable
@JsonSerialize(as = ImmutableIncident.class)
@JsonDeserialize(as = ImmutableIncident.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Incident {
  Incident() {}

  /** Record identifier, unique within the episode. */
  public abstract @NotBlank String id();

  /** When it occurred. */
  public abstract @Plausible Instant occurredAt();

  /** Whether it is a reportable adverse incident. */
  public abstract boolean reportable();

  /** When it was reported to the payer, when reported. */
  public abstract Optional<@Plausible Instant> reportedAt();

  @Value.Check
  void check() {
    ModelRules.check(Incident.class, this);
    if (reportedAt().isPresent() && reportedAt().get().isBefore(occurredAt())) {
      throw new ModelInvariantException("reportedAt", "must not be before occurredAt");
    }
  }

  /** A new builder. */
  public static ImmutableIncident.Builder builder() {
    return ImmutableIncident.builder();
  }
}
