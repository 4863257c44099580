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

/** A clinician or practice the member is attached to (primary care clinician, obstetric provider, dentist). */
@Value.Immutable
@JsonSerialize(as = ImmutableCareProvider.class)
@JsonDeserialize(as = ImmutableCareProvider.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class CareProvider {
  CareProvider() {}


  /** The provider's name or practice name. */
  public abstract @NotBlank String name();

  /** An identifier such as an NPI, when known. */
  public abstract Optional<@NotBlank String> identifier();

  @Value.Check
  void check() {
    ModelRules.check(CareProvider.class, this);
  }

  /** A new builder. */
  public static ImmutableCareProvider.Builder builder() {
    return ImmutableCareProvider.builder();
  }
}
