package org.perfspecs.checks.specifications.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.specifications.rrs.RrsCases.AS_OF;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertAttested;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertExternal;
import static org.perfspecs.checks.specifications.rrs.RrsCases.eval;
import static org.perfspecs.checks.specifications.rrs.RrsStaffingRequirements.PARENTING_SPECIALIST;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.Training;
import org.perfspecs.model.TrainingTopic;

/** RRS_PPW STAFFING REQUIREMENTS. */
class RrsStaffingRequirementsTest {
  private static Finding evaluate(StaffMember... staff) {
    return eval(PARENTING_SPECIALIST, program(ServiceType.RRS_PPW).addStaff(staff).build(), AS_OF);
  }

  private static StaffMember clinician(StaffRole role, TrainingTopic topic, String completedOn) {
    return StaffMember.builder().id("s-1").addRoles(role)
        .addTrainings(Training.builder().topic(topic).completedOn(LocalDate.parse(completedOn)).build()).build();
  }

  @Test
  @Verifies("RRS_PPW.STAFF.W.a")
  void informingThePayerOfWaiversIsAttested() {
    assertAttested(RrsStaffingRequirements.INFORM_PAYER_OF_WAIVERS);
  }

  @Test
  @Verifies("RRS_PPW.STAFF.W.b")
  void communicatingHardshipsIsAttested() {
    assertAttested(RrsStaffingRequirements.COMMUNICATE_HARDSHIPS);
  }

  @Test
  @Verifies({"RRS_PPW.STAFF.1.a", "RRS_PPW.STAFF.1.b", "RRS_PPW.STAFF.1.c"})
  void staffingDefersToTheLicensingBody105Cmr164AndTheProviderManual() {
    assertExternal(RrsStaffingRequirements.LICENSING_BODY, RrsPpw.LICENSING_BODY_STAFFING);
    assertExternal(RrsStaffingRequirements.CMR_105_164_STAFFING, RrsPpw.CMR_105_164);
    assertExternal(RrsStaffingRequirements.PROVIDER_MANUAL_STAFFING, RrsPpw.PLAN_PROVIDER_MANUAL);
  }

  @ParameterizedTest
  @EnumSource(value = StaffRole.class, names = {"PARENTING_SPECIALIST", "CHILD_SERVICES_COORDINATOR"})
  @Verifies("RRS_PPW.STAFF.2")
  void aParentingSpecialistOrChildServicesCoordinatorMeetsIt(StaffRole role) {
    Finding f = evaluate(StaffMember.builder().id("s-9").addRoles(role).build());
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.evidence()).extracting(Evidence::id).containsExactly("s-9");
  }

  @ParameterizedTest
  @EnumSource(value = StaffRole.class, names = {"CLINICAL_SUPERVISOR", "LICSW", "MASTERS_CLINICIAN",
      "LICENSED_PSYCHOLOGIST", "RN", "PSYCHIATRIST"})
  @Verifies("RRS_PPW.STAFF.2")
  void clinicalStaffTrainedInTraumaAndParentingOnTheAsOfDateMeetsIt(StaffRole role) {
    assertThat(evaluate(clinician(role, TrainingTopic.TRAUMA_AND_PARENTING, "2024-06-01")).outcome())
        .isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RRS_PPW.STAFF.2")
  void trainingCompletedTheDayAfterTheAsOfDoesNotCount() {
    assertThat(evaluate(clinician(StaffRole.LICSW, TrainingTopic.TRAUMA_AND_PARENTING, "2024-06-02")).outcome())
        .isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RRS_PPW.STAFF.2")
  void otherTrainingOrNonClinicalStaffDoNotCount() {
    assertThat(evaluate(clinician(StaffRole.LICSW, TrainingTopic.TRAUMA_INFORMED_CARE, "2024-01-01")).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(clinician(StaffRole.RECOVERY_COACH, TrainingTopic.TRAUMA_AND_PARENTING, "2024-01-01")).outcome())
        .isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RRS_PPW.STAFF.2")
  void notMetWithoutStaff() {
    Finding f = evaluate();
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("parenting specialist");
  }
}
