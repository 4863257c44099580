package org.perfspecs.checks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.ServiceType;

/** {@link Engine#due}: what is due for one record, at the deadline's exact boundary. */
class WorklistTest {
  private static final Engine ENGINE = Engine.standard();
  // admitted 09:00 Wednesday 2024-05-01: the consultations are due by 09:00 Friday 2024-05-03 (48 hours)
  private static final Instant ADMITTED = ny("2024-05-01T09:00");
  private static final Instant DUE = ny("2024-05-03T09:00");

  private static CaseRecord pregnantEsoap(Consultation... consultations) {
    return record(member().pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT).build()),
        episode(ServiceType.ESOAP).admittedAt(ADMITTED).addConsultations(consultations));
  }

  private static DueItem item(Worklist w, String id) {
    return w.items().stream().filter(i -> i.requirementId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  @Verifies("ESOAP.COMP.4.2")
  void atExactlyTheDueTimeItIsStillOpenWithNoTimeLeft() {
    Worklist w = ENGINE.due(pregnantEsoap(), EvaluationContext.asOf(DUE));
    DueItem consult = item(w, "ESOAP.COMP.4.2");
    assertThat(consult.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(consult.overdue()).isFalse();
    assertThat(consult.due()).isEqualTo(DUE);
    assertThat(consult.timeLeft()).isEqualTo(Duration.ZERO);
    assertThat(consult.episodeId()).isEqualTo("e-1");
    assertThat(consult.obligation()).isEqualTo(consult.requirement().citation().text())
        .startsWith("The provider arranges all necessary medical and obstetric consultations within 48 hours");
    assertThat(consult.citation()).contains("Tufts Health Plan, January 2024").contains("item 4, second bullet")
        .doesNotContain(".txt");
    assertThat(w.open()).contains(consult);
    assertThat(w.overdue()).doesNotContain(consult);
  }

  @Test
  @Verifies("ESOAP.COMP.4.2")
  void oneNanosecondLaterItIsOverdueAndListedFirst() {
    Instant after = DUE.plusNanos(1);
    Worklist w = ENGINE.due(pregnantEsoap(), EvaluationContext.asOf(after));
    DueItem consult = item(w, "ESOAP.COMP.4.2");
    assertThat(consult.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(consult.overdue()).isTrue();
    assertThat(consult.timeLeft()).isEqualTo(Duration.ofNanos(-1));
    assertThat(w.items().get(0).overdue()).isTrue();
    assertThat(w.overdue()).contains(consult);
  }

  @Test
  void aDayBeforeTheDueTimeTwentyFourHoursAreLeft() {
    Worklist w = ENGINE.due(pregnantEsoap(), EvaluationContext.asOf(DUE.minus(Duration.ofHours(24))));
    assertThat(item(w, "ESOAP.COMP.4.2").timeLeft()).isEqualTo(Duration.ofHours(24));
    assertThat(w.asOf()).isEqualTo(DUE.minus(Duration.ofHours(24)));
  }

  @Test
  void aConsultationArrangedOnTimeTakesItOffTheList() {
    Consultation medical = Consultation.builder().id("c-1").kind(ConsultationKind.MEDICAL).arrangedAt(DUE).build();
    Consultation obstetric = Consultation.builder().id("c-2").kind(ConsultationKind.OBSTETRIC).arrangedAt(DUE).build();
    Worklist w = ENGINE.due(pregnantEsoap(medical, obstetric), EvaluationContext.asOf(DUE));
    assertThat(w.items()).noneMatch(i -> i.requirementId().equals("ESOAP.COMP.4.2"));
  }

  @Test
  void overdueFirstThenOpenEachByDueTimeAndOnlyFindingsWithADueTime() {
    for (Instant asOf : List.of(ADMITTED, DUE, ny("2024-05-20T12:00"), ny("2024-09-01T12:00"))) {
      CaseRecord rec = pregnantEsoap();
      List<Finding> findings = ENGINE.evaluate(rec, EvaluationContext.asOf(asOf));
      Worklist w = ENGINE.due(rec, EvaluationContext.asOf(asOf));
      long expected = findings.stream().filter(f -> f.due().isPresent()
          && (f.outcome() == Outcome.PENDING || f.outcome() == Outcome.NOT_MET)).count();
      assertThat(w.items()).hasSize((int) expected);
      assertThat(w.items()).isEqualTo(concat(w.overdue(), w.open()));
      assertThat(w.overdue()).isSortedAccordingTo((a, b) -> a.due().compareTo(b.due()));
      assertThat(w.open()).isSortedAccordingTo((a, b) -> a.due().compareTo(b.due()))
          .allMatch(i -> i.outcome() == Outcome.PENDING && !i.timeLeft().isNegative());
      assertThat(w.isEmpty()).isEqualTo(expected == 0);
    }
  }

  private static List<DueItem> concat(List<DueItem> a, List<DueItem> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
