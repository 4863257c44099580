package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Program;
import org.perfspecs.testkit.GenerateRecords;
import org.perfspecs.testkit.TypicalRecords;

/**
 * {@code --threads}: the output of {@code check}, {@code report} and {@code validate} is the same
 * byte for byte with one thread and with several, with rejected records, duplicate episode ids and
 * internal errors interleaved with good records; and the pipeline keeps its order and its bound.
 */
class ThreadsTest {
  static final String AS_OF = "2024-06-03T12:00:00-04:00";

  @TempDir
  static Path dir;

  static Path ndjson;
  static Path array;
  static Path programs;

  /**
   * 60 generated records with, interleaved: not JSON, a validation failure, bytes that are not
   * UTF-8, blank lines, two duplicates of earlier records (one of them of a rejected record's id
   * would not count: only valid records claim an id) and a sample record.
   */
  @BeforeAll
  static void input() throws IOException {
    ByteArrayOutputStream generated = new ByteArrayOutputStream();
    GenerateRecords.write(60, 7, generated);
    List<String> lines = new ArrayList<>(List.of(generated.toString(StandardCharsets.UTF_8).split("\n")));
    String invalid = lines.get(5).replaceFirst("\"admittedAt\": ?\"[^\"]+\"", "\"admittedAt\": \"yesterday\"");
    List<String> mixed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      mixed.add(lines.get(i));
      switch (i) {
        case 2 -> mixed.add("{not json");
        case 6 -> mixed.add(invalid);
        case 9 -> mixed.add(lines.get(3)); // a duplicate of an earlier record
        case 20 -> mixed.add("   ");
        case 30 -> mixed.add("[1, 2]");
        case 41 -> mixed.add(lines.get(40)); // a duplicate of the line just before
        case 50 -> mixed.add("{\"member\": 3}");
        default -> { }
      }
    }
    mixed.add(Files.readAllLines(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson")).get(0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < mixed.size(); i++) {
      bytes.write(mixed.get(i).getBytes(StandardCharsets.UTF_8));
      bytes.write('\n');
      if (i == 33) {
        bytes.write(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'}); // not UTF-8
      }
    }
    ndjson = Files.write(dir.resolve("mixed.ndjson"), bytes.toByteArray());
    array = Files.writeString(dir.resolve("mixed.json"), "[\n" + String.join(",\n", mixed.subList(0, 25)) + "\n]\n");
    programs = Path.of(ReportCommandTest.SAMPLES, "programs.json");
    assertThat(programs).exists();
  }

  /** stdout, stderr and exit code, without the elapsed time (the one line that differs between runs). */
  private static String run(String... args) {
    CliRun run = CliRun.of(args);
    return "exit " + run.exitCode + "\n--- out\n" + withoutElapsed(run.out) + "\n--- err\n" + withoutElapsed(run.err);
  }

  private static String withoutElapsed(String s) {
    return s.replaceAll("(?m)^  elapsed: .*$", "  elapsed: -");
  }

  private static String[] with(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private static void sameWithOneAndFourThreads(String... args) {
    String one = run(with(args, "--threads", "1"));
    String four = run(with(args, "--threads", "4"));
    assertThat(four).isEqualTo(one);
  }

  @Test
  void checkWritesTheSameFindingsSummaryRejectionsAndExitCodeWithAnyNumberOfThreads() {
    for (String format : List.of("json", "csv", "text")) {
      sameWithOneAndFourThreads("check", ndjson.toString(), "--as-of", AS_OF, "--format", format,
          "--programs", programs.toString());
    }
    sameWithOneAndFourThreads("check", array.toString(), "--as-of", AS_OF, "--format", "json");
    sameWithOneAndFourThreads("check", ndjson.toString(), "--as-of", AS_OF, "--format", "csv", "--only",
        "NOT_MET,PENDING", "--with-citations", "--fail-on", "NOT_MET");
    String text = run("check", ndjson.toString(), "--as-of", AS_OF, "--threads", "3");
    assertThat(text).contains("exit 2").contains("mixed.ndjson line 13: $.episode.id: is the episode id of an "
        + "earlier record (line 5)").contains("records read: 68, evaluated: 61, rejected: 7");
  }

  /**
   * On the real standard output ({@link Stdout}, findings copied as bytes rendered on the workers)
   * stdout is byte for byte what a writer over characters gets, with one thread and with four.
   */
  @Test
  void findingsRenderedToBytesOnTheWorkersAreTheSameOnStdout() {
    // and through PerfspecsCommand.run(OutputStream, ...), which writes them the same way
    for (String format : List.of("json", "csv", "text")) {
      String[] args = {"check", ndjson.toString(), "--as-of", AS_OF, "--format", format, "--programs",
          programs.toString(), "--with-citations"};
      String chars = CliRun.of(with(args, "--threads", "1")).out;
      for (String threads : List.of("1", "4")) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Stdout out = Stdout.of(bytes);
        int code = PerfspecsCommand.run(out, new PrintWriter(new StringWriter(), true), with(args, "--threads", threads));
        out.flush();
        assertThat(code).isEqualTo(2);
        // the public way to the same bytes: an OutputStream, flushed and left open
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        ByteArrayOutputStream viaStream = new ByteArrayOutputStream() {
          @Override
          public void close() {
            closed.set(true);
          }
        };
        assertThat(PerfspecsCommand.run(viaStream, new PrintWriter(new StringWriter(), true),
            with(args, "--threads", threads))).isEqualTo(2);
        assertThat(closed).isFalse();
        assertThat(withoutElapsed(viaStream.toString(StandardCharsets.UTF_8)))
            .isEqualTo(withoutElapsed(bytes.toString(StandardCharsets.UTF_8)));
        if (format.equals("text")) { // the summary, with its elapsed time, is on stdout
          assertThat(withoutElapsed(bytes.toString(StandardCharsets.UTF_8))).as(format + " on " + threads + " threads")
              .isEqualTo(withoutElapsed(chars));
        } else {
          assertThat(bytes.toByteArray()).as(format + " on " + threads + " threads")
              .isEqualTo(chars.getBytes(StandardCharsets.UTF_8));
        }
      }
      assertThat(chars).as(format).hasSizeGreaterThan(10_000);
    }
  }

  @Test
  void checkWritesTheSameFilesIntoADirectoryWithAnyNumberOfThreads() throws IOException {
    String one = run("check", ndjson.toString(), "--as-of", AS_OF, "--output", dir.resolve("one").toString(),
        "--threads", "1", "--programs", programs.toString()).replace("/one/", "/X/");
    String four = run("check", ndjson.toString(), "--as-of", AS_OF, "--output", dir.resolve("four").toString(),
        "--threads", "4", "--programs", programs.toString()).replace("/four/", "/X/");
    assertThat(four).isEqualTo(one);
    try (Stream<Path> files = Files.list(dir.resolve("one"))) {
      List<Path> written = files.toList();
      assertThat(written).hasSize(5);
      for (Path f : written) {
        assertThat(Files.readAllBytes(dir.resolve("four").resolve(f.getFileName())))
            .as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  void reportAndValidateAreTheSameWithAnyNumberOfThreads() {
    for (String format : List.of("json", "csv", "html")) {
      sameWithOneAndFourThreads("report", ndjson.toString(), "--as-of", AS_OF, "--format", format, "-o", "-");
    }
    sameWithOneAndFourThreads("validate", ndjson.toString());
    sameWithOneAndFourThreads("validate", array.toString());
    String two = run("validate", ndjson.toString(), "--threads", "2");
    assertThat(two).isEqualTo(run("validate", ndjson.toString(), "--threads", "1"))
        .contains("records read: 68, valid: 61, rejected: 7");
  }

  @Test
  void aNumberOfThreadsBelowOneIsAUsageError() {
    CliRun run = CliRun.of("check", ndjson.toString(), "--as-of", AS_OF, "--threads", "0");
    assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err).contains("the number of threads must be between 1 and 1024");
    assertThat(CliRun.of("validate", ndjson.toString(), "--threads", "x").exitCode).isEqualTo(ExitCodes.USAGE);
  }

  /** Internal errors (a judge that fails on some records) interleaved: reported and counted in order. */
  @Test
  void internalErrorsInterleavedAreReportedInOrderWithAnyNumberOfThreads() {
    String one = evaluateWithFailures(ndjson, 1);
    assertThat(one).contains("internal error while evaluating the record (java.lang.IllegalStateException at ")
        .contains("internal errors: ");
    assertThat(evaluateWithFailures(ndjson, 4)).isEqualTo(one);
    assertThat(evaluateWithFailures(ndjson, 2)).isEqualTo(one);
  }

  /**
   * What an evaluation of {@code file} on {@code threads} writes (each record's line, finding count
   * and rendered JSON length, in order), reports on stderr, sums up and aggregates, with a judge
   * that fails on about one record in five.
   */
  static String evaluateWithFailures(Path file, int threads) {
    Engine engine = Engine.standard();
    Evaluation.Judge judge = new Evaluation.Judge() {
      @Override
      public List<Finding> evaluate(CaseRecord record, EvaluationContext ctx) {
        if (Math.floorMod(record.episode().id().hashCode(), 5) == 0) {
          throw new IllegalStateException("a bug");
        }
        return engine.evaluate(record, ctx);
      }

      @Override
      public List<Finding> evaluate(Program program, EvaluationContext ctx) {
        return engine.evaluate(program, ctx);
      }
    };
    InputOptions in = new InputOptions();
    in.file = file;
    in.progress = false;
    in.threads = threads;
    StringWriter err = new StringWriter();
    StringBuilder written = new StringBuilder();
    Evaluation ev = Evaluation.run(in, EvaluationContext.asOf(TypicalRecords.AS_OF), new Evaluation.FindingSink() {
      @Override
      public void program(Program program, List<Finding> findings) {}

      @Override
      public void record(CaseRecord record, long line, List<Finding> findings) {
        written.append(render(record, line, findings));
      }

      @Override
      public String render(CaseRecord record, long line, List<Finding> findings) {
        return line + " " + findings.size() + " " + FindingOutput.jsonLines(findings,
            java.util.EnumSet.allOf(org.perfspecs.checks.Outcome.class), false).length() + "\n";
      }

      @Override
      public void record(CaseRecord record, long line, List<Finding> findings, Object rendered) {
        written.append(rendered);
      }
    }, new PrintWriter(err, true), engine.catalog(), judge);
    StringWriter summary = new StringWriter();
    ev.printSummary(new PrintWriter(summary, true));
    StringWriter aggregate = new StringWriter();
    try {
      ReportFiles.json.write(ev, aggregate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(ev.read).isEqualTo(ev.evaluated + ev.rejected);
    return written + "\n--- err\n" + err + "\n--- summary\n" + withoutElapsed(summary.toString()) + "\n--- aggregate\n"
        + aggregate + "\nexit " + ev.exitCode(java.util.Set.of());
  }

  /**
   * Workers count records in the aggregate before the ordered stage sees them; a record refused
   * there for its repeated episode id is taken back: a duplicate naming a program no other record
   * names leaves no trace in any row, program, month or episode count, on any number of threads.
   */
  @Test
  void aRefusedDuplicateCountsNowhereInTheAggregate() throws IOException {
    ByteArrayOutputStream generated = new ByteArrayOutputStream();
    GenerateRecords.write(12, 11, generated);
    List<String> lines = List.of(generated.toString(StandardCharsets.UTF_8).split("\n"));
    String duplicate = lines.get(3).replaceFirst("\"programId\": ?\"[^\"]+\"",
        "\"programId\": \"P-ONLY-IN-A-DUPLICATE\"");
    assertThat(duplicate).contains("P-ONLY-IN-A-DUPLICATE");
    List<String> withDuplicate = new ArrayList<>(lines);
    withDuplicate.add(8, duplicate);
    Path clean = Files.write(dir.resolve("clean.ndjson"), lines);
    Path dup = Files.write(dir.resolve("duplicate.ndjson"), withDuplicate);
    for (int threads : new int[] {1, 2, 4}) {
      StringWriter err = new StringWriter();
      Evaluation without = evaluate(clean, threads, new StringWriter());
      Evaluation with = evaluate(dup, threads, err);
      assertThat(err.toString()).contains("duplicate.ndjson line 9: $.episode.id: is the episode id of an earlier "
          + "record (line 4)");
      assertThat(with.rejected).isEqualTo(1);
      assertThat(with.evaluated).isEqualTo(without.evaluated).isEqualTo(12);
      assertThat(with.aggregate.programs()).isEqualTo(without.aggregate.programs())
          .doesNotContain("P-ONLY-IN-A-DUPLICATE");
      assertThat(with.aggregate.months()).isEqualTo(without.aggregate.months());
      assertThat(with.aggregate.episodesByMonth()).isEqualTo(without.aggregate.episodesByMonth());
      for (var rows : List.<java.util.function.Function<org.perfspecs.checks.engine.Aggregate,
          List<org.perfspecs.checks.engine.Aggregate.Row>>>of(a -> a.rows(), a -> a.programRows(), a -> a.monthRows())) {
        assertThat(rows.apply(with.aggregate)).extracting(r -> r.key() + " " + r.counts())
            .containsExactlyElementsOf(rows.apply(without.aggregate).stream().map(r -> r.key() + " " + r.counts()).toList());
      }
    }
  }

  private static Evaluation evaluate(Path file, int threads, StringWriter err) {
    InputOptions in = new InputOptions();
    in.file = file;
    in.progress = false;
    in.threads = threads;
    return Evaluation.run(in, EvaluationContext.asOf(TypicalRecords.AS_OF), new Evaluation.FindingSink() {
      @Override
      public void program(Program program, List<Finding> findings) {}

      @Override
      public void record(CaseRecord record, long line, List<Finding> findings) {}
    }, new PrintWriter(err, true));
  }

  /** Results come back in input order, at most the window in flight, whatever the workers' pace. */
  @Test
  void thePipelineKeepsTheOrderAndItsBound() {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      input.append("{\"n\": ").append(i).append("}\n");
    }
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Long> lines = new ArrayList<>();
    RecordReader<CaseRecord> reader = RecordReader.of(new java.io.StringReader(input.toString()), CaseRecord.class,
        ModelValidator.create());
    int threads = 3;
    RecordPipeline.run(reader, threads, e -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      if (e.line() % 7 == 0) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
        }
      }
      return e.line();
    }, line -> {
      inFlight.decrementAndGet();
      lines.add(line);
    });
    assertThat(lines).hasSize(500);
    for (int i = 0; i < 500; i++) {
      assertThat(lines.get(i)).isEqualTo(i + 1L);
    }
    assertThat(most.get()).isLessThanOrEqualTo(RecordPipeline.WINDOW_PER_THREAD * threads);
  }

  /** A read failure: the records read before it are still handed on, in order, then it is thrown. */
  @Test
  void aReadFailureComesAfterTheRecordsReadBeforeIt() {
    byte[] twoRecords = "{}\n{}\n".getBytes(StandardCharsets.UTF_8);
    java.io.InputStream failing = new java.io.InputStream() {
      int at;

      @Override
      public int read() throws IOException {
        if (at < twoRecords.length) {
          return twoRecords[at++];
        }
        throw new IOException("disk gone");
      }
    };
    List<Long> seen = new ArrayList<>();
    RecordReader<CaseRecord> reader = RecordReader.of(failing, CaseRecord.class, ModelValidator.create());
    assertThatThrownBy(() -> RecordPipeline.run(reader, 2, RecordReader.Entry::line, seen::add))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(seen).containsExactly(1L, 2L);
  }
}
