package org.perfspecs.checks.specifications.rc;

import static org.perfspecs.checks.Strength.MUST;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.EducationLevel;
import org.perfspecs.model.License;
import org.perfspecs.model.Program;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.TrainingTopic;

/**
 * RC "STAFFING REQUIREMENTS", items 1 to 6, judged on the program's roster. The qualifications
 * apply to every staff member holding the RECOVERY_COACH role: NOT_MET when the roster lists no
 * recovery coach, or names each coach who falls short. Trainings count once completed on or
 * before the as-of date.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcStaffingRequirements extends Section {
  static final String HEADING = "STAFFING REQUIREMENTS";

  /** The credential item 5 names. */
  public static final String CARC = "CARC";

  /** {@index RC.STAFF.1.a}: Item 1, first sentence, attested. */
  public static final ProgramRequirement SAFE_EFFECTIVE_SUPPORT = ProgramRequirement.attested(
      "RC.STAFF.1.a", MUST,
      cite("1, first sentence", "Recovery Coaches must be able to safely and effectively provide recovery support to others."));

  /**
   * {@index RC.STAFF.1.b}: Item 1, second sentence: every recovery coach has lived experience of
   * recovery (StaffMember.livedExperience).
   */
  public static final ProgramRequirement LIVED_EXPERIENCE = coaches("RC.STAFF.1.b", "1, second sentence",
      "They must be willing and able to share their path to recovery and their lived experience of recovery with Members.",
      RcStaffingRequirements::livedExperience);

  /**
   * {@index RC.STAFF.2}: Item 2: every recovery coach has a high school diploma or GED or more (any recorded education
   * level above NONE), or a documented reasonable exception ({@code educationException}); a coach
   * with no education recorded and no exception falls short.
   */
  public static final ProgramRequirement HIGH_SCHOOL_OR_GED = coaches("RC.STAFF.2", "2",
      "Recovery Coaches must have at least a high school diploma or a GED, except in cases where a reasonable exception can be made",
      RcStaffingRequirements::highSchoolOrGed);

  /**
   * {@index RC.STAFF.3.a}: Item 3, first sentence: every recovery coach has completed recovery
   * coach training (RECOVERY_COACH_TRAINING).
   */
  public static final ProgramRequirement COACH_TRAINING = coaches("RC.STAFF.3.a", "3, first sentence",
      "Recovery Coaches must have successfully participated in trainings and/or coursework that is designed to prepare individuals to serve as Recovery Coaches.",
      RcStaffingRequirements::coachTraining);

  /** {@index RC.STAFF.3.b}: Item 3, second sentence: that training is EOHHS-approved. */
  public static final ProgramRequirement COACH_TRAINING_EOHHS = coaches("RC.STAFF.3.b", "3, second sentence",
      "The training program must be approved by EOHHS.",
      RcStaffingRequirements::coachTrainingEohhs);

  /**
   * {@index RC.STAFF.4.a}: Item 4, first sentence: every recovery coach has a supervisor ({@code supervisorId}) on the
   * roster who completed recovery coach supervisor training (RECOVERY_COACH_SUPERVISOR_TRAINING).
   */
  public static final ProgramRequirement SUPERVISION = coaches("RC.STAFF.4.a", "4, first sentence",
      "Recovery Coaches must receive direct supervision from a supervisor who has completed training and/or coursework that is designed to prepare supervisors to supervise recovery coaches.",
      RcStaffingRequirements::supervisedByTrainedSupervisor);

  /** {@index RC.STAFF.4.b}: Item 4, second sentence: the supervisor's training is EOHHS-approved. */
  public static final ProgramRequirement SUPERVISOR_TRAINING_EOHHS = coaches("RC.STAFF.4.b", "4, second sentence",
      "The supervisor training program must be approved by EOHHS.",
      RcStaffingRequirements::supervisedByEohhsTrainedSupervisor);

  /**
   * {@index RC.STAFF.5}: Item 5: every recovery coach holds the CARC credential or is actively working to obtain it
   * (CARC among {@code credentials} or {@code credentialsInProgress}, case-insensitive). Other
   * EOHHS-specified credentials are not recognised (the document names none).
   */
  public static final ProgramRequirement CARC_CREDENTIAL = coaches("RC.STAFF.5", "5",
      "Recovery Coaches must have obtained or must be able to demonstrate that they are actively working to obtain, credentialing as a Certified Addiction Recovery Coach (CARC) through the Massachusetts Board of Substance Abuse Counselor Certification, or through another certification or credentialing process as specified by EOHHS.",
      RcStaffingRequirements::carc);

  /**
   * {@index RC.STAFF.6}: Item 6 (plain present: MUST): the profile holds a Massachusetts licence (of the program or of
   * the larger organization it is part of) valid on the as-of date.
   */
  public static final ProgramRequirement LICENSED_EMPLOYER = ProgramRequirement.of("RC.STAFF.6", MUST,
      cite("6", "The Recovery Coach is employed by a larger organization that provides mental health or addiction services and is licensed within the Commonwealth of Massachusetts."),
      RcStaffingRequirements::licensedEmployer);

  RcStaffingRequirements() {
    super("STAFF", HEADING, List.of(SAFE_EFFECTIVE_SUPPORT, LIVED_EXPERIENCE, HIGH_SCHOOL_OR_GED, COACH_TRAINING,
        COACH_TRAINING_EOHHS, SUPERVISION, SUPERVISOR_TRAINING_EOHHS, CARC_CREDENTIAL, LICENSED_EMPLOYER));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Rc.SOURCE, HEADING, label, text);
  }

  /** One recovery coach's qualification: empty when met, else why not. */
  @FunctionalInterface
  private interface CoachCheck {
    Optional<String> shortfall(Program program, StaffMember coach, EvaluationContext ctx);
  }

  /** A requirement every recovery coach must meet. */
  private static ProgramRequirement coaches(String id, String label, String text, CoachCheck check) {
    return ProgramRequirement.of(id, MUST, cite(label, text), new EveryCoach(check)::judge);
  }

  /** Judges a {@link CoachCheck} over every recovery coach on the roster. */
  private static final class EveryCoach {
    private final CoachCheck check;

    EveryCoach(CoachCheck check) {
      this.check = check;
    }

    Judgment judge(Program program, EvaluationContext ctx) {
      return everyCoach(program, ctx, check);
    }
  }

  private static Judgment everyCoach(Program program, EvaluationContext ctx, CoachCheck check) {
    List<StaffMember> coaches = program.staff().stream().filter(s -> s.roles().contains(StaffRole.RECOVERY_COACH)).toList();
    if (coaches.isEmpty()) {
      return Judgment.notMet("the program's roster lists no recovery coach");
    }
    List<Evidence> evidence = new ArrayList<>();
    List<String> failing = new ArrayList<>();
    for (StaffMember s : coaches) {
      Optional<String> why = check.shortfall(program, s, ctx);
      evidence.add(Evidence.of("staff", s.id(), why.map(w -> "falls short: " + w).orElse("meets it")));
      why.ifPresent(w -> failing.add(s.id() + " (" + w + ")"));
    }
    Evidence[] all = evidence.toArray(Evidence[]::new);
    return failing.isEmpty()
        ? Judgment.met("all " + coaches.size() + " recovery coach(es) on the roster meet it", all)
        : Judgment.notMet(failing.size() + " of " + coaches.size() + " recovery coach(es) fall short: "
            + String.join("; ", failing), all);
  }

  private static Optional<String> livedExperience(Program p, StaffMember s, EvaluationContext ctx) {
    return s.livedExperience() ? Optional.empty() : Optional.of("no lived experience of recovery recorded");
  }

  private static Optional<String> highSchoolOrGed(Program p, StaffMember s, EvaluationContext ctx) {
    boolean educated = s.education().map(e -> e != EducationLevel.NONE).orElse(false);
    if (educated || s.educationException().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(s.education().isEmpty() ? "no education recorded and no documented exception"
        : "no high school diploma or GED and no documented exception");
  }

  private static Optional<String> training(StaffMember s, EvaluationContext ctx, TrainingTopic topic, boolean eohhs,
      String what) {
    boolean done = s.trainings().stream()
        .anyMatch(t -> t.topic() == topic && ctx.hasBegun(t.completedOn()) && (!eohhs || t.eohhsApproved()));
    return done ? Optional.empty() : Optional.of("has not " + what);
  }

  private static Optional<String> coachTraining(Program p, StaffMember s, EvaluationContext ctx) {
    return training(s, ctx, TrainingTopic.RECOVERY_COACH_TRAINING, false, "completed recovery coach training");
  }

  private static Optional<String> coachTrainingEohhs(Program p, StaffMember s, EvaluationContext ctx) {
    return training(s, ctx, TrainingTopic.RECOVERY_COACH_TRAINING, true, "completed EOHHS-approved recovery coach training");
  }

  private static Optional<String> supervisedByTrainedSupervisor(Program p, StaffMember s, EvaluationContext ctx) {
    return supervised(p, s, ctx, false);
  }

  private static Optional<String> supervisedByEohhsTrainedSupervisor(Program p, StaffMember s, EvaluationContext ctx) {
    return supervised(p, s, ctx, true);
  }

  private static Optional<String> supervised(Program program, StaffMember s, EvaluationContext ctx, boolean eohhs) {
    if (s.supervisorId().isEmpty()) {
      return Optional.of("no supervisor recorded");
    }
    Optional<StaffMember> supervisor = program.staff().stream().filter(x -> x.id().equals(s.supervisorId().get())).findFirst();
    if (supervisor.isEmpty()) {
      return Optional.of("supervisor " + s.supervisorId().get() + " is not on the roster");
    }
    return training(supervisor.get(), ctx, TrainingTopic.RECOVERY_COACH_SUPERVISOR_TRAINING, eohhs,
        eohhs ? "a supervisor with EOHHS-approved recovery coach supervisor training"
            : "a supervisor with recovery coach supervisor training")
        .map(w -> "supervisor " + supervisor.get().id() + " has not completed "
            + (eohhs ? "EOHHS-approved " : "") + "recovery coach supervisor training");
  }

  private static Optional<String> carc(Program p, StaffMember s, EvaluationContext ctx) {
    boolean held = s.credentials().stream().anyMatch(CARC::equalsIgnoreCase);
    boolean pursuing = s.credentialsInProgress().stream().anyMatch(CARC::equalsIgnoreCase);
    return held || pursuing ? Optional.empty() : Optional.of("neither holds nor is working towards the CARC credential");
  }

  private static Judgment licensedEmployer(Program program, EvaluationContext ctx) {
    Optional<License> valid = program.licenses().stream()
        .filter(l -> l.massachusetts() && l.validThrough().map(d -> !d.isBefore(ctx.today())).orElse(true))
        .findFirst();
    if (valid.isPresent()) {
      License l = valid.get();
      return Judgment.met("Massachusetts licence (" + l.issuer() + ", " + l.kind() + ") valid on " + ctx.today()
          + (l.heldByParentOrganization() ? ", held by the larger organization" : ""),
          Evidence.of("license", l.issuer() + " " + l.kind(), "Massachusetts licence"));
    }
    return Judgment.notMet("the program profile holds no Massachusetts licence valid on " + ctx.today());
  }

}
