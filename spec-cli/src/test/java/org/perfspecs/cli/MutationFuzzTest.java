package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.model.Violation;

/**
 * The mutation fuzzer of issue 14, in every build: {@value #INPUTS} mutants of valid records that
 * carry a canary ({@link Mutants}: byte flips, truncations, key deletions and duplications, wrong
 * types, extreme numbers and dates, control characters, invalid UTF-8, deep nesting, huge
 * strings, values as names, broken structure), and a set of special whole inputs. For every input:
 * no exception escapes, read = evaluated + rejected, no ERROR finding for a record the validator
 * accepted, no canary in any output (stdout, stderr, every file of {@code check --output}, the
 * text report). Deterministic: a failure names the seed and the input's index.
 */
class MutationFuzzTest {
  static final long SEED = 14;
  static final int INPUTS = 2_100;
  static final int BATCH = 350;
  static final Pattern SUMMARY = Pattern.compile("records read: (\\d+), evaluated: (\\d+), rejected: (\\d+)");

  @TempDir
  Path dir;

  /**
   * The mutants, {@value #BATCH} to a file (after one valid record, so that a file is NDJSON
   * whatever a mutant's first byte): each file through the library and the command line. A
   * failing file is retried mutant by mutant to name the culprit.
   */
  @Test
  void everyMutantKeepsTheInvariantsInTheLibraryAndTheCommandLine() throws IOException {
    List<byte[]> mutants = Mutants.of(SEED, INPUTS);
    long evaluated = 0;
    long rejected = 0;
    for (int from = 0; from < mutants.size(); from += BATCH) {
      List<byte[]> batch = mutants.subList(from, Math.min(from + BATCH, mutants.size()));
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      file.writeBytes(Mutants.utf8(Mutants.canaryRecord(SEED, 99)));
      for (byte[] m : batch) {
        file.write('\n');
        file.writeBytes(m);
      }
      try {
        Pipeline.Result r = runEverywhere("batch-" + from + ".ndjson", file.toByteArray(), true);
        evaluated += r.evaluated();
        rejected += r.rejected();
      } catch (AssertionError | RuntimeException e) {
        for (int i = 0; i < batch.size(); i++) {
          String operator = Mutants.OPERATORS.get((from + i) % Mutants.OPERATORS.size()).name();
          try {
            Pipeline.Result r = Pipeline.check(batch.get(i));
            r.violations().forEach(v -> assertNoCanary("", v.toString()));
          } catch (AssertionError | RuntimeException culprit) {
            throw new AssertionError("mutant " + (from + i) + " (" + operator + ", seed " + SEED + "): " + culprit, culprit);
          }
        }
        throw e;
      }
    }
    // not vacuous: the mutants hold both records the validator accepts and records it rejects
    assertThat(evaluated).isGreaterThan(INPUTS / 20 + INPUTS / BATCH);
    assertThat(rejected).isGreaterThan(INPUTS / 2);
  }

  @Test
  void specialInputs() throws IOException {
    String good = Mutants.canaryRecord(SEED, 1);
    String good2 = Mutants.canaryRecord(SEED, 2);
    Map<String, byte[]> inputs = new LinkedHashMap<>();
    inputs.put("empty", new byte[0]);
    inputs.put("whitespace", Mutants.utf8(" \t\r\n \n"));
    inputs.put("other whitespace", Mutants.utf8("\u001c\n\f\n\u000b\n\u2028\n\u3000\n\u0085\n"));
    inputs.put("array", Mutants.utf8("[" + good + ",\n" + good2 + "]"));
    inputs.put("array then ndjson", Mutants.utf8("[" + good + "]\n" + good2 + "\n"));
    inputs.put("two arrays", Mutants.utf8("[" + good + "][" + good2 + "]"));
    inputs.put("array garbage", Mutants.utf8("[" + good + "] " + Mutants.NAME));
    inputs.put("unclosed array", Mutants.utf8("[" + good + "," + good2));
    inputs.put("array of scalars", Mutants.utf8("[1,\"" + Mutants.NAME + "\",null,true,[],{}]"));
    inputs.put("array duplicate keys", Mutants.utf8("[" + good.replace("\"service\":", "\"service\":\"IOP\",\"service\":") + "]"));
    inputs.put("array deep", Mutants.utf8("[" + "[".repeat(50_000) + "]".repeat(50_000) + "," + good + "]"));
    inputs.put("array deep objects", Mutants.utf8("[" + "{\"a\":".repeat(20_000) + "}".repeat(20_000) + "," + good + "]"));
    inputs.put("array long number", Mutants.utf8("[1" + "0".repeat(5000) + "," + good + "]"));
    inputs.put("array unterminated string", Mutants.utf8("[\"" + Mutants.NAME));
    inputs.put("array huge string", Mutants.utf8("[\"" + "Quillon ".repeat(100_000) + "\"," + good + "]"));
    inputs.put("cr only", Mutants.utf8(good + "\r" + good2 + "\r"));
    inputs.put("crlf", Mutants.utf8(good + "\r\n" + good2 + "\r\n"));
    inputs.put("bom", Mutants.utf8("\uFEFF" + good + "\n"));
    inputs.put("bom array", Mutants.utf8("\uFEFF[" + good + "]"));
    inputs.put("two boms", Mutants.utf8("\uFEFF\uFEFF" + good + "\n"));
    inputs.put("utf-16le array", ("[" + good + "]").getBytes(StandardCharsets.UTF_16LE));
    inputs.put("utf-16 ndjson", (good + "\n").getBytes(StandardCharsets.UTF_16));
    inputs.put("utf-32", (good + "\n").getBytes(java.nio.charset.Charset.forName("UTF-32")));
    inputs.put("nul bytes", new byte[4096]);
    byte[] noise = new byte[1 << 16];
    new java.util.Random(SEED).nextBytes(noise);
    inputs.put("random bytes", noise);
    inputs.put("duplicate episode", Mutants.utf8(good + "\n" + good2 + "\n" + good + "\n"));
    inputs.put("record per line and a lone bracket", Mutants.utf8(good + "\n[\n]\n"));
    inputs.put("lone surrogates", Mutants.utf8(good.replace("\"E-14-1\"", "\"E\\ud800\"") + "\n"));
    inputs.put("control ids", Mutants.utf8(good.replace("\"E-14-1\"", "\"E\\u001b[2J\\u0007\"") + "\n"));
    inputs.put("formula ids", Mutants.utf8(good.replace("\"E-14-1\"", "\"=cmd|' /C calc'!A0\"") + "\n"));
    for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
      try {
        runEverywhere(e.getKey().replace(' ', '-') + ".ndjson", e.getValue(), e.getKey().endsWith("ids"));
      } catch (Throwable t) {
        throw new AssertionError("special input '" + e.getKey() + "': " + t, t);
      }
    }
  }

  /**
   * Runs {@code content} through the library ({@link Pipeline}), {@code check --output DIR} and,
   * with {@code text}, {@code check} (the text report); checks exit codes, counts against the
   * library's, and that no output shows a canary.
   */
  private Pipeline.Result runEverywhere(String name, byte[] content, boolean withText) throws IOException {
    Path input = Files.write(dir.resolve(name), content);
    Pipeline.Result expected = Pipeline.check(content);
    Path out = dir.resolve("out-" + name);
    CliRun toDir = CliRun.of("check", input.toString(), "--as-of", "2024-06-03", "--output", out.toString());
    List<CliRun> runs = new ArrayList<>(List.of(toDir));
    if (withText) {
      runs.add(CliRun.of("check", input.toString(), "--as-of", "2024-06-03"));
    }
    List<String> outputs = new ArrayList<>();
    runs.forEach(run -> outputs.addAll(List.of(run.out, run.err)));
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.sorted().toList()) {
        outputs.add(Files.readString(f));
      }
    }
    for (String o : outputs) {
      assertNoCanary(name, o);
      assertThat(o).as(name).doesNotContain("\tat ", "Exception:");
    }
    for (CliRun run : runs) {
      assertThat(run.exitCode).as(name + " exit code").isIn(0, 2);
      Matcher m = SUMMARY.matcher(run.out + run.err);
      assertThat(m.find()).as(name + " summary").isTrue();
      long read = Long.parseLong(m.group(1));
      long evaluated = Long.parseLong(m.group(2));
      long rejected = Long.parseLong(m.group(3));
      assertThat(read).as(name + " read = evaluated + rejected").isEqualTo(evaluated + rejected);
      assertThat(new long[] {read, evaluated, rejected}).as(name + " counts as the library's")
          .containsExactly(expected.read(), expected.evaluated(), expected.rejected());
      assertThat(run.exitCode == 2).as(name + " exit 2 exactly when something was rejected").isEqualTo(rejected > 0);
    }
    return expected;
  }

  static void assertNoCanary(String where, String output) {
    for (String canary : Mutants.CANARIES) {
      if (output.contains(canary)) {
        int at = output.indexOf(canary);
        throw new AssertionError(where + ": member data '" + canary + "' in an output: ..."
            + output.substring(Math.max(0, at - 200), Math.min(output.length(), at + 100)) + "...");
      }
    }
  }
}
