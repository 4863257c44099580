package org.perfspecs.spark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * (rejections by reason), and the aggregate of the findings. Immutable; computed on the driver from
 * the sums of every partition's counts.
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

  /**
   * The counts of one input kind.
   *
   * @param lines input lines the evaluation read
   * @param linesInInput input lines Spark counted in the input, independently of the evaluation
   * @param blank blank lines (no record)
   * @param read records read (lines that are not blank)
   * @param evaluated records evaluated
   * @param rejected records rejected
   */
  public record Figures(long lines, long linesInInput, long blank, long read, long evaluated, long rejected) {
    /** Whether every line is accounted for: lines = linesInInput = blank + read, read = evaluated + rejected. */
    public boolean nothingLost() {
      return lines == linesInInput && lines == blank + read && read == evaluated + rejected;
    }
  }

  private CheckSummary(Instant asOf, Catalog catalog, Aggregate aggregate, Figures records, Figures programs,
      SortedMap<String, Long> rejectedByReason) {
    this.asOf = asOf;
    this.catalog = catalog;
    this.aggregate = aggregate;
    this.records = records;
    this.programs = programs;
    this.rejectedByReason = Collections.unmodifiableSortedMap(rejectedByReason);
  }

  /** The summary of the summed side rows (kind, input, requirementId, programId, month, path, reason, count, outcomes). */
  static CheckSummary of(Parameters parameters, List<Row> sums, long inputLines, long programLines) {
    Catalog catalog = Engines.engine(parameters.engine()).catalog();
    Aggregate aggregate = new Aggregate(catalog);
    Map<String, Map<String, Long>> tallies = new TreeMap<>();
    SortedMap<String, Long> reasons = new TreeMap<>();
    for (Row r : sums) {
      String kind = r.getAs("kind");
      String input = r.getAs("input");
      switch (kind) {
        case PartitionEvaluator.CELL -> {
          for (Outcome o : Outcome.values()) {
            long n = r.<Long>getAs(o.name());
            if (n > 0) {
              aggregate.add(r.getAs("requirementId"), r.getAs("programId"), r.getAs("month"), o, n);
            }
          }
        }
        case PartitionEvaluator.TALLY -> tallies.computeIfAbsent(input, k -> new TreeMap<>())
            .merge(r.getAs("path"), r.<Long>getAs("count"), Long::sum);
        case PartitionEvaluator.REASON -> reasons.merge(r.getAs(PartitionEvaluator.REJECTION_REASON), r.<Long>getAs("count"), Long::sum);
        default -> throw new IllegalStateException("unexpected row kind " + kind);
      }
    }
    return new CheckSummary(parameters.asOf(), catalog, aggregate,
        figures(tallies.get(PartitionEvaluator.Input.CASE_RECORD.label), inputLines),
        figures(tallies.get(PartitionEvaluator.Input.PROGRAM.label), programLines), reasons);
  }

  private static Figures figures(Map<String, Long> t, long linesInInput) {
    Map<String, Long> m = t == null ? Map.of() : t;
    return new Figures(m.getOrDefault(PartitionEvaluator.LINES, 0L), linesInInput,
        m.getOrDefault(PartitionEvaluator.BLANK, 0L), m.getOrDefault(PartitionEvaluator.READ, 0L),
        m.getOrDefault(PartitionEvaluator.EVALUATED, 0L), m.getOrDefault(PartitionEvaluator.REJECTED, 0L));
  }

  /** The as-of instant of the evaluation. */
  public Instant asOf() {
    return asOf;
  }

  /** The case records' counts. */
  public Figures records() {
    return records;
  }

  /** The program profiles' counts (all zero without program profiles). */
  public Figures programs() {
    return programs;
  }

  /** Rejected inputs (records and programs) per reason, sorted by reason: {@code aggregate.json}'s {@code rejectedByReason}. */
  public SortedMap<String, Long> rejectedByReason() {
    return rejectedByReason;
  }

  /** Whether every line of both inputs is accounted for (see {@link Figures#nothingLost()}). */
  public boolean nothingLost() {
    return records.nothingLost() && programs.nothingLost();
  }

  /** Whether any record or program profile was rejected. */
  public boolean anyRejected() {
    return records.rejected() + programs.rejected() > 0;
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
   * The aggregate as {@code perfspecs report --format json} writes it for the same input:
   * {@code aggregate.json}, byte for byte.
   *
   * @param file the case-record file's name as the command line would show it (the last element of
   *     its path), or empty
   * @param programsFile the program-profile file's name, or empty when there were none
   */
  public String aggregateJson(String file, String programsFile) {
    AggregateJson.Input input = new AggregateJson.Input(file, programsFile, records.read(), records.evaluated(),
        records.rejected(), rejectedByReason, programs.read(), programs.evaluated());
    return AggregateJson.toJson(aggregate, catalog, asOf, input);
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

  /** The command line's closing summary, without the elapsed time. */
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
    out.append(String.format(Locale.ROOT, "  lines: %d in the input (%d counted by Spark), %d blank; nothing lost: %s",
        records.lines(), records.linesInInput(), records.blank(), nothingLost() ? "yes" : "NO"));
    return out.toString();
  }
}
