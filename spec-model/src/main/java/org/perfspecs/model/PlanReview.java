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

/** A review of a service plan. */
@Value.Immutable
@JsonSerialize(as = ImmutablePlanReview.class)
@JsonDeserialize(as = ImmutablePlanReview.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class PlanReview {
  PlanReview() {}

  /** When the plan was reviewed. */
  public abstract @Plausible LocalDate reviewedOn();

  /** Whether the plan was revised. */
  public abstract boolean revised();

  /** Whether the review followed a significant change in the member's needs. */
  @Value.Default
  public boolean afterSignificantChange() {
    return false;
  }

  @Value.Check
  void check() {
    ModelRules.check(PlanReview.class, this);
  }

  /** A new builder. */
  public static ImmutablePlanReview.Builder builder() {
    return ImmutablePlanReview.builder();
  }
}
