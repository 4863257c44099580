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

/** A goal in a service plan. */
@Value.Immutable
@JsonSerialize(as = ImmutableGoal.class)
@JsonDeserialize(as = ImmutableGoal.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Goal {
  Goal() {}

  /** What the goal is. */
  public abstract @NotBlank String description();

  /** Whether it is stated in measurable terms. */
  public abstract boolean measurable();

  /** The target date, when set. */
  public abstract Optional<@Plausible LocalDate> targetDate();

  @Value.Check
  void check() {
    ModelRules.check(Goal.class, this);
  }

  /** A new builder. */
  public static ImmutableGoal.Builder builder() {
    return ImmutableGoal.builder();
  }
}
