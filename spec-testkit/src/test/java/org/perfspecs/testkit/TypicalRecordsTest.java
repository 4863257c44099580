package org.perfspecs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.Validated;

class TypicalRecordsTest {
  private static final ModelValidator VALIDATOR = ModelValidator.create();

  @Test
  void everyGeneratedRecordPassesTheValidator() {
    for (long seed : new long[] {1, 42, -7, 123456789}) {
      for (long i = 0; i < 40; i++) {
        String json = ModelJson.toJson(TypicalRecords.record(seed, i));
        Validated<CaseRecord> v = VALIDATOR.parse(json, CaseRecord.class);
        assertThat(v.violations()).as("seed %d record %d", seed, i).isEmpty();
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameBytes() throws IOException {
    assertThat(bytes(200, 42)).isEqualTo(bytes(200, 42));
    assertThat(bytes(50, 42)).isNotEqualTo(bytes(50, 43));
    // record i does not depend on the count
    String first = new String(bytes(3, 42), StandardCharsets.UTF_8);
    assertThat(new String(bytes(10, 42), StandardCharsets.UTF_8)).startsWith(first);
  }

  @Test
  void aTypicalRecordIsAFullEpisodeOfItsService() {
    for (ServiceType service : ServiceType.values()) {
      CaseRecord r = TypicalRecords.record(service, 42, 0);
      assertThat(r.episode().service()).isEqualTo(service);
      assertThat(r.episode().contacts()).hasSize(TypicalRecords.CONTACTS);
      assertThat(r.episode().documents()).hasSize(TypicalRecords.DOCUMENTS);
      assertThat(r.episode().appointments()).hasSize(TypicalRecords.APPOINTMENTS);
    }
    assertThat(TypicalRecords.record(ServiceType.ESOAP, 42, 3).member().pregnancy()).isPresent();
    assertThat(TypicalRecords.record(ServiceType.RRS_PPW, 42, 3).member().pregnancy()).isPresent();
    assertThat(TypicalRecords.record(ServiceType.CSP, 42, 3).episode().servicePlan()).isPresent();
    assertThat(TypicalRecords.record(ServiceType.RC, 42, 3).episode().wellnessPlan()).isPresent();
  }

  @Test
  void theEngineJudgesThemWithoutErrorsAndWithAMixOfOutcomes() {
    Engine engine = Engine.standard();
    EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (long i = 0; i < 50; i++) {
      List<Finding> findings = engine.evaluate(TypicalRecords.record(7, i), ctx);
      assertThat(findings).isNotEmpty();
      for (Finding f : findings) {
        assertThat(f.outcome()).as("%s: %s", f.requirementId(), f.reason()).isNotEqualTo(Outcome.ERROR);
        counts.merge(f.outcome(), 1, Integer::sum);
      }
    }
    assertThat(counts).containsKeys(Outcome.MET, Outcome.NOT_MET, Outcome.NOT_APPLICABLE);
  }

  @Test
  void theEngineGivesWhatEachRequirementGivesOnItsOwn() {
    // the engine shares per-record work between requirements (RecordScope); on its own a
    // requirement computes everything itself: the findings must be the same, in the same order
    Engine engine = Engine.standard();
    EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
    for (long i = 0; i < 40; i++) {
      CaseRecord record = TypicalRecords.record(11, i);
      List<Finding> alone = engine.catalog().specification(record.episode().service()).orElseThrow()
          .requirements().stream()
          .filter(r -> r instanceof org.perfspecs.checks.EpisodeRequirement)
          .map(r -> ((org.perfspecs.checks.EpisodeRequirement) r).evaluate(record, ctx))
          .toList();
      List<Finding> together = engine.evaluate(record, ctx);
      assertThat(together).as("record %d", i).isEqualTo(alone);
      for (int k = 0; k < alone.size(); k++) {
        assertThat(together.get(k).toString()).isEqualTo(alone.get(k).toString());
      }
    }
  }

  private static byte[] bytes(long count, long seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GenerateRecords.write(count, seed, out);
    return out.toByteArray();
  }
}
