package org.perfspecs.checks.specifications.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.specifications.iop.IopStaffingRequirements.*;
import static org.perfspecs.checks.specifications.iop.IopTestData.program;
import static org.perfspecs.checks.specifications.iop.IopTestData.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.Program;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.Training;
import org.perfspecs.model.TrainingTopic;

class IopStaffingRequirementsTest {
  private static final Instant AS_OF = ny("2024-05-01T12:00");

  private static Outcome judge(ProgramRequirement r, Program p) {
    Finding f = FindingChecks.evaluate(r, p, AS_OF);
    return f.outcome();
  }

  @Test
  @Verifies("IOP.STAFF.1")
  void licensingBodyStaffingIsExternal() {
    IopTestData.checkExternal(List.of(LICENSING_STAFFING));
  }

  @Test
  @Verifies({"IOP.STAFF.2.b", "IOP.STAFF.6.a", "IOP.STAFF.6.b"})
  void attested() {
    IopTestData.checkAttested(List.of(RECREDENTIALING, REFLECTS_COMMUNITY, QUALIFIED_CLINICIANS));
    assertThat(REFLECTS_COMMUNITY.strength()).isEqualTo(Strength.SHOULD);
  }

  @Test
  @Verifies({"IOP.STAFF.2.a", "IOP.STAFF.2.c"})
  void writtenProcedures() {
    Program both = program().addWrittenProcedures(ProcedureKind.CREDENTIALING, ProcedureKind.SUPERVISION).build();
    assertThat(judge(CREDENTIALING, both)).isEqualTo(Outcome.MET);
    assertThat(judge(SUPERVISION_PROCEDURES, both)).isEqualTo(Outcome.MET);
    assertThat(judge(CREDENTIALING, program().addWrittenProcedures(ProcedureKind.SUPERVISION).build())).isEqualTo(Outcome.NOT_MET);
    assertThat(judge(SUPERVISION_PROCEDURES, program().addWrittenProcedures(ProcedureKind.CREDENTIALING).build())).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"IOP.STAFF.2.d", "IOP.STAFF.2.e"})
  void everyStaffMemberTrained() {
    Program trained = program().addStaff(staff("s-1", StaffRole.RN, TrainingTopic.ORIENTATION, TrainingTopic.CO_OCCURRING_DISORDERS),
        staff("s-2", StaffRole.LICSW, TrainingTopic.ORIENTATION, TrainingTopic.CO_OCCURRING_DISORDERS)).build();
    assertThat(judge(ORIENTATION, trained)).isEqualTo(Outcome.MET);
    assertThat(judge(CO_OCCURRING_TRAINING, trained)).isEqualTo(Outcome.MET);
    Program oneMissing = program().addStaff(staff("s-1", StaffRole.RN, TrainingTopic.ORIENTATION),
        staff("s-2", StaffRole.LICSW, TrainingTopic.CO_OCCURRING_DISORDERS)).build();
    Finding f = FindingChecks.evaluate(ORIENTATION, oneMissing, AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("s-2");
    assertThat(judge(CO_OCCURRING_TRAINING, oneMissing)).isEqualTo(Outcome.NOT_MET);
    assertThat(judge(ORIENTATION, program().build())).as("empty roster").isEqualTo(Outcome.NOT_MET);
    StaffMember future = StaffMember.builder().id("s-3").addRoles(StaffRole.RN)
        .addTrainings(Training.builder().topic(TrainingTopic.ORIENTATION).completedOn(LocalDate.of(2024, 5, 2)).build()).build();
    assertThat(judge(ORIENTATION, program().addStaff(future).build())).as("completed after the as-of").isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"IOP.STAFF.3.a", "IOP.STAFF.3.b", "IOP.STAFF.3.c", "IOP.STAFF.3.d"})
  void staffingModel() {
    Program full = program().addStaff(staff("s-1", StaffRole.MASTERS_CLINICIAN), staff("s-2", StaffRole.RN),
        staff("s-3", StaffRole.PSYCHIATRIST), staff("s-4", StaffRole.PEER_COACH)).build();
    for (ProgramRequirement r : List.of(LICSW_OR_MASTERS, RN, PSYCHIATRIST, PEER_COACHES)) {
      assertThat(judge(r, full)).as(r.id()).isEqualTo(Outcome.MET);
      assertThat(judge(r, program().addStaff(staff("s-9", StaffRole.CASE_MANAGER)).build())).as(r.id()).isEqualTo(Outcome.NOT_MET);
    }
    assertThat(judge(LICSW_OR_MASTERS, program().addStaff(staff("s-1", StaffRole.LICSW)).build())).isEqualTo(Outcome.MET);
    assertThat(PEER_COACHES.strength()).isEqualTo(Strength.SHOULD);
  }

  @Test
  @Verifies("IOP.STAFF.4")
  void psychiatryAvailable() {
    assertThat(judge(PSYCHIATRY_AVAILABLE, program().addStaff(staff("s-1", StaffRole.PSYCHIATRIST)).build())).isEqualTo(Outcome.MET);
    org.perfspecs.model.ImmutableAgreement a = Agreement.builder().id("ag").kind(AgreementKind.CONTRACT).partnerCategory(PartnerCategory.MEDICATION_MANAGEMENT)
        .partnerName("Psychiatry group").signedOn(LocalDate.of(2024, 1, 1)).build();
    assertThat(judge(PSYCHIATRY_AVAILABLE, program().addAgreements(a).build())).isEqualTo(Outcome.MET);
    assertThat(judge(PSYCHIATRY_AVAILABLE, program().addAgreements(a.withExpiresOn(LocalDate.of(2024, 4, 30))).build()))
        .as("expired").isEqualTo(Outcome.NOT_MET);
    assertThat(judge(PSYCHIATRY_AVAILABLE, program().build())).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("IOP.STAFF.5")
  void allStaffSupervised() {
    StaffMember director = staff("d", StaffRole.PROGRAM_DIRECTOR);
    StaffMember clinician = StaffMember.builder().from(staff("c", StaffRole.LICSW)).supervisorId("d").build();
    assertThat(judge(ALL_STAFF_SUPERVISED, program().addStaff(director, clinician).build())).isEqualTo(Outcome.MET);
    Finding f = FindingChecks.evaluate(ALL_STAFF_SUPERVISED, program().addStaff(director, clinician,
        StaffMember.builder().from(staff("n", StaffRole.RN)).supervisorId("elsewhere").build()).build(), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("n");
    assertThat(judge(ALL_STAFF_SUPERVISED, program().addStaff(staff("x", StaffRole.RN)).build())).isEqualTo(Outcome.NOT_MET);
    assertThat(judge(ALL_STAFF_SUPERVISED, program().build())).isEqualTo(Outcome.NOT_MET);
  }
}
