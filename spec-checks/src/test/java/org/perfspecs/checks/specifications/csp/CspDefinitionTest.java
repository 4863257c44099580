package org.perfspecs.checks.specifications.csp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;

class CspDefinitionTest {
  @Test
  @Verifies("CSP.DEF.1")
  void complementingExistingServicesIsAttested() {
    assertThat(CspDefinition.COMPLEMENT_EXISTING_SERVICES.strength()).isEqualTo(Strength.SHOULD);
    CspTestSupport.assertAttested(CspDefinition.COMPLEMENT_EXISTING_SERVICES);
  }
}
