package org.perfspecs.checks.specifications.esoap;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Program;
import org.perfspecs.model.QualityPlan;

/**
 * ESOAP "QUALITY MANAGEMENT (QM)". Item 1's second sentence ("Data may be collected via
 * satisfaction surveys, ...") permits rather than obliges and is not a requirement.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EsoapQualityManagement extends Section {
  static final String HEADING = "QUALITY MANAGEMENT (QM)";

  /**
   * {@index ESOAP.QM.1}: Item 1, first sentence: a quality management plan with a continuous QI process. MET when the
   * profile holds a plan adopted on or before the as-of date that includes a continuous quality
   * improvement process; NOT_MET otherwise (no plan, a plan adopted later, or no continuous QI).
   */
  public static final ProgramRequirement QUALITY_MANAGEMENT_PLAN = ProgramRequirement.of(
      "ESOAP.QM.1", MUST,
      cite("1, first sentence", "Enhanced SOAP (ASAM Intensive Outpatient Program) providers must have a quality management plan inclusive of a continuous QI process to evaluate care provided and review adherence to policies and procedures within the program."),
      EsoapQualityManagement::qualityManagementPlan);

  /** {@index ESOAP.QM.2}: Item 2: ESM data reported to BSAS (attested). */
  public static final ProgramRequirement ESM_REPORTING = ProgramRequirement.attested(
      "ESOAP.QM.2", MUST,
      cite("2", "Providers must report Enterprise Service Management (ESM) data to BSAS, as directed by BSAS and/or EOHHS."));

  /**
   * {@index ESOAP.QM.3}: Item 3: required notifications per 105 CMR 164 (external: the
   * notifications are defined there).
   */
  public static final ProgramRequirement REQUIRED_NOTIFICATIONS = ProgramRequirement.external(
      "ESOAP.QM.3", MUST,
      cite("3", "The provider must submit required notifications to BSAS per 105 CMR 164.000: *Licensure of Substance Use Disorder Treatment Programs* and EHS, and managed care plans as appropriate."),
      Esoap.CMR_105_164 + ", required notifications");

  EsoapQualityManagement() {
    super("QM", HEADING, List.of(QUALITY_MANAGEMENT_PLAN, ESM_REPORTING, REQUIRED_NOTIFICATIONS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Esoap.SOURCE, HEADING, label, text);
  }

  private static Judgment qualityManagementPlan(Program program, EvaluationContext ctx) {
    Optional<QualityPlan> plan = program.qualityPlan();
    if (plan.isEmpty()) {
      return Judgment.notMet("the program profile holds no quality management plan");
    }
    QualityPlan p = plan.get();
    Evidence evidence = Evidence.onDate("qualityPlan", program.id(), p.adoptedOn(), "quality management plan");
    if (!ctx.hasBegun(p.adoptedOn())) {
      return Judgment.notMet("the quality management plan is adopted only on " + p.adoptedOn(), evidence);
    }
    return p.continuousImprovement()
        ? Judgment.met("quality management plan adopted " + p.adoptedOn() + " with a continuous QI process", evidence)
        : Judgment.notMet("the quality management plan adopted " + p.adoptedOn() + " has no continuous QI process", evidence);
  }
}
