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

/** An explicit statement that the program meets a requirement no record can show, by whom and when. */
@Value.Immutable
@JsonSerialize(as = ImmutableAttestation.class)
@JsonDeserialize(as = ImmutableAttestation.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Attestation {
  Attestation() {}

  /** The requirement id attested to (e.g. "CSP.STAFF.7"). */
  public abstract @NotBlank String requirementId();

  /** Who attests (a role or staff id; not a member). */
  public abstract @NotBlank String attestedBy();

  /** When. */
  public abstract @Plausible LocalDate attestedOn();

  @Value.Check
  void check() {
    ModelRules.check(Attestation.class, this);
  }

  /** A new builder. */
  public static ImmutableAttestation.Builder builder() {
    return ImmutableAttestation.builder();
  }
}
