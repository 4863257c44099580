package org.perfspecs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Outcome;
import org.perfspecs.fhir.FhirCaseRecords;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ServiceType;
import org.perfspecs.testkit.CaseRecords;
import org.perfspecs.testkit.Scenario;
import org.perfspecs.testkit.Scenarios;

/**
 * Testkit-generated records in FHIR (spec-fhir's writer), a small fixed-seed set: the CQL verdict
 * of each rule equals perfspecs'. The scenarios are the testkit's meeting, violating, pending (and
 * every other outcome it has) for the five requirement ids, each at its own as-of time; the
 * general records are any records of the four services, at times around their events.
 */
class GeneratedAgreementProperties {
  static final CqlRules CQL = SampleAgreementTest.CQL;
  static final PerfspecsRules PERFSPECS = SampleAgreementTest.PERFSPECS;

  @Property(tries = 60, seed = "2121", shrinking = ShrinkingMode.OFF)
  void cqlAgreesOnTheTestkitScenarios(@ForAll("scenarios") Scenario s) {
    Map<Rule, Verdict> perfspecs = PERFSPECS.evaluate(s.record(), s.context());
    Rule rule = rule(s.requirementId());
    assertThat(perfspecs.get(rule).outcome()).as("perfspecs on its own scenario %s", s).isEqualTo(s.expected().name());
    assertAgree(s.record(), s.asOf(), perfspecs);
  }

  @Property(tries = 30, seed = "2121", shrinking = ShrinkingMode.OFF)
  void cqlAgreesOnGeneratedRecords(@ForAll("records") Tuple2<CaseRecord, Instant> r) {
    assertAgree(r.get1(), r.get2(), PERFSPECS.evaluate(r.get1(), EvaluationContext.asOf(r.get2())));
  }

  static void assertAgree(CaseRecord record, Instant asOf, Map<Rule, Verdict> perfspecs) {
    Map<Rule, Verdict> cql = CQL.evaluate(FhirCaseRecords.toBundle(record), asOf);
    assertThat(cql).as("CQL and perfspecs on episode %s as of %s", record.episode().id(), asOf).isEqualTo(perfspecs);
  }

  static Rule rule(String id) {
    for (Rule r : Rule.values()) {
      if (r.requirementId().equals(id)) {
        return r;
      }
    }
    throw new IllegalArgumentException(id);
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    List<Arbitrary<Scenario>> all = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      for (Outcome o : Scenarios.outcomes(rule.requirementId())) {
        all.add(Scenarios.of(rule.requirementId(), o));
      }
    }
    return Arbitraries.oneOf(all);
  }

  @Provide
  Arbitrary<Tuple2<CaseRecord, Instant>> records() {
    Arbitrary<CaseRecord> records = Arbitraries.of(ServiceType.CSP, ServiceType.IOP, ServiceType.ESOAP, ServiceType.RC)
        .flatMap(s -> CaseRecords.caseRecords().forService(s));
    return Combinators.combine(records, Arbitraries.integers().between(0, 3), Arbitraries.longs().between(-2 * 24, 45 * 24))
        .as((record, anchor, hours) -> Tuple.of(record, anchorOf(record, anchor).plus(Duration.ofHours(hours))));
  }

  /** The record's referral, admission, discharge or last contact (the admission when absent). */
  static Instant anchorOf(CaseRecord record, int which) {
    var e = record.episode();
    Instant admitted = e.admittedAt().orElseThrow();
    return switch (which) {
      case 0 -> e.referral().map(r -> r.at()).orElse(admitted);
      case 2 -> e.dischargedAt().orElse(admitted);
      case 3 -> e.contacts().stream().map(c -> c.at()).max(Instant::compareTo).orElse(admitted);
      default -> admitted;
    };
  }
}
