package org.perfspecs.spark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apiguardian.api.API;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.cli.AggregateJson;

/**
 * What one evaluation counted: lines, records and program profiles read, evaluated and rejected
 * (rejections by reason), the aggregate of the findings, and the report's action lists (the first
 * failing subjects per requirement, the findings coming due). Immutable; computed on the driver
 * from the sums of every partition's counts and the merge of every partition's lists.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class CheckSummary {
  private final Instant asOf;
  private final Catalog catalog;
  private final Aggregate aggregate;
  private final Figures records;
  private final Figures programs;
  private final SortedMap<String, Long> rejectedByReason;
  private final AggregateJson.ActionLists lists;

  /**
   * The counts of one input kind.
   *
   * @param lines input lines the evaluation read (for program profiles: profiles read)
   * @param linesInInput input lines counted independently of the evaluation
   * @param blank blank lines (no record)
   * @param read records read (lines that are not blank)
   * @param evaluated records evaluated
   * @param rejected records rejected: invalid, repeating an episode id, or skipped by an internal
   *     error
   * @param skipped records skipped because their evaluation failed (a perfspecs bug; counted in
   *     {@code rejected})
   */
  public record Figures(long lines, long linesInInput, long blank, long read, long evaluated, long rejected,
      long skipped) {
    /** Whether every line is accounted for: lines = linesInInput = blank + read, read = evaluated + rejected. */
    public boolean nothingLost() {
      return lines == linesInInput && lines == blank + read && read == evaluated + rejected;
    }
  }

  /**
   * How the lines of a bulk FHIR export were placed ({@code check --from fhir DIR}): each line is
   * blank, a patient's, a program's, ignored (a resource of no patient and no program) or rejected
   * (not a JSON object); {@code mapped} is the patient lines the evaluation mapped after Spark grouped
   * them per patient.
   *
   * @param blank blank lines
   * @param patient lines of a patient's resources
   * @param program lines of the programs' resources
   * @param ignored lines of resources of no patient and no program
   * @param rejected lines that are not a JSON object
   * @param mapped patient lines mapped, one patient at a time
   */
  public record ExportLines(long blank, long patient, long program, long ignored, long rejected, long mapped) {
    /** Every line placed. */
    public long total() {
      return blank + patient + program + ignored + rejected;
    }

    ExportLines withMapped(long lines) {
      return new ExportLines(blank, patient, program, ignored, rejected, lines);
    }
  }

  private final ExportLines exportLines;

  private CheckSummary(Instant asOf, Catalog catalog, Aggregate aggregate, Figures records, Figures programs,
      SortedMap<String, Long> rejectedByReason, AggregateJson.ActionLists lists, ExportLines exportLines) {
    this.exportLines = exportLines;
    this.asOf = asOf;
    this.catalog = catalog;
    this.aggregate = aggregate;
    this.records = records;
    this.programs = programs;
    this.rejectedByReason = Collections.unmodifiableSortedMap(rejectedByReason);
    this.lists = lists;
  }

  /**
   * The summary of the summed side rows (kind, input, requirementId, programId, month, path,
   * reason, count, outcomes) and of every partition's list rows.
   */
  static CheckSummary of(Parameters parameters, List<Row> sums, List<Row> listRows, long inputLines) {
    return of(parameters, sums, listRows, inputLines, null);
  }

  /**
   * The same for a bulk FHIR export: the records' figures count the export's lines ({@code lines}:
   * every line placed; {@code read}: records and rejections, as the command line counts them).
   */
  static CheckSummary of(Parameters parameters, List<Row> sums, List<Row> listRows, long inputLines,
      ExportLines placed) {
    Catalog catalog = Engines.engine(parameters.engine()).catalog();
    Aggregate aggregate = new Aggregate(catalog);
    Map<String, Map<String, Long>> tallies = new TreeMap<>();
    SortedMap<String, Long> reasons = new TreeMap<>();
    for (Row r : sums) {
      String kind = r.getAs("kind");
      String input = r.getAs("input");
      switch (kind) {
        case Evaluator.CELL -> {
          for (Outcome o : Outcome.values()) {
            long n = r.<Long>getAs(o.name());
            if (n > 0) {
              aggregate.add(r.getAs("requirementId"), r.getAs("programId"), r.getAs("month"), o, n);
            }
          }
        }
        case Evaluator.EPISODES -> aggregate.addEpisodes(r.getAs("month"), r.<Long>getAs("count"));
        case Evaluator.TALLY -> tallies.computeIfAbsent(input, k -> new TreeMap<>())
            .merge(r.getAs("path"), r.<Long>getAs("count"), Long::sum);
        case Evaluator.REASON -> reasons.merge(r.getAs(Evaluator.REJECTION_REASON), r.<Long>getAs("count"), Long::sum);
        default -> throw new IllegalStateException("unexpected row kind " + kind);
      }
    }
    Map<String, Long> recordTallies = tallies.getOrDefault(Evaluator.Input.CASE_RECORD.label, Map.of());
    Map<String, Long> programTallies = new TreeMap<>(tallies.getOrDefault(Evaluator.Input.PROGRAM.label, Map.of()));
    tallies.getOrDefault(Evaluator.Input.FHIR_PROGRAM.label, Map.of()).forEach((k, v) -> programTallies.merge(k, v,
        Long::sum));
    long dueTotal = recordTallies.getOrDefault(Evaluator.DUE_TOTAL, 0L) + programTallies.getOrDefault(Evaluator.DUE_TOTAL, 0L);
    long programLines = programTallies.getOrDefault(Evaluator.LINES, 0L);
    Figures records = figures(recordTallies, inputLines);
    ExportLines export = null;
    if (placed != null) {
      export = placed.withMapped(records.lines());
      records = new Figures(export.total(), inputLines, export.blank(), records.read(), records.evaluated(),
          records.rejected(), records.skipped());
    }
    return new CheckSummary(parameters.asOf(), catalog, aggregate, records, figures(programTallies, programLines),
        reasons, lists(parameters, aggregate, listRows, dueTotal), export);
  }

  private static Figures figures(Map<String, Long> m, long linesInInput) {
    return new Figures(m.getOrDefault(Evaluator.LINES, 0L), linesInInput, m.getOrDefault(Evaluator.BLANK, 0L),
        m.getOrDefault(Evaluator.READ, 0L), m.getOrDefault(Evaluator.EVALUATED, 0L),
        m.getOrDefault(Evaluator.REJECTED, 0L), m.getOrDefault(Evaluator.SKIPPED, 0L));
  }

  /** Input order: program profiles first, then the records, by file and line, then a FHIR export's programs. */
  private static final Comparator<Row> INPUT_ORDER = Comparator
      .comparingInt((Row r) -> r.<String>getAs("input").equals(Evaluator.Input.PROGRAM.label) ? 0
          : r.<String>getAs("input").equals(Evaluator.Input.FHIR_PROGRAM.label) ? 2 : 1)
      .thenComparing((Row r) -> r.<String>getAs("file"), Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingLong(r -> r.<Long>getAs("line"));

  /**
   * The lists as the command line gathers them in input order: per requirement the first {@code
   * --drill-down} failing subjects (each partition kept its first ones), and the earliest coming-due
   * findings, ties in input order (each partition kept its earliest ones).
   */
  private static AggregateJson.ActionLists lists(Parameters parameters, Aggregate aggregate, List<Row> rows,
      long dueTotal) {
    List<Row> failing = new ArrayList<>();
    List<Row> due = new ArrayList<>();
    for (Row r : rows) {
      (r.<String>getAs("kind").equals(Evaluator.FAILING) ? failing : due).add(r);
    }
    failing.sort(INPUT_ORDER);
    Map<String, List<String>> first = new LinkedHashMap<>();
    for (Row r : failing) {
      List<String> ids = first.computeIfAbsent(r.getAs("requirementId"), k -> new ArrayList<>());
      if (ids.size() < parameters.drillDown()) {
        ids.add(r.getAs("subjectId"));
      }
    }
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Aggregate.Row r : aggregate.rows()) {
      if (r.level() == Aggregate.Level.REQUIREMENT) {
        totals.put(r.requirementId(), r.counts().get(Outcome.NOT_MET));
      }
    }
    due.sort(Comparator.comparing((Row r) -> Instant.parse(r.getAs("due"))).thenComparing(INPUT_ORDER)
        .thenComparingInt(r -> r.<Integer>getAs("violation")));
    List<AggregateJson.Due> listed = new ArrayList<>();
    for (Row r : due.subList(0, Math.min(due.size(), AggregateJson.COMING_DUE_LIMIT))) {
      listed.add(new AggregateJson.Due(Instant.parse(r.getAs("due")), r.getAs("requirementId"), r.getAs("subjectId"),
          r.getAs("programId")));
    }
    return new AggregateJson.ActionLists(parameters.drillDown(), parameters.comingDueDays(), first, totals, listed,
        dueTotal);
  }

  /** The as-of instant of the evaluation. */
  public Instant asOf() {
    return asOf;
  }

  /** The case records' counts. */
  public Figures records() {
    return records;
  }

  /** The program profiles' counts (all zero without program profiles; lines are the profiles read). */
  public Figures programs() {
    return programs;
  }

  /** Rejected inputs (records and programs) per reason, sorted by reason: {@code aggregate.json}'s {@code rejectedByReason}. */
  public SortedMap<String, Long> rejectedByReason() {
    return rejectedByReason;
  }

  /** The report's action lists: failing subjects per requirement, findings coming due. */
  public AggregateJson.ActionLists actionLists() {
    return lists;
  }

  /**
   * Whether every line of both inputs is accounted for (see {@link Figures#nothingLost()}). For a
   * bulk FHIR export: every line counted in the input was placed, every patient line placed was
   * mapped, and every record or rejection read was evaluated or rejected.
   */
  public boolean nothingLost() {
    if (exportLines != null) {
      return records.lines() == records.linesInInput() && exportLines.mapped() == exportLines.patient()
          && records.read() == records.evaluated() + records.rejected() && programs.nothingLost();
    }
    return records.nothingLost() && programs.nothingLost();
  }

  /** How the lines of a bulk FHIR export were placed; empty for case-record NDJSON. */
  public java.util.Optional<ExportLines> exportLines() {
    return java.util.Optional.ofNullable(exportLines);
  }

  /** Whether any record or program profile was rejected (invalid, or repeating an episode id). */
  public boolean anyRejected() {
    return records.rejected() + programs.rejected() > records.skipped() + programs.skipped();
  }

  /**
   * Internal errors, as the command line counts them: records and programs skipped because their
   * evaluation failed, plus ERROR findings (a requirement that threw). Each is a perfspecs bug.
   */
  public long internalErrors() {
    return records.skipped() + programs.skipped() + aggregate.total(Outcome.ERROR);
  }

  /**
   * The exit code the command line gives for the same input: 4 when any internal error happened,
   * else 2 when an input was rejected, else 0.
   */
  public int exitCode() {
    return internalErrors() > 0 ? 4 : anyRejected() ? 2 : 0;
  }

  /** A new copy of the aggregate (the library's own), for the caller to read or merge. */
  public Aggregate aggregate() {
    Aggregate copy = new Aggregate(catalog);
    copy.merge(aggregate);
    return copy;
  }

  /** Findings per outcome, every outcome present. */
  public Map<Outcome, Long> findingsByOutcome() {
    Map<Outcome, Long> out = new java.util.EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      out.put(o, aggregate.total(o));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The aggregate as {@code perfspecs report --format json} writes it for the same input, with the
   * same {@code --drill-down} and {@code --coming-due}: {@code aggregate.json}, byte for byte.
   *
   * @param file the case-record file's name as the command line would show it (the last element of
   *     its path), or empty
   * @param programsFile the program-profile file's name, or empty when there were none
   */
  public String aggregateJson(String file, String programsFile) {
    AggregateJson.Input input = new AggregateJson.Input(file, programsFile, records.read(), records.evaluated(),
        records.rejected(), rejectedByReason, programs.read(), programs.evaluated());
    return AggregateJson.toJson(aggregate, catalog, asOf, input, lists);
  }

  /**
   * The aggregate rows with the {@link Schemas#AGGREGATE} columns, in {@code aggregate.json}'s
   * order (requirements, then programs, then months), as a small Dataset made on the driver.
   */
  public Dataset<Row> aggregateRows(SparkSession spark) {
    List<Aggregate.Row> all = new ArrayList<>(aggregate.rows());
    all.addAll(aggregate.programRows());
    all.addAll(aggregate.monthRows());
    List<Row> rows = new ArrayList<>(all.size());
    for (Aggregate.Row r : all) {
      List<Object> values = new ArrayList<>(List.of(r.level().name(), r.key(), r.spec(), r.section(), r.requirementId(),
          r.programId(), r.month(), r.strength()));
      for (Outcome o : Outcome.values()) {
        values.add(r.counts().get(o));
      }
      values.add(r.total());
      values.add(r.complianceRate().isPresent() ? r.complianceRate().getAsDouble() : null);
      rows.add(RowFactory.create(values.toArray()));
    }
    return spark.createDataFrame(rows, Schemas.AGGREGATE);
  }

  /** The command line's closing summary, without the elapsed time, and the line accounting. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("Summary (as of ").append(asOf).append(")\n");
    out.append("  records read: ").append(records.read()).append(", evaluated: ").append(records.evaluated())
        .append(", rejected: ").append(records.rejected()).append("; programs evaluated: ")
        .append(programs.evaluated()).append('\n');
    rejectedByReason.forEach((reason, n) -> out.append("  rejected ").append(n).append(": ").append(reason)
        .append('\n'));
    List<String> parts = new ArrayList<>();
    long total = 0;
    for (Map.Entry<Outcome, Long> e : findingsByOutcome().entrySet()) {
      parts.add(e.getKey() + " " + e.getValue());
      total += e.getValue();
    }
    out.append("  findings: ").append(total).append(" (").append(String.join(", ", parts)).append(")\n");
    if (internalErrors() > 0) {
      out.append("  internal errors: ").append(internalErrors()).append(" (").append(records.skipped()
          + programs.skipped()).append(" skipped, ").append(aggregate.total(Outcome.ERROR))
          .append(" ERROR findings): perfspecs bugs, please report them\n");
    }
    out.append(String.format(Locale.ROOT, "  lines: %d in the input (%d counted independently), %d blank; records "
        + "read %d = evaluated %d + rejected %d; nothing lost: %s", records.lines(), records.linesInInput(),
        records.blank(), records.read(), records.evaluated(), records.rejected(), nothingLost() ? "yes" : "NO"));
    if (exportLines != null) {
      out.append(String.format(Locale.ROOT, "\n  export lines: %d patient (%d mapped), %d program, %d ignored, %d rejected",
          exportLines.patient(), exportLines.mapped(), exportLines.program(), exportLines.ignored(),
          exportLines.rejected()));
    }
    return out.toString();
  }
}
