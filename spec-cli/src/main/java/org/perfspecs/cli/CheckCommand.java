package org.perfspecs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.FindingJson;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Program;
import org.perfspecs.model.Violation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perfspecs check}: evaluates case records (and program profiles) and reports findings. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {
        "Evaluates case records (NDJSON, one record per line, or a JSON array) against every requirement of the "
            + "specification for each episode's service, and program profiles against program-level requirements.",
        "A record that cannot be read or fails validation is reported on stderr with its line number and JSON path, "
            + "skipped and counted; every other record is evaluated."})
final class CheckCommand implements Callable<Integer> {
  enum Format { text, json, csv }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Case records: NDJSON or a JSON array; - for standard input.")
  Path file;

  @Option(names = "--programs", paramLabel = "FILE", description = "Program profiles: NDJSON or a JSON array.")
  Path programs;

  @Option(names = "--as-of", paramLabel = "TIME", converter = Inputs.AsOfConverter.class,
      description = "Evaluation time: ISO-8601 with offset (2024-06-01T12:00:00-04:00), or a date meaning the end of "
          + "that day in America/New_York. Default: now.")
  Instant asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (a readable report), json (findings as NDJSON) or csv (findings). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--fail-on", paramLabel = "OUTCOME", split = ",",
      description = "Exit with 1 when any finding has one of these outcomes (e.g. NOT_MET,ERROR).")
  Set<Outcome> failOn = EnumSet.noneOf(Outcome.class);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EvaluationContext ctx = EvaluationContext.asOf(asOf != null ? asOf : Instant.now());
    Engine engine = Engine.standard();
    ModelValidator validator = ModelValidator.create();
    Aggregate aggregate = new Aggregate(engine.catalog());
    Map<String, Long> rejectedByReason = new TreeMap<>();
    Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
    long[] counts = new long[4]; // records read, evaluated, rejected, programs
    FindingSink sink = sink(out, ctx);
    boolean inputProblem = false;

    if (programs != null) {
      try (Reader r = Inputs.open(programs); RecordReader<Program> reader = RecordReader.of(r, Program.class, validator)) {
        for (Optional<RecordReader.Entry<Program>> e = reader.next(); e.isPresent(); e = reader.next()) {
          var entry = e.get();
          if (entry.result().isValid()) {
            Program p = entry.result().value().get();
            counts[3]++;
            List<Finding> findings = engine.evaluate(p, ctx);
            sink.subject("Program " + p.id() + " " + p.services(), findings);
            findings.forEach(f -> count(f, aggregate, byOutcome));
          } else {
            inputProblem = true;
            reject(err, programs + " line " + entry.line(), entry.result().violations(), rejectedByReason, "program: ");
          }
        }
      } catch (IOException | UncheckedIOException ex) {
        err.println(programs + ": cannot be read (" + describe(ex) + ")");
        inputProblem = true;
      }
    }

    try (Reader r = Inputs.open(file); RecordReader<CaseRecord> reader = RecordReader.of(r, CaseRecord.class, validator)) {
      for (Optional<RecordReader.Entry<CaseRecord>> e = reader.next(); e.isPresent(); e = reader.next()) {
        var entry = e.get();
        counts[0]++;
        if (entry.result().isValid()) {
          CaseRecord record = entry.result().value().get();
          counts[1]++;
          List<Finding> findings = engine.evaluate(record, ctx);
          sink.subject("Episode " + record.episode().id() + " (" + record.episode().service() + " at "
              + record.episode().programId() + ", line " + entry.line() + ")", findings);
          findings.forEach(f -> count(f, aggregate, byOutcome));
        } else {
          counts[2]++;
          inputProblem = true;
          reject(err, file + " line " + entry.line(), entry.result().violations(), rejectedByReason, "");
        }
      }
    } catch (IOException | UncheckedIOException ex) {
      err.println(file + ": cannot be read (" + describe(ex) + ")");
      inputProblem = true;
    }

    Summary summary = new Summary(ctx, counts[0], counts[1], counts[2], counts[3], rejectedByReason, byOutcome);
    if (format == Format.text) {
      TextReport.aggregate(out, aggregate);
      summary.print(out);
    } else {
      summary.print(err);
    }
    out.flush();
    if (inputProblem) {
      return ExitCodes.INPUT_REJECTED;
    }
    return byOutcome.keySet().stream().anyMatch(failOn::contains) ? ExitCodes.FAIL_ON : ExitCodes.CLEAN;
  }

  private static String describe(Exception ex) {
    Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    if (cause instanceof java.nio.charset.CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (cause instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    return cause.getClass().getSimpleName();
  }

  private static void count(Finding f, Aggregate aggregate, Map<Outcome, Long> byOutcome) {
    aggregate.add(f);
    byOutcome.merge(f.outcome(), 1L, Long::sum);
  }

  private static void reject(PrintWriter err, String where, List<Violation> violations, Map<String, Long> byReason,
      String prefix) {
    for (Violation v : violations) {
      err.println(where + ": " + v.path() + ": " + v.message());
    }
    Violation first = violations.get(0);
    byReason.merge(prefix + first.path().replaceAll("\\[\\d+]", "[]") + " " + first.message(), 1L, Long::sum);
  }

  private FindingSink sink(PrintWriter out, EvaluationContext ctx) {
    switch (format) {
      case json:
        return (subject, findings) -> findings.forEach(f -> out.println(FindingJson.toJson(f)));
      case csv:
        out.println(Csv.line(List.of("requirementId", "subjectKind", "subjectId", "programId", "outcome", "due", "reason")));
        return (subject, findings) -> findings.forEach(f -> out.println(Csv.line(List.of(f.requirementId(),
            f.subjectKind().name(), f.subjectId(), f.programId(), f.outcome().name(),
            f.due().map(d -> d.last().toString()).orElse(""), f.reason()))));
      default:
        TextReport.header(out, ctx);
        return (subject, findings) -> TextReport.subject(out, ctx, subject, findings);
    }
  }

  /** Where findings go, one subject at a time. */
  interface FindingSink {
    void subject(String subject, List<Finding> findings);
  }

  /** The closing summary. */
  static final class Summary {
    private final EvaluationContext ctx;
    private final long read;
    private final long evaluated;
    private final long rejected;
    private final long programs;
    private final Map<String, Long> rejectedByReason;
    private final Map<Outcome, Long> byOutcome;

    Summary(EvaluationContext ctx, long read, long evaluated, long rejected, long programs,
        Map<String, Long> rejectedByReason, Map<Outcome, Long> byOutcome) {
      this.ctx = ctx;
      this.read = read;
      this.evaluated = evaluated;
      this.rejected = rejected;
      this.programs = programs;
      this.rejectedByReason = rejectedByReason;
      this.byOutcome = byOutcome;
    }

    void print(PrintWriter w) {
      w.println();
      w.println("Summary (as of " + ctx.asOf() + ")");
      w.println("  records read: " + read + ", evaluated: " + evaluated + ", rejected: " + rejected
          + "; programs evaluated: " + programs);
      rejectedByReason.forEach((reason, n) -> w.println("  rejected " + n + ": " + reason));
      List<String> parts = new ArrayList<>();
      long total = 0;
      for (Outcome o : Outcome.values()) {
        long n = byOutcome.getOrDefault(o, 0L);
        total += n;
        parts.add(o + " " + n);
      }
      w.println("  findings: " + total + " (" + String.join(", ", parts) + ")");
    }
  }
}
