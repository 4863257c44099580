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

/** One opening period of a location on one day of the week (local time, America/New_York). */
@Value.Immutable
@JsonSerialize(as = ImmutableOpeningHours.class)
@JsonDeserialize(as = ImmutableOpeningHours.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class OpeningHours {
  OpeningHours() {}

  /** The day of the week. */
  public abstract DayOfWeek day();

  /** Opening time. */
  public abstract LocalTime opens();

  /** Closing time, after {@link #opens()} on the same day. */
  public abstract LocalTime closes();

  /** Length of the period in minutes. */
  public long minutes() {
    return java.time.Duration.between(opens(), closes()).toMinutes();
  }

  @Value.Check
  void check() {
    ModelRules.check(OpeningHours.class, this);
    if (!closes().isAfter(opens())) {
      throw new ModelInvariantException("closes", "must be after opens");
    }
  }

  /** A new builder. */
  public static ImmutableOpeningHours.Builder builder() {
    return ImmutableOpeningHours.builder();
  }
}
