package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.perfspecs.cli.PerfspecsCommand;

/**
 * Runs the command line in-process and spec-spark on {@code local[2]} over the same files and
 * compares: {@code aggregate.json} byte for byte (with its failing and coming-due lists), the
 * findings as the same multiset of JSON lines (by 64-bit hash, so that millions of findings fit),
 * and the rejections line by line, in input order.
 */
final class CliComparison {
  final Path records;
  final Path programs;
  final String asOf;
  final List<String> extraCliArgs = new ArrayList<>();
  /** Findings with citationText: {@code --with-citations} for the command line's findings. */
  boolean withCitations;
  SparkChecks checks;

  CliComparison(Path records, Path programs, String asOf) {
    this.records = records;
    this.programs = programs;
    this.asOf = asOf;
    this.checks = SparkChecks.asOf(org.perfspecs.cli.AsOfTime.parse(asOf));
  }

  /** What both sides gave. */
  record Outcome(String cliAggregate, String sparkAggregate, long[] cliFindings, long[] sparkFindings,
      List<String> cliRejections, List<String> sparkRejections, CheckSummary summary, int cliExitCode) {}

  Outcome run() {
    SparkSession spark = LocalSpark.session();
    // the command line: findings as NDJSON (hashed as written), rejections on stderr; then the aggregate
    HashingWriter hashes = new HashingWriter();
    StringWriter err = new StringWriter();
    int code = PerfspecsCommand.run(new PrintWriter(hashes, false), new PrintWriter(err, true),
        withCitations ? args("check", "--format", "json", "--with-citations") : args("check", "--format", "json"));
    StringWriter aggregate = new StringWriter();
    PerfspecsCommand.run(new PrintWriter(aggregate, true), new PrintWriter(new StringWriter(), true),
        args("report", "--format", "json"));

    SparkChecks c = programs == null ? checks : checks.withPrograms(spark, programs.toString());
    CheckResult result = c.evaluate(SparkChecks.readLines(spark, records.toString()));
    CheckSummary summary = result.summary();
    String sparkAggregate = summary.aggregateJson(records.getFileName().toString(),
        programs == null ? "" : programs.getFileName().toString());
    List<String> sparkRejections = result.rejected().collectAsList().stream()
        .sorted(Comparator.<Row, String>comparing(r -> r.getAs("input")).reversed()
            .thenComparingLong(r -> r.<Long>getAs("line")).thenComparingInt(r -> r.<Integer>getAs("violation")))
        .map(r -> (r.<String>getAs("input").equals("program") ? "P " : "R ") + "line " + r.getAs("line") + ": "
            + r.getAs("path") + ": " + r.getAs("message"))
        .toList();
    result.unpersist();
    List<Long> sparkHashes = result.findings().drop("file", "line").toJSON()
        .map((MapFunction<String, Long>) CliComparison::hash, Encoders.LONG()).collectAsList();
    long[] spark64 = sparkHashes.stream().mapToLong(Long::longValue).sorted().toArray();

    return new Outcome(aggregate.toString(), sparkAggregate, hashes.sorted(), spark64, cliRejections(err.toString()),
        sparkRejections, summary, code);
  }

  /** Asserts that both sides agree. */
  Outcome assertSame() {
    Outcome o = run();
    assertThat(o.sparkAggregate()).isEqualTo(o.cliAggregate());
    assertThat(o.sparkFindings().length).isEqualTo(o.cliFindings().length);
    assertThat(Arrays.equals(o.sparkFindings(), o.cliFindings())).as("the same findings").isTrue();
    assertThat(o.sparkRejections()).containsExactlyElementsOf(o.cliRejections());
    assertThat(o.summary().nothingLost()).as(o.summary().toString()).isTrue();
    assertThat(o.summary().exitCode()).as("the exit code").isEqualTo(o.cliExitCode());
    return o;
  }

  private String[] args(String command, String... more) {
    List<String> a = new ArrayList<>(List.of(command, records.toString(), "--as-of", asOf, "--no-progress"));
    if (programs != null) {
      a.addAll(List.of("--programs", programs.toString()));
    }
    a.addAll(extraCliArgs);
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  private static final Pattern REJECTION = Pattern.compile("^(.*) line (\\d+): (.*)$");

  /** {@code FILE line N: PATH: MESSAGE} lines of stderr, as {@code R|P line N: PATH: MESSAGE}. */
  private List<String> cliRejections(String err) {
    List<String> out = new ArrayList<>();
    for (String line : err.split("\n")) {
      Matcher m = REJECTION.matcher(line);
      if (m.matches() && (m.group(1).equals(records.toString()) || programs != null && m.group(1).equals(programs.toString()))) {
        out.add((m.group(1).equals(records.toString()) ? "R " : "P ") + "line " + m.group(2) + ": " + m.group(3));
      }
    }
    // the command line reads the programs first; Spark's rows are sorted programs first too
    return out;
  }

  static long hash(String line) {
    return Hashing.murmur3_128().hashString(line, StandardCharsets.UTF_8).asLong();
  }

  /** Hashes each line written, keeping only the hashes. */
  static final class HashingWriter extends Writer {
    private final StringBuilder line = new StringBuilder();
    private long[] hashes = new long[1 << 16];
    private int n;

    @Override
    public void write(char[] cbuf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        char ch = cbuf[i];
        if (ch == '\n') {
          if (n == hashes.length) {
            hashes = Arrays.copyOf(hashes, n * 2);
          }
          hashes[n++] = hash(line.toString());
          line.setLength(0);
        } else if (ch != '\r') {
          line.append(ch);
        }
      }
    }

    long[] sorted() {
      long[] out = Arrays.copyOf(hashes, n);
      Arrays.sort(out);
      return out;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
