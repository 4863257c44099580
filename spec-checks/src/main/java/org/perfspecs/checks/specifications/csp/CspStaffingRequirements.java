package org.perfspecs.checks.specifications.csp;

import static org.perfspecs.checks.Strength.MAY;
import static org.perfspecs.checks.Strength.MUST;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.EducationLevel;
import org.perfspecs.model.Episode;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.Program;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.TrainingTopic;

/**
 * CSP "Staffing Requirements". The program director's seven responsibilities, the seven tasks the
 * multidisciplinary staff must be numerous enough to carry out, and the thirteen recommended
 * training topics are one requirement each. Item 2.b.v ("Staff may include qualified Certified
 * Peer Specialists ...") permits and imposes nothing, and is not a requirement.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspStaffingRequirements extends Section {
  static final String HEADING = "Staffing Requirements";

  /** Minimum years of relevant work experience that qualify a staff member without a degree. */
  public static final int MINIMUM_EXPERIENCE_YEARS = 2;

  /** {@index CSP.STAFF.1.a}: Item 1, first sentence: deferral to 130 CMR 461.411 and 461.410. */
  public static final ProgramRequirement MINIMUM_STAFFING_130_CMR_461_411 = ProgramRequirement.external(
      "CSP.STAFF.1.a", MUST,
      cite("1, first sentence", "Each program must meet the minimum staffing and staff composition requirements outline in 130 CMR 461.411 to adequately provide the required scope of service set forth in 130 CMR 461.410."),
      "130 CMR 461.411 and 130 CMR 461.410 (MassHealth: Community Support Program Services)");

  /**
   * {@index CSP.STAFF.1.b}: Item 1, second sentence: "the staff must include an adequate number of qualified personnel to
   * fulfill the program's objective." No structured fact of the program profile can show it:
   * attested (MET with an attestation for this id dated on or before the as-of date, otherwise
   * NOT_MET).
   */
  public static final ProgramRequirement ADEQUATE_PERSONNEL = ProgramRequirement.attested(
      "CSP.STAFF.1.b", MUST,
      cite("1, second sentence", "the staff must include an adequate number of qualified personnel to fulfill the program's objective."));

  /**
   * {@index CSP.STAFF.2.a}: Item 2.a: a designated program director: a staff member with the
   * PROGRAM_DIRECTOR role on the roster.
   */
  public static final ProgramRequirement PROGRAM_DIRECTOR = ProgramRequirement.of(
      "CSP.STAFF.2.a", MUST,
      cite("2.a", "The CSP program must designate a professional as overall administrator and program director in charge of day-to-day administration of the program."),
      CspStaffingRequirements::programDirector);

  /**
   * {@index CSP.STAFF.2.a.1}: Item 2.a, responsibility 1: "Hiring and firing of CSP staff;" No structured fact of the program
   * profile can show it: attested (MET with an attestation for this id dated on or before the as-of
   * date, otherwise NOT_MET).
   */
  public static final ProgramRequirement DIRECTOR_HIRING = directorDuty(1, "Hiring and firing of CSP staff;");

  /**
   * {@index CSP.STAFF.2.a.2}: Item 2.a, responsibility 2: a supervision protocol, established and implemented: the profile
   * holds a written supervision procedure.
   */
  public static final ProgramRequirement DIRECTOR_SUPERVISION_PROTOCOL = ProgramRequirement.of(
      "CSP.STAFF.2.a.2", MUST,
      cite("2.a, program director's responsibility 2", "Establishing and implementing a supervision protocol;"),
      new WrittenProcedure(ProcedureKind.SUPERVISION, "a written supervision protocol")::judge);

  /**
   * {@index CSP.STAFF.2.a.3}: Item 2.a, responsibility 3: "Establishing CSP policies and procedures;" No structured fact of
   * the program profile can show it: attested (MET with an attestation for this id dated on or
   * before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement DIRECTOR_POLICIES = directorDuty(3, "Establishing CSP policies and procedures;");

  /**
   * {@index CSP.STAFF.2.a.4}: Item 2.a, responsibility 4: "Accountability for adequacy and appropriateness of member service;"
   * No structured fact of the program profile can show it: attested (MET with an attestation for
   * this id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement DIRECTOR_ACCOUNTABILITY = directorDuty(4,
      "Accountability for adequacy and appropriateness of member service;");

  /**
   * {@index CSP.STAFF.2.a.5}: Item 2.a, responsibility 5: "Coordinating staff activities to meet program objectives;" No
   * structured fact of the program profile can show it: attested (MET with an attestation for this
   * id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement DIRECTOR_COORDINATION = directorDuty(5,
      "Coordinating staff activities to meet program objectives;");

  /**
   * {@index CSP.STAFF.2.a.6}: Item 2.a, responsibility 6: "Program evaluation; and" No structured fact of the program profile
   * can show it: attested (MET with an attestation for this id dated on or before the as-of date,
   * otherwise NOT_MET).
   */
  public static final ProgramRequirement DIRECTOR_EVALUATION = directorDuty(6, "Program evaluation; and");

  /**
   * {@index CSP.STAFF.2.a.7}: Item 2.a, responsibility 7: "Establishing and supervising in-service training and education." No
   * structured fact of the program profile can show it: attested (MET with an attestation for this
   * id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement DIRECTOR_IN_SERVICE_TRAINING = directorDuty(7,
      "Establishing and supervising in-service training and education.");

  /**
   * {@index CSP.STAFF.2.b.i.a}: Item 2.b.i, first sentence: "The program must employ a multidisciplinary staff that can support
   * the schedule of operations and provide services to members." No structured fact of the program
   * profile can show it: attested (MET with an attestation for this id dated on or before the as-of
   * date, otherwise NOT_MET).
   */
  public static final ProgramRequirement MULTIDISCIPLINARY_STAFF = ProgramRequirement.attested(
      "CSP.STAFF.2.b.i.a", MUST,
      cite("2.b.i, first sentence", "The program must employ a multidisciplinary staff that can support the schedule of operations and provide services to members."));

  /**
   * {@index CSP.STAFF.2.b.i.b}: Item 2.b.i, second sentence: a staff member assigned with primary responsibility for each
   * member's case. Applies once the member is admitted; met when the record names the staff member
   * with primary responsibility.
   */
  public static final EpisodeRequirement PRIMARY_STAFF_ASSIGNED = EpisodeRequirement.of(
      "CSP.STAFF.2.b.i.b", MUST,
      cite("2.b.i, second sentence", "A member of the program's professional or paraprofessional staff must be assigned to each member to assume primary responsibility for that member's case."),
      CspStaffingRequirements::primaryStaffAssigned)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.STAFF.2.b.ii.1}: Item 2.b.ii, task 1: "implement all aspects of the service plan" No structured fact of the
   * program profile can show it: attested (MET with an attestation for this id dated on or before
   * the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement STAFF_IMPLEMENT_PLAN = staffTask(1, "implement all aspects of the service plan");
  /**
   * {@index CSP.STAFF.2.b.ii.2}: Item 2.b.ii, task 2: "maintain the member's records" No structured fact of the program profile
   * can show it: attested (MET with an attestation for this id dated on or before the as-of date,
   * otherwise NOT_MET).
   */
  public static final ProgramRequirement STAFF_MAINTAIN_RECORDS = staffTask(2, "maintain the member's records");
  /**
   * {@index CSP.STAFF.2.b.ii.3}: Item 2.b.ii, task 3: "initiate periodic review of the service plan for necessary modifications
   * or adjustments" No structured fact of the program profile can show it: attested (MET with an
   * attestation for this id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement STAFF_PERIODIC_REVIEW = staffTask(3,
      "initiate periodic review of the service plan for necessary modifications or adjustments");
  /**
   * {@index CSP.STAFF.2.b.ii.4}: Item 2.b.ii, task 4: "coordinate the various services provided by the program itself and by
   * other agencies" No structured fact of the program profile can show it: attested (MET with an
   * attestation for this id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement STAFF_COORDINATE_SERVICES = staffTask(4,
      "coordinate the various services provided by the program itself and by other agencies");
  /**
   * {@index CSP.STAFF.2.b.ii.5}: Item 2.b.ii, task 5: "coordinate referrals to other state agencies as needed" No structured fact
   * of the program profile can show it: attested (MET with an attestation for this id dated on or
   * before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement STAFF_STATE_AGENCY_REFERRALS = staffTask(5,
      "coordinate referrals to other state agencies as needed");
  /**
   * {@index CSP.STAFF.2.b.ii.6}: Item 2.b.ii, task 6: "meet regularly with relatives and significant friends of the member" No
   * structured fact of the program profile can show it: attested (MET with an attestation for this
   * id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement STAFF_MEET_RELATIVES = staffTask(6,
      "meet regularly with relatives and significant friends of the member");
  /**
   * {@index CSP.STAFF.2.b.ii.7}: Item 2.b.ii, task 7: "monitor the member's progress in accomplishing the treatment goals" No
   * structured fact of the program profile can show it: attested (MET with an attestation for this
   * id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement STAFF_MONITOR_PROGRESS = staffTask(7,
      "monitor the member's progress in accomplishing the treatment goals");

  /**
   * {@index CSP.STAFF.2.b.iii}: Item 2.b.iii: a licensed master's-level clinician or licensed psychologist to supervise. Met
   * when the roster holds a {@linkplain #isLicensedSupervisor licensed supervisor} who holds the
   * CLINICAL_SUPERVISOR role or supervises another staff member.
   */
  public static final ProgramRequirement LICENSED_SUPERVISOR = ProgramRequirement.of(
      "CSP.STAFF.2.b.iii", MUST,
      cite("2.b.iii", "The program must have a licensed, master's-level behavioral health clinician or licensed psychologist to provide supervision to CSP staff."),
      CspStaffingRequirements::licensedSupervisor);

  /**
   * {@index CSP.STAFF.2.b.iv}: Item 2.b.iv: every staff member on the roster has a bachelor's degree in a related field (or a
   * master's or doctorate), or at least two years of relevant work experience (2 exactly is
   * enough), or lived experience. NOT_MET names the staff ids that qualify by none.
   */
  public static final ProgramRequirement STAFF_QUALIFICATIONS = ProgramRequirement.of(
      "CSP.STAFF.2.b.iv", MUST,
      cite("2.b.iv", "All staff must have at least a bachelor's degree in a related behavioral health field, or two years of relevant work experience, or lived experience of homelessness, behavioral health conditions and/or justice involvement."),
      CspStaffingRequirements::staffQualifications);

  /**
   * {@index CSP.STAFF.3.a}: Item 3, first sentence: CSP staff have access to a licensed supervisor: every staff member who
   * is not themselves a licensed supervisor names a supervisor who is one (on the roster). The
   * supervisor's "training and experience in providing support services" is not in the profile.
   */
  public static final ProgramRequirement ACCESS_TO_SUPERVISION = ProgramRequirement.of(
      "CSP.STAFF.3.a", MUST,
      cite("3, first sentence", "CSP staff must have access to a licensed, master's-level behavioral health clinician or licensed psychologist, with training and experience in providing support services to adults or youth with behavioral health conditions, to provide supervision."),
      CspStaffingRequirements::accessToSupervision);

  /**
   * {@index CSP.STAFF.3.b}: Item 3, second sentence: "Each staff member must receive supervision appropriate to the staff
   * member's skills and level of professional development." No structured fact of the program
   * profile can show it: attested (MET with an attestation for this id dated on or before the as-of
   * date, otherwise NOT_MET).
   */
  public static final ProgramRequirement APPROPRIATE_SUPERVISION = ProgramRequirement.attested(
      "CSP.STAFF.3.b", MUST,
      cite("3, second sentence", "Each staff member must receive supervision appropriate to the staff member's skills and level of professional development."));

  /** {@index CSP.STAFF.3.c}: Item 3, third sentence, first obligation: a written supervision policy and procedure. */
  public static final ProgramRequirement SUPERVISION_PER_POLICY = ProgramRequirement.of(
      "CSP.STAFF.3.c", MUST,
      cite("3, third sentence, first obligation", "Supervision must occur in accordance with the program's policies and procedures"),
      new WrittenProcedure(ProcedureKind.SUPERVISION, "written supervision policies and procedures")::judge);

  /**
   * {@index CSP.STAFF.3.d}: Item 3, third sentence: "must include review of specific member issues" No structured fact of
   * the program profile can show it: attested (MET with an attestation for this id dated on or
   * before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement SUPERVISION_MEMBER_ISSUES = ProgramRequirement.attested(
      "CSP.STAFF.3.d", MUST,
      cite("3, third sentence, second obligation", "must include review of specific member issues"));

  /**
   * {@index CSP.STAFF.3.e}: Item 3, third sentence: "as well as a review of general principles and practices related to
   * mental health, substance use disorder, and medical conditions." No structured fact of the
   * program profile can show it: attested (MET with an attestation for this id dated on or before
   * the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement SUPERVISION_GENERAL_PRINCIPLES = ProgramRequirement.attested(
      "CSP.STAFF.3.e", MUST,
      cite("3, third sentence, third obligation", "as well as a review of general principles and practices related to mental health, substance use disorder, and medical conditions."));

  /**
   * {@index CSP.STAFF.4}: Item 4, first sentence: staff receive training. Met when every staff member on the roster has
   * completed at least one training on or before the as-of date (and the roster is not empty).
   */
  public static final ProgramRequirement STAFF_TRAINED = ProgramRequirement.of(
      "CSP.STAFF.4", MUST,
      cite("4, first sentence", "The program must ensure that staff receive training to enhance and broaden their skills."),
      CspStaffingRequirements::staffTrained);

  /**
   * {@index CSP.STAFF.4.1} to {@index CSP.STAFF.4.13}: Recommended topics (MAY): met when at least
   * one staff member completed training on the topic by the as-of date.
   *
   * <p>One requirement per element, in document order: {@index CSP.STAFF.4.1},
   * {@index CSP.STAFF.4.2}, {@index CSP.STAFF.4.3}, {@index CSP.STAFF.4.4}, {@index CSP.STAFF.4.5},
   * {@index CSP.STAFF.4.6}, {@index CSP.STAFF.4.7}, {@index CSP.STAFF.4.8}, {@index CSP.STAFF.4.9},
   * {@index CSP.STAFF.4.10}, {@index CSP.STAFF.4.11}, {@index CSP.STAFF.4.12},
   * {@index CSP.STAFF.4.13}.
   */
  public static final List<ProgramRequirement> RECOMMENDED_TRAINING = List.of(
      topic(1, "Common diagnoses across medical and behavioral healthcare;", TrainingTopic.COMMON_DIAGNOSES),
      topic(2, "Engagement and outreach skills and strategies;", TrainingTopic.ENGAGEMENT_AND_OUTREACH),
      topic(3, "Service coordination skills and strategies;", TrainingTopic.SERVICE_COORDINATION),
      topic(4, "Behavioral health and medical services, community resources, and natural supports;",
          TrainingTopic.COMMUNITY_RESOURCES_AND_NATURAL_SUPPORTS),
      topic(5, "Principles of recovery and wellness;", TrainingTopic.RECOVERY_AND_WELLNESS),
      topic(6, "Cultural competence", TrainingTopic.CULTURAL_COMPETENCE),
      topic(7, "Managing professional relationships with members including but not limited to boundaries, confidentiality, and peers as CSP workers;",
          TrainingTopic.PROFESSIONAL_BOUNDARIES),
      topic(8, "Service termination;", TrainingTopic.SERVICE_TERMINATION),
      topic(9, "Motivational interviewing;", TrainingTopic.MOTIVATIONAL_INTERVIEWING),
      topic(10, "Accessibility and accommodations;", TrainingTopic.ACCESSIBILITY_AND_ACCOMMODATIONS),
      topic(11, "Trauma-informed care;", TrainingTopic.TRAUMA_INFORMED_CARE),
      topic(12, "Traumatic brain injuries; and", TrainingTopic.TRAUMATIC_BRAIN_INJURY),
      topic(13, "Safety protocols", TrainingTopic.SAFETY_PROTOCOLS));

  /**
   * {@index CSP.STAFF.5.a}: Item 5, first sentence: "Any staff, of any discipline, operating in the program must comply with
   * the standards and scope of practice delineated in their professional licensure and be in good
   * standing with their board of professional licensure, as applicable." No structured fact of the
   * program profile can show it: attested (MET with an attestation for this id dated on or before
   * the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement PROFESSIONAL_STANDARDS = ProgramRequirement.attested(
      "CSP.STAFF.5.a", MUST,
      cite("5, first sentence", "Any staff, of any discipline, operating in the program must comply with the standards and scope of practice delineated in their professional licensure and be in good standing with their board of professional licensure, as applicable."));

  /**
   * {@index CSP.STAFF.5.b}: Item 5, second sentence: "Each program must notify the MassHealth agency of any staff who are
   * sanctioned by the Department of Public Health or sanctioned by their board of licensure, as
   * applicable." No structured fact of the program profile can show it: attested (MET with an
   * attestation for this id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement NOTIFY_SANCTIONS = ProgramRequirement.attested(
      "CSP.STAFF.5.b", MUST,
      cite("5, second sentence", "Each program must notify the MassHealth agency of any staff who are sanctioned by the Department of Public Health or sanctioned by their board of licensure, as applicable."));

  /**
   * {@index CSP.STAFF.6}: Item 6: a staffing plan: the profile holds a written staffing plan
   * (procedure STAFFING_PLAN).
   */
  public static final ProgramRequirement STAFFING_PLAN = ProgramRequirement.of(
      "CSP.STAFF.6", MUST,
      cite("6", "The program must maintain a staffing plan that includes policies and procedures to ensure all staffing and supervision requirements pursuant to 130 CMR 461.000 are met."),
      new WrittenProcedure(ProcedureKind.STAFFING_PLAN, "a written staffing plan")::judge);

  /**
   * {@index CSP.STAFF.7}: Item 7: conflict-of-interest protections: the profile holds a written
   * conflict-of-interest procedure.
   */
  public static final ProgramRequirement CONFLICT_OF_INTEREST = ProgramRequirement.of(
      "CSP.STAFF.7", MUST,
      cite("7", "The program must ensure appropriate protections against conflicts of interest in the service planning and delivery of CSP services."),
      new WrittenProcedure(ProcedureKind.CONFLICT_OF_INTEREST, "written conflict-of-interest protections")::judge);

  CspStaffingRequirements() {
    super("STAFF", HEADING, all());
  }

  private static List<Requirement> all() {
    List<Requirement> out = new java.util.ArrayList<>(List.of(MINIMUM_STAFFING_130_CMR_461_411, ADEQUATE_PERSONNEL,
        PROGRAM_DIRECTOR, DIRECTOR_HIRING, DIRECTOR_SUPERVISION_PROTOCOL, DIRECTOR_POLICIES, DIRECTOR_ACCOUNTABILITY,
        DIRECTOR_COORDINATION, DIRECTOR_EVALUATION, DIRECTOR_IN_SERVICE_TRAINING, MULTIDISCIPLINARY_STAFF,
        PRIMARY_STAFF_ASSIGNED, STAFF_IMPLEMENT_PLAN, STAFF_MAINTAIN_RECORDS, STAFF_PERIODIC_REVIEW,
        STAFF_COORDINATE_SERVICES, STAFF_STATE_AGENCY_REFERRALS, STAFF_MEET_RELATIVES, STAFF_MONITOR_PROGRESS,
        LICENSED_SUPERVISOR, STAFF_QUALIFICATIONS, ACCESS_TO_SUPERVISION, APPROPRIATE_SUPERVISION,
        SUPERVISION_PER_POLICY, SUPERVISION_MEMBER_ISSUES, SUPERVISION_GENERAL_PRINCIPLES, STAFF_TRAINED));
    out.addAll(RECOMMENDED_TRAINING);
    out.addAll(List.of(PROFESSIONAL_STANDARDS, NOTIFY_SANCTIONS, STAFFING_PLAN, CONFLICT_OF_INTEREST));
    return out;
  }

  static Citation cite(String label, String text) {
    return Citation.of(Csp.SOURCE, HEADING, label, text);
  }

  private static ProgramRequirement directorDuty(int n, String text) {
    return ProgramRequirement.attested("CSP.STAFF.2.a." + n, MUST, cite("2.a, program director's responsibility " + n, text));
  }

  private static ProgramRequirement staffTask(int n, String text) {
    return ProgramRequirement.attested("CSP.STAFF.2.b.ii." + n, MUST, cite("2.b.ii, task " + n, text));
  }

  private static ProgramRequirement topic(int n, String text, TrainingTopic topic) {
    return ProgramRequirement.of("CSP.STAFF.4." + n, MAY, cite("4, recommended training topic " + n, text),
        new TopicTrained(topic)::judge);
  }

  /** A written procedure of one kind in the profile. */
  record WrittenProcedure(ProcedureKind kind, String what) {
    Judgment judge(Program program, EvaluationContext ctx) {
      return program.writtenProcedures().contains(kind)
          ? Judgment.met("the program profile holds " + what, Evidence.of("procedure", kind.name(), what))
          : Judgment.notMet("the program profile does not hold " + what + " (" + kind + ")");
    }
  }

  /** Training on one recommended topic. */
  private record TopicTrained(TrainingTopic topic) {
    Judgment judge(Program program, EvaluationContext ctx) {
      Optional<StaffMember> trained = program.staff().stream()
          .filter(s -> s.trainings().stream().anyMatch(t -> t.topic() == topic && ctx.hasBegun(t.completedOn())))
          .findFirst();
      return trained.isPresent()
          ? Judgment.met("staff member " + trained.get().id() + " completed training on " + topic,
              Evidence.of("staff", trained.get().id(), "trained on " + topic))
          : Judgment.notMet("no staff member has completed training on " + topic);
    }
  }

  private static Judgment programDirector(Program program, EvaluationContext ctx) {
    Optional<StaffMember> director = program.staff().stream().filter(s -> s.roles().contains(StaffRole.PROGRAM_DIRECTOR)).findFirst();
    return director.isPresent()
        ? Judgment.met("staff member " + director.get().id() + " is the designated program director",
            Evidence.of("staff", director.get().id(), "program director"))
        : Judgment.notMet("the staff roster designates no program director");
  }

  // the same for every record (immutable): made once
  private static final Judgment NO_PRIMARY_STAFF =
      Judgment.notMet("the record names no staff member with primary responsibility for the member's case");

  private static Judgment primaryStaffAssigned(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<String> staff = e.primaryStaffId();
    return staff.isPresent()
        ? org.perfspecs.checks.Judgments.met("staff member ", staff.get(), " has primary responsibility for the member's case", "",
            Evidence.of("episode", e.id(), "primary staff " + staff.get()))
        : NO_PRIMARY_STAFF;
  }

  /**
   * A licensed supervisor: a licensed psychologist, an LICSW, or a master's-level clinician who
   * holds a licence (a non-empty credential).
   */
  static boolean isLicensedSupervisor(StaffMember s) {
    Set<StaffRole> r = s.roles();
    return r.contains(StaffRole.LICENSED_PSYCHOLOGIST) || r.contains(StaffRole.LICSW)
        || (r.contains(StaffRole.MASTERS_CLINICIAN) && !s.credentials().isEmpty());
  }

  private static Judgment licensedSupervisor(Program program, EvaluationContext ctx) {
    Set<String> supervisors = program.staff().stream().map(StaffMember::supervisorId).flatMap(Optional::stream)
        .collect(Collectors.toSet());
    Optional<StaffMember> found = program.staff().stream()
        .filter(s -> isLicensedSupervisor(s) && (s.roles().contains(StaffRole.CLINICAL_SUPERVISOR) || supervisors.contains(s.id())))
        .findFirst();
    return found.isPresent()
        ? Judgment.met("staff member " + found.get().id() + " is a licensed clinician or psychologist providing supervision",
            Evidence.of("staff", found.get().id(), "licensed supervisor"))
        : Judgment.notMet("the roster has no licensed master's-level clinician or licensed psychologist providing supervision");
  }

  private static final Set<EducationLevel> DEGREE = EnumSet.of(EducationLevel.BACHELORS_RELATED_FIELD,
      EducationLevel.MASTERS, EducationLevel.DOCTORATE);

  /** Whether {@code s} meets item 2.b.iv. */
  static boolean isQualified(StaffMember s) {
    return s.education().filter(DEGREE::contains).isPresent()
        || s.relevantExperienceYears() >= MINIMUM_EXPERIENCE_YEARS || s.livedExperience();
  }

  private static Judgment staffQualifications(Program program, EvaluationContext ctx) {
    if (program.staff().isEmpty()) {
      return Judgment.notMet("the program profile has no staff roster");
    }
    List<String> unqualified = program.staff().stream().filter(s -> !isQualified(s)).map(StaffMember::id).toList();
    return unqualified.isEmpty()
        ? Judgment.met("all " + program.staff().size() + " staff meet the degree, experience or lived-experience qualification")
        : Judgment.notMet("staff without a related bachelor's degree, two years of relevant experience or lived experience: "
            + String.join(", ", unqualified),
            unqualified.stream().map(id -> Evidence.of("staff", id, "not qualified under 2.b.iv")).toArray(Evidence[]::new));
  }

  private static Judgment accessToSupervision(Program program, EvaluationContext ctx) {
    if (program.staff().isEmpty()) {
      return Judgment.notMet("the program profile has no staff roster");
    }
    Set<String> licensed = program.staff().stream().filter(CspStaffingRequirements::isLicensedSupervisor)
        .map(StaffMember::id).collect(Collectors.toSet());
    List<String> without = program.staff().stream()
        .filter(s -> !licensed.contains(s.id()) && s.supervisorId().filter(licensed::contains).isEmpty())
        .map(StaffMember::id).toList();
    if (licensed.isEmpty()) {
      return Judgment.notMet("the roster has no licensed master's-level clinician or licensed psychologist to supervise");
    }
    return without.isEmpty()
        ? Judgment.met("every staff member is supervised by a licensed clinician or psychologist")
        : Judgment.notMet("staff without a licensed supervisor: " + String.join(", ", without),
            without.stream().map(id -> Evidence.of("staff", id, "no licensed supervisor named")).toArray(Evidence[]::new));
  }

  private static Judgment staffTrained(Program program, EvaluationContext ctx) {
    if (program.staff().isEmpty()) {
      return Judgment.notMet("the program profile has no staff roster");
    }
    List<String> untrained = program.staff().stream()
        .filter(s -> s.trainings().stream().noneMatch(t -> ctx.hasBegun(t.completedOn())))
        .map(StaffMember::id).toList();
    return untrained.isEmpty()
        ? Judgment.met("every staff member has completed training")
        : Judgment.notMet("staff with no training completed: " + String.join(", ", untrained),
            untrained.stream().map(id -> Evidence.of("staff", id, "no training completed")).toArray(Evidence[]::new));
  }
}
