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

/** A member-directed plan: the Recovery Coach Wellness Plan, or a Plan of Safe Care (Family
 * Support Plan). */
@Value.Immutable
@JsonSerialize(as = ImmutableWellnessPlan.class)
@JsonDeserialize(as = ImmutableWellnessPlan.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class WellnessPlan {
  WellnessPlan() {}

  /** Record identifier, unique within the episode. */
  public abstract @NotBlank String id();

  /** When it was created. */
  public abstract @Plausible LocalDate createdOn();

  /** Whether it was created at an in-person meeting with the member. */
  public abstract boolean createdInPerson();

  /** Whether the member defined and directed it (created with the member, not for them). */
  public abstract boolean memberDirected();

  /** The member's goals. */
  public abstract List<@NotBlank String> goals();

  /** Needs the plan identifies (for a Plan of Safe Care: perinatal, housing, health care, ...). */
  public abstract Set<ServiceCategory> needsIdentified();

  /** When it was last updated. */
  public abstract Optional<@Plausible LocalDate> lastUpdatedOn();

  @Value.Check
  void check() {
    ModelRules.check(WellnessPlan.class, this);
  }

  /** A new builder. */
  public static ImmutableWellnessPlan.Builder builder() {
    return ImmutableWellnessPlan.builder();
  }
}
