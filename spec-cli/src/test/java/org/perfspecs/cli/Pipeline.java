package org.perfspecs.cli;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.EpisodeIds;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Violation;
import org.perfspecs.testkit.TypicalRecords;

/**
 * The library's path for one input, as the command line takes it (reader, validator, duplicate
 * episode ids, engine, aggregate), checking the invariants of issue 14 on every record: nothing
 * escapes as an exception, every record read is valid or rejected, a valid record never gets an
 * ERROR finding, a rejection never comes from an internal error, and every violation's path shows
 * only the model's names.
 */
final class Pipeline {
  static final Engine ENGINE = Engine.standard();
  static final ModelValidator VALIDATOR = ModelValidator.create();
  static final EvaluationContext AS_OF = EvaluationContext.asOf(TypicalRecords.AS_OF);
  /** A path of model names, indices and {@code <unknown>}. */
  static final Pattern PATH = Pattern.compile("\\$(\\.[A-Za-z]+|\\.<unknown>|\\[[0-9]+]|\\[<unknown>])*");

  /** What one input gave. */
  record Result(long read, long evaluated, long rejected, List<Violation> violations) {}

  private Pipeline() {}

  /**
   * Runs {@code input} through the pipeline.
   *
   * @throws AssertionError naming the broken invariant
   */
  static Result check(byte[] input) {
    long read = 0;
    long evaluated = 0;
    long rejected = 0;
    List<Violation> violations = new java.util.ArrayList<>();
    Aggregate aggregate = new Aggregate(ENGINE.catalog());
    EpisodeIds ids = EpisodeIds.create();
    try (RecordReader<CaseRecord> reader = RecordReader.of(new ByteArrayInputStream(input), CaseRecord.class, VALIDATOR,
        1 << 22)) {
      for (Optional<RecordReader.Entry<CaseRecord>> e = reader.next(); e.isPresent(); e = reader.next()) {
        read++;
        RecordReader.Entry<CaseRecord> entry = e.get();
        List<Violation> rejection = entry.result().value()
            .flatMap(r -> ids.duplicate(r, entry.line())).map(List::of).orElse(entry.result().violations());
        if (rejection.isEmpty()) {
          CaseRecord record = entry.result().value().orElseThrow();
          List<Finding> findings = ENGINE.evaluate(record, AS_OF);
          for (Finding f : findings) {
            if (f.outcome() == Outcome.ERROR) {
              throw new AssertionError("ERROR finding on a valid record (line " + entry.line() + "): "
                  + f.requirementId() + " " + f.errorType().orElse("") + "\n" + org.perfspecs.model.ModelJson.toJson(record));
            }
          }
          aggregate.add(record, findings);
          evaluated++;
        } else {
          rejected++;
          for (Violation v : rejection) {
            if (v.message().startsWith(ModelValidator.INTERNAL_ERROR)) {
              throw new AssertionError("an internal error while reading: " + v);
            }
            if (!PATH.matcher(v.path()).matches()) {
              throw new AssertionError("a path that is not the model's: " + v.path());
            }
            violations.add(v);
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new AssertionError("reading from memory failed", e);
    }
    aggregate.rows();
    aggregate.monthRows();
    aggregate.programRows();
    if (read != evaluated + rejected) {
      throw new AssertionError("read " + read + " != evaluated " + evaluated + " + rejected " + rejected);
    }
    return new Result(read, evaluated, rejected, violations);
  }
}
