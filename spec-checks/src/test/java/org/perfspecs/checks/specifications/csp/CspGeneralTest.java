package org.perfspecs.checks.specifications.csp;

import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Verifies;

class CspGeneralTest {
  @Test
  @Verifies("CSP.GEN.1.a")
  void codeOfMassachusettsRegulationsIsExternal() {
    CspTestSupport.assertExternal(CspGeneral.CODE_OF_MASSACHUSETTS_REGULATIONS, Csp.CODE_OF_MASSACHUSETTS_REGULATIONS);
  }

  @Test
  @Verifies("CSP.GEN.1.b")
  void generalSpecificationsAreExternal() {
    CspTestSupport.assertExternal(CspGeneral.GENERAL_SPECIFICATIONS, Csp.GENERAL_SPECIFICATIONS);
  }
}
