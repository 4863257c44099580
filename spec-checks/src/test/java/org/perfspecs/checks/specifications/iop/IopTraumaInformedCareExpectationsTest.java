package org.perfspecs.checks.specifications.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.specifications.iop.IopTestData.LATER;
import static org.perfspecs.checks.specifications.iop.IopTestData.admitted;
import static org.perfspecs.checks.specifications.iop.IopTestData.doc;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.Party;
import org.perfspecs.model.TrainingTopic;

class IopTraumaInformedCareExpectationsTest {
  private static Outcome judge(EpisodeRequirement r, ImmutableEpisode.Builder e) {
    return FindingChecks.evaluate(r, record(e), LATER).outcome();
  }

  @Test
  @Verifies("IOP.TRAUMA.1")
  void ongoingTraining() {
    IopTrainingExpectationsTest.checkRecentTraining(IopTraumaInformedCareExpectations.ONGOING_TRAINING,
        EnumSet.of(TrainingTopic.TRAUMA_INFORMED_CARE));
  }

  @Test
  @Verifies("IOP.TRAUMA.2")
  void traumaScreeningInTheAssessment() {
    EpisodeRequirement r = IopTraumaInformedCareExpectations.TRAUMA_SCREENING;
    assertThat(judge(r, admitted().addDocuments(doc("a", DocumentKind.ASSESSMENT, "2024-04-01", ContentElement.TRAUMA_SCREENING).build())))
        .isEqualTo(Outcome.MET);
    Finding f = FindingChecks.evaluate(r, record(admitted().addDocuments(doc("a", DocumentKind.ASSESSMENT, "2024-04-01",
        ContentElement.MENTAL_STATUS_EXAM).build())), LATER);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("trauma screening");
    assertThat(judge(r, admitted())).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(FindingChecks.evaluate(r, record(admitted().addDocuments(doc("a", DocumentKind.ASSESSMENT, "2024-09-01",
        ContentElement.TRAUMA_SCREENING).build())), LATER).outcome()).as("dated after the as-of").isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies({"IOP.TRAUMA.3", "IOP.TRAUMA.5", "IOP.TRAUMA.6"})
  void attested() {
    IopTestData.checkAttested(List.of(IopTraumaInformedCareExpectations.POLICIES, IopTraumaInformedCareExpectations.SAFE_ENVIRONMENT,
        IopTraumaInformedCareExpectations.TRAUMA_SPECIFIC));
  }

  @Test
  @Verifies("IOP.TRAUMA.4.a")
  void memberVoiceInTreatmentPlanning() {
    EpisodeRequirement r = IopTraumaInformedCareExpectations.MEMBER_VOICE;
    assertThat(judge(r, admitted().addDocuments(doc("tp", DocumentKind.PROVISIONAL_TREATMENT_PLAN, "2024-04-02")
        .addDevelopedWith(Party.MEMBER).build()))).isEqualTo(Outcome.MET);
    assertThat(judge(r, admitted().addDocuments(doc("tp", DocumentKind.TREATMENT_PLAN, "2024-04-02")
        .addDevelopedWith(Party.TREATMENT_TEAM).build()))).isEqualTo(Outcome.NOT_MET);
    assertThat(judge(r, admitted())).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("IOP.TRAUMA.4.b")
  void harmReduction() {
    EpisodeRequirement r = IopTraumaInformedCareExpectations.HARM_REDUCTION;
    assertThat(judge(r, admitted().addDocuments(doc("tp", DocumentKind.TREATMENT_PLAN, "2024-04-02", ContentElement.HARM_REDUCTION).build())))
        .isEqualTo(Outcome.MET);
    assertThat(judge(r, admitted().addDocuments(doc("tp", DocumentKind.TREATMENT_PLAN, "2024-04-02", ContentElement.STRENGTHS).build())))
        .isEqualTo(Outcome.NOT_MET);
    assertThat(judge(r, admitted())).isEqualTo(Outcome.NOT_APPLICABLE);
  }
}
