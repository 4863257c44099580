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

/** The member receiving services. Personal data here (date of birth, names) is never echoed in messages. */
@Value.Immutable
@JsonSerialize(as = ImmutableMember.class)
@JsonDeserialize(as = ImmutableMember.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Member {
  Member() {}


  /** The member identifier (opaque; not a name). */
  public abstract @NotBlank String id();

  /** Date of birth. */
  public abstract @Plausible LocalDate dateOfBirth();

  /** The insurance product the member is enrolled in. */
  public abstract InsuranceProduct product();

  /** Pregnancy or postpartum status; absent when the member is neither. */
  public abstract Optional<@Valid PregnancyStatus> pregnancy();

  /** Whether the member is parenting. */
  @Value.Default
  public boolean parenting() {
    return false;
  }

  /** The name the member uses for themselves, when recorded. */
  public abstract Optional<@NotBlank String> preferredName();

  /** The pronouns the member uses, when recorded. */
  public abstract Optional<@NotBlank String> pronouns();

  /** The member's primary care clinician (PCC); absent when the member has none. */
  public abstract Optional<@Valid CareProvider> primaryCareClinician();

  /** The member's OB/GYN, midwife or other obstetric provider; absent when none. */
  public abstract Optional<@Valid CareProvider> obstetricProvider();

  /** The member's dentist; absent when none. */
  public abstract Optional<@Valid CareProvider> dentist();

  /** Date of the member's last complete physical examination, when known. */
  public abstract Optional<@Plausible LocalDate> lastCompletePhysicalExam();

  /** Whether DMH has identified the member as Continuing Care Eligible. */
  @Value.Default
  public boolean dmhContinuingCareEligible() {
    return false;
  }

  /** State agencies involved with the member (DMH, DCF, DYS, probation, ...). */
  public abstract Set<StateAgency> stateAgencies();

  /** Whether the member has an open DCF case. */
  @Value.Default
  public boolean dcfCaseOpen() {
    return false;
  }

  @Value.Check
  void check() {
    ModelRules.check(Member.class, this);
  }

  /** A new builder. */
  public static ImmutableMember.Builder builder() {
    return ImmutableMember.builder();
  }
}
