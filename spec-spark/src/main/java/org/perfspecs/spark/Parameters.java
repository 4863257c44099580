package org.perfspecs.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.catalog.Catalog;

/**
 * What a job evaluates with, shipped to the executors with each task: the as-of instant (never an
 * executor's clock), the interpretation overrides (as text by key, as {@code --interpretations}
 * holds them), the maximum record size, the engine's factory, whether findings carry the verbatim
 * citation text, and the report's list options ({@code --drill-down}, {@code --coming-due}).
 *
 * <p>The one place the {@link EvaluationContext} is built from the job's parameters.
 */
record Parameters(Instant asOf, LinkedHashMap<String, String> interpretations, int maxRecordBytes,
    EngineFactory engine, boolean withCitationText, int drillDown, int comingDueDays) implements Serializable {
  Parameters {
    requireNonNull(asOf, "asOf");
    requireNonNull(engine, "engine");
    interpretations = new LinkedHashMap<>(requireNonNull(interpretations, "interpretations"));
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive, not " + maxRecordBytes);
    }
    if (drillDown < 0 || drillDown > 1000) {
      throw new IllegalArgumentException("the drill-down must be between 0 and 1000, not " + drillDown);
    }
    if (comingDueDays < 0 || comingDueDays > 366) {
      throw new IllegalArgumentException("the coming-due window must be between 0 and 366 days, not " + comingDueDays);
    }
  }

  Parameters withInterpretations(Map<String, String> values) {
    return new Parameters(asOf, new LinkedHashMap<>(values), maxRecordBytes, engine, withCitationText, drillDown,
        comingDueDays);
  }

  Parameters withMaxRecordBytes(int bytes) {
    return new Parameters(asOf, interpretations, bytes, engine, withCitationText, drillDown, comingDueDays);
  }

  Parameters withEngine(EngineFactory factory) {
    return new Parameters(asOf, interpretations, maxRecordBytes, factory, withCitationText, drillDown, comingDueDays);
  }

  Parameters withCitationText(boolean on) {
    return new Parameters(asOf, interpretations, maxRecordBytes, engine, on, drillDown, comingDueDays);
  }

  Parameters withLists(int drill, int days) {
    return new Parameters(asOf, interpretations, maxRecordBytes, engine, withCitationText, drill, days);
  }

  /**
   * The evaluation context of every record of the job: the as-of instant with the interpretation
   * overrides read by {@code catalog}.
   *
   * @throws IllegalArgumentException naming the key when an override is unknown or of the wrong kind
   */
  EvaluationContext context(Catalog catalog) {
    EvaluationContext ctx = EvaluationContext.asOf(asOf);
    return interpretations.isEmpty() ? ctx : ctx.withInterpretations(catalog.parseInterpretations(interpretations));
  }

  /** When coming-due findings must be due at the latest. */
  Instant horizon() {
    return asOf.plus(java.time.Duration.ofDays(comingDueDays));
  }
}
