package org.perfspecs.checks.specifications.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.specifications.iop.IopTestData.program;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.Training;
import org.perfspecs.model.TrainingTopic;

class IopTrainingExpectationsTest {
  /** As of 2024-05-01: trainings completed from 2023-05-02 count (365 days), 2023-05-01 does not. */
  static StaffMember trained(String id, LocalDate on, Set<TrainingTopic> topics) {
    var b = StaffMember.builder().id(id).addRoles(StaffRole.LICSW);
    topics.forEach(t -> b.addTrainings(Training.builder().topic(t).completedOn(on).build()));
    return b.build();
  }

  static void checkRecentTraining(ProgramRequirement r, Set<TrainingTopic> topics) {
    var asOf = ny("2024-05-01T12:00");
    assertThat(r.strength()).isEqualTo(Strength.SHOULD);
    Finding met = FindingChecks.evaluate(r, program().addStaff(trained("s-1", LocalDate.of(2023, 5, 2), topics),
        trained("s-2", LocalDate.of(2024, 5, 1), topics)).build(), asOf);
    assertThat(met.outcome()).as(r.id()).isEqualTo(Outcome.MET);
    Finding stale = FindingChecks.evaluate(r, program().addStaff(trained("s-1", LocalDate.of(2023, 5, 1), topics)).build(), asOf);
    assertThat(stale.outcome()).as(r.id() + " 366 days ago").isEqualTo(Outcome.NOT_MET);
    Finding future = FindingChecks.evaluate(r, program().addStaff(trained("s-1", LocalDate.of(2024, 5, 2), topics)).build(), asOf);
    assertThat(future.outcome()).as(r.id() + " after the as-of").isEqualTo(Outcome.NOT_MET);
    Finding oneUntrained = FindingChecks.evaluate(r, program().addStaff(trained("s-1", LocalDate.of(2024, 1, 2), topics),
        trained("s-2", LocalDate.of(2024, 1, 2), EnumSet.of(TrainingTopic.OTHER))).build(), asOf);
    assertThat(oneUntrained.outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
    assertThat(oneUntrained.reason()).contains("s-2");
    assertThat(FindingChecks.evaluate(r, program().build(), asOf).outcome()).as("empty roster").isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"IOP.TRAIN.1", "IOP.TRAIN.2", "IOP.TRAIN.3", "IOP.TRAIN.4", "IOP.TRAIN.5", "IOP.TRAIN.6"})
  void everyTopicTrainedWithinTheYear() {
    checkRecentTraining(IopTrainingExpectations.SDOH, EnumSet.of(TrainingTopic.SOCIAL_DETERMINANTS_OF_HEALTH));
    checkRecentTraining(IopTrainingExpectations.TRAUMA_INFORMED, EnumSet.of(TrainingTopic.TRAUMA_INFORMED_CARE));
    checkRecentTraining(IopTrainingExpectations.LGBTQIA, EnumSet.of(TrainingTopic.LGBTQIA_AFFIRMING_CARE, TrainingTopic.TRANSGENDER_AFFIRMING_CARE));
    checkRecentTraining(IopTrainingExpectations.ANTI_RACIST, EnumSet.of(TrainingTopic.CULTURALLY_RESPONSIVE_ANTI_RACIST_CARE));
    checkRecentTraining(IopTrainingExpectations.HEALTH_EQUITY, EnumSet.of(TrainingTopic.HEALTH_EQUITY));
    checkRecentTraining(IopTrainingExpectations.INTERPRETERS, EnumSet.of(TrainingTopic.INTERPRETER_SERVICES));
  }

  @Test
  @Verifies("IOP.TRAIN.3")
  void lgbtqiaAloneWithoutTransgenderSpecificTrainingIsNotMet() {
    Finding f = FindingChecks.evaluate(IopTrainingExpectations.LGBTQIA, program().addStaff(
        trained("s-1", LocalDate.of(2024, 1, 2), EnumSet.of(TrainingTopic.LGBTQIA_AFFIRMING_CARE))).build(), ny("2024-05-01T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("TRANSGENDER_AFFIRMING_CARE");
  }

  @Test
  @Verifies("IOP.TRAIN.1")
  void sectionHoldsTheSixTopicsInOrder() {
    assertThat(new IopTrainingExpectations().requirements()).extracting(org.perfspecs.checks.Requirement::id)
        .containsExactly("IOP.TRAIN.1", "IOP.TRAIN.2", "IOP.TRAIN.3", "IOP.TRAIN.4", "IOP.TRAIN.5", "IOP.TRAIN.6");
    assertThat(List.of(IopTrainingExpectations.SDOH)).isNotEmpty();
  }
}
