package org.perfspecs.checks.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Requirement;

/** Each requirement's rule is its constant's Javadoc, and that Javadoc starts with the requirement's id. */
class RequirementRulesTest {
  private static final Catalog CATALOG = Catalog.standard();

  @Test
  void everyStandardRequirementHasARule() {
    assertThat(CATALOG.requirements()).allSatisfy(r ->
        assertThat(CATALOG.rule(r.id())).as("rule of %s", r.id()).hasValueSatisfying(rule -> {
          assertThat(rule).isNotBlank().doesNotContain("{@", "<p>", "*/");
          assertThat(rule).as("the leading id is not repeated in the rule").doesNotStartWith(r.id());
        }));
  }

  @Test
  void theRuleIsTheJavadocAsPlainText() {
    assertThat(CATALOG.rule("IOP.COMP.4.a")).contains("\"The member will be evaluated/assessed within one business day"
        + " of referral\": the initial evaluation by the end of the first business day after the day the referral was"
        + " received.");
    // a list constant's text is the rule of each of its elements
    assertThat(CATALOG.rule("RC.LINK.2.3.5")).hasValueSatisfying(rule -> assertThat(rule)
        .startsWith("Second paragraph, one SHOULD requirement per listed setting").doesNotContain("RC.LINK"));
  }

  @Test
  void noRuleForAnUnknownId() {
    assertThat(CATALOG.rule("IOP.COMP.4.z")).isEmpty();
    assertThat(CATALOG.requirement("IOP.COMP.4.z")).isEmpty();
  }

  @Test
  void everyRequirementConstantsJavadocStartsWithItsId() throws IOException {
    Properties resource = new Properties();
    try (InputStream in = RequirementRules.class.getResourceAsStream(RequirementRules.RESOURCE)) {
      assertThat(in).as("the build writes %s", RequirementRules.RESOURCE).isNotNull();
      resource.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    int constants = 0;
    int requirements = 0;
    for (String key : resource.stringPropertyNames()) {
      if (!key.endsWith("@ids")) {
        continue;
      }
      String constant = key.substring(0, key.length() - "@ids".length());
      int hash = constant.indexOf('#');
      List<Requirement> held = RequirementRules.constant(constant.substring(0, hash), constant.substring(hash + 1));
      assertThat(held).as("%s holds requirements", constant).isNotEmpty();
      String expected = held.size() == 1 ? held.get(0).id()
          : held.get(0).id() + " to " + held.get(held.size() - 1).id();
      assertThat(resource.getProperty(key)).as("the Javadoc of %s starts with", constant).isEqualTo(expected);
      constants++;
      requirements += held.size();
    }
    assertThat(requirements).as("requirements held by documented constants").isEqualTo(CATALOG.requirements().size());
    assertThat(constants).isPositive();
  }
}
