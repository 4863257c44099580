package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.Strength.SHOULD;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.Program;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.TrainingTopic;

/** IOP "STAFFING REQUIREMENTS". All judged on the program profile. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopStaffingRequirements extends Section {
  static final String HEADING = "STAFFING REQUIREMENTS:";

  private static final String BULLET_2 = "The program will follow formal procedures for credentialing, periodic re-credentialing, supervision, orientation to policies and procedures, and training of all staff including special attention to co-occurring mental health and substance use diagnosis";

  private static final String BULLET_3 = "The provider will ensure a multidisciplinary staffing model consisting of, at a minimum, to include: an LICSW and/or other clinical master's degree staff, RN and psychiatrist.";

  /** The document the licensing-body staffing requirements are in. */
  public static final String LICENSING_BODY_STAFFING = "staffing requirements of the applicable licensing body (DPH/DMH licensure regulations)";

  /** {@index IOP.STAFF.1}: Bullet 1: deferral to the licensing body's staffing requirements. */
  public static final ProgramRequirement LICENSING_STAFFING = ProgramRequirement.external(
      "IOP.STAFF.1", MUST, cite("bullet 1", "The provider complies with the staffing requirements of the applicable licensing body"),
      LICENSING_BODY_STAFFING);

  /**
   * {@index IOP.STAFF.2.a}: Bullet 2, credentialing: written credentialing procedures ({@link
   * ProcedureKind#CREDENTIALING}).
   */
  public static final ProgramRequirement CREDENTIALING = ProgramRequirement.of(
      "IOP.STAFF.2.a", MUST, cite("bullet 2, credentialing", BULLET_2), IopStaffingRequirements::credentialing);

  /** {@index IOP.STAFF.2.b}: Bullet 2, periodic re-credentialing: no structured fact shows it; attested. */
  public static final ProgramRequirement RECREDENTIALING = ProgramRequirement.attested(
      "IOP.STAFF.2.b", MUST, cite("bullet 2, periodic re-credentialing", BULLET_2));

  /**
   * {@index IOP.STAFF.2.c}: Bullet 2, supervision: written supervision procedures ({@link
   * ProcedureKind#SUPERVISION}).
   */
  public static final ProgramRequirement SUPERVISION_PROCEDURES = ProgramRequirement.of(
      "IOP.STAFF.2.c", MUST, cite("bullet 2, supervision", BULLET_2), IopStaffingRequirements::supervisionProcedures);

  /**
   * {@index IOP.STAFF.2.d}: Bullet 2, orientation: every staff member has completed an orientation
   * training by the as-of date.
   */
  public static final ProgramRequirement ORIENTATION = ProgramRequirement.of(
      "IOP.STAFF.2.d", MUST, cite("bullet 2, orientation to policies and procedures", BULLET_2),
      IopStaffingRequirements::orientation);

  /**
   * {@index IOP.STAFF.2.e}: Bullet 2, training of all staff with special attention to co-occurring diagnoses: every staff
   * member has completed a co-occurring disorders training by the as-of date.
   */
  public static final ProgramRequirement CO_OCCURRING_TRAINING = ProgramRequirement.of(
      "IOP.STAFF.2.e", MUST, cite("bullet 2, training of all staff", BULLET_2),
      IopStaffingRequirements::coOccurringTraining);

  /**
   * {@index IOP.STAFF.3.a}: Bullet 3, element 1: an LICSW and/or other clinical master's degree
   * staff on the roster.
   */
  public static final ProgramRequirement LICSW_OR_MASTERS = ProgramRequirement.of(
      "IOP.STAFF.3.a", MUST, cite("bullet 3, first element", BULLET_3),
      IopStaffingRequirements::licswOrMasters);

  /** {@index IOP.STAFF.3.b}: Bullet 3, element 2: an RN on the roster. */
  public static final ProgramRequirement RN = ProgramRequirement.of(
      "IOP.STAFF.3.b", MUST, cite("bullet 3, second element", BULLET_3), IopStaffingRequirements::rn);

  /** {@index IOP.STAFF.3.c}: Bullet 3, element 3: a psychiatrist on the roster. */
  public static final ProgramRequirement PSYCHIATRIST = ProgramRequirement.of(
      "IOP.STAFF.3.c", MUST, cite("bullet 3, third element", BULLET_3), IopStaffingRequirements::psychiatrist);

  /**
   * {@index IOP.STAFF.3.d}: Bullet 3, second sentence: recovery and peer coaches encouraged: a
   * recovery coach, peer coach or certified peer specialist on the roster.
   */
  public static final ProgramRequirement PEER_COACHES = ProgramRequirement.of(
      "IOP.STAFF.3.d", SHOULD,
      cite("bullet 3, second sentence", "In addition, providers are encouraged to staff the team with Recovery and Peer coaches"),
      IopStaffingRequirements::peerCoaches);

  /**
   * {@index IOP.STAFF.4}: Bullet 4: psychiatry services available to the members: a psychiatrist on the roster, or an
   * active agreement (any kind) with a medication-management (psychiatric) provider.
   */
  public static final ProgramRequirement PSYCHIATRY_AVAILABLE = ProgramRequirement.of(
      "IOP.STAFF.4", MUST,
      cite("bullet 4", "The provider will have psychiatry services available and available to the members being served in the IOP program"),
      IopStaffingRequirements::psychiatryAvailable);

  /**
   * {@index IOP.STAFF.5}: Bullet 5: "all staff receive supervision consistent with credentialing criteria": every staff
   * member other than a program director names a supervisor who is on the roster; NOT_MET with an
   * empty roster. Consistency with credentialing criteria is not in the profile.
   */
  public static final ProgramRequirement ALL_STAFF_SUPERVISED = ProgramRequirement.of(
      "IOP.STAFF.5", MUST,
      cite("bullet 5", "The provider ensures that all staff receive supervision consistent with credentialing criteria"),
      IopStaffingRequirements::allStaffSupervised);

  /** {@index IOP.STAFF.6.a}: Bullet 6, first sentence (attested). */
  public static final ProgramRequirement REFLECTS_COMMUNITY = ProgramRequirement.attested(
      "IOP.STAFF.6.a", SHOULD,
      cite("bullet 6, first sentence", "Staffing should reflect the cultural, gender, and linguistic needs of the community it serves."));

  /** {@index IOP.STAFF.6.b}: Bullet 6, second sentence (attested). */
  public static final ProgramRequirement QUALIFIED_CLINICIANS = ProgramRequirement.attested(
      "IOP.STAFF.6.b", MUST,
      cite("bullet 6, second sentence", "The program ensures access to qualified clinicians able to meet the cultural, linguistic, and ethnic needs of all members served within their local community"));



  IopStaffingRequirements() {
    super("STAFF", HEADING, List.of(LICENSING_STAFFING, CREDENTIALING, RECREDENTIALING, SUPERVISION_PROCEDURES, ORIENTATION,
        CO_OCCURRING_TRAINING, LICSW_OR_MASTERS, RN, PSYCHIATRIST, PEER_COACHES, PSYCHIATRY_AVAILABLE, ALL_STAFF_SUPERVISED,
        REFLECTS_COMMUNITY, QUALIFIED_CLINICIANS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

  private static Judgment credentialing(Program p, EvaluationContext ctx) {
    return IopProgram.procedures(p, "credentialing procedures", ProcedureKind.CREDENTIALING);
  }

  private static Judgment supervisionProcedures(Program p, EvaluationContext ctx) {
    return IopProgram.procedures(p, "supervision procedures", ProcedureKind.SUPERVISION);
  }

  private static Judgment orientation(Program p, EvaluationContext ctx) {
    return IopProgram.allStaffTrained(p, ctx, false, EnumSet.of(TrainingTopic.ORIENTATION));
  }

  private static Judgment coOccurringTraining(Program p, EvaluationContext ctx) {
    return IopProgram.allStaffTrained(p, ctx, false, EnumSet.of(TrainingTopic.CO_OCCURRING_DISORDERS));
  }

  private static Judgment licswOrMasters(Program p, EvaluationContext ctx) {
    return IopProgram.role(p, "LICSW or other clinical master's degree staff", EnumSet.of(StaffRole.LICSW, StaffRole.MASTERS_CLINICIAN));
  }

  private static Judgment rn(Program p, EvaluationContext ctx) {
    return IopProgram.role(p, "RN", EnumSet.of(StaffRole.RN));
  }

  private static Judgment psychiatrist(Program p, EvaluationContext ctx) {
    return IopProgram.role(p, "psychiatrist", EnumSet.of(StaffRole.PSYCHIATRIST));
  }

  private static Judgment peerCoaches(Program p, EvaluationContext ctx) {
    return IopProgram.role(p, "recovery or peer coach", EnumSet.of(StaffRole.RECOVERY_COACH, StaffRole.PEER_COACH,
        StaffRole.CERTIFIED_PEER_SPECIALIST));
  }

  private static Judgment psychiatryAvailable(Program p, EvaluationContext ctx) {
    Judgment onStaff = psychiatrist(p, ctx);
    if (onStaff.outcome() == org.perfspecs.checks.Outcome.MET) {
      return onStaff;
    }
    List<Agreement> agreements = IopProgram.agreements(p, ctx, Set.of(), PartnerCategory.MEDICATION_MANAGEMENT);
    return agreements.isEmpty()
        ? Judgment.notMet("no psychiatrist on the roster and no active agreement with a psychiatric (medication-management) provider")
        : Judgment.met("psychiatry is available through an active agreement with " + agreements.get(0).partnerName(),
            IopProgram.evidence(agreements.get(0)));
  }

  private static Judgment allStaffSupervised(Program p, EvaluationContext ctx) {
    if (p.staff().isEmpty()) {
      return Judgment.notMet("the staff roster is empty, so no supervision is shown");
    }
    Set<String> ids = new java.util.HashSet<>();
    p.staff().forEach(s -> ids.add(s.id()));
    List<String> unsupervised = new ArrayList<>();
    for (StaffMember s : p.staff()) {
      if (s.roles().contains(StaffRole.PROGRAM_DIRECTOR)) {
        continue;
      }
      if (s.supervisorId().filter(ids::contains).filter(id -> !id.equals(s.id())).isEmpty()) {
        unsupervised.add(s.id());
      }
    }
    Evidence[] staff = p.staff().stream().map(s -> Evidence.of("staff", s.id(), "roster entry")).toArray(Evidence[]::new);
    return unsupervised.isEmpty()
        ? Judgment.met("every staff member other than the program director has a supervisor on the roster", staff)
        : Judgment.notMet("staff without a supervisor on the roster: " + unsupervised, staff);
  }
}
