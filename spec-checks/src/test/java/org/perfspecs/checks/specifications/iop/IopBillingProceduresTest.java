package org.perfspecs.checks.specifications.iop;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Verifies;

class IopBillingProceduresTest {
  @Test
  @Verifies("IOP.BILL.1")
  void deferredToTheProviderManual() {
    IopTestData.checkExternal(List.of(IopBillingProcedures.CLAIMS));
  }

  @Test
  @Verifies("IOP.BILL.2")
  void eligibilityConfirmationIsAttested() {
    IopTestData.checkAttested(List.of(IopBillingProcedures.ELIGIBILITY_CONFIRMED));
  }
}
