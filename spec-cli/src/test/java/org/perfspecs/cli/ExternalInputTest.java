package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.cli.spi.InputFormat;
import org.perfspecs.cli.spi.RecordSource;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Program;

/**
 * {@code --from NAME} through a real {@link InputFormat} of the tests ({@link Scripted}) whose
 * source, programs, summary or closing throws at chosen points, and sinks that fail: every entry is
 * counted as evaluated or rejected, the run goes on, no exception message (which may quote member
 * data) is written, and the exit code is 4.
 */
class ExternalInputTest {
  static final String CANARY = "Quillon Zebedee";
  static final EvaluationContext CTX = EvaluationContext.asOf(Instant.parse("2024-06-03T16:00:00Z"));
  static final Engine ENGINE = Engine.standard();
  static List<CaseRecord> records;
  static List<Program> programs;

  @BeforeAll
  static void samples() throws IOException {
    records = read(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson"), CaseRecord.class);
    programs = read(Path.of(ReportCommandTest.SAMPLES, "programs.json"), Program.class);
    assertThat(records).hasSizeGreaterThan(3);
    assertThat(programs).isNotEmpty();
  }

  private static <T> List<T> read(Path file, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file);
        RecordReader<T> reader = RecordReader.of(in, type, ModelValidator.create())) {
      for (Optional<RecordReader.Entry<T>> e = reader.next(); e.isPresent(); e = reader.next()) {
        e.get().result().value().ifPresent(out::add);
      }
    }
    return out;
  }

  /** What the source does at one call of {@code next()}. */
  sealed interface Step {}

  record Give(CaseRecord record, String where) implements Step {}

  record Reject(String where, String problem) implements Step {}

  /** Throws once (the source has advanced past it). */
  record Fail() implements Step {}

  /** Throws at this call and at every call after it: the source cannot advance. */
  record Stuck() implements Step {}

  /** An input format whose source plays {@code steps}, then its programs and summary, each of which may throw. */
  static final class Scripted implements InputFormat {
    final List<Step> steps;
    boolean programsThrow;
    boolean summaryThrows;
    boolean closeThrows;
    boolean openThrows;
    int nextCalls;
    boolean closed;

    Scripted(List<Step> steps) {
      this.steps = steps;
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public RecordSource open(Path path) {
      if (openThrows) {
        throw new IllegalStateException("cannot open " + CANARY);
      }
      return new RecordSource() {
        int at;

        @Override
        public Optional<Entry> next() {
          nextCalls++;
          if (at >= steps.size()) {
            return Optional.empty();
          }
          Step step = steps.get(at);
          if (!(step instanceof Stuck)) {
            at++;
          }
          if (step instanceof Give g) {
            return Optional.of(Entry.record(g.where(), 0, g.record()));
          }
          if (step instanceof Reject r) {
            return Optional.of(Entry.rejected(r.where(), 0, List.of(r.problem())));
          }
          throw new IllegalStateException("a source bug near " + CANARY);
        }

        @Override
        public List<Program> programs() {
          if (programsThrow) {
            throw new ArrayIndexOutOfBoundsException("programs of " + CANARY);
          }
          return programs;
        }

        @Override
        public List<String> summary() {
          if (summaryThrows) {
            throw new NullPointerException("summary of " + CANARY);
          }
          return List.of("  scripted steps: " + steps.size());
        }

        @Override
        public void close() {
          closed = true;
          if (closeThrows) {
            throw new IllegalArgumentException("closing " + CANARY);
          }
        }
      };
    }
  }

  /** A sink that keeps the episode ids it was given, and whose rendering fails for one episode. */
  static class Seen implements Evaluation.FindingSink {
    final List<String> episodes = new ArrayList<>();
    final List<String> programIds = new ArrayList<>();
    final String failOn;

    Seen(String failOn) {
      this.failOn = failOn;
    }

    @Override
    public void program(Program program, List<Finding> findings) {
      programIds.add(program.id());
    }

    @Override
    public Object render(CaseRecord record, long line, List<Finding> findings) {
      if (record.episode().id().equals(failOn)) {
        throw new IllegalStateException("cannot render " + CANARY);
      }
      return record.episode().id();
    }

    @Override
    public void record(CaseRecord record, long line, List<Finding> findings) {
      episodes.add(record.episode().id());
    }
  }

  /** A run: the evaluation, stderr and the summary. */
  record Run(Evaluation ev, String err, String summary) {}

  static Run run(Scripted format, Evaluation.FindingSink sink) {
    InputOptions in = new InputOptions();
    in.file = Path.of("scripted.input");
    in.progress = false;
    Evaluation ev = Evaluation.forFigures(CTX, ENGINE.catalog(), "scripted.input", "", new ReportOptions());
    StringWriter err = new StringWriter();
    ExternalInput.read(format, in, ev, Evaluation.Judge.of(ENGINE), sink, new PrintWriter(err, true));
    StringWriter summary = new StringWriter();
    ev.printSummary(new PrintWriter(summary, true));
    assertThat(ev.read).as("read = evaluated + rejected").isEqualTo(ev.evaluated + ev.rejected);
    assertThat(err.toString() + summary).doesNotContain(CANARY).doesNotContain("\tat ");
    return new Run(ev, err.toString(), summary.toString());
  }

  static Give give(int i) {
    return new Give(records.get(i), "in line " + (i + 1));
  }

  @Test
  void aFailureOfTheSourceSkipsOneEntryAndReadingGoesOn() {
    Scripted format = new Scripted(List.of(give(0), new Fail(), give(1), new Reject("in line 9", "$.x: is wrong"), give(2)));
    Seen sink = new Seen("");
    Run run = run(format, sink);
    assertThat(run.ev.read).isEqualTo(5);
    assertThat(run.ev.evaluated).isEqualTo(3);
    assertThat(run.ev.rejected).isEqualTo(2);
    assertThat(run.ev.exitCode(Set.of())).isEqualTo(ExitCodes.INTERNAL);
    assertThat(sink.episodes).containsExactly(records.get(0).episode().id(), records.get(1).episode().id(),
        records.get(2).episode().id());
    assertThat(run.err).contains("scripted.input entry 2: internal error while reading it as scripted "
        + "(java.lang.IllegalStateException at ").contains("the entry was skipped")
        .contains("in line 9: $.x: is wrong");
    assertThat(run.summary).contains("records read: 5, evaluated: 3, rejected: 2")
        .contains("rejected 1: internal error (IllegalStateException)").contains("rejected 1: scripted: $.x: is wrong")
        .contains("scripted steps: 5");
    // programs are still asked for and evaluated, and the source is closed
    assertThat(sink.programIds).hasSize(programs.size());
    assertThat(format.closed).isTrue();
  }

  @Test
  void aSourceThatKeepsFailingIsNotReadForEver() {
    Scripted format = new Scripted(List.of(give(0), new Fail(), give(1), new Stuck(), give(2)));
    Seen sink = new Seen("");
    Run run = run(format, sink);
    int failures = 1 + ExternalInput.MAX_CONSECUTIVE_FAILURES;
    assertThat(format.nextCalls).isEqualTo(2 + failures);
    assertThat(run.ev.read).isEqualTo(2 + failures);
    assertThat(run.ev.evaluated).isEqualTo(2);
    assertThat(run.ev.rejected).isEqualTo(failures);
    assertThat(run.ev.exitCode(Set.of())).isEqualTo(ExitCodes.INTERNAL);
    assertThat(run.err).contains("scripted.input: reading stopped after " + ExternalInput.MAX_CONSECUTIVE_FAILURES
        + " failures in a row of the scripted input (it does not advance); " + (2 + failures) + " records read");
    assertThat(run.summary).contains("rejected " + failures + ": internal error (IllegalStateException)");
    assertThat(sink.programIds).hasSize(programs.size());
    assertThat(format.closed).isTrue();
  }

  @Test
  void aRecordWhoseFindingsCannotBeRenderedIsSkipped() {
    String bad = records.get(1).episode().id();
    Seen sink = new Seen(bad);
    Run run = run(new Scripted(List.of(give(0), give(1), give(2))), sink);
    assertThat(run.ev.read).isEqualTo(3);
    assertThat(run.ev.evaluated).isEqualTo(2);
    assertThat(run.ev.rejected).isEqualTo(1);
    assertThat(sink.episodes).doesNotContain(bad).hasSize(2);
    assertThat(run.err).contains("in line 2: internal error while evaluating the record (java.lang.IllegalStateException at ");
    assertThat(run.ev.exitCode(Set.of())).isEqualTo(ExitCodes.INTERNAL);
    // the skipped record adds nothing to the aggregate: it matches a run over the other two alone
    Run two = run(new Scripted(List.of(give(0), give(2))), new Seen(""));
    assertThat(rows(run.ev)).isEqualTo(rows(two.ev));
    assertThat(run.ev.aggregate.episodesByMonth()).isEqualTo(two.ev.aggregate.episodesByMonth());
  }

  private static List<String> rows(Evaluation ev) {
    return ev.aggregate.rows().stream().map(r -> r.level() + " " + r.key() + " " + r.counts()).toList();
  }

  @Test
  void aSinkThatFailsWhileWritingARecordSkipsIt() {
    String bad = records.get(0).episode().id();
    List<String> written = new ArrayList<>();
    Evaluation.FindingSink sink = new Evaluation.FindingSink() {
      @Override
      public void program(Program program, List<Finding> findings) {}

      @Override
      public void record(CaseRecord record, long line, List<Finding> findings) {
        if (record.episode().id().equals(bad)) {
          throw new ClassCastException(CANARY);
        }
        written.add(record.episode().id());
      }
    };
    Run run = run(new Scripted(List.of(give(0), give(1))), sink);
    assertThat(run.ev.evaluated).isEqualTo(1);
    assertThat(run.ev.rejected).isEqualTo(1);
    assertThat(written).containsExactly(records.get(1).episode().id());
    assertThat(run.summary).contains("rejected 1: internal error (ClassCastException)");
  }

  @Test
  void anOutputThatCannotBeWrittenStopsTheCommandAsOnTheNdjsonPath() {
    Evaluation.FindingSink sink = new Evaluation.FindingSink() {
      @Override
      public void program(Program program, List<Finding> findings) {}

      @Override
      public void record(CaseRecord record, long line, List<Finding> findings) {
        throw new UncheckedIOException(new IOException("disk full"));
      }
    };
    Scripted format = new Scripted(List.of(give(0), give(1)));
    InputOptions in = new InputOptions();
    in.file = Path.of("scripted.input");
    Evaluation ev = Evaluation.forFigures(CTX, ENGINE.catalog(), "scripted.input", "", new ReportOptions());
    assertThatThrownBy(() -> ExternalInput.read(format, in, ev, Evaluation.Judge.of(ENGINE), sink,
        new PrintWriter(new StringWriter()))).isInstanceOf(UncheckedIOException.class);
    assertThat(format.closed).isTrue();
  }

  @Test
  void failingProgramsSummaryAndCloseAreReportedAndTheRecordsStillCount() {
    Scripted format = new Scripted(List.of(give(0), give(1), new Fail()));
    format.programsThrow = true;
    format.summaryThrows = true;
    format.closeThrows = true;
    Seen sink = new Seen("");
    Run run = run(format, sink);
    assertThat(run.ev.read).isEqualTo(3);
    assertThat(run.ev.evaluated).isEqualTo(2);
    assertThat(run.ev.programsRead).isZero();
    assertThat(sink.programIds).isEmpty();
    assertThat(run.ev.extraSummary).isEmpty();
    assertThat(run.ev.internalErrors).isEqualTo(4);
    assertThat(run.ev.exitCode(Set.of())).isEqualTo(ExitCodes.INTERNAL);
    assertThat(run.err)
        .contains("scripted programs: internal error while reading them (java.lang.ArrayIndexOutOfBoundsException at ")
        .contains("scripted.input: internal error while summing up the scripted input (java.lang.NullPointerException at ")
        .contains("scripted.input: internal error while closing the scripted input (java.lang.IllegalArgumentException at ");
    assertThat(run.summary).contains("rejected 1: program: internal error (ArrayIndexOutOfBoundsException)");
  }

  @Test
  void aFormatThatFailsToOpenReadsNothingAndExitsWith4() {
    Scripted format = new Scripted(List.of(give(0)));
    format.openThrows = true;
    Run run = run(format, new Seen(""));
    assertThat(run.ev.read).isZero();
    assertThat(run.ev.exitCode(Set.of())).isEqualTo(ExitCodes.INTERNAL);
    assertThat(run.err).contains("scripted.input: internal error while opening it as scripted (java.lang.IllegalStateException at ")
        .contains("nothing was read from it");
  }

  @Test
  void aFailureOfPerfspecsOwnFormatIsCalledAPerfspecsBug() {
    Scripted format = new Scripted(List.of(give(0)));
    format.openThrows = true;
    assertThat(run(format, new Seen("")).err).contains("This is a perfspecs bug: please report it.")
        .doesNotContain("its authors");
  }

  @Test
  void aFailureOfAnotherJarsFormatNamesTheFormatAndItsAuthors() {
    InputOptions in = new InputOptions();
    in.file = Path.of("broken.input");
    in.progress = false;
    Evaluation ev = Evaluation.forFigures(CTX, ENGINE.catalog(), "broken.input", "", new ReportOptions());
    StringWriter err = new StringWriter();
    ExternalInput.read(new com.example.thirdparty.BrokenFormat(), in, ev, Evaluation.Judge.of(ENGINE), new Seen(""),
        new PrintWriter(err, true));
    assertThat(ev.read).isZero();
    assertThat(ev.internalErrors).isEqualTo(1);
    assertThat(err.toString())
        .contains("broken.input: internal error while opening it as broken (java.lang.IllegalStateException at "
            + "com.example.thirdparty.BrokenFormat.open:")
        .contains("This is a bug in the broken input format (com.example.thirdparty.BrokenFormat): please report it"
            + " to its authors.")
        .doesNotContain("perfspecs bug").doesNotContain("a bug of this format's authors").doesNotContain("\tat ");
  }

  @Test
  void anEntryWithoutAPlaceIsNamedByItsNumber() {
    Engine engine = ENGINE;
    Evaluation.Judge failing = new Evaluation.Judge() {
      @Override
      public List<Finding> evaluate(CaseRecord record, EvaluationContext ctx) {
        throw new IllegalStateException(CANARY);
      }

      @Override
      public List<Finding> evaluate(Program program, EvaluationContext ctx) {
        return engine.evaluate(program, ctx);
      }
    };
    InputOptions in = new InputOptions();
    in.file = Path.of("scripted.input");
    Evaluation ev = Evaluation.forFigures(CTX, ENGINE.catalog(), "scripted.input", "", new ReportOptions());
    StringWriter err = new StringWriter();
    ExternalInput.read(new Scripted(List.of(give(0), new Give(records.get(1), ""))), in, ev, failing, new Seen(""),
        new PrintWriter(err, true));
    assertThat(ev.rejected).isEqualTo(2);
    assertThat(err.toString()).contains("in line 1: internal error while evaluating the record")
        .contains("scripted.input entry 2: internal error while evaluating the record").doesNotContain(CANARY);
  }
}
