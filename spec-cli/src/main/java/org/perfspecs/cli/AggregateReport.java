package org.perfspecs.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.model.ModelJson;

/**
 * The aggregate of one evaluation as JSON and CSV: counts per outcome and compliance rate by
 * specification, section, requirement, program and month of admission. Deterministic: the same
 * input and as-of give the same bytes (rows in catalog order, programs by id, months by date; no
 * clock time, no paths).
 */
final class AggregateReport {
  static final String RATE_DEFINITION = "MET / (MET + NOT_MET); PENDING, NOT_APPLICABLE, UNDETERMINED, "
      + "NOT_EVALUATED and ERROR are counted beside it, never in the denominator; null when MET + NOT_MET is 0";
  static final String VERSION = "0.1.0-SNAPSHOT";

  private AggregateReport() {}

  /** Findings per outcome over {@code rows}. */
  static Map<Outcome, Long> sum(List<Aggregate.Row> rows) {
    Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      m.put(o, rows.stream().mapToLong(r -> r.counts().get(o)).sum());
    }
    return m;
  }

  /** MET / (MET + NOT_MET), or empty. */
  static OptionalDouble rate(Map<Outcome, Long> counts) {
    long met = counts.get(Outcome.MET);
    long notMet = counts.get(Outcome.NOT_MET);
    return met + notMet == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) met / (met + notMet));
  }

  /** The rate rounded to 4 decimals, as written in JSON and CSV. */
  static String rateText(OptionalDouble rate) {
    return rate.isPresent() ? String.format(Locale.ROOT, "%.4f", rate.getAsDouble()) : "";
  }

  /** The specification rows of the aggregate. */
  static List<Aggregate.Row> specRows(Aggregate aggregate) {
    return aggregate.rows().stream().filter(r -> r.level() == Aggregate.Level.SPECIFICATION).toList();
  }

  static void json(Evaluation ev, Writer w) throws IOException {
    ObjectNode root = ModelJson.newMapper().createObjectNode();
    root.put("perfspecs", VERSION);
    root.put("asOf", ev.ctx.asOf().toString());
    root.put("complianceRate", RATE_DEFINITION);
    root.put("monthOfAdmission", "the month of the episode's admission in America/New_York; '"
        + Aggregate.UNKNOWN_MONTH + "' when the episode has no admission time; '" + Aggregate.PROGRAM_LEVEL
        + "' for program-level and external findings, which have no admission");
    ObjectNode input = root.putObject("input");
    input.put("file", ev.fileName);
    input.put("programsFile", ev.programsFileName);
    input.put("recordsRead", ev.read);
    input.put("recordsEvaluated", ev.evaluated);
    input.put("recordsRejected", ev.rejected);
    ObjectNode reasons = input.putObject("rejectedByReason");
    ev.rejectedByReason.forEach(reasons::put);
    input.put("programsRead", ev.programsRead);
    input.put("programsEvaluated", ev.programsEvaluated);
    Aggregate agg = ev.aggregate;
    ObjectNode totals = root.putObject("totals");
    counts(totals, sum(specRows(agg)));
    ArrayNode byStrength = root.putArray("byStrength");
    for (String strength : List.of("MUST", "SHOULD", "MAY")) {
      List<Aggregate.Row> rows = agg.rows().stream()
          .filter(r -> r.level() == Aggregate.Level.REQUIREMENT && r.strength().equals(strength)).toList();
      ObjectNode n = byStrength.addObject();
      n.put("strength", strength);
      counts(n, sum(rows));
    }
    rows(root.putArray("requirements"), agg.rows());
    rows(root.putArray("programs"), agg.programRows());
    rows(root.putArray("months"), agg.monthRows());
    ObjectNode episodes = root.putObject("episodesByMonth");
    agg.episodesByMonth().forEach(episodes::put);
    actionLists(root, ev);
    w.write(ModelJson.prettyWriter().writeValueAsString(root));
    w.write("\n");
  }

  /**
   * What the page lists for action: {@code failing} (per requirement with NOT_MET findings, worst
   * first: the total and the first N subjects) and {@code comingDue} (PENDING findings due within the
   * window: the total and the earliest ones).
   */
  private static void actionLists(ObjectNode root, Evaluation ev) {
    ActionLists lists = ev.lists;
    ObjectNode failing = root.putObject("failing");
    failing.put("listedPerRequirement", lists.drillDown);
    ArrayNode reqs = failing.putArray("requirements");
    ev.aggregate.rows().stream().filter(r -> r.level() == Aggregate.Level.REQUIREMENT
            && r.counts().get(Outcome.NOT_MET) > 0).sorted(HtmlReport.BY_NOT_MET)
        .forEach(r -> {
          ObjectNode n = reqs.addObject();
          n.put("requirementId", r.requirementId());
          n.put("strength", r.strength());
          n.put("notMet", lists.failingTotal(r.requirementId()));
          ArrayNode ids = n.putArray("first");
          lists.failing(r.requirementId()).forEach(ids::add);
        });
    ObjectNode due = root.putObject("comingDue");
    due.put("days", lists.comingDueDays);
    due.put("until", lists.horizon.toString());
    due.put("total", lists.comingDueTotal);
    due.put("listed", ReportOptions.COMING_DUE_LIMIT);
    ArrayNode items = due.putArray("findings");
    for (ActionLists.Due d : lists.comingDue()) {
      ObjectNode n = items.addObject();
      n.put("due", d.due().toString());
      n.put("requirementId", d.requirementId());
      n.put("subjectId", d.subjectId());
      n.put("programId", d.programId());
    }
  }

  private static void rows(ArrayNode out, List<Aggregate.Row> rows) {
    for (Aggregate.Row r : rows) {
      ObjectNode n = out.addObject();
      n.put("level", r.level().name());
      n.put("key", r.key());
      n.put("spec", r.spec());
      n.put("section", r.section());
      n.put("requirementId", r.requirementId());
      n.put("programId", r.programId());
      n.put("month", r.month());
      n.put("strength", r.strength());
      counts(n, r.counts());
    }
  }

  private static void counts(ObjectNode n, Map<Outcome, Long> counts) {
    ObjectNode c = n.putObject("counts");
    long total = 0;
    for (Outcome o : Outcome.values()) {
      c.put(o.name(), counts.get(o));
      total += counts.get(o);
    }
    n.put("findings", total);
    OptionalDouble rate = rate(counts);
    if (rate.isPresent()) {
      n.put("complianceRate", new java.math.BigDecimal(rateText(rate)));
    } else {
      n.putNull("complianceRate");
    }
  }

  static final List<String> CSV_HEADER = header();

  private static List<String> header() {
    List<String> h = new ArrayList<>(List.of("level", "key", "spec", "section", "requirementId", "programId", "month",
        "strength"));
    for (Outcome o : Outcome.values()) {
      h.add(o.name());
    }
    h.add("findings");
    h.add("complianceRate");
    return List.copyOf(h);
  }

  /** One CSV row per aggregate row: requirement hierarchy, then programs, then months. */
  static void csv(Evaluation ev, Writer w) throws IOException {
    w.write(Csv.line(CSV_HEADER) + "\n");
    List<Aggregate.Row> all = new ArrayList<>(ev.aggregate.rows());
    all.addAll(ev.aggregate.programRows());
    all.addAll(ev.aggregate.monthRows());
    for (Aggregate.Row r : all) {
      List<String> f = new ArrayList<>(List.of(r.level().name(), r.key(), r.spec(), r.section(), r.requirementId(),
          r.programId(), r.month(), r.strength()));
      for (Outcome o : Outcome.values()) {
        f.add(Long.toString(r.counts().get(o)));
      }
      f.add(Long.toString(r.total()));
      f.add(rateText(r.complianceRate()));
      w.write(Csv.line(f) + "\n");
    }
  }
}
