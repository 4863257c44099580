package org.perfspecs.checks.specifications.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertExternal;

import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;

/** RRS_PPW PURPOSE: three deferrals to external documents. */
class RrsPurposeTest {
  @Test
  @Verifies("RRS_PPW.PURP.1.a")
  void bsasRequirementsAreExternal() {
    assertExternal(RrsPurpose.BSAS_REQUIREMENTS, RrsPpw.BSAS_REQUIREMENTS);
  }

  @Test
  @Verifies("RRS_PPW.PURP.1.b")
  void massachusettsRegulationsAreExternal() {
    assertExternal(RrsPurpose.MASSACHUSETTS_REGULATIONS, RrsPpw.CMR);
  }

  @Test
  @Verifies("RRS_PPW.PURP.2")
  void generalPerformanceSpecificationsAreExternal() {
    assertExternal(RrsPurpose.GENERAL_SPECIFICATIONS, RrsPpw.GENERAL_SPECIFICATIONS);
  }

  @Test
  @Verifies({"RRS_PPW.PURP.1.a", "RRS_PPW.PURP.1.b", "RRS_PPW.PURP.2"})
  void theSectionListsItsRequirementsInDocumentOrderAllMust() {
    assertThat(new RrsPurpose().requirements()).extracting(Requirement::id)
        .containsExactly("RRS_PPW.PURP.1.a", "RRS_PPW.PURP.1.b", "RRS_PPW.PURP.2");
    assertThat(new RrsPurpose().requirements()).extracting(Requirement::strength).containsOnly(Strength.MUST);
    assertThat(new RrsPurpose().heading()).isEqualTo("PURPOSE");
  }
}
