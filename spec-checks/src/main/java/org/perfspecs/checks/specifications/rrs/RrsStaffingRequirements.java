package org.perfspecs.checks.specifications.rrs;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Program;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.TrainingTopic;

/**
 * RRS for Pregnant and Post-Partum Women "STAFFING REQUIREMENTS". The opening paragraph's first
 * two sentences describe the BSAS waiver process (no obligation); its last two sentences are
 * obligations no structured fact shows (attested, ids {@code STAFF.W.a} and {@code STAFF.W.b}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsStaffingRequirements extends Section {
  static final String HEADING = "STAFFING REQUIREMENTS";

  /** {@index RRS_PPW.STAFF.W.a}: Waiver paragraph, third sentence: inform the payer of approved waivers (attested). */
  public static final ProgramRequirement INFORM_PAYER_OF_WAIVERS = ProgramRequirement.attested(
      "RRS_PPW.STAFF.W.a", MUST,
      cite("opening paragraph, third sentence",
          "The provider is responsible for informing the payer of any waived requirements if the waiver is approved."));

  /**
   * {@index RRS_PPW.STAFF.W.b}: Waiver paragraph, fourth sentence: communicate non-regulatory
   * hardships to payers (attested).
   */
  public static final ProgramRequirement COMMUNICATE_HARDSHIPS = ProgramRequirement.attested(
      "RRS_PPW.STAFF.W.b", MUST,
      cite("opening paragraph, fourth sentence",
          "Providers are additionally responsible for communicating hardships that are not regulatory in nature to payers."));

  /** {@index RRS_PPW.STAFF.1.a}: Item 1, first obligation: the licensing body's staffing requirements (external). */
  public static final ProgramRequirement LICENSING_BODY = ProgramRequirement.external(
      "RRS_PPW.STAFF.1.a", MUST,
      cite("1, first obligation", "The provider complies with the staffing requirements of the applicable licensing body"),
      RrsPpw.LICENSING_BODY_STAFFING);

  /** {@index RRS_PPW.STAFF.1.b}: Item 1, second obligation: 105 CMR 164 staffing requirements (external). */
  public static final ProgramRequirement CMR_105_164_STAFFING = ProgramRequirement.external(
      "RRS_PPW.STAFF.1.b", MUST,
      cite("1, second obligation", "the staffing requirements outlined in 105 CMR 164 Licensure of Substance Use Disorder Treatment Programs"),
      RrsPpw.CMR_105_164);

  /**
   * {@index RRS_PPW.STAFF.1.c}: Item 1, third obligation: the Plan provider manual's staffing
   * requirements (external).
   */
  public static final ProgramRequirement PROVIDER_MANUAL_STAFFING = ProgramRequirement.external(
      "RRS_PPW.STAFF.1.c", MUST,
      cite("1, third obligation", "the staffing requirements in the applicable Plan provider manual."),
      RrsPpw.PLAN_PROVIDER_MANUAL);

  /** Clinical roles: a clinical staff person, for item 2. */
  static final Set<StaffRole> CLINICAL_ROLES = Set.of(StaffRole.CLINICAL_SUPERVISOR, StaffRole.LICSW,
      StaffRole.MASTERS_CLINICIAN, StaffRole.LICENSED_PSYCHOLOGIST, StaffRole.RN, StaffRole.PSYCHIATRIST);

  /**
   * {@index RRS_PPW.STAFF.2}: Item 2: "A parenting specialist, child services coordinator, or clinical staff person with
   * specific training in trauma and parenting must be available either through agency hire or
   * contract." MET when the staff roster (hired or contracted staff alike) holds a parenting
   * specialist, a child services coordinator, or a clinical staff member (clinical supervisor,
   * LICSW, master's clinician, licensed psychologist, RN, psychiatrist) with a trauma-and-parenting
   * training completed on or before the as-of date.
   */
  public static final ProgramRequirement PARENTING_SPECIALIST = ProgramRequirement.of(
      "RRS_PPW.STAFF.2", MUST,
      cite("2", "A parenting specialist, child services coordinator, or clinical staff person with specific training in trauma and parenting must be available either through agency hire or contract."),
      RrsStaffingRequirements::parentingSpecialist);

  RrsStaffingRequirements() {
    super("STAFF", HEADING, List.of(INFORM_PAYER_OF_WAIVERS, COMMUNICATE_HARDSHIPS, LICENSING_BODY,
        CMR_105_164_STAFFING, PROVIDER_MANUAL_STAFFING, PARENTING_SPECIALIST));
  }

  static Citation cite(String label, String text) {
    return Citation.of(RrsPpw.SOURCE, HEADING, label, text);
  }

  private static Judgment parentingSpecialist(Program program, EvaluationContext ctx) {
    Optional<StaffMember> specialist = program.staff().stream()
        .filter(s -> s.roles().contains(StaffRole.PARENTING_SPECIALIST) || s.roles().contains(StaffRole.CHILD_SERVICES_COORDINATOR))
        .findFirst();
    if (specialist.isPresent()) {
      return Judgment.met("staff member " + specialist.get().id() + " is a parenting specialist or child services coordinator",
          Evidence.of("staff", specialist.get().id(), "roles " + specialist.get().roles()));
    }
    Optional<StaffMember> trained = program.staff().stream()
        .filter(s -> RecordLists.anyIn(s.roles(), CLINICAL_ROLES)
            && s.trainings().stream().anyMatch(t -> t.topic() == TrainingTopic.TRAUMA_AND_PARENTING && ctx.hasBegun(t.completedOn())))
        .findFirst();
    if (trained.isPresent()) {
      return Judgment.met("clinical staff member " + trained.get().id() + " has completed training in trauma and parenting",
          Evidence.of("staff", trained.get().id(), "clinical staff trained in trauma and parenting"));
    }
    return Judgment.notMet("the staff roster holds no parenting specialist, no child services coordinator and no clinical "
        + "staff member trained in trauma and parenting (as of " + ctx.today() + ")");
  }
}
