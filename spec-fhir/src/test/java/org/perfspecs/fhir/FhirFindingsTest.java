package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;

/** Findings as Tasks, DetectedIssues and a MeasureReport: contents, and valid against the base R4 resources. */
class FhirFindingsTest {
  static final Engine ENGINE = Engine.standard();

  @Test
  void pendingFindingsBecomeRequestedTasksForThePatientWithTheDueTime() {
    // the ESOAP sample, one hour after admission: the 48-hour consultations are pending
    CaseRecord record = Samples.caseRecords().stream().filter(r -> r.episode().service().name().equals("ESOAP"))
        .findFirst().orElseThrow();
    Instant asOf = record.episode().admittedAt().orElseThrow().plusSeconds(3600);
    List<Finding> findings = ENGINE.evaluate(record, EvaluationContext.asOf(asOf));
    List<Finding> pending = findings.stream().filter(f -> f.outcome() == Outcome.PENDING).toList();
    assertThat(pending).isNotEmpty();
    List<Task> tasks = FhirFindings.tasks(findings, record);
    assertThat(tasks).hasSizeGreaterThanOrEqualTo(pending.size());
    for (Finding f : pending) {
      Task t = tasks.stream().filter(x -> x.getCode().getCodingFirstRep().getCode().equals(f.requirementId()))
          .findFirst().orElseThrow();
      assertThat(t.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
      assertThat(t.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirCodeSystems.REQUIREMENT);
      assertThat(t.getFor().getReference()).isEqualTo("Patient/" + record.member().id());
      assertThat(t.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(f.due().orElseThrow().last().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      assertThat(t.getDescription()).isEqualTo(ENGINE.catalog().requirement(f.requirementId()).orElseThrow()
          .citation().text());
    }
  }

  @Test
  void notMetFindingsBecomeDetectedIssuesWithEvidenceAndCitation() {
    EvaluationContext ctx = EvaluationContext.asOf(Instant.parse("2024-06-03T16:00:00Z"));
    int issues = 0;
    for (CaseRecord record : Samples.caseRecords()) {
      List<Finding> findings = ENGINE.evaluate(record, ctx);
      List<DetectedIssue> found = FhirFindings.detectedIssues(findings, record);
      List<Finding> notMet = findings.stream().filter(f -> f.outcome() == Outcome.NOT_MET).toList();
      assertThat(found).hasSameSizeAs(notMet);
      for (int i = 0; i < notMet.size(); i++) {
        DetectedIssue d = found.get(i);
        Finding f = notMet.get(i);
        assertThat(d.getCode().getCodingFirstRep().getCode()).isEqualTo(f.requirementId());
        assertThat(d.getDetail()).contains(ENGINE.catalog().requirement(f.requirementId()).orElseThrow().citation().text());
        assertThat(d.getImplicated()).hasSizeGreaterThanOrEqualTo(1 + (int) f.evidence().stream()
            .filter(e -> !e.kind().equals("episode")).count());
        assertThat(d.getPatient().getReference()).isEqualTo("Patient/" + record.member().id());
      }
      issues += found.size();
    }
    assertThat(issues).isPositive();
  }

  @Test
  void everyResourceWrittenIsValidAgainstTheBaseR4Definitions() {
    EvaluationContext ctx = EvaluationContext.asOf(Instant.parse("2024-05-02T16:00:00Z"));
    List<Finding> all = new ArrayList<>();
    int written = 0;
    for (CaseRecord record : Samples.caseRecords()) {
      List<Finding> findings = ENGINE.evaluate(record, ctx);
      all.addAll(findings);
      for (var r : FhirFindings.resources(findings, record)) {
        assertThat(R4Validator.errors(r)).as(r.fhirType() + "/" + r.getIdElement().getIdPart()).isEmpty();
        written++;
      }
    }
    assertThat(written).isPositive();
    MeasureReport report = FhirFindings.measureReport(all, ctx.asOf());
    assertThat(R4Validator.errors(report)).isEmpty();
    long counted = report.getGroup().stream().flatMap(g -> g.getPopulation().stream()).mapToLong(p -> p.getCount()).sum();
    assertThat(counted).isEqualTo(all.size());
  }

  @Test
  void sampleBundlesAreValidAgainstTheBaseR4Definitions() {
    // one sample per service (the validator is slow: the round-trip tests cover every sample)
    java.util.Map<Object, CaseRecord> perService = new java.util.LinkedHashMap<>();
    Samples.caseRecords().forEach(r -> perService.putIfAbsent(r.episode().service(), r));
    for (CaseRecord record : perService.values()) {
      assertThat(R4Validator.errors(FhirCaseRecords.toBundle(record))).as(record.episode().id()).isEmpty();
    }
  }
}
