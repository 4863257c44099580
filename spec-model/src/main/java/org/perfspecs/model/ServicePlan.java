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

/** The written Community Support Program service plan and its reviews. */
@Value.Immutable
@JsonSerialize(as = ImmutableServicePlan.class)
@JsonDeserialize(as = ImmutableServicePlan.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class ServicePlan {
  ServicePlan() {}

  /** Record identifier, unique within the episode. */
  public abstract @NotBlank String id();

  /** When it was completed. */
  public abstract @Plausible LocalDate completedOn();

  /** Identified problems and needs relevant to services. */
  public abstract List<@NotBlank String> problemsAndNeeds();

  /** The member's strengths. */
  public abstract List<@NotBlank String> strengths();

  /** Goals of the solution-focused plan. */
  public abstract List<@Valid Goal> goals();

  /** Clinical interventions, services and benefits to be performed and coordinated by the provider. */
  public abstract List<@NotBlank String> interventions();

  /** Staff responsibilities and assignments for implementing the plan. */
  public abstract List<@NotBlank String> staffResponsibilities();

  /** The date the plan was last reviewed or revised, as written on the plan. */
  public abstract Optional<@Plausible LocalDate> lastReviewedOn();

  /** Signatures of the staff involved in the review or revision (staff ids). */
  public abstract List<@NotBlank String> staffSignatures();

  /** Who it was developed with. */
  public abstract Set<Party> developedWith();

  /** Reviews of the plan, in any order. */
  public abstract List<@Valid PlanReview> reviews();

  @Value.Check
  void check() {
    ModelRules.check(ServicePlan.class, this);
  }

  /** A new builder. */
  public static ImmutableServicePlan.Builder builder() {
    return ImmutableServicePlan.builder();
  }
}
