package org.perfspecs.checks.engine;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Specification;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

/**
 * Evaluates records against a catalog. Stateless and thread-safe: share one instance across
 * threads. Findings come in catalog (document) order, so the same input and as-of give the same
 * findings in the same order.
 *
 * <p>Input is expected to be valid (see {@link org.perfspecs.model.ModelValidator}); a requirement
 * whose code fails on a record yields an {@link org.perfspecs.checks.Outcome#ERROR} finding and
 * the other requirements still run.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Engine {
  private final Catalog catalog;
  // per specification (by identity), its episode requirements in document order
  private final Map<Specification, List<EpisodeRequirement>> episodeRequirements = new ConcurrentHashMap<>();

  private Engine(Catalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog");
  }

  private List<EpisodeRequirement> episodeRequirements(Specification spec) {
    return episodeRequirements.computeIfAbsent(spec, s -> {
      List<EpisodeRequirement> out = new ArrayList<>();
      for (Requirement r : s.requirements()) {
        if (r instanceof EpisodeRequirement er) {
          out.add(er);
        }
      }
      return List.copyOf(out);
    });
  }

  /** An engine over the {@linkplain Catalog#standard() standard catalog}. */
  public static Engine standard() {
    return new Engine(Catalog.standard());
  }

  /** An engine over {@code catalog}. */
  public static Engine of(Catalog catalog) {
    return new Engine(catalog);
  }

  /** The catalog. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Every episode requirement of the specification for the record's service, in document order.
   * Requirements whose condition does not hold give NOT_APPLICABLE findings (they are not
   * dropped), so every record yields the same number of findings for its service.
   *
   * <p>A member whose insurance product the specification does not list ({@link
   * Specification#products()}; a Tufts Health Together member in a CCA IOP episode) is not judged
   * against it: every finding of the record is NOT_APPLICABLE, its reason naming the product, so
   * the record counts in no compliance rate and an auditor sees why. (The engine picks the
   * specification by service and product; a requirement evaluated on its own does not check the
   * product.) {@link org.perfspecs.model.InsuranceProduct#OTHER}, a product the documents do not
   * name, is judged (a payer may apply a specification to a plan of its own), and so is every
   * product when the specification lists none.
   */
  public List<Finding> evaluate(CaseRecord record, EvaluationContext ctx) {
    requireNonNull(record, "record");
    requireNonNull(ctx, "ctx");
    Optional<Specification> spec = catalog.specification(record.episode().service());
    if (spec.isEmpty()) {
      return ImmutableList.of();
    }
    List<EpisodeRequirement> requirements = episodeRequirements(spec.get());
    Finding[] out = new Finding[requirements.size()];
    org.perfspecs.model.InsuranceProduct product = record.member().product();
    if (!covers(spec.get(), product)) {
      String reason = "the member's insurance product " + product + " is not one the " + spec.get().key()
          + " specification applies to";
      for (int i = 0; i < out.length; i++) {
        out[i] = requirements.get(i).outsideSpecification(record, reason);
      }
      return ImmutableList.copyOf(out);
    }
    try (RecordScope scope = RecordScope.open(record, ctx)) {
      for (int i = 0; i < out.length; i++) {
        out[i] = requirements.get(i).evaluate(record, ctx);
      }
    }
    // the array is this call's own and never written again: a read-only view, not a copy
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  /**
   * What is due for {@code record} as of {@code ctx}: the obligations with a deadline that are not
   * met, overdue ones (NOT_MET with a due time) first, then open ones (PENDING), each by due time.
   * The same as {@code Worklist.of(evaluate(record, ctx), ctx.asOf())}.
   *
   * @throws NullPointerException when an argument is null
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public Worklist due(CaseRecord record, EvaluationContext ctx) {
    return Worklist.of(evaluate(record, ctx), ctx.asOf());
  }

  /**
   * Every program-level and external requirement of the specifications for the services the
   * program provides, in catalog order.
   */
  public List<Finding> evaluate(Program program, EvaluationContext ctx) {
    requireNonNull(program, "program");
    requireNonNull(ctx, "ctx");
    ImmutableList.Builder<Finding> out = ImmutableList.builder();
    for (Specification spec : catalog.specifications()) {
      if (!program.services().contains(spec.service())) {
        continue;
      }
      for (Requirement r : spec.requirements()) {
        if (r instanceof ProgramRequirement pr) {
          out.add(pr.evaluate(program, ctx));
        }
      }
    }
    return out.build();
  }

  private static boolean covers(Specification spec, org.perfspecs.model.InsuranceProduct product) {
    return spec.products().isEmpty() || product == org.perfspecs.model.InsuranceProduct.OTHER
        || spec.products().contains(product);
  }

  /** Whether the catalog has a specification for {@code service}. */
  public boolean covers(ServiceType service) {
    return catalog.specification(service).isPresent();
  }
}
