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

/** A consultation the program arranged for the member (medical, obstetric, psychiatric, ...). */
@Value.Immutable
@JsonSerialize(as = ImmutableConsultation.class)
@JsonDeserialize(as = ImmutableConsultation.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Consultation {
  Consultation() {}

  /** Record identifier, unique within the episode. */
  public abstract @NotBlank String id();

  /** The kind of consultation. */
  public abstract ConsultationKind kind();

  /** When it was arranged (booked, or requested and confirmed). */
  public abstract @Plausible Instant arrangedAt();

  /** When it is to take place, when known. */
  public abstract Optional<@Plausible Instant> scheduledFor();

  /** Whether it took place, when known. */
  public abstract Optional<Boolean> completed();

  @Value.Check
  void check() {
    ModelRules.check(Consultation.class, this);
  }

  /** A new builder. */
  public static ImmutableConsultation.Builder builder() {
    return ImmutableConsultation.builder();
  }
}
