package org.perfspecs.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * {@link Judgments}' reasons made from parts read as the concatenation the public factories would
 * have been given, and {@link EvaluationContext#dateOf}'s shared dates are the dates of the zone.
 */
class JudgmentsTest {
  private static final Evidence EV = Evidence.onDate("document", "d-1", LocalDate.of(2024, 3, 1), "progress note");

  @Test
  void aReasonMadeFromPartsIsTheirConcatenation() {
    Judgment met = Judgments.met("the plan ", "p-1", " covers ", "goals", EV);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.reason()).isEqualTo("the plan p-1 covers goals").isSameAs(met.reason());
    assertThat(met.evidence()).containsExactly(EV);
    assertThat(met.due()).isEmpty();
    assertThat(met.toString()).isEqualTo(Judgment.met("the plan p-1 covers goals", EV).toString());

    Judgment notMet = Judgments.notMet("no plan", "", "", "", new Evidence[0]);
    assertThat(notMet.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(notMet.reason()).isEqualTo("no plan");
    assertThat(notMet.evidence()).isEmpty();
  }

  @Test
  void aSharedEvidenceListIsKeptAsItIs() {
    ImmutableList<Evidence> shared = ImmutableList.of(EV);
    Judgment a = Judgments.notMet("no ", "plan", " covers ", "goals", shared);
    Judgment b = Judgments.notMet("no ", "note", " covers ", "goals", shared);
    assertThat(a.evidence()).isSameAs(shared).isSameAs(b.evidence());
    assertThat(a.reason()).isEqualTo("no plan covers goals");
    assertThat(b.reason()).isEqualTo("no note covers goals");
  }

  @Test
  void aBlankOrMissingPartIsRefused() {
    assertThatThrownBy(() -> Judgments.met(" ", "x", "", "", EV)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> Judgments.met("a", null, "", "", EV)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Judgments.met("a", "", "", "", (Evidence) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void sharedDatesAreTheZonesDatesInsideAndOutsideTheirRange() {
    Instant asOf = Instant.parse("2024-11-03T12:00:00Z");
    EvaluationContext ctx = EvaluationContext.asOf(asOf);
    ZoneId zone = ctx.zone();
    // every hour from ~6 years before to ~1 year after the as-of time (the shared range is 1,500
    // days before to 100 after), across daylight-saving changes
    for (long h = -6L * 366 * 24; h <= 366L * 24; h += 7) {
      Instant t = asOf.plusSeconds(h * 3600 + 59);
      assertThat(ctx.dateOf(t)).as("%s", t).isEqualTo(t.atZone(zone).toLocalDate());
    }
    Instant t = asOf.minusSeconds(86_400L * 30);
    assertThat(ctx.dateOf(t)).as("one instance per day in range").isSameAs(ctx.dateOf(t.plusSeconds(60)));
  }
}
