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

/** A written agreement with another organisation (affiliation, operational, MOU, QSOA, BAA, linkage). */
@Value.Immutable
@JsonSerialize(as = ImmutableAgreement.class)
@JsonDeserialize(as = ImmutableAgreement.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Agreement {
  Agreement() {}

  /** Agreement identifier. */
  public abstract @NotBlank String id();

  /** The kind of agreement. */
  public abstract AgreementKind kind();

  /** The kind of organisation on the other side. */
  public abstract PartnerCategory partnerCategory();

  /** The other organisation's name. */
  public abstract @NotBlank String partnerName();

  /**
   * The processes the agreement includes (referral, transition, aftercare, discharge, ...); empty
   * when the profile does not record them.
   */
  public abstract Set<ProcedureKind> processes();

  /** When it was signed. */
  public abstract @Plausible LocalDate signedOn();

  /** Last day it is in force, when it expires. */
  public abstract Optional<@Plausible LocalDate> expiresOn();

  /** Whether it is active on {@code day}: signed on or before it and not expired. */
  public boolean isActiveOn(LocalDate day) {
    return !signedOn().isAfter(day) && expiresOn().map(e -> !e.isBefore(day)).orElse(true);
  }

  @Value.Check
  void check() {
    ModelRules.check(Agreement.class, this);
  }

  /** A new builder. */
  public static ImmutableAgreement.Builder builder() {
    return ImmutableAgreement.builder();
  }
}
