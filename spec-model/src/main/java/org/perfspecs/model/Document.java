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

/** A document in the member's record: its kind, date, the content elements it covers, who it was
 * developed with, signatures or a documented refusal, and to whom it was given or forwarded. */
@Value.Immutable
@JsonSerialize(as = ImmutableDocument.class)
@JsonDeserialize(as = ImmutableDocument.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Document {
  Document() {}

  /** Record identifier, unique within the episode. */
  public abstract @NotBlank String id();

  /** What the document is. */
  public abstract DocumentKind kind();

  /** The date it was completed (America/New_York). */
  public abstract @Plausible LocalDate date();

  /** The content elements it covers. */
  public abstract Set<ContentElement> elements();

  /** Who it was developed with or in consultation with. */
  public abstract Set<Party> developedWith();

  /** When the member signed it, when signed. */
  public abstract Optional<@Plausible LocalDate> memberSignedOn();

  /** Whether the member's refusal to sign is documented. */
  @Value.Default
  public boolean memberRefusedToSign() {
    return false;
  }

  /** Staff who signed it (staff ids). */
  public abstract List<@NotBlank String> staffSignatures();

  /** To whom it was given. */
  public abstract Set<Party> givenTo();

  /** When it was given, when recorded. */
  public abstract Optional<@Plausible LocalDate> givenOn();

  /** To whom a copy was forwarded (with consent). */
  public abstract Set<Party> forwardedTo();

  /** Whether the document covers every one of {@code required}. */
  public boolean covers(Set<ContentElement> required) {
    return elements().containsAll(required);
  }

  @Value.Check
  void check() {
    ModelRules.check(Document.class, this);
  }

  /** A new builder. */
  public static ImmutableDocument.Builder builder() {
    return ImmutableDocument.builder();
  }
}
