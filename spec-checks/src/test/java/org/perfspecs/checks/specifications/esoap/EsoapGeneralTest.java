package org.perfspecs.checks.specifications.esoap;

import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.assertExternal;

import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Verifies;

/** ESOAP's opening statements: deferrals to the Code of Massachusetts Regulations and the base SOAP specifications. */
class EsoapGeneralTest {
  @Test
  @Verifies("ESOAP.GEN.1")
  void theCodeOfMassachusettsRegulationsIsExternal() {
    assertExternal(EsoapGeneral.CODE_OF_MASSACHUSETTS_REGULATIONS_COMPLIANCE, EsoapGeneral.CODE_OF_MASSACHUSETTS_REGULATIONS);
  }

  @Test
  @Verifies("ESOAP.GEN.2")
  void theBaseSoapSpecificationsAreExternal() {
    assertExternal(EsoapGeneral.SOAP_SPECIFICATIONS, Esoap.SOAP_SPECIFICATIONS);
  }
}
