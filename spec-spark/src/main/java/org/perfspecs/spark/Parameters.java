package org.perfspecs.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import org.perfspecs.checks.EvaluationContext;

/**
 * What a job evaluates with, shipped to the executors once per task: the as-of instant (never an
 * executor's clock), the maximum record size and the engine's factory.
 *
 * <p>The one place the {@link EvaluationContext} is built from the job's parameters: interpretation
 * overrides (issue 15), once the library has them, are a field here and a line in {@link
 * #context()}.
 */
record Parameters(Instant asOf, int maxRecordBytes, EngineFactory engine) implements Serializable {
  Parameters {
    requireNonNull(asOf, "asOf");
    requireNonNull(engine, "engine");
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive, not " + maxRecordBytes);
    }
  }

  /** The evaluation context of every record of the job. */
  EvaluationContext context() {
    return EvaluationContext.asOf(asOf);
  }
}
