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

/** A provider program profile, for program-level requirements: licences, hours, on-call
 * arrangement, staff, agreements, quality plan, capacity updates, procedures and attestations. */
@Value.Immutable
@JsonSerialize(as = ImmutableProgram.class)
@JsonDeserialize(as = ImmutableProgram.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Program {
  Program() {}

  /** Program identifier; episodes name it in {@link Episode#programId()}. */
  public abstract @NotBlank String id();

  /** The program's name. */
  public abstract @NotBlank String name();

  /** The services it provides. */
  public abstract Set<ServiceType> services();

  /** The larger organisation the program is part of, when it is. */
  public abstract Optional<@NotBlank String> parentOrganization();

  /** Licences held by the program or its parent organisation. */
  public abstract List<@Valid License> licenses();

  /** Sites operated. */
  public abstract List<@Valid Location> locations();

  /** On-call arrangement for when sites are closed. */
  public abstract Optional<@Valid OnCallArrangement> onCall();

  /** Staff roster. */
  public abstract List<@Valid StaffMember> staff();

  /** Written agreements. */
  public abstract List<@Valid Agreement> agreements();

  /** Quality management plan. */
  public abstract Optional<@Valid QualityPlan> qualityPlan();

  /** Dates the program updated its available capacity on the Massachusetts Behavioral Health Access website. */
  public abstract List<@Plausible LocalDate> capacityUpdates();

  /** Written policies and procedures held. */
  public abstract Set<ProcedureKind> writtenProcedures();

  /** Attestations for requirements no record can show. */
  public abstract List<@Valid Attestation> attestations();

  @Value.Check
  void check() {
    ModelRules.check(Program.class, this);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < staff().size(); i++) {
      if (!ids.add(staff().get(i).id())) {
        throw new ModelInvariantException("staff[" + i + "].id", "duplicates another staff id");
      }
    }
  }

  /** A new builder. */
  public static ImmutableProgram.Builder builder() {
    return ImmutableProgram.builder();
  }
}
