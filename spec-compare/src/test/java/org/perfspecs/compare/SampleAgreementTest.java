package org.perfspecs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.perfspecs.fhir.FhirCaseRecords;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ServiceType;
import org.perfspecs.testkit.TypicalRecords;

/**
 * The bundled samples in FHIR: for each record, at the README's as-of time and at a few times
 * around its own events (so that PENDING and the deadlines' edges come up), the CQL verdict of each
 * of the five rules (outcome and due time) equals perfspecs'.
 */
class SampleAgreementTest {
  static final CqlRules CQL = new CqlRules();
  static final PerfspecsRules PERFSPECS = new PerfspecsRules();
  static final Instant README_AS_OF = OffsetDateTime.parse("2024-06-03T12:00:00-04:00").toInstant();

  @Test
  void cqlAgreesWithPerfspecsOnEverySample() {
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    for (CaseRecord record : Samples.records()) {
      if (Rule.forService(record.episode().service()).isEmpty()) {
        continue;
      }
      for (Instant asOf : asOfTimes(record)) {
        Map<Rule, Verdict> expected = PERFSPECS.evaluate(record, EvaluationContext.asOf(asOf));
        Bundle bundle = FhirCaseRecords.toBundle(record);
        Map<Rule, Verdict> actual = CQL.evaluate(bundle, asOf);
        compared += expected.size();
        expected.forEach((rule, v) -> {
          outcomes.merge(rule.requirementId() + " " + v.outcome(), 1, Integer::sum);
          if (v.due().isPresent() && !"PENDING".equals(v.outcome())) {
            outcomes.merge(rule.requirementId() + " " + v.outcome() + " with due", 1, Integer::sum);
          }
          if (!v.equals(actual.get(rule))) {
            disagreements.add(record.episode().id() + " " + rule.requirementId() + " as of " + asOf
                + ": perfspecs " + v + ", CQL " + actual.get(rule));
          }
        });
      }
    }
    System.out.println("sample verdicts compared: " + compared + " " + outcomes);
    assertThat(compared).isGreaterThan(50);
    assertThat(outcomes.keySet()).as("each rule met, not met and pending at least once").contains(
        "CSP.COMP.3.1 MET", "CSP.COMP.3.1 PENDING", "IOP.COMP.4.a MET", "IOP.COMP.4.a PENDING",
        "ESOAP.COMP.4.2 MET", "IOP.DISCH.6.b MET", "RC.CASE.2 MET", "RC.CASE.2 PENDING",
        // the recurring rule's next due time beside a MET (the window in progress), and a finding
        // outside the specification or before admission
        "RC.CASE.2 MET with due", "RC.CASE.2 NOT_APPLICABLE", "ESOAP.COMP.4.2 NOT_APPLICABLE");
    assertThat(disagreements).as("disagreements").isEmpty();
  }

  /** The benchmark's records: typical episodes (60 contacts each) of the four services, at their as-of. */
  @Test
  void cqlAgreesWithPerfspecsOnTypicalRecords() {
    List<String> disagreements = new ArrayList<>();
    for (ServiceType service : List.of(ServiceType.CSP, ServiceType.IOP, ServiceType.ESOAP, ServiceType.RC)) {
      for (int i = 0; i < 3; i++) {
        CaseRecord record = TypicalRecords.record(service, 42, i);
        Map<Rule, Verdict> expected = PERFSPECS.evaluate(record, EvaluationContext.asOf(TypicalRecords.AS_OF));
        Map<Rule, Verdict> actual = CQL.evaluate(FhirCaseRecords.parseBundle(FhirCaseRecords.toJson(record)), TypicalRecords.AS_OF);
        if (!expected.equals(actual)) {
          disagreements.add(record.episode().id() + ": perfspecs " + expected + ", CQL " + actual);
        }
      }
    }
    assertThat(disagreements).as("disagreements").isEmpty();
  }

  /** The README's as-of, and one hour after each of the record's referral, admission and discharge, and a day later. */
  static TreeSet<Instant> asOfTimes(CaseRecord record) {
    TreeSet<Instant> out = new TreeSet<>();
    out.add(README_AS_OF);
    var e = record.episode();
    List<Instant> events = new ArrayList<>();
    e.referral().ifPresent(r -> events.add(r.at()));
    e.admittedAt().ifPresent(events::add);
    e.dischargedAt().ifPresent(events::add);
    for (Instant t : events) {
      out.add(t.plus(Duration.ofHours(1)));
      out.add(t.plus(Duration.ofDays(1)));
      out.add(t.plus(Duration.ofDays(9)));
    }
    return out;
  }
}
