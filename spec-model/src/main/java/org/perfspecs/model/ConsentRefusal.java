package org.perfspecs.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.Set;
import org.apiguardian.api.API;
import org.immutables.value.Value;

/**
 * A documented refusal of consent: who refused ({@link #refusedBy()}, the member or a guardian),
 * when ({@link #at()}), and for what: sharing information with or coordinating with {@link
 * #parties()}, and referrals to {@link #referrals()}. When both sets are empty the refusal covers
 * every party and every referral. The record states a refusal in its own right, beside the consents
 * given ({@link Episode#consentToShareWith()}, {@link Referral#memberConsented()}): a requirement
 * the document conditions on the member's consent ("with the consent of the member", "when
 * consent is given") is NOT_APPLICABLE when consent was refused (a refusal at or before the as-of
 * time covering the party or referral), and when it was not given.
 *
 * <p>For mappings (FHIR): a {@code Consent} resource with {@code status = active}, {@code
 * provision.type = deny}, {@code dateTime} = {@link #at()}, the performer as {@link #refusedBy()},
 * and {@code provision.actor} / {@code provision.purpose} naming the parties and referral targets.
 *
 * @since 0.2
 */
@Value.Immutable
@JsonSerialize(as = ImmutableConsentRefusal.class)
@JsonDeserialize(as = ImmutableConsentRefusal.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public abstract class ConsentRefusal {
  ConsentRefusal() {}

  /** Record identifier, unique within the episode. */
  public abstract @NotBlank String id();

  /** Who refused: {@link Party#MEMBER} (the default) or one acting for the member ({@link Party#GUARDIAN}). */
  @Value.Default
  public Party refusedBy() {
    return Party.MEMBER;
  }

  /** When the refusal was documented. */
  public abstract @Plausible Instant at();

  /** The parties the member refused to share information or coordinate with; empty with no referrals: every party. */
  public abstract Set<Party> parties();

  /** The kinds of referral the member refused; empty with no parties: every referral. */
  public abstract Set<ServiceCategory> referrals();

  @Value.Check
  void check() {
    ModelRules.check(ConsentRefusal.class, this);
  }

  /** Whether this refusal covers sharing with or coordinating with {@code party}. */
  public boolean covers(Party party) {
    return parties().contains(party) || (parties().isEmpty() && referrals().isEmpty());
  }

  /** Whether this refusal covers a referral to {@code target}. */
  public boolean coversReferral(ServiceCategory target) {
    return referrals().contains(target) || (parties().isEmpty() && referrals().isEmpty());
  }

  /** A new builder. */
  public static ImmutableConsentRefusal.Builder builder() {
    return ImmutableConsentRefusal.builder();
  }
}
