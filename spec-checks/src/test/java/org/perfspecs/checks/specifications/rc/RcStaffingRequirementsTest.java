package org.perfspecs.checks.specifications.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.EducationLevel;
import org.perfspecs.model.ImmutableStaffMember;
import org.perfspecs.model.License;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.Training;
import org.perfspecs.model.TrainingTopic;

/** RC.STAFF.1-6. As of 2024-06-03 12:00 EDT. */
class RcStaffingRequirementsTest {
  private static final Instant AS_OF = ny("2024-06-03T12:00");

  private static Training training(TrainingTopic topic, String on, boolean eohhs) {
    return Training.builder().topic(topic).completedOn(LocalDate.parse(on)).eohhsApproved(eohhs).build();
  }

  /** A supervisor with EOHHS-approved supervisor training. */
  private static ImmutableStaffMember supervisor() {
    return StaffMember.builder().id("sup-1").addRoles(StaffRole.RECOVERY_COACH_SUPERVISOR)
        .addTrainings(training(TrainingTopic.RECOVERY_COACH_SUPERVISOR_TRAINING, "2023-03-01", true)).build();
  }

  /** A fully qualified recovery coach. */
  private static ImmutableStaffMember coach(String id) {
    return StaffMember.builder().id(id).addRoles(StaffRole.RECOVERY_COACH).livedExperience(true)
        .education(EducationLevel.HIGH_SCHOOL_OR_GED).addCredentials("CARC").supervisorId("sup-1")
        .addTrainings(training(TrainingTopic.RECOVERY_COACH_TRAINING, "2023-05-01", true)).build();
  }

  private static Program roster(StaffMember... staff) {
    return program(ServiceType.RC).addStaff(supervisor()).addStaff(staff).build();
  }

  private static Finding evaluate(ProgramRequirement r, Program p) {
    return FindingChecks.evaluate(r, p, AS_OF);
  }

  static Stream<Arguments> shortfalls() {
    return Stream.of(
        Arguments.of(RcStaffingRequirements.LIVED_EXPERIENCE, (UnaryOperator<ImmutableStaffMember>) s -> s.withLivedExperience(false), "no lived experience"),
        Arguments.of(RcStaffingRequirements.HIGH_SCHOOL_OR_GED, (UnaryOperator<ImmutableStaffMember>) s -> s.withEducation(EducationLevel.NONE), "no high school diploma or GED"),
        Arguments.of(RcStaffingRequirements.HIGH_SCHOOL_OR_GED, (UnaryOperator<ImmutableStaffMember>) s -> s.withEducation(java.util.Optional.empty()), "no education recorded"),
        Arguments.of(RcStaffingRequirements.COACH_TRAINING, (UnaryOperator<ImmutableStaffMember>) s -> s.withTrainings(), "has not completed recovery coach training"),
        Arguments.of(RcStaffingRequirements.COACH_TRAINING, (UnaryOperator<ImmutableStaffMember>) s -> s.withTrainings(training(TrainingTopic.RECOVERY_COACH_TRAINING, "2024-06-04", true)), "has not completed recovery coach training"),
        Arguments.of(RcStaffingRequirements.COACH_TRAINING_EOHHS, (UnaryOperator<ImmutableStaffMember>) s -> s.withTrainings(training(TrainingTopic.RECOVERY_COACH_TRAINING, "2023-05-01", false)), "EOHHS-approved"),
        Arguments.of(RcStaffingRequirements.SUPERVISION, (UnaryOperator<ImmutableStaffMember>) s -> s.withSupervisorId(java.util.Optional.empty()), "no supervisor recorded"),
        Arguments.of(RcStaffingRequirements.SUPERVISION, (UnaryOperator<ImmutableStaffMember>) s -> s.withSupervisorId("sup-9"), "not on the roster"),
        Arguments.of(RcStaffingRequirements.SUPERVISOR_TRAINING_EOHHS, (UnaryOperator<ImmutableStaffMember>) s -> s.withSupervisorId("sup-9"), "not on the roster"),
        Arguments.of(RcStaffingRequirements.CARC_CREDENTIAL, (UnaryOperator<ImmutableStaffMember>) s -> s.withCredentials("CADC"), "CARC"));
  }

  static Stream<ProgramRequirement> rosterRequirements() {
    return Stream.of(RcStaffingRequirements.LIVED_EXPERIENCE, RcStaffingRequirements.HIGH_SCHOOL_OR_GED,
        RcStaffingRequirements.COACH_TRAINING, RcStaffingRequirements.COACH_TRAINING_EOHHS, RcStaffingRequirements.SUPERVISION,
        RcStaffingRequirements.SUPERVISOR_TRAINING_EOHHS, RcStaffingRequirements.CARC_CREDENTIAL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rosterRequirements")
  @Verifies({"RC.STAFF.1.b", "RC.STAFF.2", "RC.STAFF.3.a", "RC.STAFF.3.b", "RC.STAFF.4.a", "RC.STAFF.4.b", "RC.STAFF.5"})
  void qualifiedCoachesAreMetAndARosterWithoutCoachesIsNotMet(ProgramRequirement r) {
    Finding met = evaluate(r, roster(coach("rc-1"), coach("rc-2")));
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.reason()).contains("all 2 recovery coach(es)");
    Finding none = evaluate(r, roster());
    assertThat(none.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(none.reason()).contains("lists no recovery coach");
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("shortfalls")
  @Verifies({"RC.STAFF.1.b", "RC.STAFF.2", "RC.STAFF.3.a", "RC.STAFF.3.b", "RC.STAFF.4.a", "RC.STAFF.4.b", "RC.STAFF.5"})
  void oneCoachFallingShortIsNotMetAndNamed(ProgramRequirement r, UnaryOperator<ImmutableStaffMember> change, String why) {
    Finding f = evaluate(r, roster(coach("rc-1"), change.apply(coach("rc-2"))));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("1 of 2").contains("rc-2").contains(why).doesNotContain("rc-1 (");
  }

  @Test
  @Verifies("RC.STAFF.2")
  void aDocumentedExceptionReplacesTheDiploma() {
    Finding f = evaluate(RcStaffingRequirements.HIGH_SCHOOL_OR_GED,
        roster(coach("rc-1").withEducation(EducationLevel.NONE).withEducationException("director: reasonable exception")));
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.STAFF.4.b")
  void aSupervisorWithoutEohhsApprovedTrainingMeets4aButNot4b() {
    Program p = program(ServiceType.RC).addStaff(supervisor().withTrainings(
        training(TrainingTopic.RECOVERY_COACH_SUPERVISOR_TRAINING, "2023-03-01", false)), coach("rc-1")).build();
    assertThat(evaluate(RcStaffingRequirements.SUPERVISION, p).outcome()).isEqualTo(Outcome.MET);
    Finding f = evaluate(RcStaffingRequirements.SUPERVISOR_TRAINING_EOHHS, p);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("supervisor sup-1 has not completed EOHHS-approved");
  }

  @Test
  @Verifies("RC.STAFF.4.a")
  void aSupervisorWithoutSupervisorTrainingIsNotMet() {
    Program p = program(ServiceType.RC).addStaff(supervisor().withTrainings(), coach("rc-1")).build();
    assertThat(evaluate(RcStaffingRequirements.SUPERVISION, p).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.STAFF.5")
  void workingTowardsTheCarcIsEnough() {
    Finding f = evaluate(RcStaffingRequirements.CARC_CREDENTIAL,
        roster(coach("rc-1").withCredentials().withCredentialsInProgress("carc")));
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.STAFF.1.a")
  void safeAndEffectiveSupportIsAttested() {
    RcTestRecords.assertAttested(RcStaffingRequirements.SAFE_EFFECTIVE_SUPPORT);
  }

  private static License license(boolean massachusetts, String validThrough) {
    var b = License.builder().issuer("DPH").kind("Mental Health Clinic").heldByParentOrganization(true).massachusetts(massachusetts);
    if (validThrough != null) {
      b.validThrough(LocalDate.parse(validThrough));
    }
    return b.build();
  }

  @Test
  @Verifies("RC.STAFF.6")
  void aMassachusettsLicenceValidOnTheAsOfDateIsMet() {
    assertThat(evaluate(RcStaffingRequirements.LICENSED_EMPLOYER,
        program(ServiceType.RC).addLicenses(license(true, "2024-06-03")).build()).outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(RcStaffingRequirements.LICENSED_EMPLOYER,
        program(ServiceType.RC).addLicenses(license(true, null)).build()).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.STAFF.6")
  void anExpiredOrOutOfStateLicenceOrNoneIsNotMet() {
    assertThat(evaluate(RcStaffingRequirements.LICENSED_EMPLOYER,
        program(ServiceType.RC).addLicenses(license(true, "2024-06-02")).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcStaffingRequirements.LICENSED_EMPLOYER,
        program(ServiceType.RC).addLicenses(license(false, null)).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    Finding none = evaluate(RcStaffingRequirements.LICENSED_EMPLOYER, program(ServiceType.RC).build());
    assertThat(none.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(none.reason()).contains("no Massachusetts licence valid on 2024-06-03");
  }
}
