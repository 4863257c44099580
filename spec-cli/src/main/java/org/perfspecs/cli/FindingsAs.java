package org.perfspecs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.perfspecs.checks.Finding;
import org.perfspecs.cli.spi.FindingWriter;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code check --findings-as NAME}: findings written by an input format's writer (FHIR: Tasks and DetectedIssues as NDJSON). */
final class FindingsAs {
  @Option(names = "--findings-as", paramLabel = "FORMAT",
      description = "Write the findings in another format on stdout instead of --format (with the FHIR jar: fhir, "
          + "Tasks for pending or overdue obligations and DetectedIssues for NOT_MET, as NDJSON); the summary goes to stderr.")
  String name;

  /** The sink of {@code --findings-as}, when given; a usage error when no format on the class path writes it. */
  Optional<Evaluation.FindingSink> sink(CommandLine cl, PrintWriter out) {
    if (name == null) {
      return Optional.empty();
    }
    FindingWriter writer = Formats.find(name).flatMap(f -> f.findingWriter(out))
        .orElseThrow(() -> new CommandLine.ParameterException(cl, "--findings-as " + name + ": "
            + (name.equals("fhir") ? "needs the FHIR jar: java -jar " + Formats.FHIR_JAR + " ..." : "unknown format")));
    return Optional.of(new Evaluation.FindingSink() {
      @Override
      public void program(Program program, List<Finding> findings) {
        // program findings have no patient: not written as FHIR
      }

      @Override
      public void record(CaseRecord record, long line, List<Finding> findings) {
        try {
          writer.record(record, findings);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
  }
}
