package org.perfspecs.checks.specifications.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.csp;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.evaluate;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.EducationLevel;
import org.perfspecs.model.ImmutableStaffMember;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.Training;
import org.perfspecs.model.TrainingTopic;

class CspStaffingRequirementsTest {
  private static ImmutableStaffMember staff(String id, StaffRole... roles) {
    return StaffMember.builder().id(id).addRoles(roles).build();
  }

  @Test
  @Verifies("CSP.STAFF.1.a")
  void minimumStaffingIsDeferredTo130Cmr461() {
    CspTestSupport.assertExternal(CspStaffingRequirements.MINIMUM_STAFFING_130_CMR_461_411,
        "130 CMR 461.411 and 130 CMR 461.410 (MassHealth: Community Support Program Services)");
  }

  @Test
  @Verifies({"CSP.STAFF.1.b", "CSP.STAFF.2.a.1", "CSP.STAFF.2.a.3", "CSP.STAFF.2.a.4", "CSP.STAFF.2.a.5", "CSP.STAFF.2.a.6",
      "CSP.STAFF.2.a.7", "CSP.STAFF.2.b.i.a", "CSP.STAFF.2.b.ii.1", "CSP.STAFF.2.b.ii.2", "CSP.STAFF.2.b.ii.3",
      "CSP.STAFF.2.b.ii.4", "CSP.STAFF.2.b.ii.5", "CSP.STAFF.2.b.ii.6", "CSP.STAFF.2.b.ii.7", "CSP.STAFF.3.b",
      "CSP.STAFF.3.d", "CSP.STAFF.3.e", "CSP.STAFF.5.a", "CSP.STAFF.5.b"})
  void attestedStaffingRequirements() {
    for (ProgramRequirement r : List.of(CspStaffingRequirements.ADEQUATE_PERSONNEL, CspStaffingRequirements.DIRECTOR_HIRING,
        CspStaffingRequirements.DIRECTOR_POLICIES, CspStaffingRequirements.DIRECTOR_ACCOUNTABILITY,
        CspStaffingRequirements.DIRECTOR_COORDINATION, CspStaffingRequirements.DIRECTOR_EVALUATION,
        CspStaffingRequirements.DIRECTOR_IN_SERVICE_TRAINING, CspStaffingRequirements.MULTIDISCIPLINARY_STAFF,
        CspStaffingRequirements.STAFF_IMPLEMENT_PLAN, CspStaffingRequirements.STAFF_MAINTAIN_RECORDS,
        CspStaffingRequirements.STAFF_PERIODIC_REVIEW, CspStaffingRequirements.STAFF_COORDINATE_SERVICES,
        CspStaffingRequirements.STAFF_STATE_AGENCY_REFERRALS, CspStaffingRequirements.STAFF_MEET_RELATIVES,
        CspStaffingRequirements.STAFF_MONITOR_PROGRESS, CspStaffingRequirements.APPROPRIATE_SUPERVISION,
        CspStaffingRequirements.SUPERVISION_MEMBER_ISSUES, CspStaffingRequirements.SUPERVISION_GENERAL_PRINCIPLES,
        CspStaffingRequirements.PROFESSIONAL_STANDARDS, CspStaffingRequirements.NOTIFY_SANCTIONS)) {
      CspTestSupport.assertAttested(r);
    }
  }

  @Test
  @Verifies("CSP.STAFF.2.a")
  void aDesignatedProgramDirector() {
    assertThat(evaluate(CspStaffingRequirements.PROGRAM_DIRECTOR, program(ServiceType.CSP)
        .addStaff(staff("s-1", StaffRole.PROGRAM_DIRECTOR)).build()).outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(CspStaffingRequirements.PROGRAM_DIRECTOR, program(ServiceType.CSP)
        .addStaff(staff("s-1", StaffRole.CASE_MANAGER)).build()).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"CSP.STAFF.2.a.2", "CSP.STAFF.3.c", "CSP.STAFF.6", "CSP.STAFF.7"})
  void writtenProcedures() {
    var all = program(ServiceType.CSP).addWrittenProcedures(ProcedureKind.SUPERVISION, ProcedureKind.STAFFING_PLAN,
        ProcedureKind.CONFLICT_OF_INTEREST).build();
    var none = program(ServiceType.CSP).addWrittenProcedures(ProcedureKind.REFERRAL).build();
    for (ProgramRequirement r : List.of(CspStaffingRequirements.DIRECTOR_SUPERVISION_PROTOCOL,
        CspStaffingRequirements.SUPERVISION_PER_POLICY, CspStaffingRequirements.STAFFING_PLAN,
        CspStaffingRequirements.CONFLICT_OF_INTEREST)) {
      assertThat(evaluate(r, all).outcome()).as(r.id()).isEqualTo(Outcome.MET);
      Finding f = evaluate(r, none);
      assertThat(f.outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("does not hold");
    }
  }

  @Test
  @Verifies("CSP.STAFF.2.b.i.b")
  void aPrimaryStaffMemberIsAssigned() {
    var r = CspStaffingRequirements.PRIMARY_STAFF_ASSIGNED;
    assertThat(evaluate(r, record(csp().admittedAt(ny("2024-04-01T10:00")).primaryStaffId("s-2"))).outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(r, record(csp().admittedAt(ny("2024-04-01T10:00")))).outcome()).isEqualTo(Outcome.NOT_MET);
    Finding notAdmitted = evaluate(r, record(csp()));
    assertThat(notAdmitted.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(notAdmitted.reason()).contains("no admission time is recorded");
    assertThat(evaluate(r, record(csp().determinedIneligibleAt(ny("2024-04-01T10:00")))).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    // an admission after the as-of has not happened
    assertThat(evaluate(r, record(csp().admittedAt(ny("2024-05-02T10:00")).primaryStaffId("s-2"))).outcome())
        .isEqualTo(Outcome.UNDETERMINED);
  }

  @Test
  @Verifies("CSP.STAFF.2.b.iii")
  void aLicensedSupervisor() {
    var r = CspStaffingRequirements.LICENSED_SUPERVISOR;
    assertThat(evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1", StaffRole.CLINICAL_SUPERVISOR, StaffRole.LICSW)).build())
        .outcome()).isEqualTo(Outcome.MET);
    // a licensed psychologist who supervises someone
    assertThat(evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1", StaffRole.LICENSED_PSYCHOLOGIST),
        staff("s-2", StaffRole.CASE_MANAGER).withSupervisorId("s-1")).build()).outcome()).isEqualTo(Outcome.MET);
    // a master's clinician without a licence does not count; a licensed one does
    assertThat(evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1", StaffRole.CLINICAL_SUPERVISOR, StaffRole.MASTERS_CLINICIAN))
        .build()).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1", StaffRole.CLINICAL_SUPERVISOR, StaffRole.MASTERS_CLINICIAN)
        .withCredentials("LMHC")).build()).outcome()).isEqualTo(Outcome.MET);
    // licensed but supervising no one
    assertThat(evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1", StaffRole.LICSW)).build()).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("CSP.STAFF.2.b.iv")
  void staffQualificationsAtTheTwoYearBoundary() {
    var r = CspStaffingRequirements.STAFF_QUALIFICATIONS;
    assertThat(evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1").withRelevantExperienceYears(2),
        staff("s-2").withEducation(EducationLevel.BACHELORS_RELATED_FIELD), staff("s-3").withLivedExperience(true)).build())
        .outcome()).isEqualTo(Outcome.MET);
    Finding f = evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1").withRelevantExperienceYears(1)
        .withEducation(EducationLevel.BACHELORS_OTHER), staff("s-2").withEducation(EducationLevel.MASTERS)).build());
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).endsWith("s-1");
    assertThat(evaluate(r, program(ServiceType.CSP).build()).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("CSP.STAFF.3.a")
  void everyStaffMemberHasALicensedSupervisor() {
    var r = CspStaffingRequirements.ACCESS_TO_SUPERVISION;
    var sup = staff("s-1", StaffRole.CLINICAL_SUPERVISOR, StaffRole.LICSW);
    assertThat(evaluate(r, program(ServiceType.CSP).addStaff(sup, staff("s-2").withSupervisorId("s-1")).build()).outcome())
        .isEqualTo(Outcome.MET);
    Finding f = evaluate(r, program(ServiceType.CSP).addStaff(sup, staff("s-2").withSupervisorId("s-1"), staff("s-3"),
        staff("s-4").withSupervisorId("s-2")).build());
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).endsWith("s-3, s-4");
    assertThat(evaluate(r, program(ServiceType.CSP).addStaff(staff("s-2").withSupervisorId("s-9")).build()).reason())
        .contains("no licensed");
    assertThat(evaluate(r, program(ServiceType.CSP).build()).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  private static Training training(TrainingTopic topic, String on) {
    return Training.builder().topic(topic).completedOn(LocalDate.parse(on)).build();
  }

  @Test
  @Verifies("CSP.STAFF.4")
  void everyStaffMemberIsTrainedByTheAsOfDate() {
    var r = CspStaffingRequirements.STAFF_TRAINED;
    assertThat(evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1").withTrainings(training(TrainingTopic.ORIENTATION, "2024-05-01")))
        .build()).outcome()).isEqualTo(Outcome.MET);
    Finding f = evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1").withTrainings(training(TrainingTopic.ORIENTATION, "2024-05-02")))
        .build());
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("s-1");
    assertThat(evaluate(r, program(ServiceType.CSP).build()).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"CSP.STAFF.4.1", "CSP.STAFF.4.2", "CSP.STAFF.4.3", "CSP.STAFF.4.4", "CSP.STAFF.4.5", "CSP.STAFF.4.6",
      "CSP.STAFF.4.7", "CSP.STAFF.4.8", "CSP.STAFF.4.9", "CSP.STAFF.4.10", "CSP.STAFF.4.11", "CSP.STAFF.4.12",
      "CSP.STAFF.4.13"})
  void recommendedTrainingTopics() {
    List<TrainingTopic> topics = List.of(TrainingTopic.COMMON_DIAGNOSES, TrainingTopic.ENGAGEMENT_AND_OUTREACH,
        TrainingTopic.SERVICE_COORDINATION, TrainingTopic.COMMUNITY_RESOURCES_AND_NATURAL_SUPPORTS,
        TrainingTopic.RECOVERY_AND_WELLNESS, TrainingTopic.CULTURAL_COMPETENCE, TrainingTopic.PROFESSIONAL_BOUNDARIES,
        TrainingTopic.SERVICE_TERMINATION, TrainingTopic.MOTIVATIONAL_INTERVIEWING,
        TrainingTopic.ACCESSIBILITY_AND_ACCOMMODATIONS, TrainingTopic.TRAUMA_INFORMED_CARE,
        TrainingTopic.TRAUMATIC_BRAIN_INJURY, TrainingTopic.SAFETY_PROTOCOLS);
    assertThat(CspStaffingRequirements.RECOMMENDED_TRAINING).hasSize(13);
    for (int i = 0; i < topics.size(); i++) {
      ProgramRequirement r = CspStaffingRequirements.RECOMMENDED_TRAINING.get(i);
      assertThat(r.id()).isEqualTo("CSP.STAFF.4." + (i + 1));
      assertThat(r.strength()).isEqualTo(Strength.MAY);
      TrainingTopic other = topics.get((i + 1) % topics.size());
      assertThat(evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1").withTrainings(training(topics.get(i), "2024-05-01")))
          .build()).outcome()).isEqualTo(Outcome.MET);
      assertThat(evaluate(r, program(ServiceType.CSP).addStaff(staff("s-1").withTrainings(training(topics.get(i), "2024-05-02"),
          training(other, "2024-01-01"))).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    }
  }
}
