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

/** A licence held by the program or its parent organisation. */
@Value.Immutable
@JsonSerialize(as = ImmutableLicense.class)
@JsonDeserialize(as = ImmutableLicense.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class License {
  License() {}

  /** Who issued it (e.g. "DPH/BSAS", "DMH"). */
  public abstract @NotBlank String issuer();

  /** What it licenses (e.g. "Substance Use Disorder Treatment Program", "Mental Health Clinic"). */
  public abstract @NotBlank String kind();

  /** Whether it is held by the larger organisation the program is part of (rather than by the program). */
  @Value.Default
  public boolean heldByParentOrganization() {
    return false;
  }

  /** Whether it is a licence within the Commonwealth of Massachusetts. */
  @Value.Default
  public boolean massachusetts() {
    return true;
  }

  /** Last day it is valid, when it expires. */
  public abstract Optional<@Plausible LocalDate> validThrough();

  @Value.Check
  void check() {
    ModelRules.check(License.class, this);
  }

  /** A new builder. */
  public static ImmutableLicense.Builder builder() {
    return ImmutableLicense.builder();
  }
}
