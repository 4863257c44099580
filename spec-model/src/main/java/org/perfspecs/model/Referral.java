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

/**
 * A referral: into the service ({@link Episode#referral()}, which needs its {@link #source()}) or
 * made out of it ({@link Episode#referralsMade()}, each needing its {@link #target()}). Which one it
 * is follows from where it is in the episode, so the episode checks those two rules, each with
 * its own message.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableReferral.class)
@JsonDeserialize(as = ImmutableReferral.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Referral {
  Referral() {}


  /** Record identifier, unique within the episode. */
  public abstract @NotBlank String id();

  /** For a referral into the service: who referred the member. */
  public abstract Optional<ReferralSource> source();

  /** For a referral out of the service: the kind of service the member was referred to. */
  public abstract Optional<ServiceCategory> target();

  /** When the referral was received (into the service) or made (out of it). */
  public abstract @Plausible Instant at();

  /** Whether the member consented to the referral, when recorded. */
  public abstract Optional<Boolean> memberConsented();

  /** What became of a referral out of the service, when known. */
  public abstract Optional<ReferralOutcome> outcome();

  /** When the program followed up on the outcome (e.g. confirmed the member attended). */
  public abstract Optional<@Plausible Instant> followedUpAt();

  @Value.Check
  void check() {
    ModelRules.check(Referral.class, this);
    if (followedUpAt().isPresent() && followedUpAt().get().isBefore(at())) {
      throw new ModelInvariantException("followedUpAt", "must not be before the referral time (at)");
    }
  }

  /** A new builder. */
  public static ImmutableReferral.Builder builder() {
    return ImmutableReferral.builder();
  }
}
