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

/** A member of the program's staff: roles, credentials, education, supervision and trainings. */
@Value.Immutable
@JsonSerialize(as = ImmutableStaffMember.class)
@JsonDeserialize(as = ImmutableStaffMember.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class StaffMember {
  StaffMember() {}

  /** Staff identifier (opaque). */
  public abstract @NotBlank String id();

  /** Roles held. */
  public abstract Set<StaffRole> roles();

  /** Licences and certifications held (e.g. "LICSW", "RN", "CARC"). */
  public abstract Set<@NotBlank String> credentials();

  /** Credentials being actively worked towards (e.g. "CARC"). */
  public abstract Set<@NotBlank String> credentialsInProgress();

  /** Highest education completed, when recorded. */
  public abstract Optional<EducationLevel> education();

  /** Years of relevant work experience. */
  @Value.Default
  public @PositiveOrZero int relevantExperienceYears() {
    return 0;
  }

  /** Whether the staff member has relevant lived experience. */
  @Value.Default
  public boolean livedExperience() {
    return false;
  }

  /**
   * A reasonable exception to an education requirement (e.g. the Recovery Coach high school
   * diploma or GED) documented for this staff member: who granted it and why, in a few words;
   * absent when none is documented.
   */
  public abstract Optional<@NotBlank String> educationException();

  /** The staff id of their supervisor, when supervised. */
  public abstract Optional<@NotBlank String> supervisorId();

  /** Trainings completed. */
  public abstract List<@Valid Training> trainings();

  @Value.Check
  void check() {
    ModelRules.check(StaffMember.class, this);
  }

  /** A new builder. */
  public static ImmutableStaffMember.Builder builder() {
    return ImmutableStaffMember.builder();
  }
}
