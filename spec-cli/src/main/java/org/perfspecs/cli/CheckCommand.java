package org.perfspecs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.FindingJson;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perfspecs check}: evaluates case records (and program profiles) and reports findings. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {
        "Evaluates case records (NDJSON, one record per line, or a JSON array) against every requirement of the "
            + "specification for each episode's service, and program profiles against program-level requirements.",
        "A record that cannot be read or fails validation is reported on stderr with its line number and JSON path, "
            + "skipped and counted; every other record is evaluated.",
        "With --output DIR, one pass writes findings.ndjson, aggregate.json, aggregate.csv and report.html there."})
final class CheckCommand implements Callable<Integer> {
  enum Format { text, json, csv }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  InputOptions in;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (a readable report), json (findings as NDJSON) or csv (findings), on stdout; not with "
          + "--output. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--fail-on", paramLabel = "OUTCOME", split = ",",
      description = "Exit with 1 when any finding has one of these outcomes (e.g. NOT_MET,ERROR).")
  Set<Outcome> failOn = EnumSet.noneOf(Outcome.class);

  @Mixin
  FindingsAs findingsAs;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Write " + ReportFiles.FINDINGS + " (findings as NDJSON), aggregate.json, aggregate.csv and "
          + "report.html into DIR (created if missing), and the summary to stdout.")
  Path output;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (output != null && spec.commandLine().getParseResult().hasMatchedOption("--format")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--format and --output cannot be combined: --output writes every format");
    }
    EvaluationContext ctx = in.context();
    if (output != null) {
      return toDirectory(out, err, ctx);
    }
    var other = findingsAs.sink(spec.commandLine(), out);
    Evaluation ev = Evaluation.run(in, ctx, other.orElseGet(() -> sink(out, ctx)), err);
    if (format == Format.text && other.isEmpty()) {
      TextReport.aggregate(out, ev.aggregate);
      ev.printSummary(out);
    } else {
      ev.printSummary(err);
    }
    out.flush();
    return ev.exitCode(failOn);
  }

  private int toDirectory(PrintWriter out, PrintWriter err, EvaluationContext ctx) throws IOException {
    Files.createDirectories(output);
    Path findingsFile = output.resolve(ReportFiles.FINDINGS);
    Evaluation ev;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(findingsFile, StandardCharsets.UTF_8), 1 << 16)) {
      ev = Evaluation.run(in, ctx, lines(w), err);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.println("wrote " + findingsFile);
    for (ReportFiles f : ReportFiles.values()) {
      Path file = output.resolve(f.fileName);
      f.write(ev, file);
      out.println("wrote " + file);
    }
    ev.printSummary(out);
    out.flush();
    return ev.exitCode(failOn);
  }

  /** Findings as NDJSON lines on {@code w}. */
  private static Evaluation.FindingSink lines(Writer w) {
    return each(f -> {
      try {
        w.write(FindingJson.toJson(f));
        w.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static Evaluation.FindingSink each(java.util.function.Consumer<Finding> action) {
    return new Evaluation.FindingSink() {
      @Override
      public void program(Program program, List<Finding> findings) {
        findings.forEach(action);
      }

      @Override
      public void record(CaseRecord record, long line, List<Finding> findings) {
        findings.forEach(action);
      }
    };
  }

  private Evaluation.FindingSink sink(PrintWriter out, EvaluationContext ctx) {
    switch (format) {
      case json:
        return each(f -> out.println(FindingJson.toJson(f)));
      case csv:
        out.println(Csv.line(List.of("requirementId", "subjectKind", "subjectId", "programId", "outcome", "due", "reason")));
        return each(f -> out.println(Csv.line(List.of(f.requirementId(), f.subjectKind().name(), f.subjectId(),
            f.programId(), f.outcome().name(), f.due().map(d -> d.last().toString()).orElse(""), f.reason()))));
      default:
        TextReport.header(out, ctx);
        return new Evaluation.FindingSink() {
          @Override
          public void program(Program p, List<Finding> findings) {
            TextReport.subject(out, ctx, "Program " + p.id() + " " + p.services(), findings);
          }

          @Override
          public void record(CaseRecord record, long line, List<Finding> findings) {
            TextReport.subject(out, ctx, "Episode " + record.episode().id() + " (" + record.episode().service() + " at "
                + record.episode().programId() + ", line " + line + ")", findings);
          }
        };
    }
  }
}
