package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The library keeps Hibernate Validator's version line (HV000001) out of its user's log. */
class HibernateValidatorLogTest {
  private static final String VERSION_LOGGER = "org.hibernate.validator.internal.util.Version";

  @Test
  void theVersionLineIsBelowTheLevelItsLoggerPublishes() {
    ModelValidator.create().validate(ModelFixtures.member());

    Logger version = Logger.getLogger(VERSION_LOGGER);
    assertThat(version.isLoggable(Level.INFO)).isFalse();
    assertThat(version.isLoggable(Level.WARNING)).isTrue();
    assertThat(Logger.getLogger("org.hibernate.validator").getLevel()).as("no other logger is touched").isNull();
  }

  @Test
  void aLevelTheApplicationSetIsKept() {
    ModelValidator.create(); // the library's own setting is in place
    Logger version = Logger.getLogger(VERSION_LOGGER);
    Level before = version.getLevel();
    try {
      version.setLevel(Level.INFO);
      assertThat(ModelValidator.quietVersionLog().getLevel()).isEqualTo(Level.INFO);
    } finally {
      version.setLevel(before);
    }
  }
}
