package org.perfspecs.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Recurring.State;
import org.perfspecs.checks.Recurring.Window;
import org.perfspecs.checks.time.Deadline;

/**
 * The library's internal factories (evidence arrays kept, not copied; window accounts, evidence
 * notes made when read) give judgments equal to those of the public factories, and keep their
 * refusals.
 */
class OwnedAndLazyTextTest {
  private static final Evidence A = Evidence.onDate("document", "d-1", LocalDate.of(2024, 3, 1), "progress note");
  private static final Evidence B = Evidence.of("contact", "c-1", Instant.parse("2024-03-02T15:00:00Z"), "visit");
  private static final Evidence C = Evidence.of("episode", "e-1", "admission");

  @Test
  void anOwnedEvidenceArrayGivesTheSameJudgmentAsThePublicFactory() {
    for (Evidence[] evidence : new Evidence[][] {{}, {A}, {A, B}, {A, B, C}}) {
      Judgment owned = Judgments.met("shown", evidence.clone());
      Judgment copied = Judgment.met("shown", evidence);
      assertThat(owned.outcome()).isEqualTo(Outcome.MET);
      assertThat(owned.reason()).isEqualTo(copied.reason());
      assertThat(owned.evidence()).isEqualTo(copied.evidence()).containsExactly(evidence);
      assertThat(copied.evidence()).isEqualTo(owned.evidence());
      assertThat(owned.evidence().hashCode()).isEqualTo(copied.evidence().hashCode());
      assertThatThrownBy(() -> owned.evidence().add(A)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> owned.evidence().get(evidence.length)).isInstanceOf(IndexOutOfBoundsException.class);
    }
    Judgment notMet = Judgments.notMet("not shown", A, B);
    assertThat(notMet.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(notMet.evidence()).containsExactly(A, B);
    Deadline due = Deadline.endOf(LocalDate.of(2024, 3, 5), Fixtures.NY, "end of day 2024-03-05");
    Judgment missed = Judgments.missed(due, "late", A, B);
    assertThat(missed.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(missed.due()).contains(due);
    assertThat(missed.toString()).isEqualTo(Judgment.missed(due, "late", A, B).toString());
  }

  @Test
  void theOwnedFactoriesRefuseWhatThePublicOnesRefuse() {
    assertThatThrownBy(() -> Judgments.met(" ", A, B)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> Judgments.met("shown", A, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Judgments.met("shown", (Evidence) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Judgments.missed(null, "late", A)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Judgments.notMet("a", "", "", "", A, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aSharedListIsKeptAsItIs() {
    ImmutableList<Evidence> shared = ImmutableList.of(A);
    Judgment met = Judgments.met("the plan covers goals", shared);
    Judgment alsoMet = Judgments.met("the ", "plan", " covers ", "risks", shared);
    assertThat(met.evidence()).isSameAs(shared).isSameAs(alsoMet.evidence());
    assertThat(Judgments.notMet("the plan does not cover goals", shared).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThatThrownBy(() -> Judgments.met("", shared)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLazyAccountReadsAsItsTextOnceAndJudgesAsTheSameWindowWithText() {
    EvaluationContext ctx = EvaluationContext.asOf(Instant.parse("2024-03-10T16:00:00Z"));
    AtomicInteger made = new AtomicInteger();
    Deadline first = Deadline.endOf(LocalDate.of(2024, 1, 30), Fixtures.NY, "end of the window 2024-01-30");
    Deadline second = Deadline.endOf(LocalDate.of(2024, 2, 29), Fixtures.NY, "end of the window 2024-02-29");
    Deadline third = Deadline.endOf(LocalDate.of(2024, 3, 30), Fixtures.NY, "end of the window 2024-03-30");
    List<Window> lazy = List.of(Window.lazy(first, State.CLOSED, true, () -> "window 1 met", A),
        Window.lazy(second, State.CLOSED, false, () -> "window 2 " + (made.incrementAndGet() > 0 ? "missed" : ""), B),
        Window.lazy(third, State.IN_PROGRESS, false, () -> "window 3 so far", C));
    List<Window> text = List.of(Window.of(first, State.CLOSED, true, "window 1 met", A),
        Window.of(second, State.CLOSED, false, "window 2 missed", B),
        Window.of(third, State.IN_PROGRESS, false, "window 3 so far", C));
    assertThat(made).hasValue(0);
    Judgment fromLazy = Recurring.judge(lazy, "every window met", ctx, A);
    Judgment fromText = Recurring.judge(text, "every window met", ctx, A);
    assertThat(made).hasValue(0); // nothing made until read
    assertThat(fromLazy.outcome()).isEqualTo(fromText.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(fromLazy.reason()).isEqualTo(fromText.reason())
        .startsWith("window 2 missed; the window in progress ends ");
    assertThat(fromLazy.evidence()).isEqualTo(fromText.evidence()).containsExactly(A, A, B, C);
    assertThat(fromLazy.due()).isEqualTo(fromText.due());
    assertThat(lazy.get(1).account()).isEqualTo("window 2 missed").isSameAs(lazy.get(1).account());
    assertThat(made).hasValue(1);
  }

  @Test
  void aLazyNoteIsTheNoteOfTheSameEvidenceWithText() {
    AtomicInteger made = new AtomicInteger();
    Evidence lazy = Evidence.lazy("episode", "e-1", () -> made.incrementAndGet() + " attendance day(s)");
    Evidence text = Evidence.of("episode", "e-1", "1 attendance day(s)");
    assertThat(made).hasValue(0);
    assertThat(lazy).isEqualTo(text);
    assertThat(lazy.hashCode()).isEqualTo(text.hashCode());
    assertThat(lazy.toString()).isEqualTo(text.toString());
    assertThat(lazy.note()).isSameAs(lazy.note());
    assertThat(made).hasValue(1);
    assertThat(lazy.at()).isEmpty();
    assertThat(lazy.date()).isEmpty();
    assertThatThrownBy(() -> Evidence.lazy("episode", null, () -> "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Evidence.lazy("episode", "e-1", null)).isInstanceOf(NullPointerException.class);
  }
}
