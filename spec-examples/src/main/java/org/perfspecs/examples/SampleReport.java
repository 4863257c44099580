package org.perfspecs.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The README's first command: evaluates the bundled sample records (all five services, compliant
 * and not) and the sample program profiles, and prints the readable compliance report, as of a
 * fixed time so the report is the same on every machine.
 *
 * <p>Equivalent to {@code perfspecs check case-records.ndjson --programs programs.json --as-of
 * 2024-06-03T12:00:00-04:00}.
 */
public final class SampleReport {
  /** The fixed evaluation time of the sample report. */
  public static final String AS_OF = "2024-06-03T12:00:00-04:00";

  private SampleReport() {}

  /** Prints the sample report to standard output. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(out, err);
    if (code > 1) {
      throw new IllegalStateException("the sample report failed with exit code " + code);
    }
  }

  /** Runs the report and returns the command line's exit code. */
  public static int run(PrintWriter out, PrintWriter err) {
    try {
      Path dir = Files.createTempDirectory("perfspecs-samples");
      Path cases = copy("case-records.ndjson", dir);
      Path programs = copy("programs.json", dir);
      return org.perfspecs.cli.PerfspecsCommand.run(out, err,
          "check", cases.toString(), "--programs", programs.toString(), "--as-of", AS_OF);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a bundled sample to {@code dir} and returns its path. */
  public static Path copy(String sample, Path dir) throws IOException {
    Path target = dir.resolve(sample);
    try (InputStream in = SampleReport.class.getResourceAsStream("samples/" + sample)) {
      if (in == null) {
        throw new IOException("bundled sample not found: " + sample);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    target.toFile().deleteOnExit();
    return target;
  }
}
