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

/** A contact or session: when, how long, how, what kind, which topics, and whether the member took part, engaged and responsive. */
@Value.Immutable
@JsonSerialize(as = ImmutableContact.class)
@JsonDeserialize(as = ImmutableContact.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Contact {
  Contact() {}


  /** Record identifier, unique within the episode. */
  public abstract @NotBlank String id();

  /** When the contact started. */
  public abstract @Plausible Instant at();

  /** Duration in minutes (0 for an attempt or a text). */
  public abstract @PositiveOrZero int minutes();

  /** In person, phone, text or telehealth. */
  public abstract ContactMode mode();

  /** What the contact was. */
  public abstract ContactKind kind();

  /** Education or counselling topics it covered. */
  public abstract Set<Topic> topics();

  /** Whether the member took part, engaged and responsive (false for an unanswered attempt or case work without the member). */
  public abstract boolean memberEngaged();

  /**
   * Parties other than the member whom the contact was with, communicated with or acted on behalf
   * of (the referral source, family, providers, agencies, the payer's care team, ...); empty when
   * the contact was with the member only.
   */
  public abstract Set<Party> parties();

  /** The staff member who made the contact, when recorded. */
  public abstract Optional<@NotBlank String> staffId();

  @Value.Check
  void check() {
    ModelRules.check(Contact.class, this);
  }

  /** A new builder. */
  public static ImmutableContact.Builder builder() {
    return ImmutableContact.builder();
  }
}
