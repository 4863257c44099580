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

/** The unit of evaluation: a member and one episode of care. One JSON object per NDJSON line. */
@Value.Immutable
@JsonSerialize(as = ImmutableCaseRecord.class)
@JsonDeserialize(as = ImmutableCaseRecord.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class CaseRecord {
  CaseRecord() {}

  /** The member. */
  public abstract @Valid Member member();

  /** The episode. */
  public abstract @Valid Episode episode();

  @Value.Check
  void check() {
    ModelRules.check(CaseRecord.class, this);
    ModelRules.checkRecord(this);
  }

  /** A new builder. */
  public static ImmutableCaseRecord.Builder builder() {
    return ImmutableCaseRecord.builder();
  }
}
