package org.perfspecs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
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

  @Option(names = "--threads", paramLabel = "N", converter = InputOptions.ThreadsConverter.class,
      description = "Threads that parse and validate records (1: one record at a time on one thread); the output is "
          + "the same, byte for byte, whatever N. At most " + RecordPipeline.WINDOW_PER_THREAD
          + " x N records are in flight. Default: the number of processors.")
  int threads = RecordPipeline.defaultThreads();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Class<?> modelType = type == Type.program ? Program.class : CaseRecord.class;
    long[] counts = new long[2]; // read, rejected
    boolean unreadable = false;
    try (InputStream r = Inputs.open(file); RecordReader<?> reader = RecordReader.of(r, modelType, ModelValidator.create())) {
      EpisodeIds episodeIds = EpisodeIds.create();
      // workers parse and validate; this thread refuses duplicate ids and prints, in input order
      RecordPipeline.run(reader, threads, e -> e, e -> {
        counts[0]++;
        long line = e.line();
        List<Violation> violations = e.result().value()
            .filter(CaseRecord.class::isInstance)
            .flatMap(rec -> episodeIds.duplicate((CaseRecord) rec, line))
            .map(List::of)
            .orElse(e.result().violations());
        if (!violations.isEmpty()) {
          counts[1]++;
          for (Violation v : violations) {
            out.println(file + " line " + line + ": " + v.path() + ": " + v.message());
          }
        }
      });
    } catch (IOException | UncheckedIOException ex) {
      out.println(file + ": cannot be read (" + (ex.getCause() != null ? ex.getCause().getClass().getSimpleName() : ex.getClass().getSimpleName()) + ")");
      unreadable = true;
    }
    long read = counts[0];
    long rejected = counts[1];
    out.println("records read: " + read + ", valid: " + (read - rejected) + ", rejected: " + rejected);
    out.flush();
    return rejected > 0 || unreadable ? ExitCodes.INPUT_REJECTED : ExitCodes.CLEAN;
  }
}
