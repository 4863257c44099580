package org.perfspecs.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

/** Whether a member is pregnant (with an estimated due date) or postpartum (with a delivery date).

 <p>Post-partum is the period following childbirth up to one year ({@link #POSTPARTUM_PERIOD_YEARS}),
 as the RRS for Pregnant and Post-Partum Women specification defines it; that definition lives here
 and nowhere else. */
@Value.Immutable
@JsonSerialize(as = ImmutablePregnancyStatus.class)
@JsonDeserialize(as = ImmutablePregnancyStatus.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class PregnancyStatus {
  PregnancyStatus() {}


  /** "Post-partum is defined as the period following childbirth up to one year." */
  public static final int POSTPARTUM_PERIOD_YEARS = 1;

  /** Pregnant or postpartum. */
  public abstract PregnancyState state();

  /** The estimated due date, when pregnant and known. */
  public abstract Optional<@Plausible LocalDate> estimatedDueDate();

  /** The delivery date; required when {@link PregnancyState#POSTPARTUM}. */
  public abstract Optional<@Plausible LocalDate> deliveryDate();

  /**
   * The longest a pregnancy is taken to last before its delivery date, in weeks (a post-term
   * pregnancy): a member recorded as postpartum was pregnant on the days in the 42 weeks before
   * her delivery date.
   */
  public static final int MAX_PREGNANCY_WEEKS = 42;

  /**
   * Whether the member is pregnant or within the postpartum period on {@code day}. A pregnant
   * status applies on any day, as recorded. A postpartum status applies from the delivery date
   * through the same date one year later, both inclusive, and (she was pregnant then) on the days
   * in the {@value #MAX_PREGNANCY_WEEKS} weeks before the delivery date: a member admitted while
   * pregnant and recorded later as postpartum was pregnant at admission.
   */
  public boolean isPregnantOrPostpartumOn(LocalDate day) {
    if (state() == PregnancyState.PREGNANT) {
      return true;
    }
    LocalDate delivered = deliveryDate().orElseThrow();
    return !day.isBefore(delivered.minusWeeks(MAX_PREGNANCY_WEEKS))
        && !day.isAfter(delivered.plusYears(POSTPARTUM_PERIOD_YEARS));
  }

  @Value.Check
  void check() {
    ModelRules.check(PregnancyStatus.class, this);
    if (state() == PregnancyState.POSTPARTUM && deliveryDate().isEmpty()) {
      throw new ModelInvariantException("deliveryDate", "is required when state is POSTPARTUM");
    }
  }

  /** A new builder. */
  public static ImmutablePregnancyStatus.Builder builder() {
    return ImmutablePregnancyStatus.builder();
  }
}
