package org.perfspecs.checks.specifications.iop;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Verifies;

class IopReimbursementTest {
  @Test
  @Verifies("IOP.REIMB.1")
  void deferredToTheCoveredServicesPdf() {
    IopTestData.checkExternal(List.of(IopReimbursement.COVERED_SERVICES));
  }
}
