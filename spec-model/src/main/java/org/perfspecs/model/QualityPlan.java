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

/** The program's quality management plan. */
@Value.Immutable
@JsonSerialize(as = ImmutableQualityPlan.class)
@JsonDeserialize(as = ImmutableQualityPlan.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class QualityPlan {
  QualityPlan() {}

  /** When it was adopted. */
  public abstract @Plausible LocalDate adoptedOn();

  /** Whether it includes a continuous quality improvement process. */
  public abstract boolean continuousImprovement();

  /** Whether it uses outcome measures. */
  @Value.Default
  public boolean outcomeMeasures() {
    return false;
  }

  /** Whether it uses satisfaction surveys. */
  @Value.Default
  public boolean satisfactionSurveys() {
    return false;
  }

  @Value.Check
  void check() {
    ModelRules.check(QualityPlan.class, this);
  }

  /** A new builder. */
  public static ImmutableQualityPlan.Builder builder() {
    return ImmutableQualityPlan.builder();
  }
}
