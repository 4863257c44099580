package org.perfspecs.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.EpisodeIds;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Program;
import org.perfspecs.model.Violation;

/**
 * One pass over the program profiles and the case records: every valid record is evaluated, its
 * findings handed to a {@link FindingSink} and counted in an {@link Aggregate}; every rejected one
 * is reported on stderr (line number, JSON path, rule: never a value) and counted. Memory does not
 * grow with the input: findings are not kept.
 *
 * <p>Case records go through a {@link RecordPipeline} with {@code in.threads} threads: the calling
 * thread reads (frames), works on batches of records beside the pool's {@code in.threads - 1}
 * workers when it would otherwise wait, and does, in input order, everything that depends on order (counting
 * records, refusing repeated episode ids, the action lists, the sink's writing, stderr); the
 * workers parse, validate, evaluate, let the sink {@linkplain FindingSink#render render} (the
 * findings formats to UTF-8 bytes), hash the episode id ({@link EpisodeIds#hash}), count the
 * findings by outcome, pick those the action lists look at, and add the record's {@linkplain
 * Aggregate#delta aggregate delta} to an aggregate of their own thread, merged at the end (less the
 * records refused meanwhile), so that the ordered part touches few of a record's findings and
 * mostly copies bytes.
 * Records go to the threads in batches; at most {@link RecordPipeline#WINDOW_PER_THREAD} × threads
 * records (and {@link RecordPipeline#WINDOW_BYTES} of their input) are in flight, so the output
 * is the same as on one thread and memory stays bounded. Programs (few) are read on the calling
 * thread.
 */
final class Evaluation {
  /**
   * Where findings go, one subject (a program or an episode) at a time, in input order. With
   * several threads a sink may prepare its output on the worker that evaluated the record ({@link
   * #render}), and write it in order ({@link #record(CaseRecord, long, List, Object)}).
   */
  interface FindingSink {
    void program(Program program, List<Finding> findings);

    void record(CaseRecord record, long line, List<Finding> findings);

    /**
     * What {@link #record(CaseRecord, long, List, Object)} will write for this record, prepared on
     * a worker thread (so it must be thread-safe and touch no shared state); {@code null} (the
     * default) when the sink does its work in {@code record}. It may be called for a record that
     * is then refused (a duplicate episode id) or skipped (a failure of the aggregate): its result
     * is then dropped.
     */
    default Object render(CaseRecord record, long line, List<Finding> findings) {
      return null;
    }

    /**
     * Writes the findings of an evaluated record, in input order, on the thread that runs the
     * evaluation; {@code rendered} is what {@link #render} returned for them. The default calls
     * {@link #record(CaseRecord, long, List)}.
     */
    default void record(CaseRecord record, long line, List<Finding> findings, Object rendered) {
      record(record, line, findings);
    }
  }

  final EvaluationContext ctx;
  final org.perfspecs.checks.catalog.Catalog catalog;
  final Aggregate aggregate;
  final Map<String, Long> rejectedByReason = new TreeMap<>();
  final Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
  final String fileName;
  final String programsFileName;
  final ActionLists lists;
  long read;
  long evaluated;
  long rejected;
  long programsRead;
  long programsEvaluated;
  /** The ids of the programs read from {@code --programs}: an input format's programs of these ids are not evaluated. */
  final java.util.Set<String> programIds = new java.util.HashSet<>();
  /** Summary lines of an external input format (--from), printed after the record counts. */
  List<String> extraSummary = List.of();
  boolean inputProblem;
  /** Records and programs skipped because evaluating them failed (a perfspecs bug). */
  long internalErrors;
  Duration elapsed = Duration.ZERO;

  /** How a record or a program is judged: the engine, or a replacement in tests. */
  interface Judge {
    List<Finding> evaluate(CaseRecord record, EvaluationContext ctx);

    List<Finding> evaluate(Program program, EvaluationContext ctx);

    static Judge of(Engine engine) {
      return new Judge() {
        @Override
        public List<Finding> evaluate(CaseRecord record, EvaluationContext ctx) {
          return engine.evaluate(record, ctx);
        }

        @Override
        public List<Finding> evaluate(Program program, EvaluationContext ctx) {
          return engine.evaluate(program, ctx);
        }
      };
    }
  }

  private Evaluation(EvaluationContext ctx, org.perfspecs.checks.catalog.Catalog catalog, InputOptions in,
      ReportOptions report) {
    this(ctx, catalog, name(in.file), in.programs == null ? "" : name(in.programs), report);
  }

  private Evaluation(EvaluationContext ctx, org.perfspecs.checks.catalog.Catalog catalog, String fileName,
      String programsFileName, ReportOptions report) {
    this.ctx = ctx;
    this.lists = new ActionLists(report, ctx.asOf());
    this.catalog = catalog;
    this.aggregate = new Aggregate(catalog);
    this.fileName = fileName;
    this.programsFileName = programsFileName;
  }

  /** An evaluation with nothing counted yet, for a report built from figures made elsewhere (tests). */
  static Evaluation empty(EvaluationContext ctx, org.perfspecs.checks.catalog.Catalog catalog, String fileName,
      ReportOptions report) {
    return new Evaluation(ctx, catalog, fileName, "", report);
  }

  /**
   * An evaluation with nothing counted yet, for {@code aggregate.json} written from figures
   * gathered elsewhere ({@link AggregateJson}).
   */
  static Evaluation forFigures(EvaluationContext ctx, org.perfspecs.checks.catalog.Catalog catalog, String fileName,
      String programsFileName, ReportOptions report) {
    return new Evaluation(ctx, catalog, fileName, programsFileName, report);
  }

  private static String name(Path p) {
    return p.getFileName() == null ? p.toString() : p.getFileName().toString();
  }

  /** Evaluates the inputs of {@code in} as of {@code ctx}, reporting rejections on {@code err}. */
  static Evaluation run(InputOptions in, EvaluationContext ctx, FindingSink sink, PrintWriter err) {
    return run(in, new ReportOptions(), ctx, sink, err);
  }

  /** The same, collecting the report's action lists as {@code report} says. */
  static Evaluation run(InputOptions in, ReportOptions report, EvaluationContext ctx, FindingSink sink,
      PrintWriter err) {
    Engine engine = Engine.standard();
    return run(in, report, ctx, sink, err, engine.catalog(), Judge.of(engine));
  }

  /**
   * As {@link #run(InputOptions, EvaluationContext, FindingSink, PrintWriter)}, judging with
   * {@code judge}. A failure of {@code judge} or of the aggregate on one record or program skips
   * that one (reported, counted as rejected and as an internal error) and the run goes on.
   */
  static Evaluation run(InputOptions in, EvaluationContext ctx, FindingSink sink, PrintWriter err,
      org.perfspecs.checks.catalog.Catalog catalog, Judge judge) {
    return run(in, new ReportOptions(), ctx, sink, err, catalog, judge);
  }

  /** As above, collecting the report's action lists as {@code report} says. */
  static Evaluation run(InputOptions in, ReportOptions report, EvaluationContext ctx, FindingSink sink,
      PrintWriter err, org.perfspecs.checks.catalog.Catalog catalog, Judge judge) {
    long started = System.nanoTime();
    Evaluation ev = new Evaluation(ctx, catalog, in, report);
    ModelValidator validator = ModelValidator.create();

    if (in.programs != null) {
      try (InputStream s = Inputs.open(in.programs);
          RecordReader<Program> reader = RecordReader.of(s, Program.class, validator, in.maxRecordBytes)) {
        for (Optional<RecordReader.Entry<Program>> e = reader.next(); e.isPresent(); e = reader.next()) {
          var entry = e.get();
          ev.programsRead++;
          if (entry.result().isValid()) {
            Program p = entry.result().value().get();
            ev.programIds.add(p.id());
            List<Finding> findings;
            try {
              findings = judge.evaluate(p, ctx);
            } catch (RuntimeException ex) {
              ev.internalError(err, in.programs + " line " + entry.line(), "program", ex);
              continue;
            }
            ev.programsEvaluated++;
            sink.program(p, findings);
            findings.forEach(ev.aggregate::add);
            ev.lists.add(findings);
            ev.count(findings);
          } else {
            ev.inputProblem = true;
            ev.reject(err, in.programs + " line " + entry.line(), entry.result().violations(), "program: ");
          }
        }
      } catch (IOException | UncheckedIOException ex) {
        err.println(in.programs + ": cannot be read (" + describe(ex) + ")");
        ev.inputProblem = true;
      }
    }

    if (!Formats.PERFSPECS.equals(in.from)) {
      ExternalInput.read(in.format(), in, ev, judge, sink, err);
      ev.elapsed = Duration.ofNanos(System.nanoTime() - started);
      return ev;
    }
    EpisodeIds episodeIds = EpisodeIds.create();
    Counts counts = new Counts(ev.catalog);
    try (CountingInputStream counted = new CountingInputStream(Inputs.open(in.file));
        RecordReader<CaseRecord> reader = RecordReader.of(counted, CaseRecord.class, validator, in.maxRecordBytes);
        Progress progress = Progress.start(in.progress, err, "records", Progress.sizeOf(in.file))) {
      // workers: parse, validate, evaluate and render; this thread: everything that depends on order
      RecordPipeline.run(reader, in.threads, entry -> Judged.of(entry, judge, ctx, sink, counts), j -> {
        ev.ordered(j, episodeIds, counts, sink, err, in.file);
        progress.update(counted.count, ev.read);
      });
    } catch (IOException | UncheckedIOException ex) {
      err.println(in.file + ": cannot be read (" + describe(ex) + ")");
      ev.inputProblem = true;
    }
    // every record handed on (a failure to read is rethrown only after those read before it)
    counts.addTo(ev.aggregate);
    ev.elapsed = Duration.ofNanos(System.nanoTime() - started);
    return ev;
  }

  /**
   * The aggregate counts of a run's case records, kept by the threads that evaluate them: each
   * thread adds its records' {@linkplain Aggregate.Delta deltas} to an aggregate of its own, so that
   * the ordered stage does not (counts are sums: the order they are added in does not change them).
   * A record counted there and then refused in input order (its episode id seen before) is added
   * to {@link #refused} as well, and taken away at the end.
   */
  private static final class Counts {
    private final org.perfspecs.checks.catalog.Catalog catalog;
    private final List<Aggregate> perThread = new ArrayList<>();
    private final ThreadLocal<Aggregate> mine = ThreadLocal.withInitial(this::newOne);
    /** The deltas of records counted by a worker and then refused: only on the ordered thread. */
    private final Aggregate refused;

    Counts(org.perfspecs.checks.catalog.Catalog catalog) {
      this.catalog = catalog;
      this.refused = new Aggregate(catalog);
    }

    private Aggregate newOne() {
      Aggregate a = new Aggregate(catalog);
      synchronized (perThread) {
        perThread.add(a);
      }
      return a;
    }

    /** Counts a record's delta in the calling thread's aggregate (a worker's part). */
    void add(Aggregate.Delta delta) {
      mine.get().add(delta);
    }

    /** Takes back a record counted by {@link #add} (the ordered stage's part). */
    void refuse(Aggregate.Delta delta) {
      refused.add(delta);
    }

    /**
     * Adds what every thread counted, less what was refused, to {@code total}; once every record
     * is through the ordered stage (each batch's work happens-before its results are handed on).
     */
    void addTo(Aggregate total) {
      mine.remove(); // the calling thread outlives the run: no aggregate left behind in it
      synchronized (perThread) {
        perThread.forEach(total::merge);
        perThread.clear();
      }
      total.subtract(refused);
    }
  }

  /**
   * One case record after the workers' part: read (valid or rejected), and when valid its findings
   * (or the failure that stopped its evaluation), what it adds to the aggregate and the sink's
   * rendering of them; and the hash of its episode id. Everything here is worked out on a worker,
   * so that the ordered stage only applies it.
   */
  private static final class Judged {
    final RecordReader.Entry<CaseRecord> entry;
    /** {@link EpisodeIds#hash} of a valid record's episode id, else 0. */
    final long episodeHash;
    final List<Finding> findings;
    /** What a worker counted in its aggregate ({@link Counts#add}), or {@code null} when nothing. */
    final Aggregate.Delta delta;
    /** The findings of each outcome, by ordinal. */
    final int[] outcomes;
    /** The findings the action lists look at (NOT_MET and PENDING), in order. */
    final List<Finding> actionable;
    final RuntimeException failure;
    final Object rendered;
    final RuntimeException renderFailure;

    private Judged(RecordReader.Entry<CaseRecord> entry, long episodeHash, List<Finding> findings,
        Aggregate.Delta delta, RuntimeException failure, Object rendered, RuntimeException renderFailure) {
      this.entry = entry;
      this.episodeHash = episodeHash;
      this.findings = findings;
      this.delta = delta;
      this.failure = failure;
      this.rendered = rendered;
      this.renderFailure = renderFailure;
      if (findings == null) {
        this.outcomes = null;
        this.actionable = null;
      } else {
        int[] n = new int[OUTCOMES.length];
        List<Finding> act = null;
        for (Finding f : findings) {
          Outcome o = f.outcome();
          n[o.ordinal()]++;
          if (o == Outcome.NOT_MET || o == Outcome.PENDING) {
            if (act == null) {
              act = new ArrayList<>();
            }
            act.add(f);
          }
        }
        this.outcomes = n;
        this.actionable = act == null ? List.of() : act;
      }
    }

    /** Evaluates a valid record and renders its findings (a worker's part; thread-safe). */
    static Judged of(RecordReader.Entry<CaseRecord> entry, Judge judge, EvaluationContext ctx, FindingSink sink,
        Counts counts) {
      Optional<CaseRecord> record = entry.result().value();
      if (!entry.result().isValid() || record.isEmpty()) {
        return new Judged(entry, 0, null, null, null, null, null);
      }
      long hash = EpisodeIds.hash(record.get().episode().id());
      List<Finding> findings;
      Aggregate.Delta delta;
      try {
        findings = judge.evaluate(record.get(), ctx);
        delta = Aggregate.delta(record.get(), findings);
        counts.add(delta);
      } catch (RuntimeException ex) {
        // reported in order, as a failure of the evaluation or of the aggregate would be
        return new Judged(entry, hash, null, null, ex, null, null);
      }
      try {
        return new Judged(entry, hash, findings, delta, null, sink.render(record.get(), entry.line(), findings), null);
      } catch (RuntimeException ex) {
        // thrown where the sequential run would throw it: when the sink writes this record
        return new Judged(entry, hash, findings, delta, null, null, ex);
      }
    }
  }

  /**
   * The ordered part of one case record, in input order: counted, refused when its episode id was
   * seen before (whether or not a worker evaluated it; then taken back from the aggregate if its
   * worker counted it), reported when rejected or when its evaluation failed, else added to the
   * action lists and handed to the sink (its worker counted it in the aggregate).
   */
  private void ordered(Judged j, EpisodeIds episodeIds, Counts counts, FindingSink sink, PrintWriter err, Path file) {
    var entry = j.entry;
    read++;
    Optional<Violation> duplicate = j.episodeHash == 0 ? Optional.empty() : episodeIds.duplicate(j.episodeHash, entry.line());
    if (duplicate.isPresent()) {
      if (j.failure == null && j.delta != null) {
        counts.refuse(j.delta); // counted by its worker: taken back
      }
      rejected++;
      inputProblem = true;
      reject(err, file + " line " + entry.line(), List.of(duplicate.get()), "");
    } else if (entry.result().isValid()) {
      CaseRecord record = entry.result().value().get();
      if (j.failure != null) {
        rejected++;
        internalError(err, file + " line " + entry.line(), "record", j.failure);
        return;
      }
      evaluated++;
      if (j.renderFailure != null) {
        throw j.renderFailure;
      }
      sink.record(record, entry.line(), j.findings, j.rendered);
      lists.add(j.actionable);
      count(j.outcomes);
    } else {
      rejected++;
      inputProblem = true;
      reject(err, file + " line " + entry.line(), entry.result().violations(), "");
    }
  }

  /**
   * Whether the case-record file (or the programs file) is missing or unreadable, said on {@code
   * err} as {@code FILE: cannot be read (no such file)}: the caller then reports nothing else and
   * exits with {@link ExitCodes#INPUT_REJECTED}. Standard input ({@code -}) is always readable.
   */
  static boolean unreadable(InputOptions in, PrintWriter err) {
    boolean bad = false;
    for (Path p : new Path[] {in.programs, in.file}) {
      if (p == null || p.toString().equals("-")) {
        continue;
      }
      boolean directoryAllowed = p == in.file && !Formats.PERFSPECS.equals(in.from);
      String why = java.nio.file.Files.isDirectory(p) && !directoryAllowed ? "a directory" : !java.nio.file.Files.exists(p) ? "no such file"
          : !java.nio.file.Files.isReadable(p) ? "permission denied" : null;
      if (why != null) {
        err.println(p + ": cannot be read (" + why + ")");
        bad = true;
      }
    }
    return bad;
  }

  private final long[] outcomeCounts = new long[Outcome.values().length];

  private static final Outcome[] OUTCOMES = Outcome.values();

  void count(List<Finding> findings) {
    for (Finding f : findings) {
      outcomeCounts[f.outcome().ordinal()]++;
    }
    syncByOutcome();
  }

  /** Counts a record's findings, given as a count per outcome ordinal. */
  private void count(int[] perOutcome) {
    for (int i = 0; i < perOutcome.length; i++) {
      outcomeCounts[i] += perOutcome[i];
    }
    syncByOutcome();
  }

  private void syncByOutcome() {
    for (Outcome o : OUTCOMES) {
      if (outcomeCounts[o.ordinal()] > 0) {
        byOutcome.put(o, outcomeCounts[o.ordinal()]);
      }
    }
  }

  /**
   * A failure while judging one record or program: reported with the exception's type and where
   * it was thrown (never its message, which may quote a value), counted under its reason.
   */
  void internalError(PrintWriter err, String where, String what, RuntimeException ex) {
    internalErrors++;
    StackTraceElement top = ex.getStackTrace().length == 0 ? null : ex.getStackTrace()[0];
    err.println(where + ": internal error while evaluating the " + what + " (" + ex.getClass().getName()
        + (top == null ? "" : " at " + top.getClassName() + "." + top.getMethodName() + ":" + top.getLineNumber())
        + "); the " + what + " was skipped. This is a perfspecs bug: please report it.");
    rejectedByReason.merge(internalErrorReason(what.equals("program"), ex), 1L, Long::sum);
  }

  private void reject(PrintWriter err, String where, List<Violation> violations, String prefix) {
    for (Violation v : violations) {
      err.println(where + ": " + v.path() + ": " + v.message());
    }
    rejectedByReason.merge(reason(violations, prefix), 1L, Long::sum);
  }

  /**
   * The reason a rejected input counts under: {@code prefix}, then its first violation without
   * positions and sizes, so that one kind of problem is counted once.
   */
  static String reason(List<Violation> violations, String prefix) {
    Violation first = violations.get(0);
    return prefix + first.path().replaceAll("\\[\\d+]", "[]") + " "
        + first.message().replaceAll(" \\([^)]*\\d[^)]*\\)", "");
  }

  /**
   * The reason an input skipped by an internal error counts under: {@code internal error (Type)},
   * after {@code program: } for a program.
   */
  static String internalErrorReason(boolean program, RuntimeException ex) {
    return (program ? "program: " : "") + "internal error (" + ex.getClass().getSimpleName() + ")";
  }

  private static String describe(Exception ex) {
    Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    if (cause instanceof java.nio.charset.CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (cause instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (cause instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return cause.getClass().getSimpleName();
  }

  /** Internal errors: records and programs skipped by a failure, plus ERROR findings. */
  long internalErrorCount() {
    return internalErrors + byOutcome.getOrDefault(Outcome.ERROR, 0L);
  }

  /**
   * The exit code: 4 when any internal error happened (a record or program skipped by a failure,
   * or an ERROR finding), else 2 when input was rejected, else 1 when a finding has an outcome of
   * {@code failOn}, else 0.
   */
  int exitCode(java.util.Set<Outcome> failOn) {
    if (internalErrorCount() > 0) {
      return ExitCodes.INTERNAL;
    }
    if (inputProblem) {
      return ExitCodes.INPUT_REJECTED;
    }
    return byOutcome.keySet().stream().anyMatch(failOn::contains) ? ExitCodes.FAIL_ON : ExitCodes.CLEAN;
  }

  /** Total findings. */
  long findings() {
    return byOutcome.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The closing summary: records read, evaluated and rejected (by reason), programs, findings by
   * outcome, and the elapsed time (the one line that differs between two runs over the same input).
   */
  void printSummary(PrintWriter w) {
    w.println();
    w.println("Summary (as of " + ctx.asOf() + ")");
    w.println("  records read: " + read + ", evaluated: " + evaluated + ", rejected: " + rejected
        + "; programs evaluated: " + programsEvaluated);
    rejectedByReason.forEach((reason, n) -> w.println("  rejected " + n + ": " + reason));
    extraSummary.forEach(line -> w.println("  " + line));
    List<String> parts = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      parts.add(o + " " + byOutcome.getOrDefault(o, 0L));
    }
    w.println("  findings: " + findings() + " (" + String.join(", ", parts) + ")");
    if (internalErrorCount() > 0) {
      w.println("  internal errors: " + internalErrorCount() + " (" + internalErrors + " skipped, "
          + byOutcome.getOrDefault(Outcome.ERROR, 0L) + " ERROR findings): perfspecs bugs, please report them");
    }
    printElapsed(w);
  }

  /**
   * {@code elapsed: 12.3 s (81300 records/s)}; the rate only when it means something (a run of at
   * least a second and 100 records), otherwise {@code elapsed: 0.2 s}.
   */
  private void printElapsed(PrintWriter w) {
    double seconds = elapsed.toNanos() / 1e9;
    String rate = seconds >= 1 && read >= 100 ? String.format(Locale.ROOT, " (%.0f records/s)", read / seconds) : "";
    w.println(String.format(Locale.ROOT, "  elapsed: %.1f s%s", seconds, rate));
  }

  /** Counts the bytes read, for the progress bar. */
  private static final class CountingInputStream extends FilterInputStream {
    volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
