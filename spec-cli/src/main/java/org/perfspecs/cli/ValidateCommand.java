package org.perfspecs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.perfspecs.checks.engine.EpisodeIds;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Program;
import org.perfspecs.model.Violation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perfspecs validate}: checks input against the model without evaluating it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validates case records (or, with --type program, program profiles): one line per violation "
        + "with line number and JSON path; values are never echoed.")
final class ValidateCommand implements Callable<Integer> {
  enum Type { caseRecord, program }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "NDJSON or a JSON array; - for standard input.")
  Path file;

  @Option(names = "--type", paramLabel = "TYPE", defaultValue = "caseRecord",
      description = "caseRecord or program. Default: ${DEFAULT-VALUE}.")
  Type type;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Class<?> modelType = type == Type.program ? Program.class : CaseRecord.class;
    long read = 0;
    long rejected = 0;
    boolean unreadable = false;
    try (InputStream r = Inputs.open(file); RecordReader<?> reader = RecordReader.of(r, modelType, ModelValidator.create())) {
      EpisodeIds episodeIds = EpisodeIds.create();
      for (Optional<? extends RecordReader.Entry<?>> e = reader.next(); e.isPresent(); e = reader.next()) {
        read++;
        long line = e.get().line();
        List<Violation> violations = e.get().result().value()
            .filter(CaseRecord.class::isInstance)
            .flatMap(rec -> episodeIds.duplicate((CaseRecord) rec, line))
            .map(List::of)
            .orElse(e.get().result().violations());
        if (!violations.isEmpty()) {
          rejected++;
          for (Violation v : violations) {
            out.println(file + " line " + e.get().line() + ": " + v.path() + ": " + v.message());
          }
        }
      }
    } catch (IOException | UncheckedIOException ex) {
      out.println(file + ": cannot be read (" + (ex.getCause() != null ? ex.getCause().getClass().getSimpleName() : ex.getClass().getSimpleName()) + ")");
      unreadable = true;
    }
    out.println("records read: " + read + ", valid: " + (read - rejected) + ", rejected: " + rejected);
    out.flush();
    return rejected > 0 || unreadable ? ExitCodes.INPUT_REJECTED : ExitCodes.CLEAN;
  }
}
