package org.perfspecs.checks.specifications.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertAttested;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertExternal;

import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;

/** RRS_PPW OVERVIEW: attested program obligations and the deferral to the base RRS specifications. */
class RrsOverviewTest {
  @Test
  @Verifies("RRS_PPW.OVW.1")
  void supportingRecoveryIsAttested() {
    assertAttested(RrsOverview.SUPPORTS_RECOVERY);
  }

  @Test
  @Verifies("RRS_PPW.OVW.2")
  void scheduledClinicalServicesAreAttested() {
    assertAttested(RrsOverview.SCHEDULED_CLINICAL_SERVICES);
  }

  @Test
  @Verifies("RRS_PPW.OVW.3")
  void theBaseRrsSpecificationsAreExternal() {
    assertExternal(RrsOverview.BASE_RRS_SPECIFICATIONS, RrsPpw.RRS_SUD_SPECIFICATIONS);
  }

  @Test
  @Verifies("RRS_PPW.OVW.4.a")
  void clinicalExclusionCriteriaAreAttested() {
    assertAttested(RrsOverview.EXCLUSION_CLINICAL);
  }

  @Test
  @Verifies("RRS_PPW.OVW.4.b")
  void noAutomaticExclusionsIsAttested() {
    assertAttested(RrsOverview.NO_AUTOMATIC_EXCLUSIONS);
  }

  @Test
  @Verifies("RRS_PPW.OVW.5.1")
  void serviceUntilALessIntensiveLevelIsAttested() {
    assertAttested(RrsOverview.SERVICE_UNTIL_LESS_INTENSIVE);
  }

  @Test
  @Verifies({"RRS_PPW.OVW.0", "RRS_PPW.OVW.1", "RRS_PPW.OVW.2", "RRS_PPW.OVW.3", "RRS_PPW.OVW.4.a", "RRS_PPW.OVW.4.b", "RRS_PPW.OVW.5.1"})
  void theSectionListsItsRequirementsInDocumentOrderAllMust() {
    RrsOverview s = new RrsOverview();
    assertThat(s.requirements()).extracting(Requirement::id).containsExactly("RRS_PPW.OVW.0", "RRS_PPW.OVW.1", "RRS_PPW.OVW.2",
        "RRS_PPW.OVW.3", "RRS_PPW.OVW.4.a", "RRS_PPW.OVW.4.b", "RRS_PPW.OVW.5.1");
    assertThat(s.requirements()).extracting(Requirement::strength).containsOnly(Strength.MUST);
  }
}
