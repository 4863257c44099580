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
import org.perfspecs.model.ImmutableCaseRecord;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.ModelJson;
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

  /**
   * The scenarios judge the requirement on its own, whatever the member's product; the engine (and
   * both sides here) first checks that the service's specification covers the product. A scenario
   * whose member is outside it is compared as it is (NOT_APPLICABLE on both sides), and again with
   * the product {@code OTHER} (always judged), where perfspecs must give the scenario's outcome.
   */
  @Property(tries = 60, seed = "2121", shrinking = ShrinkingMode.OFF)
  void cqlAgreesOnTheTestkitScenarios(@ForAll("scenarios") Scenario s) {
    CaseRecord record = s.record();
    Rule rule = rule(s.requirementId());
    if (!PERFSPECS.covers(record)) {
      Map<Rule, Verdict> outside = PERFSPECS.evaluate(record, s.context());
      assertThat(outside.get(rule).outcome()).as("perfspecs on a member outside the specification").isEqualTo("NOT_APPLICABLE");
      assertAgree(record, s.asOf(), outside);
      record = withProduct(record, InsuranceProduct.OTHER);
    }
    Map<Rule, Verdict> perfspecs = PERFSPECS.evaluate(record, s.context());
    assertThat(perfspecs.get(rule).outcome()).as("perfspecs on its own scenario %s", s).isEqualTo(s.expected().name());
    assertAgree(record, s.asOf(), perfspecs);
  }

  @Property(tries = 30, seed = "2121", shrinking = ShrinkingMode.OFF)
  void cqlAgreesOnGeneratedRecords(@ForAll("records") Tuple2<CaseRecord, Instant> r) {
    assertAgree(r.get1(), r.get2(), PERFSPECS.evaluate(r.get1(), EvaluationContext.asOf(r.get2())));
  }

  static void assertAgree(CaseRecord record, Instant asOf, Map<Rule, Verdict> perfspecs) {
    Map<Rule, Verdict> cql = CQL.evaluate(FhirCaseRecords.toBundle(record), asOf);
    if (!cql.equals(perfspecs)) {
      StringBuilder why = new StringBuilder();
      PERFSPECS.findings(record, EvaluationContext.asOf(asOf)).forEach((rule, f) -> why.append(rule).append(": ").append(f.reason()).append("; "));
      assertThat(cql).as("CQL and perfspecs on episode %s as of %s (perfspecs: %s) record %s", record.episode().id(), asOf,
          why, json(record)).isEqualTo(perfspecs);
    }
  }

  static CaseRecord withProduct(CaseRecord record, InsuranceProduct product) {
    return ImmutableCaseRecord.copyOf(record).withMember(ImmutableMember.copyOf(record.member()).withProduct(product));
  }

  static String json(CaseRecord record) {
    try {
      return ModelJson.writer().writeValueAsString(record);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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
