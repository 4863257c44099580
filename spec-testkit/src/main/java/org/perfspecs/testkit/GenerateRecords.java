package org.perfspecs.testkit;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.perfspecs.model.ModelJson;

/**
 * Writes {@link TypicalRecords} as NDJSON, one case record per line, reproducibly: the same
 * {@code --seed} and {@code --count} give the same bytes.
 *
 * <pre>
 * java -cp spec-bench/target/benchmarks.jar org.perfspecs.testkit.GenerateRecords \
 *     --count 100000 --seed 42 --out /tmp/records.ndjson
 * </pre>
 *
 * <p>{@code --out -} (the default) writes to standard output, so a large run can be piped into
 * {@code perfspecs check -} without touching the disk. The records are built for the as-of
 * {@link TypicalRecords#AS_OF} (2024-06-03T12:00-04:00).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GenerateRecords {
  private GenerateRecords() {}

  /** Entry point; see the class comment. Exit code 3 on a usage error. */
  public static void main(String[] args) throws IOException {
    long count = 1000;
    long seed = 42;
    String out = "-";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        usage(System.out);
        return;
      }
      if (i + 1 >= args.length) {
        usage(System.err);
        System.exit(3);
      }
      switch (a) {
        case "--count" -> count = Long.parseLong(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = args[++i];
        default -> {
          usage(System.err);
          System.exit(3);
        }
      }
    }
    if (out.equals("-")) {
      write(count, seed, System.out);
      System.out.flush();
    } else {
      try (OutputStream os = Files.newOutputStream(Path.of(out))) {
        write(count, seed, os);
      }
    }
  }

  /** Writes records {@code 0 .. count-1} of {@code seed} to {@code out} (not closed) as UTF-8 NDJSON. */
  public static void write(long count, long seed, OutputStream out) throws IOException {
    ObjectWriter json = ModelJson.writer();
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    for (long i = 0; i < count; i++) {
      w.write(json.writeValueAsString(TypicalRecords.record(seed, i)));
      w.write('\n');
    }
    w.flush();
  }

  private static void usage(java.io.PrintStream p) {
    p.println("usage: GenerateRecords [--count N (1000)] [--seed S (42)] [--out FILE|- (-)]");
  }
}
