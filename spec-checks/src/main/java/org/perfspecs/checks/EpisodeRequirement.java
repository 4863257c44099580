package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;

/** A requirement judged on a member's case record, once per episode. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EpisodeRequirement extends Requirement {
  /** The rule that judges one record; a named method, never an anonymous lambda. */
  @FunctionalInterface
  public interface Rule {
    /** Judges {@code record} as of {@code ctx.asOf()}; called only when the condition holds. */
    Judgment judge(CaseRecord record, EvaluationContext ctx);
  }

  private final Rule rule;
  private final Condition condition;

  private EpisodeRequirement(String id, Strength strength, Citation citation, Rule rule, Condition condition) {
    super(id, strength, citation);
    this.rule = requireNonNull(rule, "rule");
    this.condition = condition;
  }

  /** A requirement that applies to every episode of its service. */
  public static EpisodeRequirement of(String id, Strength strength, Citation citation, Rule rule) {
    return new EpisodeRequirement(id, strength, citation, rule, null);
  }

  /** The same requirement, applying only when {@code condition} holds. */
  public EpisodeRequirement when(Condition condition) {
    return new EpisodeRequirement(id(), strength(), citation(), rule,
        this.condition == null ? condition : this.condition.and(condition));
  }

  @Override
  public Basis basis() {
    return Basis.EPISODE;
  }

  @Override
  public Optional<String> condition() {
    return Optional.ofNullable(condition).map(Condition::description);
  }

  @Override
  public Optional<String> externalDocument() {
    return Optional.empty();
  }

  /**
   * Evaluates one record. Never throws for a record: a failure of the rule's own code becomes an
   * {@link Outcome#ERROR} finding naming the exception type.
   */
  public Finding evaluate(CaseRecord record, EvaluationContext ctx) {
    requireNonNull(record, "record");
    requireNonNull(ctx, "ctx");
    String episodeId = record.episode().id();
    String programId = record.episode().programId();
    String memberId = record.member().id();
    try {
      Optional<Judgment> blocked = condition == null ? Optional.empty() : condition.blocks(record, ctx);
      Judgment judgment = blocked.isPresent() ? blocked.get() : rule.judge(record, ctx);
      return Finding.of(this, episodeId, memberId, programId, requireNonNull(judgment, "rule returned no judgment"));
    } catch (RuntimeException e) {
      return Finding.error(this, episodeId, memberId, programId, e);
    }
  }
}
