package org.perfspecs.compare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.fhir.FhirCaseRecords;
import org.perfspecs.fhir.FhirReadResult;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ServiceType;
import org.perfspecs.testkit.TypicalRecords;

/**
 * The five timed rules, per record, by the reference CQL engine and by perfspecs, in one run.
 *
 * <ul>
 *   <li>{@code cqlRecord}: the CQL libraries (compiled once and cached: the fair best case) over the
 *       record's FHIR Bundle already in memory, one engine per record over an in-memory repository.
 *   <li>{@code perfspecsRecord}: the same five requirements (only those) over the CaseRecord.
 *   <li>{@code cqlEndToEnd} / {@code perfspecsEndToEnd}: from the record's FHIR JSON (one NDJSON
 *       line, spec-fhir's writer) to verdicts: HAPI parses the Bundle, then the CQL engine runs; or
 *       HAPI parses it, spec-fhir reads it into a CaseRecord, and perfspecs judges it.
 * </ul>
 *
 * <p>The records are {@code TypicalRecords} (60 contacts, 10 documents, 5 appointments each) of
 * CSP, IOP, ESOAP and RC in turn, cycled: one invocation is one record and the rules of its service
 * (IOP has two of the five), so the figure is the mean over the five rules' services. The setup checks that both
 * engines give the same verdicts on every record of the pool, so what is timed is the same answer.
 * Sample mode: JMH reports the median (p0.50) and the mean. Never run by the build.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 4, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CqlComparisonBenchmark {
  /** The services of the five rules, taken in turn by the pool's records. */
  private static final ServiceType[] SERVICES = {ServiceType.CSP, ServiceType.IOP, ServiceType.ESOAP, ServiceType.RC};

  /** How many distinct typical records are cycled through (CSP, IOP, ESOAP, RC in turn). */
  @Param("8")
  public int records;

  private final CqlRules cql = new CqlRules();
  private final PerfspecsRules perfspecs = new PerfspecsRules();
  private final Instant asOf = TypicalRecords.AS_OF;
  private final EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
  private CaseRecord[] pool;
  private Bundle[] bundles;
  private String[] json;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    pool = new CaseRecord[records];
    bundles = new Bundle[records];
    json = new String[records];
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      pool[i] = TypicalRecords.record(SERVICES[i % SERVICES.length], 42, i / SERVICES.length);
      json[i] = FhirCaseRecords.toJson(pool[i]);
      bundles[i] = FhirCaseRecords.parseBundle(json[i]);
      Map<Rule, Verdict> a = cql.evaluate(bundles[i], asOf);
      Map<Rule, Verdict> b = perfspecs.evaluate(pool[i], ctx);
      if (!a.equals(b)) {
        disagreements.add(pool[i].episode().id() + ": CQL " + a + ", perfspecs " + b);
      }
    }
    if (!disagreements.isEmpty()) {
      throw new IllegalStateException("the engines disagree: " + disagreements);
    }
  }

  private int nextIndex() {
    int i = next;
    next = next + 1 == pool.length ? 0 : next + 1;
    return i;
  }

  @Benchmark
  public Map<Rule, Verdict> cqlRecord() {
    return cql.evaluate(bundles[nextIndex()], asOf);
  }

  @Benchmark
  public Map<Rule, Verdict> perfspecsRecord() {
    return perfspecs.evaluate(pool[nextIndex()], ctx);
  }

  @Benchmark
  public Map<Rule, Verdict> cqlEndToEnd() {
    return cql.evaluate(FhirCaseRecords.parseBundle(json[nextIndex()]), asOf);
  }

  /** The floor of both end-to-end figures: HAPI parsing the record's Bundle, nothing else. */
  @Benchmark
  public Bundle fhirParseOnly() {
    return FhirCaseRecords.parseBundle(json[nextIndex()]);
  }

  @Benchmark
  public Map<Rule, Verdict> perfspecsEndToEnd() {
    FhirReadResult read = FhirCaseRecords.read(FhirCaseRecords.parseBundle(json[nextIndex()]));
    return perfspecs.evaluate(read.records().get(0), ctx);
  }
}
