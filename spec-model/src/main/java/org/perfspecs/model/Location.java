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

/** A site the program operates, with its weekly opening hours. */
@Value.Immutable
@JsonSerialize(as = ImmutableLocation.class)
@JsonDeserialize(as = ImmutableLocation.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Location {
  Location() {}

  /** Location identifier. */
  public abstract @NotBlank String id();

  /** Whether it is within the Commonwealth of Massachusetts. */
  public abstract boolean inMassachusetts();

  /** Weekly opening periods. */
  public abstract List<@Valid OpeningHours> hours();

  /** Whether onsite services are provided there. */
  @Value.Default
  public boolean onsiteServices() {
    return true;
  }

  /** Whether community-based services are provided from there. */
  @Value.Default
  public boolean communityServices() {
    return false;
  }

  /**
   * Total weekly opening time in minutes. Overlapping periods on the same day count once (two
   * entries for Monday 09:00-17:00 are eight hours, not sixteen).
   */
  public long weeklyMinutes() {
    long total = 0;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<OpeningHours> periods = hours().stream().filter(h -> h.day() == day)
          .sorted(java.util.Comparator.comparing(OpeningHours::opens)).toList();
      LocalTime start = null;
      LocalTime end = null;
      for (OpeningHours h : periods) {
        if (end == null || h.opens().isAfter(end)) {
          if (end != null) {
            total += java.time.Duration.between(start, end).toMinutes();
          }
          start = h.opens();
          end = h.closes();
        } else if (h.closes().isAfter(end)) {
          end = h.closes();
        }
      }
      if (end != null) {
        total += java.time.Duration.between(start, end).toMinutes();
      }
    }
    return total;
  }

  @Value.Check
  void check() {
    ModelRules.check(Location.class, this);
  }

  /** A new builder. */
  public static ImmutableLocation.Builder builder() {
    return ImmutableLocation.builder();
  }
}
