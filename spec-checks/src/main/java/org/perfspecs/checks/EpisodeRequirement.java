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

  private EpisodeRequirement(String id, Strength strength, Citation citation, Rule rule, Condition condition,
      java.util.List<Interpretation> interpretations) {
    super(id, strength, citation, interpretations);
    this.rule = requireNonNull(rule, "rule");
    this.condition = condition;
  }

  /** A requirement that applies to every episode of its service. */
  public static EpisodeRequirement of(String id, Strength strength, Citation citation, Rule rule) {
    return new EpisodeRequirement(id, strength, citation, rule, null, java.util.List.of());
  }

  /** The same requirement, applying only when {@code condition} holds. */
  public EpisodeRequirement when(Condition condition) {
    return new EpisodeRequirement(id(), strength(), citation(), rule,
        this.condition == null ? condition : this.condition.and(condition), interpretations());
  }

  /**
   * The same requirement, declaring the {@linkplain Interpretation readings} its rule uses (added
   * to any declared before).
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public EpisodeRequirement reading(Interpretation... readings) {
    java.util.List<Interpretation> all = new java.util.ArrayList<>(interpretations());
    all.addAll(java.util.List.of(readings));
    return new EpisodeRequirement(id(), strength(), citation(), rule, condition, all);
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
   * The NOT_APPLICABLE finding of this requirement for {@code record} when the record lies outside
   * the specification as a whole (the engine uses it for a member whose insurance product the
   * specification does not cover); the rule is not run.
   *
   * @param reason the reason, naming why the record is outside (never member data)
   * @since 0.2
   */
  @API(status = API.Status.INTERNAL, since = "0.2")
  public Finding outsideSpecification(CaseRecord record, String reason) {
    return Finding.of(this, record.episode().id(), record.member().id(), record.episode().programId(),
        Judgment.notApplicable(reason));
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
      requireNonNull(judgment, "rule returned no judgment");
      Finding.Subject subject = RecordScope.subject(record);
      return subject != null ? Finding.of(this, subject, judgment)
          : Finding.of(this, episodeId, memberId, programId, judgment);
    } catch (RuntimeException e) {
      return Finding.error(this, episodeId, memberId, programId, e);
    }
  }
}
