package org.perfspecs.compare;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.model.CaseRecord;

/**
 * The same five rules judged by perfspecs: the catalog's requirements for the five ids, only
 * those, on the records of their service (as the engine would). Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class PerfspecsRules {
  private final Map<Rule, EpisodeRequirement> requirements = new EnumMap<>(Rule.class);

  /** The five requirements, looked up in the standard catalog. */
  public PerfspecsRules() {
    Catalog catalog = Catalog.standard();
    for (Rule rule : Rule.values()) {
      requirements.put(rule, (EpisodeRequirement) catalog.requirement(rule.requirementId())
          .orElseThrow(() -> new IllegalStateException("no requirement " + rule.requirementId() + " in the catalog")));
    }
  }

  /** The finding of each rule of the record's service. */
  public Map<Rule, Finding> findings(CaseRecord record, EvaluationContext ctx) {
    requireNonNull(record, "record");
    Map<Rule, Finding> out = new EnumMap<>(Rule.class);
    try (RecordScope scope = RecordScope.open(record, ctx)) {
      for (Rule rule : Rule.forService(record.episode().service())) {
        out.put(rule, requirements.get(rule).evaluate(record, ctx));
      }
    }
    return out;
  }

  /** The verdict of each rule of the record's service: outcome, and the due time when PENDING. */
  public Map<Rule, Verdict> evaluate(CaseRecord record, EvaluationContext ctx) {
    Map<Rule, Verdict> out = new EnumMap<>(Rule.class);
    findings(record, ctx).forEach((rule, f) ->
        out.put(rule, Verdict.of(f.outcome().name(), f.due().map(d -> d.last()))));
    return out;
  }
}
