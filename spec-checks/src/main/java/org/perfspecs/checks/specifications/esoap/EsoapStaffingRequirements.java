package org.perfspecs.checks.specifications.esoap;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Program;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.TrainingTopic;

/**
 * ESOAP "STAFFING REQUIREMENTS". Item 1's first two sentences describe BSAS's waiver process
 * (description, not requirements); its last two sentences are the provider's obligations.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EsoapStaffingRequirements extends Section {
  static final String HEADING = "STAFFING REQUIREMENTS";

  /** {@index ESOAP.STAFF.1.a}: Item 1, third sentence: inform the payer of approved waivers (attested). */
  public static final ProgramRequirement WAIVERS_REPORTED_TO_PAYER = ProgramRequirement.attested(
      "ESOAP.STAFF.1.a", MUST,
      cite("1, third sentence", "The provider is responsible for informing the payer of any waived requirements if the waiver is approved."));

  /** {@index ESOAP.STAFF.1.b}: Item 1, fourth sentence: communicate non-regulatory hardships to payers (attested). */
  public static final ProgramRequirement HARDSHIPS_REPORTED_TO_PAYER = ProgramRequirement.attested(
      "ESOAP.STAFF.1.b", MUST,
      cite("1, fourth sentence", "Providers are additionally responsible for communicating hardships that are not regulatory in nature to payers."));

  /** {@index ESOAP.STAFF.2}: Item 2: deferral to the General Performance Specifications' staffing section. */
  public static final ProgramRequirement GENERAL_SPECIFICATIONS = ProgramRequirement.external(
      "ESOAP.STAFF.2", MUST,
      cite("2", "The Enhanced SOAP (ASAM Intensive Outpatient Program) for Pregnant and Postpartum Members complies with all provisions of the corresponding section in the General performance Specifications."),
      Esoap.GENERAL_SPECIFICATIONS + ", Staffing Requirements");

  /** {@index ESOAP.STAFF.3.a}: Item 3, first element: the licensing body's staffing requirements (105 CMR 164). */
  public static final ProgramRequirement LICENSING_BODY_STAFFING = ProgramRequirement.external(
      "ESOAP.STAFF.3.a", MUST,
      cite("3, first element", "The Enhanced SOAP for Pregnant and Postpartum Members complies with the staffing requirements of the applicable licensing body"),
      Esoap.CMR_105_164 + ", staffing requirements");

  /**
   * {@index ESOAP.STAFF.3.b}: Item 3, second element: the staffing requirements of the plan's
   * service-specific (SOAP) specifications.
   */
  public static final ProgramRequirement SOAP_STAFFING = ProgramRequirement.external(
      "ESOAP.STAFF.3.b", MUST,
      cite("3, second element", "the staffing requirements in the plan service specific performance specifications"),
      Esoap.SOAP_SPECIFICATIONS + ", staffing requirements");

  /** {@index ESOAP.STAFF.3.c}: Item 3, third element: the Provider Manual's credentialing criteria. */
  public static final ProgramRequirement PROVIDER_MANUAL_CREDENTIALING = ProgramRequirement.external(
      "ESOAP.STAFF.3.c", MUST,
      cite("3, third element", "the credentialing criteria outlined in the Provider Manual."),
      Esoap.PROVIDER_MANUAL);

  /**
   * {@index ESOAP.STAFF.4.a}: Item 4, first object: staff knowledge of local resources for pregnant
   * or postpartum members (attested).
   */
  public static final ProgramRequirement KNOWLEDGE_OF_LOCAL_RESOURCES = ProgramRequirement.attested(
      "ESOAP.STAFF.4.a", MUST,
      cite("4, first object", "Enhanced SOAP for Pregnant and Postpartum Members staff have knowledge of the local resources for Members who are pregnant or postpartum within their community"));

  /** {@index ESOAP.STAFF.4.b}: Item 4, second object: staff knowledge of the population's unique needs (attested). */
  public static final ProgramRequirement KNOWLEDGE_OF_UNIQUE_NEEDS = ProgramRequirement.attested(
      "ESOAP.STAFF.4.b", MUST,
      cite("4, second object", "as well as the unique medical, behavioral health, legal, safety, vocational, financial, and transportation needs faced by this population."));

  /**
   * {@index ESOAP.STAFF.5}: Item 5: documented in-service trainings on working with pregnant members, for all staff. MET
   * when the roster is not empty and every staff member has a {@link
   * TrainingTopic#PREGNANCY_AND_POSTPARTUM} training completed on or before the as-of date;
   * NOT_MET naming the staff without one. ("Ongoing" states no frequency, so one documented
   * training per staff member suffices.)
   */
  public static final ProgramRequirement PREGNANCY_TRAINING_FOR_ALL_STAFF = ProgramRequirement.of(
      "ESOAP.STAFF.5", MUST,
      cite("5", "Ongoing, in-service trainings for staff that address working with members who are pregnant are documented and provided for all Enhanced SOAP staff."),
      EsoapStaffingRequirements::pregnancyTrainingForAllStaff);

  /**
   * {@index ESOAP.STAFF.6.a}: Item 6, first obligation: staff coordinate care with the PCC and the
   * obstetric provider (attested).
   */
  public static final ProgramRequirement COORDINATE_WITH_PCC_AND_OBSTETRIC_PROVIDER = ProgramRequirement.attested(
      "ESOAP.STAFF.6.a", MUST,
      cite("6, first obligation", "Program staff coordinate care with the Member's PCC and obstetrician/gynecologist, midwife, or other obstetric health care provider"));

  /** {@index ESOAP.STAFF.6.b}: Item 6, second obligation: staff consult with those providers as needed (attested). */
  public static final ProgramRequirement CONSULT_AS_NEEDED = ProgramRequirement.attested(
      "ESOAP.STAFF.6.b", MUST,
      cite("6, second obligation", "and consult with those providers as needed."));

  EsoapStaffingRequirements() {
    super("STAFF", HEADING, List.of(WAIVERS_REPORTED_TO_PAYER, HARDSHIPS_REPORTED_TO_PAYER, GENERAL_SPECIFICATIONS,
        LICENSING_BODY_STAFFING, SOAP_STAFFING, PROVIDER_MANUAL_CREDENTIALING, KNOWLEDGE_OF_LOCAL_RESOURCES,
        KNOWLEDGE_OF_UNIQUE_NEEDS, PREGNANCY_TRAINING_FOR_ALL_STAFF, COORDINATE_WITH_PCC_AND_OBSTETRIC_PROVIDER,
        CONSULT_AS_NEEDED));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Esoap.SOURCE, HEADING, label, text);
  }

  private static Judgment pregnancyTrainingForAllStaff(Program program, EvaluationContext ctx) {
    if (program.staff().isEmpty()) {
      return Judgment.notMet("the program profile lists no staff, so no in-service training on working with pregnant members is shown");
    }
    List<String> untrained = program.staff().stream()
        .filter(m -> m.trainings().stream().noneMatch(t -> t.topic() == TrainingTopic.PREGNANCY_AND_POSTPARTUM
            && ctx.hasBegun(t.completedOn())))
        .map(StaffMember::id)
        .toList();
    if (!untrained.isEmpty()) {
      return Judgment.notMet(untrained.size() + " of " + program.staff().size()
          + " staff have no documented in-service training on working with pregnant members: " + String.join(", ", untrained),
          untrained.stream().map(id -> Evidence.of("staff", id, "no pregnancy training")).toArray(Evidence[]::new));
    }
    return Judgment.met("all " + program.staff().size() + " staff have documented in-service training on working with pregnant members",
        program.staff().stream().map(m -> Evidence.of("staff", m.id(), "pregnancy training completed")).toArray(Evidence[]::new));
  }
}
