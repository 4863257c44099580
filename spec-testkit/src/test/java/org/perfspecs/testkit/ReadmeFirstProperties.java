package org.perfspecs.testkit;

// README:BEGIN
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ServiceType;

class ReadmeFirstProperties {
  static final Engine ENGINE = Engine.standard();

  // Any open IOP record, 30 days after admission: no requirement fails with an ERROR,
  // and every PENDING finding names a due time still ahead.
  @Property(tries = 200)
  void openIopRecordsAreJudgedCleanly(@ForAll("openIop") CaseRecord record) {
    EvaluationContext ctx = EvaluationContext.asOf(
        record.episode().admittedAt().orElseThrow().plus(Duration.ofDays(30)));
    for (Finding f : ENGINE.evaluate(record, ctx)) {
      assertThat(f.outcome()).isNotEqualTo(Outcome.ERROR);
      if (f.outcome() == Outcome.PENDING) {
        assertThat(f.due().orElseThrow().last()).isAfterOrEqualTo(ctx.asOf());
      }
    }
  }

  @Provide
  Arbitrary<CaseRecord> openIop() {
    return CaseRecords.caseRecords().forService(ServiceType.IOP).withAtMostContacts(60);
  }

  // Consultations arranged more than 48 hours after admission (or never) are NOT_MET.
  @Property(tries = 100)
  void lateConsultationsAreNotMet(@ForAll("late") Scenario s) {
    EpisodeRequirement q = (EpisodeRequirement) Catalog.standard().requirement(s.requirementId()).orElseThrow();
    assertThat(q.evaluate(s.record(), s.context()).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Provide
  Arbitrary<Scenario> late() {
    return Scenarios.violating("ESOAP.COMP.4.2");
  }

  // With the domain, @ForAll CaseRecord (Member, Episode, Program) needs no @Provide.
  @Property(tries = 100)
  @Domain(PerfspecsDomain.class)
  void everyRecordHasAnEpisodeId(@ForAll CaseRecord record) {
    assertThat(record.episode().id()).isNotBlank();
  }
}
// README:END
