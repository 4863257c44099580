package org.perfspecs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code perfspecs}: check records against the specifications, report the aggregate (HTML with
 * charts, JSON, CSV), list the catalog, validate input.
 *
 * <p>Exit codes: 0 clean; 1 an outcome named by {@code --fail-on} was found; 2 input rejected (a
 * record failed to parse or validate, or a file could not be read); 3 usage error; 4 internal
 * error (a bug: please report it): an ERROR finding, a record or program whose evaluation failed
 * (skipped; the run goes on), or a failure of the command itself, in every subcommand.
 */
@Command(name = "perfspecs", mixinStandardHelpOptions = true, version = "perfspecs 0.1.0-SNAPSHOT",
    description = "Payer behavioral-health performance specifications as executable, citable requirements.",
    subcommands = {CheckCommand.class, ReportCommand.class, DueCommand.class, CatalogCommand.class, ValidateCommand.class,
        picocli.AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeOnExecutionException = ExitCodes.INTERNAL,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:clean",
        "1:non-compliance: an outcome named by --fail-on (e.g. NOT_MET) was found",
        "2:input rejected (a record or file could not be read or failed validation)",
        "3:usage error",
        "4:internal error (a perfspecs bug: an ERROR finding, a record whose evaluation failed, or a failure of the command)"})
public final class PerfspecsCommand implements Runnable {
  // Hibernate Validator announces its version through java.util.logging at INFO; the command line
  // keeps stderr for findings and rejections. Held strongly so the level is not lost to GC.
  private static final java.util.logging.Logger HIBERNATE_VALIDATOR_LOG = quiet("org.hibernate.validator");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: check, report, due, catalog or validate");
  }

  /** Runs the command line and returns its exit code (does not exit). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new PerfspecsCommand());
    // commands of the input formats on the class path (the FHIR jar adds convert)
    Formats.all().forEach(f -> f.subcommands().forEach(cl::addSubcommand));
    cl.setOut(out);
    cl.setErr(err);
    // --format json, --fail-on not_met, --only Pending: every enum option in any case
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // every usage error, in any subcommand, exits with 3
    CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler((ex, a) -> {
      usage.handleParseException(ex, a);
      return ExitCodes.USAGE;
    });
    // every failure, in any subcommand, exits with 4, with the exception's type and where it was
    // thrown, never its message (which may quote a value from the input) nor a stack trace
    cl.setExecutionExceptionHandler((ex, command, parseResult) -> {
      command.getErr().println(internalErrorMessage(ex));
      command.getErr().flush();
      return ExitCodes.INTERNAL;
    });
    return cl.execute(args);
  }

  /**
   * Runs the command line with its standard output going to {@code out} as UTF-8 bytes, as the
   * {@code perfspecs} jar writes it (findings rendered to bytes on the worker threads are copied as
   * they are, never decoded), and returns its exit code (does not exit). Everything written is
   * flushed to {@code out} before this returns; {@code out} is not closed.
   *
   * @since 0.2
   */
  public static int run(java.io.OutputStream out, PrintWriter err, String... args) {
    PrintWriter bytes = Stdout.of(new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws java.io.IOException {
        flush(); // the caller's stream stays open
      }
    });
    try {
      return run(bytes, err, args);
    } finally {
      bytes.close();
    }
  }

  /** {@code perfspecs: internal error (Type at Class.method:line); ...}, without the exception's message. */
  static String internalErrorMessage(Throwable ex) {
    Throwable cause = ex instanceof java.io.UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
    StackTraceElement[] trace = cause.getStackTrace();
    String where = trace.length == 0 ? ""
        : " at " + trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
    if (cause instanceof java.io.IOException) {
      return "perfspecs: input/output error (" + cause.getClass().getName() + where + ")";
    }
    return "perfspecs: internal error (" + cause.getClass().getName() + where
        + "). This is a perfspecs bug: please report it.";
  }

  /** Entry point of the {@code perfspecs} jar. */
  public static void main(String[] args) {
    // stdout may carry millions of findings: buffered, flushed once at the end, and taking findings
    // already rendered to UTF-8 bytes as they are (Stdout); stderr line by line
    PrintWriter out = Stdout.of(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(
        new java.io.FileOutputStream(java.io.FileDescriptor.err), java.nio.charset.StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
