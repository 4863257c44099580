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

/** A training a staff member completed. */
@Value.Immutable
@JsonSerialize(as = ImmutableTraining.class)
@JsonDeserialize(as = ImmutableTraining.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Training {
  Training() {}

  /** The topic. */
  public abstract TrainingTopic topic();

  /** When it was completed. */
  public abstract @Plausible LocalDate completedOn();

  /** Whether the training program is approved by EOHHS, where that matters. */
  @Value.Default
  public boolean eohhsApproved() {
    return false;
  }

  @Value.Check
  void check() {
    ModelRules.check(Training.class, this);
  }

  /** A new builder. */
  public static ImmutableTraining.Builder builder() {
    return ImmutableTraining.builder();
  }
}
