package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Specification;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ServiceType;
import org.perfspecs.testkit.TypicalRecords;

/**
 * A requirement whose code throws on one record: that record gets an ERROR finding naming the
 * exception type, its other requirement still runs, and the job goes on with every other record.
 * The engine comes through {@link SparkChecks#withEngine}, as a user's own catalog would.
 */
class ErrorFindingTest {
  static final String BROKEN_EPISODE = TypicalRecords.record(ServiceType.IOP, 7, 3).episode().id();

  /** A catalog of one IOP section: a requirement that throws on one episode, and one that is always met. */
  static final class ThrowingOnOneRecord implements EngineFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public Engine create() {
      Citation citation = Citation.of("test.txt", "TEST", "1", "The provider does the thing.");
      EpisodeRequirement throwing = EpisodeRequirement.of("IOP.TEST.1", Strength.MUST, citation,
          ErrorFindingTest::throwsOnTheBrokenEpisode);
      EpisodeRequirement fine = EpisodeRequirement.of("IOP.TEST.2", Strength.MUST, citation,
          (CaseRecord r, EvaluationContext ctx) -> Judgment.met("the thing was done"));
      Specification spec = Specification.builder(ServiceType.IOP).title("test").issuer("test").revision("test").sourceFile("test.txt")
          .sections(new Section("TEST", "TEST", List.of(throwing, fine)) {}).build();
      return Engine.of(Catalog.of(List.of(spec)));
    }
  }

  static Judgment throwsOnTheBrokenEpisode(CaseRecord record, EvaluationContext ctx) {
    if (record.episode().id().equals(BROKEN_EPISODE)) {
      throw new IllegalStateException("broken on purpose");
    }
    return Judgment.met("the thing was done");
  }

  @Test
  void aRequirementThatThrowsGivesAnErrorFindingThereAndTheJobGoesOn() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      lines.add(ModelJson.toJson(TypicalRecords.record(ServiceType.IOP, 7, i)));
    }
    Dataset<String> text = LocalSpark.session().createDataset(lines, Encoders.STRING());

    CheckResult result = SparkChecks.asOf(TypicalRecords.AS_OF).withEngine(new ThrowingOnOneRecord())
        .evaluateText(text);
    List<Row> findings = result.findings().collectAsList();
    CheckSummary summary = result.summary();

    assertThat(findings).hasSize(24);
    assertThat(findings).filteredOn(f -> f.getAs("outcome").equals("ERROR")).singleElement().satisfies(f -> {
      assertThat(f.<String>getAs("requirementId")).isEqualTo("IOP.TEST.1");
      assertThat(f.<String>getAs("subjectId")).isEqualTo(BROKEN_EPISODE);
      assertThat(f.<String>getAs("errorType")).isEqualTo("java.lang.IllegalStateException");
      assertThat(f.<String>getAs("reason")).doesNotContain("broken on purpose");
      assertThat(f.<Long>getAs("line")).isEqualTo(4L);
    });
    assertThat(findings).filteredOn(f -> f.getAs("requirementId").equals("IOP.TEST.2"))
        .allSatisfy(f -> assertThat(f.<String>getAs("outcome")).isEqualTo("MET")).hasSize(12);
    assertThat(summary.records().evaluated()).isEqualTo(12);
    assertThat(summary.records().rejected()).isZero();
    assertThat(summary.nothingLost()).isTrue();
    assertThat(summary.findingsByOutcome()).containsEntry(Outcome.ERROR, 1L).containsEntry(Outcome.MET, 23L);
    assertThat(summary.internalErrors()).isEqualTo(1);
    assertThat(summary.exitCode()).as("an ERROR finding is an internal error, as the command line counts it").isEqualTo(4);
  }
}
