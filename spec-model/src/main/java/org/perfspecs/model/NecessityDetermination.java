package org.perfspecs.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;
import org.immutables.value.Value;

/**
 * A clinician's documented determination that a kind of consultation ({@link #consultation()}) or
 * of service ({@link #service()}) is, or is not, necessary for the member ({@link #necessary()}),
 * by whom ({@link #assessedBy()}: a staff id or role, never a name) and when ({@link #at()}).
 * Exactly one of consultation and service is set.
 *
 * <p>Where a document says "all necessary", "when indicated" or "as needed", a kind the record
 * states was assessed as not necessary (at or before the as-of time) is not required; without such
 * a statement the requirement keeps its conservative reading (for ESOAP.COMP.4.2: both a medical
 * and an obstetric consultation are required). The latest determination for a kind stands.
 *
 * <p>For mappings (FHIR): an {@code Observation} (or {@code ClinicalImpression}) with the kind
 * coded in {@code code}, {@code valueBoolean} = {@link #necessary()}, {@code effectiveDateTime} =
 * {@link #at()} and the performer as {@link #assessedBy()}.
 *
 * @since 0.2
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNecessityDetermination.class)
@JsonDeserialize(as = ImmutableNecessityDetermination.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public abstract class NecessityDetermination {
  NecessityDetermination() {}

  /** Record identifier, unique within the episode. */
  public abstract @NotBlank String id();

  /** The kind of consultation assessed; empty when a service is. */
  public abstract Optional<ConsultationKind> consultation();

  /** The kind of service assessed; empty when a consultation is. */
  public abstract Optional<ServiceCategory> service();

  /** Whether it was assessed as necessary ({@code false}: assessed as not necessary). */
  public abstract boolean necessary();

  /** Who assessed it: a staff id or role (e.g. {@code "s-12"}, {@code "PSYCHIATRIST"}). */
  public abstract @NotBlank String assessedBy();

  /** When the determination was documented. */
  public abstract @Plausible Instant at();

  @Value.Check
  void check() {
    ModelRules.check(NecessityDetermination.class, this);
    if (consultation().isPresent() == service().isPresent()) {
      throw new ModelInvariantException("consultation", "exactly one of consultation and service must be set");
    }
  }

  /** A new builder. */
  public static ImmutableNecessityDetermination.Builder builder() {
    return ImmutableNecessityDetermination.builder();
  }
}
