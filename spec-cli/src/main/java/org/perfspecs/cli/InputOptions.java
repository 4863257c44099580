package org.perfspecs.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perfspecs.checks.engine.RecordReader;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input options {@code check} and {@code report} share (a picocli mixin). */
final class InputOptions {
  @Parameters(index = "0", paramLabel = "FILE", description = "Case records: NDJSON or a JSON array; - for standard input.")
  Path file;

  @Option(names = "--from", paramLabel = "FORMAT", defaultValue = Formats.PERFSPECS,
      description = "Input format: perfspecs (JSON, NDJSON) or, with the FHIR jar, fhir (a Bundle, an NDJSON of Bundles, "
          + "or a bulk-data export directory). Default: ${DEFAULT-VALUE}.")
  String from = Formats.PERFSPECS;

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec mixee;

  /** The input format of {@code --from} (not perfspecs); a usage error when this jar does not have it. */
  org.perfspecs.cli.spi.InputFormat format() {
    return Formats.find(from).orElseThrow(() -> new CommandLine.ParameterException(mixee.commandLine(),
        Formats.missing(from)));
  }

  @Option(names = "--programs", paramLabel = "FILE", description = "Program profiles: NDJSON or a JSON array.")
  Path programs;

  @Option(names = "--as-of", paramLabel = "TIME", converter = AsOfTime.Converter.class,
      description = "Evaluation time: ISO-8601 with offset (2024-06-01T12:00:00-04:00), or a date meaning the end of "
          + "that day in America/New_York. Default: now.")
  Instant asOf;

  @Option(names = "--max-record-size", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "16MiB",
      description = "Largest record read (bytes, or with KiB, MiB, GiB); a longer line is skipped without being held "
          + "in memory, reported and counted. Default: ${DEFAULT-VALUE}.")
  int maxRecordBytes = RecordReader.DEFAULT_MAX_RECORD_BYTES;

  @Option(names = "--interpretations", paramLabel = "FILE",
      description = "Readings of vague words to use instead of the defaults: a JSON object of interpretation keys "
          + "(perfspecs catalog lists them) to values, e.g. {\"ESOAP.ASMT.3.d.immediately\": \"PT12H\"}.")
  Path interpretations;

  @Option(names = "--threads", paramLabel = "N", converter = ThreadsConverter.class,
      description = "Threads that parse, validate and evaluate records (1: everything on one thread, one record at "
          + "a time); the output is the same, byte for byte, whatever N. At most " + RecordPipeline.WINDOW_PER_THREAD
          + " x N records are in flight. Default: the number of processors.")
  int threads = RecordPipeline.defaultThreads();

  @Option(names = "--progress", negatable = true,
      description = "Show a progress bar on stderr. Default: when stderr is a terminal.")
  Boolean progress;

  /**
   * The evaluation context: {@code --as-of}, or now (the command line may read the clock; the
   * library never does), with the {@code --interpretations} overrides.
   *
   * @throws CommandLine.ParameterException (a usage error) naming the key when the interpretations
   *     file is unreadable, not a JSON object, or has an unknown key or a value of the wrong kind
   */
  org.perfspecs.checks.EvaluationContext context(CommandLine cl) {
    if (!Formats.PERFSPECS.equals(from)) {
      format(); // a usage error (exit 3) before anything is read
    }
    org.perfspecs.checks.EvaluationContext ctx =
        org.perfspecs.checks.EvaluationContext.asOf(asOf != null ? asOf : Instant.now());
    return interpretations == null ? ctx : ctx.withInterpretations(readInterpretations(cl, interpretations));
  }

  /** The overrides in {@code file}: a JSON object of keys to strings (durations, choices) or whole numbers. */
  static java.util.Map<org.perfspecs.checks.Interpretation, Object> readInterpretations(CommandLine cl, Path file) {
    try {
      return InterpretationsFile.read(file);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--interpretations " + file + ": " + e.getMessage());
    }
  }

  /** A number of threads: a whole number from 1 to 1024. */
  static final class ThreadsConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("expected a whole number of threads, e.g. 2");
      }
      if (n < 1 || n > 1024) {
        throw new CommandLine.TypeConversionException("the number of threads must be between 1 and 1024");
      }
      return n;
    }
  }

  /** Converts {@code 16MiB}, {@code 512KiB}, {@code 1048576} to bytes. */
  static final class SizeConverter implements CommandLine.ITypeConverter<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);

    @Override
    public Integer convert(String value) {
      Matcher m = SIZE.matcher(value.trim());
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException("expected a size such as 16MiB, 512KiB or 1048576");
      }
      long n = Long.parseLong(m.group(1));
      long bytes = switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "kib" -> n << 10;
        case "mib" -> n << 20;
        case "gib" -> n << 30;
        default -> n;
      };
      if (bytes < 1 || bytes > Integer.MAX_VALUE - 16) {
        throw new CommandLine.TypeConversionException("the size must be between 1 byte and 2 GiB");
      }
      return (int) bytes;
    }
  }
}
