package org.perfspecs.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perfspecs.checks.Fixtures.endOfDay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Recurring.State;
import org.perfspecs.checks.Recurring.Window;
import org.perfspecs.checks.time.Deadline;

/** The recurring rule, decided once for every periodic requirement. */
class RecurringTest {
  static final EvaluationContext CTX = EvaluationContext.asOf(Instant.parse("2024-03-10T16:00:00Z"));

  static Window window(String lastDay, State state, boolean met) {
    Deadline end = Deadline.endOf(LocalDate.parse(lastDay), Fixtures.NY, "end of the window " + lastDay);
    return Window.of(end, state, met, "window to " + lastDay + (met ? " met" : " missed"));
  }

  @Test
  void aMissedClosedWindowIsNotMetWithTheNextDueTime() {
    Judgment j = Recurring.judge(List.of(window("2024-01-30", State.CLOSED, true), window("2024-02-29", State.CLOSED, false),
        window("2024-03-30", State.IN_PROGRESS, false)), "every window met", CTX);
    assertThat(j.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(j.reason()).startsWith("window to 2024-02-29 missed");
    assertThat(j.due()).get().extracting(Deadline::last).isEqualTo(endOfDay("2024-03-30"));
  }

  @Test
  void everyClosedWindowMetIsMetSoFarWithTheNextDueTime() {
    Judgment j = Recurring.judge(List.of(window("2024-02-29", State.CLOSED, true), window("2024-03-30", State.IN_PROGRESS, false)),
        "every window met", CTX);
    assertThat(j.outcome()).isEqualTo(Outcome.MET);
    assertThat(j.due()).get().extracting(Deadline::last).isEqualTo(endOfDay("2024-03-30"));
  }

  @Test
  void beforeAnyWindowClosesItIsPendingUnlessAlreadyMet() {
    assertThat(Recurring.judge(List.of(window("2024-03-30", State.IN_PROGRESS, false)), "all", CTX).outcome())
        .isEqualTo(Outcome.PENDING);
    Judgment early = Recurring.judge(List.of(window("2024-03-30", State.IN_PROGRESS, true)), "all", CTX);
    assertThat(early.outcome()).isEqualTo(Outcome.MET);
    assertThat(early.due()).get().extracting(Deadline::last).isEqualTo(endOfDay("2024-03-30"));
  }

  @Test
  void aWindowCutShortByDischargeCountsOnlyWhenMet() {
    Judgment after = Recurring.judge(List.of(window("2024-01-30", State.CLOSED, true), window("2024-02-29", State.CUT_SHORT, false)),
        "every window met", CTX);
    assertThat(after.outcome()).isEqualTo(Outcome.MET);
    assertThat(after.due()).as("no window in progress after a discharge").isEmpty();
    assertThat(Recurring.judge(List.of(window("2024-01-30", State.CUT_SHORT, false)), "all", CTX).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(Recurring.judge(List.of(window("2024-01-30", State.CUT_SHORT, true)), "all", CTX).outcome())
        .isEqualTo(Outcome.MET);
    Judgment missed = Recurring.judge(List.of(window("2024-01-30", State.CLOSED, false), window("2024-02-10", State.CUT_SHORT, true)),
        "all", CTX);
    assertThat(missed.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(missed.due()).get().extracting(Deadline::last).as("the missed window, none in progress").isEqualTo(endOfDay("2024-01-30"));
    assertThatThrownBy(() -> Recurring.judge(List.of(), "all", CTX)).isInstanceOf(IllegalArgumentException.class);
  }
}
