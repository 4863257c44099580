package org.perfspecs.spark;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.EpisodeIds;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.cli.AggregateJson;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;
import org.perfspecs.model.Violation;

/**
 * Judges the inputs of one partition (or of the program file, on the driver) in input order and
 * turns what happens into rows of {@link #OUT}, a union of row kinds: in {@link Mode#FINDINGS}
 * mode one {@code finding} row per finding; in {@link Mode#SIDE} mode one {@code rejection} row
 * per violation and one {@code reason} row per rejected input, and at the end the partition's
 * counts and lists: {@code cell} rows (findings per requirement, program, month and outcome),
 * {@code episodes} rows (episodes per month of admission), {@code tally} rows (lines, blank lines,
 * inputs read, evaluated, rejected, skipped by an internal error, coming-due findings), {@code
 * failing} rows (per requirement the first {@code --drill-down} NOT_MET subjects of the partition,
 * in input order) and {@code due} rows (the partition's earliest coming-due findings, at most {@link
 * AggregateJson#COMING_DUE_LIMIT}). The driver sums the counts and merges the lists by input order
 * ({@link CheckSummary}), so that they are the command line's.
 *
 * <p>A valid record is refused, as the command line refuses it, when its episode id is one of the
 * repeated ids and it is not the first valid record with that id ({@link RepeatedEpisodes}). Not
 * thread-safe: one per partition.
 */
final class Evaluator {
  /** What a pass emits. */
  enum Mode {
    /** Finding rows only. */
    FINDINGS,
    /** Rejections, rejection reasons, the counts and the action lists. */
    SIDE
  }

  /** Which model type the lines hold. */
  enum Input {
    /** {@link Program} lines (read on the driver; before every record in input order). */
    PROGRAM("program"),
    /** {@link CaseRecord} lines, or the case records of a bulk FHIR export. */
    CASE_RECORD("caseRecord"),
    /** The programs of a bulk FHIR export (mapped and evaluated on the driver, after every record in input order). */
    FHIR_PROGRAM("fhirProgram");

    final String label;

    Input(String label) {
      this.label = label;
    }
  }

  static final String FINDING = "finding";
  static final String REJECTION = "rejection";
  static final String REASON = "reason";
  static final String CELL = "cell";
  static final String EPISODES = "episodes";
  static final String TALLY = "tally";
  static final String FAILING = "failing";
  static final String DUE = "due";
  /** The rejection's reason column (the finding's {@code reason} is another). */
  static final String REJECTION_REASON = "rejectionReason";

  /** Tally names (in the {@code path} column of a tally row; the count in {@code count}). */
  static final String LINES = "lines";
  static final String BLANK = "blank";
  static final String READ = "read";
  static final String EVALUATED = "evaluated";
  static final String REJECTED = "rejected";
  static final String SKIPPED = "skipped";
  static final String DUE_TOTAL = "comingDue";

  private static final int FINDING_OFFSET = 3;
  private static final int FINDING_COUNT = Schemas.FINDING_FIELDS.fields().length;

  /** The rows every pass emits: kind, line reference, finding fields, rejection fields, counts. */
  static final StructType OUT = out();

  private static StructType out() {
    List<StructField> fields = new ArrayList<>();
    fields.add(createStructField("kind", StringType, false));
    fields.add(createStructField("file", StringType, true));
    fields.add(createStructField("line", LongType, true));
    for (StructField f : Schemas.FINDING_FIELDS.fields()) {
      fields.add(createStructField(f.name(), f.dataType(), true));
    }
    fields.add(createStructField("input", StringType, true));
    fields.add(createStructField("violation", IntegerType, true));
    fields.add(createStructField("path", StringType, true));
    fields.add(createStructField("message", StringType, true));
    fields.add(createStructField(REJECTION_REASON, StringType, true));
    fields.add(createStructField("month", StringType, true));
    fields.add(createStructField("count", LongType, true));
    for (Outcome o : Outcome.values()) {
      fields.add(createStructField(o.name(), LongType, true));
    }
    return createStructType(fields);
  }

  private static final int INPUT = FINDING_OFFSET + FINDING_COUNT;
  private static final int VIOLATION = INPUT + 1;
  private static final int PATH = INPUT + 2;
  private static final int MESSAGE = INPUT + 3;
  private static final int REASON_COLUMN = INPUT + 4;
  private static final int MONTH = INPUT + 5;
  private static final int COUNT = INPUT + 6;
  private static final int OUTCOMES = COUNT + 1;
  private static final int REQUIREMENT_ID = field("requirementId");
  private static final int SUBJECT_ID = field("subjectId");
  private static final int PROGRAM_ID = field("programId");
  private static final int DUE_COLUMN = field("due");

  private static int field(String name) {
    return FINDING_OFFSET + Schemas.FINDING_FIELDS.fieldIndex(name);
  }

  /** A coming-due finding of this partition, with its place in input order. */
  private record Due(Instant due, String file, long line, int index, String requirementId, String subjectId,
      String programId) {}

  private static final Comparator<Due> EARLIEST_FIRST = Comparator.comparing(Due::due)
      .thenComparing(Due::file, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(Due::line)
      .thenComparingInt(Due::index);

  private final Parameters parameters;
  private final Input input;
  private final Mode mode;
  private final Map<String, RepeatedEpisodes.First> firstOfRepeated;
  private final Engine engine;
  private final EvaluationContext ctx;
  private final Instant horizon;
  private final ArrayDeque<Row> pending = new ArrayDeque<>();
  // (requirement, program, month) -> counts by outcome ordinal
  private final Map<List<String>, long[]> cells = new HashMap<>();
  private final Map<String, long[]> episodes = new HashMap<>();
  // requirement -> the first failing subjects of the partition, with their lines
  private final Map<String, List<Object[]>> failing = new HashMap<>();
  // the latest-due on top, so that the earliest LIMIT stay
  private final PriorityQueue<Due> comingDue = new PriorityQueue<>(EARLIEST_FIRST.reversed());
  private long comingDueTotal;
  long read;
  long evaluated;
  long rejected;
  long skipped;

  Evaluator(Parameters parameters, Input input, Mode mode, Map<String, RepeatedEpisodes.First> firstOfRepeated) {
    this.parameters = parameters;
    this.input = input;
    this.mode = mode;
    this.firstOfRepeated = firstOfRepeated;
    this.engine = Engines.engine(parameters.engine());
    this.ctx = Engines.context(parameters);
    this.horizon = parameters.horizon();
  }

  /** The rows produced so far, taken in order. */
  ArrayDeque<Row> pending() {
    return pending;
  }

  /** Judges one input read at {@code file} line {@code line}. */
  void entry(RecordReader.Entry<?> entry, String file, long line) {
    read++;
    if (!entry.result().isValid()) {
      rejected++;
      List<Violation> violations = entry.result().violations();
      reject(file, line, problems(violations), AggregateJson.reason(violations, input == Input.PROGRAM));
      return;
    }
    Object value = entry.result().value().get();
    if (value instanceof CaseRecord r && !firstOfRepeated.isEmpty()) {
      RepeatedEpisodes.First first = firstOfRepeated.get(r.episode().id());
      if (first != null && !first.is(file, line)) {
        rejected++;
        List<Violation> v = List.of(Violation.of("$.episode.id", EpisodeIds.DUPLICATE + " (" + first.where(file) + ")"));
        reject(file, line, problems(v), AggregateJson.reason(v, false));
        return;
      }
    }
    judge(value, file, line);
  }

  /**
   * Judges one valid record or program read from another input format (a bulk FHIR export): {@code
   * file} and {@code line} are its place in input order (see {@link FhirInput}).
   */
  void valid(Object value, String file, long line) {
    read++;
    judge(value, file, line);
  }

  /**
   * Counts one input of another format rejected at {@code file} line {@code line}: one row per
   * problem (a location, such as a FHIRPath, and a message), counted under {@code reason}.
   */
  void rejected(String file, long line, List<String[]> problems, String reason) {
    read++;
    rejected++;
    reject(file, line, problems, reason);
  }

  /** Counts one input whose reading failed (a perfspecs bug), as an evaluation that failed. */
  void failed(String file, long line, String what, RuntimeException e) {
    read++;
    internalError(file, line, what, e);
  }

  private static List<String[]> problems(List<Violation> violations) {
    List<String[]> out = new ArrayList<>(violations.size());
    for (Violation v : violations) {
      out.add(new String[] {v.path(), v.message()});
    }
    return out;
  }

  private void internalError(String file, long line, String what, RuntimeException e) {
    // a failure outside any one requirement (each requirement's own failure is an ERROR finding),
    // as the command line counts it: the input skipped, under "internal error (Type)"
    skipped++;
    rejected++;
    StackTraceElement top = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
    reject(file, line, List.<String[]>of(new String[] {"$", "internal error while " + what + " ("
        + e.getClass().getName() + (top == null ? "" : " at " + top.getClassName() + "." + top.getMethodName() + ":"
        + top.getLineNumber()) + "); the " + (input == Input.CASE_RECORD ? "record" : "program")
        + " was skipped. This is a perfspecs bug: please report it."}),
        AggregateJson.internalErrorReason(input != Input.CASE_RECORD, e));
  }

  private void judge(Object value, String file, long line) {
    List<Finding> findings;
    try {
      findings = value instanceof CaseRecord r ? engine.evaluate(r, ctx) : engine.evaluate((Program) value, ctx);
    } catch (RuntimeException e) {
      internalError(file, line, "evaluating the " + (input == Input.CASE_RECORD ? "record" : "program"), e);
      return;
    }
    evaluated++;
    if (mode == Mode.FINDINGS) {
      for (Finding f : findings) {
        pending.add(findingRow(f, file, line, parameters.withCitationText()));
      }
      return;
    }
    String month = value instanceof CaseRecord r ? Aggregate.admissionMonth(r) : Aggregate.PROGRAM_LEVEL;
    if (value instanceof CaseRecord) {
      episodes.computeIfAbsent(month, k -> new long[1])[0]++;
    }
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      String m = f.subjectKind() == Basis.EPISODE ? month : Aggregate.PROGRAM_LEVEL;
      cells.computeIfAbsent(List.of(f.requirementId(), f.programId(), m), k -> new long[Outcome.values().length])
          [f.outcome().ordinal()]++;
      lists(f, file, line, i);
    }
  }

  /** The action lists of the report, as {@code ActionLists} of the command line keeps them. */
  private void lists(Finding f, String file, long line, int index) {
    if (f.outcome() == Outcome.NOT_MET) {
      List<Object[]> ids = failing.computeIfAbsent(f.requirementId(), k -> new ArrayList<>());
      if (ids.size() < parameters.drillDown()) {
        ids.add(new Object[] {f.subjectId(), file, line});
      }
    } else if (f.outcome() == Outcome.PENDING && f.due().isPresent() && !f.due().get().last().isAfter(horizon)) {
      comingDueTotal++;
      comingDue.add(new Due(f.due().get().last(), file, line, index, f.requirementId(), f.subjectId(), f.programId()));
      if (comingDue.size() > AggregateJson.COMING_DUE_LIMIT) {
        comingDue.poll();
      }
    }
  }

  private void reject(String file, long line, List<String[]> problems, String reason) {
    if (mode != Mode.SIDE) {
      return;
    }
    for (int i = 0; i < problems.size(); i++) {
      Object[] row = row(REJECTION);
      row[1] = file;
      row[2] = line;
      row[VIOLATION] = i;
      row[PATH] = problems.get(i)[0];
      row[MESSAGE] = problems.get(i)[1];
      row[REASON_COLUMN] = reason;
      pending.add(RowFactory.create(row));
    }
    Object[] row = row(REASON);
    row[REASON_COLUMN] = reason;
    row[COUNT] = 1L;
    pending.add(RowFactory.create(row));
  }

  /** At the end of the partition: its counts and lists (SIDE mode). */
  void end(long lines, long blank) {
    if (mode != Mode.SIDE) {
      return;
    }
    cells.forEach((key, counts) -> {
      Object[] row = row(CELL);
      row[REQUIREMENT_ID] = key.get(0);
      row[PROGRAM_ID] = key.get(1);
      row[MONTH] = key.get(2);
      for (int i = 0; i < counts.length; i++) {
        row[OUTCOMES + i] = counts[i];
      }
      pending.add(RowFactory.create(row));
    });
    episodes.forEach((month, n) -> {
      Object[] row = row(EPISODES);
      row[MONTH] = month;
      row[COUNT] = n[0];
      pending.add(RowFactory.create(row));
    });
    failing.forEach((requirement, ids) -> {
      for (Object[] id : ids) {
        Object[] row = row(FAILING);
        row[1] = id[1];
        row[2] = id[2];
        row[REQUIREMENT_ID] = requirement;
        row[SUBJECT_ID] = id[0];
        pending.add(RowFactory.create(row));
      }
    });
    for (Due d : comingDue) {
      Object[] row = row(DUE);
      row[1] = d.file();
      row[2] = d.line();
      row[VIOLATION] = d.index();
      row[DUE_COLUMN] = d.due().toString();
      row[REQUIREMENT_ID] = d.requirementId();
      row[SUBJECT_ID] = d.subjectId();
      row[PROGRAM_ID] = d.programId();
      pending.add(RowFactory.create(row));
    }
    tally(LINES, lines);
    tally(BLANK, blank);
    tally(READ, read);
    tally(EVALUATED, evaluated);
    tally(REJECTED, rejected);
    tally(SKIPPED, skipped);
    tally(DUE_TOTAL, comingDueTotal);
  }

  private void tally(String name, long n) {
    Object[] row = row(TALLY);
    row[PATH] = name;
    row[COUNT] = n;
    pending.add(RowFactory.create(row));
  }

  private Object[] row(String kind) {
    Object[] row = new Object[OUT.fields().length];
    row[0] = kind;
    row[INPUT] = input.label;
    return row;
  }

  /**
   * A finding as a row of {@link #OUT}: the values {@link org.perfspecs.checks.engine.FindingJson}
   * writes, field by field, in its order.
   */
  private Row findingRow(Finding f, String file, long line, boolean withCitationText) {
    Object[] row = row(FINDING);
    row[1] = file;
    row[2] = line;
    Requirement r = f.requirement();
    int i = FINDING_OFFSET;
    row[i++] = r.id();
    row[i++] = r.specKey();
    row[i++] = r.citation().section();
    row[i++] = r.strength().name();
    row[i++] = f.subjectKind().name();
    row[i++] = f.subjectId();
    row[i++] = f.memberId().orElse(null);
    row[i++] = f.programId();
    row[i++] = f.outcome().name();
    row[i++] = f.reason();
    Optional<Deadline> due = f.due();
    row[i++] = due.map(d -> d.last().toString()).orElse(null);
    row[i++] = due.map(Deadline::description).orElse(null);
    List<Row> evidence = new ArrayList<>(f.evidence().size());
    for (Evidence e : f.evidence()) {
      evidence.add(RowFactory.create(e.kind(), e.id(), e.at().map(Instant::toString).orElse(null),
          e.date().map(Object::toString).orElse(null), e.note()));
    }
    row[i++] = scala.jdk.javaapi.CollectionConverters.asScala(evidence).toSeq();
    row[i++] = r.citation().reference();
    row[i++] = withCitationText ? r.citation().text() : null;
    row[i++] = f.errorType().orElse(null);
    return RowFactory.create(row);
  }
}
