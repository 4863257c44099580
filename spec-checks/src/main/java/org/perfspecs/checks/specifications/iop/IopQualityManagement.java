package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.MUST;

import java.util.EnumSet;
import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.QualityPlanRule;
import org.perfspecs.checks.Section;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Program;
import org.perfspecs.model.QualityPlan;

/**
 * IOP "QUALITY MANAGEMENT". Bullet 5 ("The success of the program ... relies on a collaborative
 * partnership") is a statement, not a requirement; bullet 6's last sentence points to the Provider
 * Manual's list of SREs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopQualityManagement extends Section {
  static final String HEADING = "QUALITY MANAGEMENT:";

  /** CCA's performance standards for the IOP level of care (not among the bundled sources). */
  public static final String CCA_PERFORMANCE_STANDARDS = "CCA's performance standards for IOP level of care";

  /** The SRE laws and regulations. */
  public static final String SRE_REGULATIONS = "Medicare and/or Medicaid laws, regulations and instructions of CMS and/or EOHHS on Serious Reportable Events (SREs); CCA Provider Manual, Section 11";

  /** The provider's contract. */
  public static final String CCA_CONTRACT = "the network provider's contract with CCA";

  /** {@index IOP.QM.1}: Bullet 1: a quality management plan adopted on or before the as-of date. */
  public static final ProgramRequirement QM_PLAN = ProgramRequirement.of(
      "IOP.QM.1", MUST,
      cite("bullet 1", "The facility will develop and maintain a quality management plan which utilizes appropriate measures to monitor, measure, and improve the activities and services it provides"),
      QualityPlanRule.exists("the facility's measures to monitor, measure and improve its activities and services"));

  private static final String BULLET_2 = "The facility utilizes a continuous quality improvement process and will include outcome measures and satisfaction surveys, to measure and improve the quality of care and service delivered to Members, including their families";

  /** {@index IOP.QM.2.a}: Bullet 2, continuous quality improvement process: the plan has one. */
  public static final ProgramRequirement CQI = ProgramRequirement.of("IOP.QM.2.a", MUST,
      cite("bullet 2, continuous quality improvement", BULLET_2),
      QualityPlanRule.includes("a continuous quality improvement process", QualityPlan::continuousImprovement));

  /** {@index IOP.QM.2.b}: Bullet 2, outcome measures: the plan uses them. */
  public static final ProgramRequirement OUTCOME_MEASURES = ProgramRequirement.of("IOP.QM.2.b", MUST,
      cite("bullet 2, outcome measures", BULLET_2), QualityPlanRule.includes("outcome measures", QualityPlan::outcomeMeasures));

  /** {@index IOP.QM.2.c}: Bullet 2, satisfaction surveys: the plan uses them. */
  public static final ProgramRequirement SATISFACTION_SURVEYS = ProgramRequirement.of("IOP.QM.2.c", MUST,
      cite("bullet 2, satisfaction surveys", BULLET_2), QualityPlanRule.includes("satisfaction surveys", QualityPlan::satisfactionSurveys));

  private static final String BULLET_3 = "Providers are required to collect and measure outcome data and incorporate the data in treatment plans in the medical records";

  /** {@index IOP.QM.3.a}: Bullet 3, collect and measure outcome data: the quality plan uses outcome measures. */
  public static final ProgramRequirement COLLECT_OUTCOME_DATA = ProgramRequirement.of("IOP.QM.3.a", MUST,
      cite("bullet 3, collect and measure outcome data", BULLET_3),
      QualityPlanRule.includes("outcome data collection (outcome measures)", QualityPlan::outcomeMeasures));

  /**
   * {@index IOP.QM.3.b}: Bullet 3, incorporate outcome data in treatment plans: applies once a
   * treatment plan is in the record; MET when one covers {@link ContentElement#OUTCOME_DATA}.
   */
  public static final EpisodeRequirement OUTCOME_DATA_IN_PLAN = IopRecords.element("IOP.QM.3.b", MUST,
      cite("bullet 3, incorporate the data in treatment plans", BULLET_3), IopRecords.TREATMENT_PLANS, "treatment plan",
      "outcome data", EnumSet.of(ContentElement.OUTCOME_DATA));

  /** {@index IOP.QM.4.a}: Bullet 4, first obligation: outcome data available to CCA upon request (attested). */
  public static final ProgramRequirement OUTCOMES_AVAILABLE = ProgramRequirement.attested("IOP.QM.4.a", MUST,
      cite("bullet 4, first obligation", "Clinical outcomes data must be made available to Commonwealth Care Alliance (CCA) upon request"));

  /** {@index IOP.QM.4.b}: Bullet 4, second obligation: deferral to CCA's performance standards. */
  public static final ProgramRequirement CONSISTENT_WITH_STANDARDS = ProgramRequirement.external("IOP.QM.4.b", MUST,
      cite("bullet 4, second obligation", "must be consistent with CCA' s performance standards for IOP level of care"),
      CCA_PERFORMANCE_STANDARDS);

  /** {@index IOP.QM.6.a}: Bullet 6, first sentence: SRE laws and regulations (external). */
  public static final ProgramRequirement SRE_REPORTING = ProgramRequirement.external("IOP.QM.6.a", MUST,
      cite("bullet 6, first sentence", "Providers will comply with all applicable laws and regulations including but not limited to any and all applicable Medicare and/or Medicaid laws, regulations and instructions of CMS and/or EOHHS relating to addressing and reporting Serious Reportable Events (SREs)."),
      SRE_REGULATIONS);

  /** {@index IOP.QM.6.b}: Bullet 6, second sentence: the provider's contract with CCA (external). */
  public static final ProgramRequirement CONTRACT = ProgramRequirement.external("IOP.QM.6.b", MUST,
      cite("bullet 6, second sentence", "Network providers will comply with all requirements contained in their contract with CCA including any corrective actions required by CCA or applicable regulatory agencies."),
      CCA_CONTRACT);

  IopQualityManagement() {
    super("QM", HEADING, List.of(QM_PLAN, CQI, OUTCOME_MEASURES, SATISFACTION_SURVEYS, COLLECT_OUTCOME_DATA,
        OUTCOME_DATA_IN_PLAN, OUTCOMES_AVAILABLE, CONSISTENT_WITH_STANDARDS, SRE_REPORTING, CONTRACT));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

}
