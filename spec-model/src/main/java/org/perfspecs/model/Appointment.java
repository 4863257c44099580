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

/** An appointment: when it was scheduled, when it is for, what kind, and whether it was kept
 * (and when that was verified). */
@Value.Immutable
@JsonSerialize(as = ImmutableAppointment.class)
@JsonDeserialize(as = ImmutableAppointment.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Appointment {
  Appointment() {}

  /** Record identifier, unique within the episode. */
  public abstract @NotBlank String id();

  /** The kind of appointment. */
  public abstract AppointmentKind kind();

  /** When it was scheduled (booked). */
  public abstract @Plausible Instant scheduledAt();

  /** When it takes place. */
  public abstract @Plausible Instant at();

  /** Whether the member kept it, when known. */
  public abstract Optional<Boolean> kept();

  /** When the program verified whether it was kept. */
  public abstract Optional<@Plausible Instant> keptVerifiedAt();

  /** Whether the program helped the member make the appointment. */
  @Value.Default
  public boolean assistedByProgram() {
    return true;
  }

  @Value.Check
  void check() {
    ModelRules.check(Appointment.class, this);
  }

  /** A new builder. */
  public static ImmutableAppointment.Builder builder() {
    return ImmutableAppointment.builder();
  }
}
