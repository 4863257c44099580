package org.perfspecs.checks.specifications.rrs;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/** RRS for Pregnant and Post-Partum Women "PROCESS SPECIFICATIONS", "Assessment, Treatment Planning and Documentation". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsAssessmentTreatmentPlanning extends Section {
  static final String HEADING = "Assessment, Treatment Planning and Documentation";

  /** {@index RRS_PPW.ASMT.1}: Item 1: deferral to 105 CMR 164 on assessment and recovery planning. */
  public static final ProgramRequirement LICENSURE_ASSESSMENT = ProgramRequirement.external(
      "RRS_PPW.ASMT.1", MUST,
      Citation.of(RrsPpw.SOURCE, HEADING, "1", "The provider complies with all provisions of 105 CMR 164.000 Licensure of Substance Use Disorder Treatment Programs related to assessment and recovery planning."),
      RrsPpw.CMR_105_164 + ", provisions on assessment and recovery planning");

  RrsAssessmentTreatmentPlanning() {
    super("ASMT", HEADING, List.of(LICENSURE_ASSESSMENT));
  }
}
