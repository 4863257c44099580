package org.perfspecs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.fhir.FhirCaseRecords;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;

/**
 * Where the two engines are known to differ, shown on purpose: no record of the agreement tests
 * reaches these cases (their times are whole minutes), but a reader of the CQL should know them.
 */
class KnownDifferencesTest {
  static final String REFERRED = "2024-02-26T19:00:00Z";

  static CaseRecord cspWithAttemptAt(String at) throws Exception {
    String json = "{\"member\": {\"id\": \"M-1\", \"dateOfBirth\": \"1968-07-04\", \"product\": \"TUFTS_HEALTH_ONE_CARE\"},"
        + " \"episode\": {\"id\": \"CSP-1\", \"service\": \"CSP\", \"programId\": \"P-CSP\","
        + " \"referral\": {\"id\": \"ref-1\", \"source\": \"INPATIENT_24_HOUR\", \"at\": \"" + REFERRED + "\"},"
        + " \"contacts\": [{\"id\": \"c-1\", \"at\": \"" + at + "\", \"minutes\": 5, \"mode\": \"PHONE\","
        + " \"kind\": \"OUTREACH_ATTEMPT\", \"memberEngaged\": false}]}}";
    return ModelJson.reader(CaseRecord.class).readValue(json);
  }

  static Map<Rule, Verdict> both(CaseRecord record, Instant asOf, boolean cql) {
    return cql ? SampleAgreementTest.CQL.evaluate(FhirCaseRecords.toBundle(record), asOf)
        : SampleAgreementTest.PERFSPECS.evaluate(record, EvaluationContext.asOf(asOf));
  }

  /** At exactly 24:00 both say MET (the boundary is inclusive in both). */
  @Test
  void theBoundaryItselfAgrees() throws Exception {
    CaseRecord r = cspWithAttemptAt("2024-02-27T19:00:00Z");
    Instant asOf = Instant.parse("2024-03-01T00:00:00Z");
    assertThat(both(r, asOf, true)).isEqualTo(both(r, asOf, false))
        .containsEntry(Rule.CSP_INITIAL_CONTACT, new Verdict("MET", java.util.Optional.of(Instant.parse("2024-02-27T19:00:00Z"))));
  }

  /**
   * Half a second after the 24 hours: perfspecs (exact instants) says NOT_MET; the CQL compares to
   * the second ({@code same second or before}), because CQL's {@code <=} between a time with
   * milliseconds and one without is null (uncertain) when they agree to the second, so it says MET.
   */
  @Test
  void aFractionOfASecondLateIsOnTimeInCql() throws Exception {
    CaseRecord r = cspWithAttemptAt("2024-02-27T19:00:00.500Z");
    Instant asOf = Instant.parse("2024-03-01T00:00:00Z");
    assertThat(both(r, asOf, false).get(Rule.CSP_INITIAL_CONTACT).outcome()).isEqualTo("NOT_MET");
    assertThat(both(r, asOf, true).get(Rule.CSP_INITIAL_CONTACT).outcome()).isEqualTo("MET");
  }
}
