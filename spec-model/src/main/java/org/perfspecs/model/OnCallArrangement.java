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

/** How the program is reachable when its site is closed. */
@Value.Immutable
@JsonSerialize(as = ImmutableOnCallArrangement.class)
@JsonDeserialize(as = ImmutableOnCallArrangement.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class OnCallArrangement {
  OnCallArrangement() {}

  /** Whether the program is accessible on an on-call basis whenever the site is closed. */
  public abstract boolean coversClosedHours();

  /** Whether on-call staff triage needs and offer referrals to professionals or emergency services. */
  public abstract boolean triagesAndRefers();

  @Value.Check
  void check() {
    ModelRules.check(OnCallArrangement.class, this);
  }

  /** A new builder. */
  public static ImmutableOnCallArrangement.Builder builder() {
    return ImmutableOnCallArrangement.builder();
  }
}
