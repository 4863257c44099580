package org.perfspecs.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.model.Violation;

/**
 * The {@code aggregate.json} that {@code perfspecs report --format json} and {@code check --output}
 * write, for an aggregate counted elsewhere (spec-spark merges counts from many partitions): the
 * same bytes as the command line's for the same counts, so the two can be compared.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class AggregateJson {
  private AggregateJson() {}

  /**
   * The figures of {@code aggregate.json}'s {@code input} object.
   *
   * @param file the case-record file's name (the last element of its path; empty if none)
   * @param programsFile the program-profile file's name, or empty when there was none
   * @param recordsRead case records read (evaluated + rejected)
   * @param recordsEvaluated case records evaluated
   * @param recordsRejected case records rejected
   * @param rejectedByReason rejected inputs (records and programs) per {@linkplain #reason reason}
   * @param programsRead program profiles read
   * @param programsEvaluated program profiles evaluated
   */
  public record Input(String file, String programsFile, long recordsRead, long recordsEvaluated, long recordsRejected,
      Map<String, Long> rejectedByReason, long programsRead, long programsEvaluated) {
    /**
     * @throws NullPointerException if a name or the map is null
     */
    public Input {
      requireNonNull(file, "file");
      requireNonNull(programsFile, "programsFile");
      rejectedByReason = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rejectedByReason));
    }
  }

  /**
   * The key a rejected input counts under in {@code rejectedByReason}: its first violation's JSON
   * path and rule without positions and sizes ({@code "program: "} first for a program profile),
   * as the command line counts it.
   *
   * @param violations the input's violations, at least one
   * @param program whether the input was a program profile
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public static String reason(List<Violation> violations, boolean program) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rejected input has at least one violation");
    }
    return Evaluation.reason(violations, program ? "program: " : "");
  }

  /**
   * Writes {@code aggregate.json} (pretty-printed, ending with a line break) for {@code aggregate},
   * over {@code catalog}, as of {@code asOf}.
   *
   * @throws IOException if {@code out} fails
   */
  public static void write(Aggregate aggregate, Catalog catalog, Instant asOf, Input input, Writer out)
      throws IOException {
    InputOptions in = new InputOptions();
    in.file = Path.of(input.file());
    in.programs = input.programsFile().isEmpty() ? null : Path.of(input.programsFile());
    Evaluation ev = new Evaluation(EvaluationContext.asOf(asOf), catalog, in);
    ev.aggregate.merge(aggregate);
    ev.read = input.recordsRead();
    ev.evaluated = input.recordsEvaluated();
    ev.rejected = input.recordsRejected();
    ev.rejectedByReason.putAll(input.rejectedByReason());
    ev.programsRead = input.programsRead();
    ev.programsEvaluated = input.programsEvaluated();
    AggregateReport.json(ev, out);
  }

  /** {@link #write} as a string. */
  public static String toJson(Aggregate aggregate, Catalog catalog, Instant asOf, Input input) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      write(aggregate, catalog, asOf, input, w);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return w.toString();
  }
}
