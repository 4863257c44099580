package org.perfspecs.checks.specifications.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.specifications.iop.IopTestData.LATER;
import static org.perfspecs.checks.specifications.iop.IopTestData.admitted;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.TrainingTopic;

class IopTransgenderInclusiveExpectationsTest {
  @Test
  @Verifies("IOP.TRANS.1")
  void nameAndPronounsRecorded() {
    Finding met = FindingChecks.evaluate(IopTransgenderInclusiveExpectations.NAME_AND_PRONOUNS,
        record(member().preferredName("Sam").pronouns("they/them"), admitted()), LATER);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    Finding noPronouns = FindingChecks.evaluate(IopTransgenderInclusiveExpectations.NAME_AND_PRONOUNS,
        record(member().preferredName("Sam"), admitted()), LATER);
    assertThat(noPronouns.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(noPronouns.reason()).contains("pronouns").doesNotContain("Sam");
    Finding neither = FindingChecks.evaluate(IopTransgenderInclusiveExpectations.NAME_AND_PRONOUNS, record(admitted()), LATER);
    assertThat(neither.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(neither.reason()).contains("chosen name and pronouns");
    assertThat(FindingChecks.evaluate(IopTransgenderInclusiveExpectations.NAME_AND_PRONOUNS,
        record(member().pronouns("she/her"), admitted()), LATER).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"IOP.TRANS.2", "IOP.TRANS.3"})
  void attested() {
    IopTestData.checkAttested(List.of(IopTransgenderInclusiveExpectations.ADMISSION_WITHOUT_REGARD,
        IopTransgenderInclusiveExpectations.GENDER_BASED_ACCESS));
  }

  @Test
  @Verifies("IOP.TRANS.4")
  void staffRegularlyTrained() {
    IopTrainingExpectationsTest.checkRecentTraining(IopTransgenderInclusiveExpectations.STAFF_REGULARLY_TRAINED,
        EnumSet.of(TrainingTopic.LGBTQIA_AFFIRMING_CARE, TrainingTopic.TRANSGENDER_AFFIRMING_CARE));
  }
}
