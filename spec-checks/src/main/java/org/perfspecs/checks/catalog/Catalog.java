package org.perfspecs.checks.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Specification;
import org.perfspecs.checks.specifications.csp.Csp;
import org.perfspecs.checks.specifications.esoap.Esoap;
import org.perfspecs.checks.specifications.iop.Iop;
import org.perfspecs.checks.specifications.rc.Rc;
import org.perfspecs.checks.specifications.rrs.RrsPpw;
import org.perfspecs.model.ServiceType;

/**
 * Every specification, section and requirement, in document order: what {@code perfspecs catalog}
 * prints and what the coverage test walks. The five specifications are listed explicitly.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Catalog {
  private static final Catalog STANDARD = new Catalog(List.of(
      Esoap.specification(), RrsPpw.specification(), Iop.specification(), Csp.specification(), Rc.specification()));

  private final List<Specification> specifications;
  private final Map<String, Requirement> byId;
  private final Map<ServiceType, Specification> byService;

  private Catalog(List<Specification> specifications) {
    this.specifications = ImmutableList.copyOf(specifications);
    this.byId = this.specifications.stream().flatMap(s -> s.requirements().stream())
        .collect(ImmutableMap.toImmutableMap(Requirement::id, Function.identity()));
    this.byService = this.specifications.stream()
        .collect(ImmutableMap.toImmutableMap(Specification::service, Function.identity()));
  }

  /** The five specifications of this library. */
  public static Catalog standard() {
    return STANDARD;
  }

  /**
   * A catalog of the given specifications (e.g. a subset, or a user's own).
   *
   * @throws IllegalArgumentException if two requirements share an id or two specifications a service
   */
  public static Catalog of(List<Specification> specifications) {
    return new Catalog(specifications);
  }

  /** Specifications in catalog order. */
  public List<Specification> specifications() {
    return specifications;
  }

  /** Every requirement, specification by specification, in document order. */
  public List<Requirement> requirements() {
    return ImmutableList.copyOf(byId.values());
  }

  /**
   * The requirement with {@code id}: the one-call way from an id in a finding, a report or a
   * document ({@code "IOP.COMP.4.a"}) to its requirement, citation and strength.
   *
   * @param id a requirement id; not null
   * @return the requirement, or empty when this catalog has no requirement with that id
   */
  public Optional<Requirement> requirement(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * How the library reads requirement {@code id}: the Javadoc of its constant as plain text (its
   * window, boundary and what counts as evidence), which {@code perfspecs catalog} prints as
   * {@code rule}. The citation ({@link Requirement#citation()}) is the specification's words; the
   * rule is the encoding's reading of them.
   *
   * @param id a requirement id; not null
   * @return the rule, or empty when this catalog has no requirement with that id or it has no
   *     documented rule (a requirement of a user's own specification)
   */
  public Optional<String> rule(String id) {
    return byId.containsKey(id) ? Optional.ofNullable(RequirementRules.RULES.get(id)) : Optional.empty();
  }

  /** The specification of {@code service}. */
  public Optional<Specification> specification(ServiceType service) {
    return Optional.ofNullable(byService.get(service));
  }

  /** The specification with {@code key} (e.g. {@code IOP}). */
  public Optional<Specification> specification(String key) {
    return specifications.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** The section a requirement belongs to. */
  public Optional<Section> sectionOf(String requirementId) {
    return requirement(requirementId).flatMap(r -> specification(r.specKey()))
        .flatMap(s -> s.sections().stream().filter(sec -> sec.requirements().stream()
            .anyMatch(r -> r.id().equals(requirementId))).findFirst());
  }
}
