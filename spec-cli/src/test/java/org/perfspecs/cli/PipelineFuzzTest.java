package org.perfspecs.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.perfspecs.model.Violation;

/**
 * The Jazzer fuzz target of issue 14: any bytes, as a file of case records, through the reader,
 * the validator, the duplicate check, the engine and the aggregate ({@link Pipeline}), which
 * fails on a broken invariant (an exception, read ≠ evaluated + rejected, an ERROR finding on a
 * valid record, an internal error while reading, a path that is not the model's); no violation
 * may show the canary.
 *
 * <p>In {@code mvn verify} (no {@code JAZZER_FUZZ}) it replays the kept inputs in {@code
 * src/test/resources/org/perfspecs/cli/PipelineFuzzTestInputs/pipeline/} (seeds, and any input
 * that once failed) as regression tests. To fuzz for ten minutes (coverage-guided, one core):
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 mvn -B -pl spec-cli -am test -Dtest=PipelineFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djazzer.hooks=true -Djazzer.instrumentation_includes='org.perfspecs.**'
 * }</pre>
 *
 * <p>A failing input is written to that directory (keep it: it becomes a regression test); the
 * growing corpus goes to {@code spec-cli/.cifuzz-corpus/} (not kept).
 */
class PipelineFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void pipeline(byte[] input) {
    Pipeline.Result r = Pipeline.check(input);
    for (Violation v : r.violations()) {
      MutationFuzzTest.assertNoCanary("violation", v.toString());
    }
  }
}
