package org.perfspecs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The token-only pass over a file, timed as one run of a fresh JVM, to set beside a timed run of
 * the CLI on the same file (issue 19's floor: "end to end on one thread ≤ 8× the token-only
 * pass"): Jackson's byte-based streaming parser reads every token of every root value (the
 * NDJSON lines, or one array), builds nothing, and the run prints its wall time from the start
 * of the JVM, the time of the pass itself, the thread's CPU time, tokens and root values.
 *
 * <pre>java -cp spec-bench/target/benchmarks.jar org.perfspecs.bench.TokenPass /tmp/records100k.ndjson</pre>
 */
public final class TokenPass {
  private TokenPass() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: TokenPass FILE");
      System.exit(2);
    }
    long started = System.nanoTime();
    long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long tokens = 0;
    long roots = 0;
    int depth = 0;
    try (InputStream in = Files.newInputStream(Path.of(args[0]));
        JsonParser p = new JsonFactory().createParser(in)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        tokens++;
        if (t.isStructStart()) {
          if (depth++ == 0) {
            roots++;
          }
        } else if (t.isStructEnd()) {
          depth--;
        }
      }
    }
    double pass = (System.nanoTime() - started) / 1e9;
    double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9;
    double sinceStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    System.out.println(String.format(Locale.ROOT,
        "%d root values, %d tokens: pass %.2f s (thread CPU %.2f s), %.2f s since the JVM started, %.0f values/s",
        roots, tokens, pass, cpu, sinceStart, roots / pass));
  }
}
