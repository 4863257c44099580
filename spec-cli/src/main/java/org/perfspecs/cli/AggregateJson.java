package org.perfspecs.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.model.Violation;

/**
 * The {@code aggregate.json} that {@code perfspecs report --format json} and {@code check
 * --output} write, for figures gathered elsewhere (spec-spark merges them from many partitions):
 * written by the command line's own writer, so the same figures give the same bytes.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class AggregateJson {
  private AggregateJson() {}

  /** Default of {@code --drill-down}: failing subjects listed per requirement. */
  public static final int DEFAULT_DRILL_DOWN = ReportOptions.DEFAULT_DRILL_DOWN;
  /** Default of {@code --coming-due}, in days. */
  public static final int DEFAULT_COMING_DUE_DAYS = ReportOptions.DEFAULT_COMING_DUE_DAYS;
  /** At most this many coming-due findings are listed. */
  public static final int COMING_DUE_LIMIT = ReportOptions.COMING_DUE_LIMIT;

  /**
   * The figures of {@code aggregate.json}'s {@code input} object.
   *
   * @param file the case-record file's name (the last element of its path; empty if none)
   * @param programsFile the program-profile file's name, or empty when there was none
   * @param recordsRead case records read (evaluated + rejected)
   * @param recordsEvaluated case records evaluated
   * @param recordsRejected case records rejected
   * @param rejectedByReason rejected inputs (records and programs) per reason ({@link #reason})
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
      rejectedByReason = Collections.unmodifiableSortedMap(new TreeMap<>(rejectedByReason));
    }
  }

  /**
   * A PENDING finding due within the coming-due window.
   *
   * @param due its due time
   * @param requirementId its requirement
   * @param subjectId the episode (or program) id
   * @param programId the program id
   */
  public record Due(Instant due, String requirementId, String subjectId, String programId) {
    /**
     * @throws NullPointerException if a field is null
     */
    public Due {
      requireNonNull(due, "due");
      requireNonNull(requirementId, "requirementId");
      requireNonNull(subjectId, "subjectId");
      requireNonNull(programId, "programId");
    }
  }

  /**
   * What the report lists for action, as {@code report} gathers it in input order.
   *
   * @param drillDown {@code --drill-down}: failing subjects listed per requirement (0 to 1000)
   * @param comingDueDays {@code --coming-due}: the window in days (0 to 366)
   * @param failingFirst per requirement with NOT_MET findings, its first failing subject ids in
   *     input order (at most {@code drillDown} are kept)
   * @param failingTotal per requirement, its NOT_MET findings
   * @param comingDue the coming-due findings, earliest first (ties in input order), at most {@link
   *     #COMING_DUE_LIMIT}
   * @param comingDueTotal every PENDING finding due within the window
   */
  public record ActionLists(int drillDown, int comingDueDays, Map<String, List<String>> failingFirst,
      Map<String, Long> failingTotal, List<Due> comingDue, long comingDueTotal) {
    /**
     * @throws IllegalArgumentException if an option is out of its range
     * @throws NullPointerException if a map or the list is null
     */
    public ActionLists {
      if (drillDown < 0 || drillDown > 1000) {
        throw new IllegalArgumentException("the drill-down must be between 0 and 1000");
      }
      if (comingDueDays < 0 || comingDueDays > 366) {
        throw new IllegalArgumentException("the coming-due window must be between 0 and 366 days");
      }
      Map<String, List<String>> first = new LinkedHashMap<>();
      failingFirst.forEach((k, v) -> first.put(k, List.copyOf(v)));
      failingFirst = Collections.unmodifiableMap(first);
      failingTotal = Collections.unmodifiableMap(new LinkedHashMap<>(failingTotal));
      comingDue = List.copyOf(comingDue);
    }

    /** No failing subjects and nothing coming due, with the default options. */
    public static ActionLists none() {
      return new ActionLists(DEFAULT_DRILL_DOWN, DEFAULT_COMING_DUE_DAYS, Map.of(), Map.of(), List.of(), 0);
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
   * The key an input skipped by an internal error (its evaluation failed) counts under, as the
   * command line counts it: {@code internal error (Type)}.
   */
  public static String internalErrorReason(boolean program, RuntimeException failure) {
    return Evaluation.internalErrorReason(program, failure);
  }

  /**
   * Writes {@code aggregate.json} (pretty-printed, ending with a line break) for {@code aggregate},
   * over {@code catalog}, as of {@code asOf}.
   *
   * @throws IOException if {@code out} fails
   */
  public static void write(Aggregate aggregate, Catalog catalog, Instant asOf, Input input, ActionLists lists,
      Writer out) throws IOException {
    ReportOptions options = new ReportOptions();
    options.drillDown = lists.drillDown();
    options.comingDueDays = lists.comingDueDays();
    Evaluation ev = Evaluation.forFigures(EvaluationContext.asOf(asOf), catalog, input.file(), input.programsFile(),
        options);
    ev.aggregate.merge(aggregate);
    ev.read = input.recordsRead();
    ev.evaluated = input.recordsEvaluated();
    ev.rejected = input.recordsRejected();
    ev.rejectedByReason.putAll(input.rejectedByReason());
    ev.programsRead = input.programsRead();
    ev.programsEvaluated = input.programsEvaluated();
    List<org.perfspecs.cli.ActionLists.Due> due = new ArrayList<>();
    long seq = 0;
    for (Due d : lists.comingDue()) {
      due.add(new org.perfspecs.cli.ActionLists.Due(d.due(), seq++, d.requirementId(), d.subjectId(), d.programId()));
    }
    ev.lists.restore(lists.failingFirst(), lists.failingTotal(), due, lists.comingDueTotal());
    AggregateReport.json(ev, out);
  }

  /** {@link #write} as a string. */
  public static String toJson(Aggregate aggregate, Catalog catalog, Instant asOf, Input input, ActionLists lists) {
    StringWriter w = new StringWriter();
    try {
      write(aggregate, catalog, asOf, input, lists, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }
}
