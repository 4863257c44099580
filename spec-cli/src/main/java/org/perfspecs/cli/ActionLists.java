package org.perfspecs.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;

/**
 * What the report lists for action, in bounded memory: per requirement, the first N subjects (in
 * input order) whose finding is NOT_MET, with the total; and the PENDING findings due within the
 * coming-due window, the earliest {@link ReportOptions#COMING_DUE_LIMIT}, with the total. Only ids
 * and times are kept, never other member data.
 */
final class ActionLists {
  /** A PENDING finding coming due. */
  record Due(Instant due, long seq, String requirementId, String subjectId, String programId) {}

  private static final Comparator<Due> EARLIEST_FIRST = Comparator.comparing(Due::due).thenComparingLong(Due::seq);

  final int drillDown;
  final int comingDueDays;
  final Instant asOf;
  final Instant horizon;
  private final Map<String, List<String>> failing = new HashMap<>();
  private final Map<String, long[]> failingTotal = new HashMap<>();
  // the latest-due on top, so that the earliest LIMIT stay
  private final PriorityQueue<Due> comingDue = new PriorityQueue<>(EARLIEST_FIRST.reversed());
  long comingDueTotal;
  private long seq;

  ActionLists(ReportOptions options, Instant asOf) {
    this.drillDown = options.drillDown;
    this.comingDueDays = options.comingDueDays;
    this.asOf = asOf;
    this.horizon = asOf.plus(Duration.ofDays(options.comingDueDays));
  }

  void add(List<Finding> findings) {
    for (Finding f : findings) {
      if (f.outcome() == Outcome.NOT_MET) {
        failingTotal.computeIfAbsent(f.requirementId(), k -> new long[1])[0]++;
        List<String> ids = failing.computeIfAbsent(f.requirementId(), k -> new ArrayList<>());
        if (ids.size() < drillDown) {
          ids.add(f.subjectId());
        }
      } else if (f.outcome() == Outcome.PENDING && f.due().isPresent() && !f.due().get().last().isAfter(horizon)) {
        comingDueTotal++;
        comingDue.add(new Due(f.due().get().last(), seq++, f.requirementId(), f.subjectId(), f.programId()));
        if (comingDue.size() > ReportOptions.COMING_DUE_LIMIT) {
          comingDue.poll();
        }
      }
    }
  }

  /**
   * Sets the lists to figures gathered elsewhere (spec-spark merges them from its partitions): per
   * requirement the first failing subjects (at most {@link #drillDown}, in input order) and the
   * NOT_MET total, and the coming-due findings listed (earliest first, at most {@link
   * ReportOptions#COMING_DUE_LIMIT}) with their total.
   */
  void restore(Map<String, List<String>> first, Map<String, Long> totals, List<Due> due, long dueTotal) {
    failing.clear();
    failingTotal.clear();
    comingDue.clear();
    first.forEach((req, ids) -> failing.put(req, new ArrayList<>(ids.subList(0, Math.min(ids.size(), drillDown)))));
    totals.forEach((req, n) -> failingTotal.put(req, new long[] {n}));
    for (Due d : due) {
      comingDue.add(d);
      if (comingDue.size() > ReportOptions.COMING_DUE_LIMIT) {
        comingDue.poll();
      }
    }
    comingDueTotal = dueTotal;
  }

  /** The first failing subjects of {@code requirementId}, in input order (at most {@link #drillDown}). */
  List<String> failing(String requirementId) {
    return List.copyOf(failing.getOrDefault(requirementId, List.of()));
  }

  /** All NOT_MET findings of {@code requirementId}. */
  long failingTotal(String requirementId) {
    long[] n = failingTotal.get(requirementId);
    return n == null ? 0 : n[0];
  }

  /** The coming-due findings listed, earliest first. */
  List<Due> comingDue() {
    List<Due> out = new ArrayList<>(comingDue);
    out.sort(EARLIEST_FIRST);
    return out;
  }
}
