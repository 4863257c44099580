package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One obligation of a specification: a stable id, the citation of the spec's own words, the
 * strength read from its verb, what it is judged on, and the condition under which it applies.
 *
 * <p>Ids are {@code <SPEC>.<SECTION>.<item path>}, e.g. {@code CSP.PROC.2.c.4.1} or {@code
 * IOP.DISCH.6.b}: the item path follows the document's numbering, with bullets numbered in
 * document order and letters for separate obligations within one item. Ids never change once
 * published.
 *
 * <p>Requirements are immutable and stateless, and evaluate the same input to the same finding.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract sealed class Requirement permits EpisodeRequirement, ProgramRequirement {
  /** The shape of every requirement id. */
  public static final Pattern ID = Pattern.compile("(ESOAP|RRS_PPW|IOP|CSP|RC)\\.[A-Z]+(\\.[0-9A-Za-z]+)+");

  private final String id;
  private final Strength strength;
  private final Citation citation;
  private final List<Interpretation> interpretations;

  Requirement(String id, Strength strength, Citation citation, List<Interpretation> interpretations) {
    this.interpretations = ImmutableList.copyOf(interpretations);
    this.id = requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("requirement id must look like SPEC.SECTION.item: " + id);
    }
    this.strength = requireNonNull(strength, "strength");
    this.citation = requireNonNull(citation, "citation");
  }

  /** The stable id. */
  public final String id() {
    return id;
  }

  /** The specification key: the id's first segment ({@code IOP}). */
  public final String specKey() {
    return id.substring(0, id.indexOf('.'));
  }

  /** The section key: the id's second segment ({@code COMP}). */
  public final String sectionKey() {
    int first = id.indexOf('.');
    return id.substring(first + 1, id.indexOf('.', first + 1));
  }

  /** MUST, SHOULD or MAY, from the spec's verb. */
  public final Strength strength() {
    return strength;
  }

  /** The spec's own words. */
  public final Citation citation() {
    return citation;
  }

  /**
   * The readings of vague words this requirement's rule uses (key, words, default, rationale), in
   * the order the rule reads them; empty when its words need none. Each may be overridden per
   * evaluation ({@link EvaluationContext#withInterpretation}).
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public final List<Interpretation> interpretations() {
    return interpretations;
  }

  /** What it is judged on. */
  public abstract Basis basis();

  /** When it applies only to some subjects, the condition in words. */
  public abstract Optional<String> condition();

  /** For an external requirement, the document it defers to. */
  public abstract Optional<String> externalDocument();

  @Override
  public String toString() {
    return id + " (" + strength + ", " + basis() + ")";
  }
}
