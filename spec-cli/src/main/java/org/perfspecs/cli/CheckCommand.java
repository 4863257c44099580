package org.perfspecs.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
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
        "With --output DIR, one pass writes findings.ndjson, failing.csv, aggregate.json, aggregate.csv and "
            + "report.html there."})
final class CheckCommand implements Callable<Integer> {
  enum Format { text, json, csv }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  InputOptions in;

  @Mixin
  ReportOptions report;

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
      description = "Write " + ReportFiles.FINDINGS + " (findings as NDJSON), " + ReportFiles.FAILING + " (every "
          + "failing episode and requirement), aggregate.json, aggregate.csv and report.html into DIR (created if "
          + "missing), and the summary to stdout.")
  Path output;

  @Option(names = "--only", paramLabel = "OUTCOME", split = ",",
      description = "Write only findings with these outcomes (e.g. NOT_MET,PENDING); the summary and the aggregate "
          + "still count every finding. Default: all.")
  Set<Outcome> only = EnumSet.allOf(Outcome.class);

  @Option(names = "--with-citations",
      description = "Add each requirement's verbatim text (citationText) to every JSON or CSV finding.")
  boolean withCitations;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (output != null && spec.commandLine().getParseResult().hasMatchedOption("--format")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--format and --output cannot be combined: --output writes every format");
    }
    report.validate(spec.commandLine());
    if (Evaluation.unreadable(in, err)) {
      return ExitCodes.INPUT_REJECTED;
    }
    EvaluationContext ctx = in.context(spec.commandLine());
    if (output != null) {
      return toDirectory(out, err, ctx);
    }
    var other = findingsAs.sink(spec.commandLine(), out);
    Evaluation ev = Evaluation.run(in, report, ctx, other.orElseGet(() -> sink(out, ctx)), err);
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
    Path failingFile = output.resolve(ReportFiles.FAILING);
    Evaluation ev;
    // both files as UTF-8 bytes rendered on the workers: the ordered thread only copies them
    try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(findingsFile), Stdout.BUFFER_BYTES);
        OutputStream failing = new BufferedOutputStream(Files.newOutputStream(failingFile), Stdout.BUFFER_BYTES)) {
      failing.write(utf8(Csv.line(FindingOutput.FAILING_COLUMNS) + "\n"));
      FindingBytes findings = new FindingBytes(only, withCitations);
      ev = Evaluation.run(in, report, ctx, new Rendering() {
        @Override
        Object[] render(List<Finding> subject) {
          StringBuilder notMet = new StringBuilder();
          for (Finding f : subject) {
            if (f.outcome() == Outcome.NOT_MET && f.subjectKind() == Basis.EPISODE) {
              notMet.append(FindingOutput.failing(f)).append('\n');
            }
          }
          return new Object[] {findings.json(subject), utf8(notMet.toString())};
        }

        @Override
        void write(Object rendered) {
          Object[] two = (Object[]) rendered;
          try {
            ((Utf8Buffer) two[0]).writeTo(w);
            failing.write((byte[]) two[1]);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }, err);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.println("wrote " + findingsFile);
    out.println("wrote " + failingFile);
    for (ReportFiles f : ReportFiles.values()) {
      Path file = output.resolve(f.fileName);
      f.write(ev, file);
      out.println("wrote " + file);
    }
    ev.printSummary(out);
    out.flush();
    return ev.exitCode(failOn);
  }

  /** {@code s} as UTF-8 (a lone surrogate becomes {@code ?}, as an {@code OutputStreamWriter} writes it). */
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<Finding> only(List<Finding> findings) {
    return only.size() == Outcome.values().length ? findings
        : findings.stream().filter(f -> only.contains(f.outcome())).toList();
  }

  /**
   * A sink that renders each subject's findings on the worker that evaluated them ({@link
   * #render(List)}, thread-safe) and writes the rendering in input order ({@link #write(Object)}).
   */
  private abstract static class Rendering implements Evaluation.FindingSink {
    abstract Object render(List<Finding> findings);

    abstract void write(Object rendered);

    @Override
    public void program(Program program, List<Finding> findings) {
      write(render(findings));
    }

    @Override
    public void record(CaseRecord record, long line, List<Finding> findings) {
      write(render(findings));
    }

    @Override
    public Object render(CaseRecord record, long line, List<Finding> findings) {
      return render(findings);
    }

    @Override
    public void record(CaseRecord record, long line, List<Finding> findings, Object rendered) {
      write(rendered);
    }
  }

  private Evaluation.FindingSink sink(PrintWriter out, EvaluationContext ctx) {
    switch (format) {
      case json: {
        // NDJSON and CSV are rendered to UTF-8 bytes on the workers; the ordered thread copies them
        FindingBytes findings = new FindingBytes(only, withCitations);
        return new Rendering() {
          @Override
          Utf8Buffer render(List<Finding> subject) {
            return findings.json(subject);
          }

          @Override
          void write(Object rendered) {
            ((Utf8Buffer) rendered).writeTo(out);
          }
        };
      }
      case csv: {
        out.println(FindingOutput.csvHeader(withCitations));
        FindingBytes findings = new FindingBytes(only, withCitations);
        return new Rendering() {
          @Override
          Utf8Buffer render(List<Finding> subject) {
            return findings.csv(subject);
          }

          @Override
          void write(Object rendered) {
            ((Utf8Buffer) rendered).writeTo(out);
          }
        };
      }
      default:
        TextReport.header(out, ctx);
        return new Evaluation.FindingSink() {
          @Override
          public void program(Program p, List<Finding> findings) {
            TextReport.subject(out, ctx, "Program " + p.id() + " " + p.services(), only(findings));
          }

          @Override
          public void record(CaseRecord record, long line, List<Finding> findings) {
            out.write(render(record, line, findings));
          }

          @Override
          public String render(CaseRecord record, long line, List<Finding> findings) {
            java.io.StringWriter text = new java.io.StringWriter(findings.size() * 160);
            PrintWriter p = new PrintWriter(text);
            TextReport.subject(p, ctx, "Episode " + record.episode().id() + " (" + record.episode().service() + " at "
                + record.episode().programId() + ", line " + line + ")", only(findings));
            p.flush();
            return text.toString();
          }

          @Override
          public void record(CaseRecord record, long line, List<Finding> findings, Object rendered) {
            out.write((String) rendered);
          }
        };
    }
  }
}
