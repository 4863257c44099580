package org.perfspecs.checks.specifications.iop;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Verifies;

class IopPaymentPoliciesTest {
  @Test
  @Verifies("IOP.PAY.1")
  void deferredToThePaymentPolicies() {
    IopTestData.checkExternal(List.of(IopPaymentPolicies.POLICIES));
  }
}
