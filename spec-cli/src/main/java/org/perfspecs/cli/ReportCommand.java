package org.perfspecs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perfspecs report}: the aggregate of an evaluation as HTML with charts, JSON or CSV. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {
        "Evaluates case records (and program profiles) like check, in one pass and constant memory, and writes the "
            + "aggregate: counts per outcome and compliance rate (MET / (MET + NOT_MET)) by specification, section, "
            + "requirement, program and month of admission.",
        "html is one self-contained page (inline CSS and SVG charts, nothing fetched); json and csv are the same "
            + "figures. The summary goes to stderr."})
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Where the HTML report goes when standard output is a terminal and no --output is given. */
  static final String DEFAULT_HTML_FILE = "perfspecs-report.html";

  /** Whether standard output is a terminal (replaced in tests). */
  static java.util.function.BooleanSupplier stdoutIsTerminal = () -> System.console() != null;

  @Mixin
  InputOptions in;

  @Mixin
  ReportOptions report;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "html",
      description = "html, json or csv; several (html,json,csv) with --output DIR. Default: ${DEFAULT-VALUE}.")
  List<ReportFiles> formats;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
      description = "Where to write: a file, or a directory (existing, or ending with /) that receives report.html, "
          + "aggregate.json and/or aggregate.csv. Default: standard output; HTML to a terminal goes to "
          + DEFAULT_HTML_FILE + " instead.")
  String output;

  @Option(names = "--fail-on", paramLabel = "OUTCOME", split = ",",
      description = "Exit with 1 when any finding has one of these outcomes (e.g. NOT_MET,ERROR).")
  Set<Outcome> failOn = EnumSet.noneOf(Outcome.class);

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<ReportFiles> chosen = new LinkedHashSet<>(formats);
    // a trailing separator says "directory" even before it exists (a Path would drop it)
    boolean toDirectory = output != null && (Files.isDirectory(Path.of(output)) || output.endsWith("/")
        || output.endsWith(java.io.File.separator));
    if (chosen.size() > 1 && !toDirectory) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "several formats need --output DIR (one file per format)");
    }
    report.validate(spec.commandLine());
    if (Evaluation.unreadable(in, err)) {
      return ExitCodes.INPUT_REJECTED;
    }
    String target = output;
    if (target == null && chosen.contains(ReportFiles.html) && stdoutIsTerminal.getAsBoolean()) {
      // a page of HTML is no use on a screen: write it to a file and say where
      target = DEFAULT_HTML_FILE;
    }
    EvaluationContext ctx = in.context(spec.commandLine());
    Evaluation ev = Evaluation.run(in, report, ctx, new Evaluation.FindingSink() {
      @Override
      public void program(Program program, List<Finding> findings) {}

      @Override
      public void record(CaseRecord record, long line, List<Finding> findings) {}
    }, err);
    if (target == null || target.equals("-")) {
      chosen.iterator().next().write(ev, out);
      out.flush();
    } else if (toDirectory) {
      for (ReportFiles f : chosen) {
        Path file = Path.of(output).resolve(f.fileName);
        f.write(ev, file);
        err.println("wrote " + file);
      }
    } else {
      chosen.iterator().next().write(ev, Path.of(target));
      err.println("wrote " + Path.of(target).toAbsolutePath().normalize()
          + (output == null ? " (standard output is a terminal; -o FILE writes elsewhere, -o - or a pipe to stdout)" : ""));
    }
    ev.printSummary(err);
    return ev.exitCode(failOn);
  }
}
