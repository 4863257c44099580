package org.perfspecs.bench;

import java.util.List;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ServiceType;
import org.perfspecs.testkit.TypicalRecords;

/**
 * A loop for a profiler: {@code Engine.evaluate} on the 16 typical records of one service (seed 42,
 * as {@link EvaluateCpu}) for a number of seconds of wall time, e.g. under JFR:
 *
 * <pre>java -XX:StartFlightRecording=filename=csp.jfr,settings=profile \
 *   -cp spec-bench/target/benchmarks.jar org.perfspecs.bench.EvaluateOne CSP 30</pre>
 */
public final class EvaluateOne {
  private EvaluateOne() {}

  public static void main(String[] args) {
    ServiceType service = ServiceType.valueOf(args.length > 0 ? args[0] : "CSP");
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
    Engine engine = Engine.standard();
    EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
    CaseRecord[] pool = new CaseRecord[16];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = TypicalRecords.record(service, 42, i);
    }
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long n = 0;
    long sink = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 1000; i++) {
        List<Finding> findings = engine.evaluate(pool[(int) (n++ & 15)], ctx);
        sink += findings.size();
      }
    }
    System.out.println(service + ": " + n + " evaluations (" + sink + " findings)");
  }
}
