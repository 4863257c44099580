package org.perfspecs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Recurring.State;
import org.perfspecs.checks.Recurring.Window;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.Episode;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.Topic;

/**
 * {@link Recurring#everyPeriod} makes text, deadlines and evidence only for the periods its
 * judgment names, and its evidence's words only when read; this compares it, on seeded random
 * stays, as-of times (period boundaries among them) and dates, with the straightforward form it
 * replaced: every period as a {@link Window}, judged by {@link Recurring#judge}.
 */
class EveryPeriodTest {
  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

  @Test
  void theSameJudgmentAsEveryPeriodAsAWindow() {
    Random random = new Random(19);
    int compared = 0;
    for (int i = 0; i < 4000; i++) {
      LocalDate admitted = FIRST.plusDays(random.nextInt(150));
      Instant admittedAt = admitted.atTime(9, 0).atZone(Fixtures.NY).toInstant();
      ImmutableEpisode.Builder b = Fixtures.episode(ServiceType.RC).admittedAt(admittedAt);
      if (random.nextInt(3) == 0) {
        b.dischargedAt(admittedAt.plus(Duration.ofHours(1 + random.nextInt(24 * 120))));
      }
      Episode e = b.build();
      int days = new int[] {1, 7, 30}[random.nextInt(3)];
      int required = 1 + random.nextInt(5);
      LocalDate start = admitted.plusDays(random.nextInt(3) - 1);
      Instant asOf = asOf(random, admitted, start, days);
      EvaluationContext ctx = EvaluationContext.asOf(asOf);
      List<LocalDate> dates = new ArrayList<>();
      int n = random.nextInt(80);
      for (int k = 0; k < n; k++) {
        dates.add(admitted.plusDays(random.nextInt(200) - 5));
      }
      if (random.nextBoolean()) {
        dates.sort(null);
      }
      String unit = random.nextBoolean() ? "connection(s)" : "attendance day(s)";
      String period = random.nextBoolean() ? "30-day period" : "week";
      Judgment expected = reference(e, ctx, start, days, required, dates, unit, period);
      Judgment actual = Recurring.everyPeriod(e, ctx, start, days, required, dates, unit, period);
      assertThat(actual.outcome()).as("case %d", i).isEqualTo(expected.outcome());
      assertThat(actual.reason()).as("case %d", i).isEqualTo(expected.reason());
      assertThat(actual.due()).as("case %d", i).isEqualTo(expected.due());
      assertThat(actual.evidence()).as("case %d", i).isEqualTo(expected.evidence());
      assertThat(actual.evidence().toString()).isEqualTo(expected.evidence().toString());
      compared++;
    }
    assertThat(compared).isEqualTo(4000);
  }

  @Test
  void lazyEvidenceEqualsTheSameEvidenceMadeAtOnce() {
    Episode e = Fixtures.episode(ServiceType.RC).admittedAt(Fixtures.ny("2024-01-02T09:00")).build();
    EvaluationContext ctx = EvaluationContext.asOf(Fixtures.ny("2024-03-01T12:00"));
    Judgment j = Recurring.everyPeriod(e, ctx, LocalDate.of(2024, 1, 2), 30, 2,
        List.of(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 9)), "connection(s)", "30-day period");
    Evidence first = j.evidence().get(0);
    Evidence eager = Evidence.onDate("period", "e-1#30-day-period-1", LocalDate.of(2024, 1, 2),
        "2 connection(s) from 2024-01-02 to 2024-01-31");
    assertThat(first).isEqualTo(eager).hasSameHashCodeAs(eager);
    assertThat(eager).isEqualTo(first);
    assertThat(first.id()).isSameAs(first.id()); // made once, then kept
    assertThat(first).hasToString(eager.toString());
  }

  @Test
  void anyInGivesTheSameAnswerForConstantAndOtherSets() {
    Set<Topic> constant = RecordLists.constant(EnumSet.of(Topic.NUTRITION, Topic.LACTATION));
    Set<Topic> plain = EnumSet.of(Topic.NUTRITION, Topic.LACTATION);
    Set<Topic> jdk = Set.of(Topic.NUTRITION, Topic.LACTATION);
    for (Set<Topic> values : List.<Set<Topic>>of(Set.of(), Set.of(Topic.NUTRITION), Set.of(Topic.RECOVERY),
        EnumSet.of(Topic.RECOVERY, Topic.LACTATION), EnumSet.allOf(Topic.class))) {
      boolean expected = values.stream().anyMatch(plain::contains);
      assertThat(RecordLists.anyIn(values, constant)).as("%s", values).isEqualTo(expected);
      assertThat(RecordLists.anyIn(values, plain)).as("%s", values).isEqualTo(expected);
      assertThat(RecordLists.anyIn(values, jdk)).as("%s", values).isEqualTo(expected);
      assertThat(RecordLists.anyIn(List.copyOf(values), constant)).as("%s", values).isEqualTo(expected);
    }
  }

  private static Instant asOf(Random random, LocalDate admitted, LocalDate start, int days) {
    switch (random.nextInt(4)) {
      case 0: // the last instant of a period, or the first of the next
        LocalDate end = start.plusDays((long) days * (1 + random.nextInt(6)) - 1);
        Instant last = end.plusDays(1).atStartOfDay(Fixtures.NY).toInstant().minusNanos(1);
        return random.nextBoolean() ? last : last.plusNanos(1);
      case 1: // before the first period begins
        return start.atStartOfDay(Fixtures.NY).toInstant().minusSeconds(1 + random.nextInt(86_400 * 3));
      default:
        return admitted.atStartOfDay(Fixtures.NY).toInstant().plusSeconds(random.nextInt(86_400 * 200));
    }
  }

  /** The form everyPeriod had: every period as a Window, judged by Recurring.judge. */
  private static Judgment reference(Episode e, EvaluationContext ctx, LocalDate start, int days, int required,
      List<LocalDate> dates, String unit, String period) {
    LocalDate lastServiceDay = e.dischargedAt().filter(ctx::hasHappened).map(ctx::dateOf).orElse(ctx.today());
    if (start.isAfter(lastServiceDay)) {
      return Judgment.notApplicable("no day of service falls on or after " + start);
    }
    boolean open = e.isOpenAt(ctx.asOf());
    List<Window> windows = new ArrayList<>();
    String idPrefix = e.id() + "#" + period.replace(' ', '-') + "-";
    for (int k = 0; ; k++) {
      LocalDate from = start.plusDays((long) k * days);
      LocalDate to = from.plusDays(days - 1L);
      if (from.isAfter(lastServiceDay)) {
        break;
      }
      long count = 0;
      for (LocalDate d : dates) {
        if (!d.isBefore(from) && !d.isAfter(to)) {
          count++;
        }
      }
      String name = period + " " + (k + 1) + " (" + from + " to " + to + ")";
      Deadline end = Deadline.endOf(to, ctx.zone(), "end of " + name);
      Evidence evidence = Evidence.onDate("period", idPrefix + (k + 1), from,
          count + " " + unit + " from " + from + " to " + to);
      boolean cutShort = to.isAfter(lastServiceDay);
      State state = !open && cutShort ? State.CUT_SHORT
          : !open || !end.isOpenAt(ctx.asOf()) ? State.CLOSED : State.IN_PROGRESS;
      String account = state == State.IN_PROGRESS
          ? name + " has " + count + " " + unit + " so far" + (count >= required ? "" : "; at least " + required
              + " are due by its end")
          : name + " had " + count + " " + unit + (count >= required ? "" : "; at least " + required + " are required");
      windows.add(Window.of(end, state, count >= required, account, evidence));
    }
    return Recurring.judge(windows, "every " + period + " that has closed had at least " + required + " " + unit, ctx);
  }
}
