package org.perfspecs.compare;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.checks.Specification;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.ServiceType;

/**
 * The same five rules judged by perfspecs: the catalog's requirements for the five ids, only
 * those, on the records of their service, as the engine judges them: a member whose insurance
 * product the service's specification does not cover gets NOT_APPLICABLE findings (the rule is not
 * run). Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class PerfspecsRules {
  private final Map<Rule, EpisodeRequirement> requirements = new EnumMap<>(Rule.class);
  private final Map<ServiceType, Specification> specifications = new EnumMap<>(ServiceType.class);

  /** The five requirements, looked up in the standard catalog. */
  public PerfspecsRules() {
    Catalog catalog = Catalog.standard();
    for (Rule rule : Rule.values()) {
      requirements.put(rule, (EpisodeRequirement) catalog.requirement(rule.requirementId())
          .orElseThrow(() -> new IllegalStateException("no requirement " + rule.requirementId() + " in the catalog")));
      specifications.put(rule.service(), catalog.specification(rule.service()).orElseThrow());
    }
  }

  /** The finding of each rule of the record's service. */
  public Map<Rule, Finding> findings(CaseRecord record, EvaluationContext ctx) {
    requireNonNull(record, "record");
    Map<Rule, Finding> out = new EnumMap<>(Rule.class);
    ServiceType service = record.episode().service();
    List<Rule> rules = Rule.forService(service);
    if (!rules.isEmpty() && !covers(record)) {
      String reason = "the member's insurance product " + record.member().product() + " is not one the "
          + specifications.get(service).key() + " specification applies to";
      rules.forEach(rule -> out.put(rule, requirements.get(rule).outsideSpecification(record, reason)));
      return out;
    }
    try (RecordScope scope = RecordScope.open(record, ctx)) {
      for (Rule rule : rules) {
        out.put(rule, requirements.get(rule).evaluate(record, ctx));
      }
    }
    return out;
  }

  /** The verdict of each rule of the record's service: outcome, and the finding's due time when it has one. */
  public Map<Rule, Verdict> evaluate(CaseRecord record, EvaluationContext ctx) {
    Map<Rule, Verdict> out = new EnumMap<>(Rule.class);
    findings(record, ctx).forEach((rule, f) ->
        out.put(rule, new Verdict(f.outcome().name(), f.due().map(d -> d.last()))));
    return out;
  }

  /**
   * Whether the specification of the record's service covers the member's insurance product, by
   * the engine's rule ({@code Engine.evaluate}): a specification that lists no product covers every
   * one, and {@code OTHER} (a product the documents do not name) is always judged.
   *
   * @throws IllegalArgumentException when none of the five rules judges the record's service
   */
  public boolean covers(CaseRecord record) {
    Specification spec = specifications.get(record.episode().service());
    if (spec == null) {
      throw new IllegalArgumentException("none of the five rules judges " + record.episode().service() + " records");
    }
    InsuranceProduct product = record.member().product();
    return spec.products().isEmpty() || product == InsuranceProduct.OTHER || spec.products().contains(product);
  }
}
