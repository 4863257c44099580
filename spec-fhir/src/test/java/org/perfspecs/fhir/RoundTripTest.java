package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;

/** Every bundled sample record survives CaseRecord → FHIR Bundle (JSON) → CaseRecord, and is judged the same. */
class RoundTripTest {
  static final Engine ENGINE = Engine.standard();
  static final EvaluationContext AS_OF = EvaluationContext.asOf(Instant.parse("2024-06-03T16:00:00Z"));

  @Test
  void everySampleRecordRoundTripsThroughFhirJson() {
    List<CaseRecord> samples = Samples.caseRecords();
    assertThat(samples).hasSizeGreaterThan(10);
    for (CaseRecord record : samples) {
      String json = FhirCaseRecords.toJson(record);
      Bundle bundle = FhirCaseRecords.parseBundle(json);
      FhirReadResult result = FhirCaseRecords.read(bundle);
      assertThat(result.errors()).as(record.episode().id()).isEmpty();
      assertThat(result.records()).as(record.episode().id()).containsExactly(record);
      assertThat(result.summary().ignored()).as(record.episode().id() + " ignored").isEmpty();
      assertThat(result.summary().unmappedCodes()).as(record.episode().id() + " unmapped").isEmpty();
      List<Finding> direct = ENGINE.evaluate(record, AS_OF);
      List<Finding> viaFhir = ENGINE.evaluate(result.records().get(0), AS_OF);
      assertThat(viaFhir).isEqualTo(direct);
    }
  }
}
