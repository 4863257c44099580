package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.testkit.CaseRecords;

/** Any valid record survives CaseRecord → FHIR Bundle (JSON) → CaseRecord, and its findings are the same. */
class RoundTripProperties {
  static final Engine ENGINE = Engine.standard();

  @Provide
  Arbitrary<CaseRecord> records() {
    return CaseRecords.caseRecords();
  }

  @Property(tries = 200)
  void aRecordReadsBackEqualFromItsBundle(@ForAll("records") CaseRecord record) {
    FhirReadResult result = FhirCaseRecords.read(FhirCaseRecords.parseBundle(FhirCaseRecords.toJson(record)));
    assertThat(result.errors()).isEmpty();
    assertThat(result.records()).containsExactly(record);
    assertThat(result.summary().ignored()).isEmpty();
  }

  @Property(tries = 50)
  void findingsAreTheSameThroughEitherRoute(@ForAll("records") CaseRecord record) {
    EvaluationContext ctx = EvaluationContext.asOf(record.episode().admittedAt().orElse(Instant.parse("2024-01-01T00:00:00Z"))
        .plusSeconds(45L * 24 * 3600));
    CaseRecord viaFhir = FhirCaseRecords.read(FhirCaseRecords.toBundle(record)).records().get(0);
    assertThat(ENGINE.evaluate(viaFhir, ctx)).isEqualTo(ENGINE.evaluate(record, ctx));
  }
}
