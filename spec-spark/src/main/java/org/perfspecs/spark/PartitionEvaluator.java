package org.perfspecs.spark;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.FindingJson;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.cli.AggregateJson;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;
import org.perfspecs.model.Violation;

/**
 * Evaluates one partition of {@link Schemas#LINES} rows: the lines go, in order, through one {@link
 * RecordReader} (the command line's own reading, validation and messages), each valid record
 * through the executor JVM's {@link Engine}. Lazy: one record at a time, in constant memory.
 *
 * <p>It emits rows of {@link #OUT}, a union of row kinds: in {@link Mode#FINDINGS} mode, one
 * {@code finding} row per finding; in {@link Mode#SIDE} mode, one {@code rejection} row per
 * violation, one {@code reason} row per rejected input, and at the end of the partition its counts:
 * {@code cell} rows (findings per requirement, program, month and outcome) and {@code tally} rows
 * (lines, blank lines, inputs read, evaluated, rejected).
 *
 * <p>The partition's lines are preceded by one sentinel line that the reader rejects and that is
 * dropped: it keeps the reader in NDJSON mode (a partition that starts with {@code [} is not a JSON
 * array: only a whole file can be one, and spec-spark reads NDJSON only).
 */
final class PartitionEvaluator implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** What a pass emits. */
  enum Mode {
    /** Finding rows only. */
    FINDINGS,
    /** Rejections, rejection reasons and the partition's counts. */
    SIDE
  }

  /** Which model type the lines hold. */
  enum Input {
    /** {@link CaseRecord} lines. */
    CASE_RECORD("caseRecord"),
    /** {@link Program} lines. */
    PROGRAM("program");

    final String label;

    Input(String label) {
      this.label = label;
    }
  }

  static final String FINDING = "finding";
  static final String REJECTION = "rejection";
  static final String REASON = "reason";
  static final String CELL = "cell";
  static final String TALLY = "tally";
  /** The rejection's reason column (the finding's {@code reason} is another). */
  static final String REJECTION_REASON = "rejectionReason";

  /** Tally names (in the {@code path} column of a tally row; the count in {@code count}). */
  static final String LINES = "lines";
  static final String BLANK = "blank";
  static final String READ = "read";
  static final String EVALUATED = "evaluated";
  static final String REJECTED = "rejected";

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
  private static final int REQUIREMENT_ID = FINDING_OFFSET + Schemas.FINDING_FIELDS.fieldIndex("requirementId");
  private static final int PROGRAM_ID = FINDING_OFFSET + Schemas.FINDING_FIELDS.fieldIndex("programId");

  private final Parameters parameters;
  private final Input input;
  private final Mode mode;

  PartitionEvaluator(Parameters parameters, Input input, Mode mode) {
    this.parameters = parameters;
    this.input = input;
    this.mode = mode;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> lines) {
    return new Rows(lines);
  }

  /** The output rows of one partition, produced as they are pulled. */
  private final class Rows implements Iterator<Row> {
    private final Lines lines;
    private final RecordReader<?> reader;
    private final Engine engine = Engines.engine(parameters.engine());
    private final EvaluationContext ctx = parameters.context();
    private final ArrayDeque<Row> pending = new ArrayDeque<>();
    // (requirement, program, month) -> counts by outcome ordinal
    private final Map<List<String>, long[]> cells = new HashMap<>();
    private long read;
    private long evaluated;
    private long rejected;
    private boolean done;

    Rows(Iterator<Row> source) {
      this.lines = new Lines(source);
      Class<?> type = input == Input.PROGRAM ? Program.class : CaseRecord.class;
      this.reader = RecordReader.of(lines, type, Engines.validator(), parameters.maxRecordBytes());
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty() && !done) {
        step();
      }
      return !pending.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.poll();
    }

    private void step() {
      Optional<? extends RecordReader.Entry<?>> next = reader.next();
      if (next.isEmpty()) {
        done = true;
        lines.drain();
        if (mode == Mode.SIDE) {
          emitCounts();
        }
        return;
      }
      RecordReader.Entry<?> entry = next.get();
      if (entry.line() == 1) {
        return; // the sentinel
      }
      LineRef ref = lines.refOf(entry.line());
      read++;
      if (!entry.result().isValid()) {
        rejected++;
        List<Violation> violations = entry.result().violations();
        reject(ref, violations, AggregateJson.reason(violations, input == Input.PROGRAM));
        return;
      }
      Object value = entry.result().value().get();
      List<Finding> findings;
      try {
        findings = value instanceof CaseRecord r ? engine.evaluate(r, ctx) : engine.evaluate((Program) value, ctx);
      } catch (RuntimeException e) {
        // a failure outside any one requirement (each requirement's own failure is an ERROR finding)
        // as the command line counts it: rejected, under "internal error (Type)"
        rejected++;
        String what = input == Input.PROGRAM ? "program" : "record";
        reject(ref, List.of(Violation.of("$", "internal error while evaluating the " + what + " ("
            + e.getClass().getName() + "); the " + what + " was skipped. This is a perfspecs bug: please report it.")),
            (input == Input.PROGRAM ? "program: " : "") + "internal error (" + e.getClass().getSimpleName() + ")");
        return;
      }
      evaluated++;
      if (mode == Mode.FINDINGS) {
        for (Finding f : findings) {
          Object[] row = new Object[OUT.fields().length];
          row[0] = FINDING;
          row[1] = ref.file;
          row[2] = ref.line;
          JsonRows.fill(FindingJson.toNode(f), Schemas.FINDING_FIELDS, row, FINDING_OFFSET);
          pending.add(RowFactory.create(row));
        }
      } else {
        String month = value instanceof CaseRecord r ? Aggregate.admissionMonth(r) : Aggregate.UNKNOWN_MONTH;
        for (Finding f : findings) {
          String m = f.subjectKind() == Basis.EPISODE ? month : Aggregate.PROGRAM_LEVEL;
          cells.computeIfAbsent(List.of(f.requirementId(), f.programId(), m), k -> new long[Outcome.values().length])
              [f.outcome().ordinal()]++;
        }
      }
    }

    private void reject(LineRef ref, List<Violation> violations, String reason) {
      if (mode != Mode.SIDE) {
        return;
      }
      for (int i = 0; i < violations.size(); i++) {
        Object[] row = new Object[OUT.fields().length];
        row[0] = REJECTION;
        row[1] = ref.file;
        row[2] = ref.line;
        row[INPUT] = input.label;
        row[VIOLATION] = i;
        row[PATH] = violations.get(i).path();
        row[MESSAGE] = violations.get(i).message();
        row[REASON_COLUMN] = reason;
        pending.add(RowFactory.create(row));
      }
      Object[] row = new Object[OUT.fields().length];
      row[0] = REASON;
      row[INPUT] = input.label;
      row[REASON_COLUMN] = reason;
      row[COUNT] = 1L;
      pending.add(RowFactory.create(row));
    }

    private void emitCounts() {
      cells.forEach((key, counts) -> {
        Object[] row = new Object[OUT.fields().length];
        row[0] = CELL;
        row[INPUT] = input.label;
        row[REQUIREMENT_ID] = key.get(0);
        row[PROGRAM_ID] = key.get(1);
        row[MONTH] = key.get(2);
        for (int i = 0; i < counts.length; i++) {
          row[OUTCOMES + i] = counts[i];
        }
        pending.add(RowFactory.create(row));
      });
      tally(LINES, lines.count);
      tally(BLANK, lines.blank);
      tally(READ, read);
      tally(EVALUATED, evaluated);
      tally(REJECTED, rejected);
    }

    private void tally(String name, long n) {
      Object[] row = new Object[OUT.fields().length];
      row[0] = TALLY;
      row[INPUT] = input.label;
      row[PATH] = name;
      row[COUNT] = n;
      pending.add(RowFactory.create(row));
    }
  }

  /** Where a line came from. */
  private record LineRef(long streamLine, String file, long line) {}

  /**
   * The partition's lines as one stream of bytes for the reader: the sentinel line, then each
   * line's bytes and a line break (a UTF-8 byte-order mark at the start of a file's first line is
   * dropped, as the command line drops it). Remembers which stream line is which input line until
   * the reader has read it.
   */
  private static final class Lines extends InputStream {
    private static final byte[] SENTINEL = "0\n".getBytes(StandardCharsets.US_ASCII);

    private final Iterator<Row> source;
    private final ArrayDeque<LineRef> refs = new ArrayDeque<>();
    private byte[] current = SENTINEL;
    private int pos;
    private boolean breakPending;
    private long streamLine = 1;
    long count;
    long blank;

    Lines(Iterator<Row> source) {
      this.source = source;
    }

    /** The reference of stream line {@code n}; the lines before it that the reader skipped were blank. */
    LineRef refOf(long n) {
      while (true) {
        LineRef ref = refs.poll();
        if (ref == null) {
          throw new IllegalStateException("no input line " + n + " in this partition");
        }
        if (ref.streamLine() == n) {
          return ref;
        }
        blank++;
      }
    }

    /** At the end: every line not read as a record was blank. */
    void drain() {
      blank += refs.size();
      refs.clear();
    }

    private boolean advance() {
      if (!source.hasNext()) {
        return false;
      }
      Row row = source.next();
      String file = row.isNullAt(0) ? null : row.getString(0);
      long line = row.getLong(1);
      byte[] value = row.isNullAt(2) ? new byte[0] : (byte[]) row.get(2);
      int start = line == 1 && value.length >= 3 && value[0] == (byte) 0xEF && value[1] == (byte) 0xBB
          && value[2] == (byte) 0xBF ? 3 : 0;
      streamLine++;
      count++;
      refs.add(new LineRef(streamLine, file, line));
      current = value;
      pos = start;
      breakPending = true;
      return true;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      while (true) {
        if (pos < current.length) {
          int n = Math.min(len, current.length - pos);
          System.arraycopy(current, pos, b, off, n);
          pos += n;
          return n;
        }
        if (breakPending) {
          breakPending = false;
          b[off] = '\n';
          return 1;
        }
        if (current == SENTINEL) {
          current = new byte[0];
        }
        if (!advance()) {
          return -1;
        }
      }
    }

    @Override
    public void close() throws IOException {
      // the source iterator belongs to Spark
    }
  }
}
