package org.perfspecs.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.specifications.esoap.EsoapAssessmentPlanning;
import org.perfspecs.checks.specifications.iop.IopComponentsOfServices;

/** Interpretations: typed values, overrides through the context, the catalog's list. */
class InterpretationTest {
  static final Interpretation IMMEDIATELY = EsoapAssessmentPlanning.IMMEDIATELY_UPON_ADMISSION;

  @Test
  void theDefaultHoldsUntilOverridden() {
    EvaluationContext ctx = EvaluationContext.asOf(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(IMMEDIATELY.durationIn(ctx)).isEqualTo(Duration.ofHours(24));
    EvaluationContext four = ctx.withInterpretation(IMMEDIATELY, Duration.ofHours(4));
    assertThat(IMMEDIATELY.durationIn(four)).isEqualTo(Duration.ofHours(4));
    assertThat(IMMEDIATELY.durationIn(ctx)).as("the original context is unchanged").isEqualTo(Duration.ofHours(24));
    assertThat(four.interpretationOverrides()).containsEntry("ESOAP.ASMT.3.d.immediately", Duration.ofHours(4));
    assertThat(four.withCalendar(ctx.calendar()).interpretationOverrides()).as("kept with another calendar")
        .containsEntry("ESOAP.ASMT.3.d.immediately", Duration.ofHours(4));
  }

  @Test
  void aValueOfTheWrongKindIsRejectedNamingTheKey() {
    EvaluationContext ctx = EvaluationContext.asOf(Instant.parse("2024-05-01T12:00:00Z"));
    assertThatThrownBy(() -> ctx.withInterpretation(IMMEDIATELY, 24)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ESOAP.ASMT.3.d.immediately");
    assertThatThrownBy(() -> ctx.withInterpretation(IMMEDIATELY, Duration.ofHours(-1)))
        .hasMessageContaining("ESOAP.ASMT.3.d.immediately");
    assertThatThrownBy(() -> IMMEDIATELY.parse("tomorrow")).hasMessageContaining("ESOAP.ASMT.3.d.immediately");
    assertThatThrownBy(() -> IopComponentsOfServices.REVIEW_WINDOW.parse("SOMETIME"))
        .hasMessageContaining("IOP.COMP.9.review").hasMessageContaining("STAY_SO_FAR");
    assertThat(IopComponentsOfServices.REVIEW_WINDOW.parse("PLANNING_DEADLINE")).isEqualTo("PLANNING_DEADLINE");
    assertThat(IMMEDIATELY.parse("PT6H")).isEqualTo(Duration.ofHours(6));
    assertThatThrownBy(() -> Interpretation.days("RC.CASE.1.bad", "words", 0, "why")).hasMessageContaining("RC.CASE.1.bad");
    assertThatThrownBy(() -> Interpretation.days("not a key", "words", 1, "why")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IMMEDIATELY.daysIn(ctx)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theCatalogListsEveryInterpretationOnceWithWordsDefaultAndRationale() {
    Catalog catalog = Catalog.standard();
    List<Interpretation> all = catalog.interpretations();
    assertThat(all).extracting(Interpretation::key).doesNotHaveDuplicates()
        .contains("ESOAP.ASMT.3.d.immediately", "RC.CASE.1.onset", "IOP.COMP.9.review", "CSP.PROC.2.a.1.a.immediately");
    for (Interpretation i : all) {
      assertThat(i.words()).isNotBlank();
      assertThat(i.rationale()).isNotBlank();
      assertThat(i.parse(i.defaultText())).as(i.key()).isEqualTo(i.defaultValue());
      assertThat(catalog.interpretation(i.key())).contains(i);
    }
    assertThat(catalog.requirement("RC.CASE.1").orElseThrow().interpretations()).extracting(Interpretation::key)
        .containsExactly("RC.CASE.1.onset");
    assertThat(catalog.requirement("RC.PROC.2.a").orElseThrow().interpretations()).extracting(Interpretation::key)
        .containsExactly("RC.CASE.1.onset");
  }

  @Test
  void cspsDatedReadingsAreCalendarDaysDefaultingToTheSameDayAndEachIsUsedByARequirement() {
    Catalog catalog = Catalog.standard();
    for (String key : List.of("CSP.PROC.2.c.uponCompletion", "CSP.PROC.2.g.1.a.uponAdmission")) {
      Interpretation i = catalog.interpretation(key).orElseThrow();
      assertThat(i.kind()).as(key).isEqualTo(Interpretation.Kind.DAYS);
      assertThat(i.defaultValue()).as(key).isEqualTo(1);
      assertThat(catalog.parseInterpretations(Map.of(key, "3"))).as(key).containsEntry(i, 3);
      assertThat(catalog.requirements().stream().filter(r -> r.interpretations().contains(i))).as(key).isNotEmpty();
    }
  }

  @Test
  void parsingOverridesChecksKeysAndKinds() {
    Catalog catalog = Catalog.standard();
    Map<String, String> values = new HashMap<>();
    values.put("ESOAP.ASMT.3.d.immediately", "PT12H");
    assertThat(catalog.parseInterpretations(values)).containsEntry(IMMEDIATELY, Duration.ofHours(12));
    values.put("ESOAP.ASMT.9.z.never", "PT1H");
    assertThatThrownBy(() -> catalog.parseInterpretations(values)).hasMessageContaining("ESOAP.ASMT.9.z.never");
    assertThatThrownBy(() -> catalog.parseInterpretations(Map.of("RC.CASE.1.onset", "PT1H")))
        .hasMessageContaining("RC.CASE.1.onset");
  }
}
