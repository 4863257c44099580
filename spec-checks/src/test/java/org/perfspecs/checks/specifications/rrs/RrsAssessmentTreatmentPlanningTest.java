package org.perfspecs.checks.specifications.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertExternal;

import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Verifies;

/** RRS_PPW.ASMT.1: deferral to 105 CMR 164 on assessment and recovery planning. */
class RrsAssessmentTreatmentPlanningTest {
  @Test
  @Verifies("RRS_PPW.ASMT.1")
  void isExternalNaming105Cmr164() {
    assertExternal(RrsAssessmentTreatmentPlanning.LICENSURE_ASSESSMENT,
        RrsPpw.CMR_105_164 + ", provisions on assessment and recovery planning");
    assertThat(RrsAssessmentTreatmentPlanning.LICENSURE_ASSESSMENT.citation().section())
        .isEqualTo("Assessment, Treatment Planning and Documentation");
  }
}
