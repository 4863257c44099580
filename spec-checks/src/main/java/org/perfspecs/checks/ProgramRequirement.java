package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.Program;

/**
 * A requirement judged on a program profile, once per program: by a rule over the profile, by an
 * attestation (who, when) when no structured fact can show it (NOT_MET without one), or
 * (external) deferred to a document this library does not encode (NOT_EVALUATED).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProgramRequirement extends Requirement {
  /** The rule that judges one program profile; a named method, never an anonymous lambda. */
  @FunctionalInterface
  public interface Rule {
    /** Judges {@code program} as of {@code ctx.asOf()}. */
    Judgment judge(Program program, EvaluationContext ctx);
  }

  private final Rule rule;
  private final String externalDocument;
  private final Basis basis;

  private ProgramRequirement(String id, Strength strength, Citation citation, Rule rule, String externalDocument) {
    this(id, strength, citation, rule, externalDocument, java.util.List.of());
  }

  private ProgramRequirement(String id, Strength strength, Citation citation, Rule rule, String externalDocument,
      java.util.List<Interpretation> interpretations) {
    super(id, strength, citation, interpretations);
    this.rule = rule;
    this.externalDocument = externalDocument;
    this.basis = externalDocument == null ? Basis.PROGRAM : Basis.EXTERNAL;
  }

  /** A requirement judged by {@code rule} on the program profile. */
  public static ProgramRequirement of(String id, Strength strength, Citation citation, Rule rule) {
    return new ProgramRequirement(id, strength, citation, requireNonNull(rule, "rule"), null);
  }

  /**
   * A requirement no structured fact of the profile can show: {@link Outcome#MET} when the
   * profile holds an attestation for this id (who, when) dated on or before the as-of date,
   * otherwise {@link Outcome#NOT_MET}: the attestation is the documentation, and what is not
   * documented was not done.
   */
  public static ProgramRequirement attested(String id, Strength strength, Citation citation) {
    return new ProgramRequirement(id, strength, citation, null, null);
  }

  /** A deferral to {@code document}: always {@link Outcome#NOT_EVALUATED}, naming the document. */
  public static ProgramRequirement external(String id, Strength strength, Citation citation, String document) {
    requireNonNull(document, "document");
    return new ProgramRequirement(id, strength, citation, null, document);
  }

  /**
   * The same requirement, declaring the {@linkplain Interpretation readings} its rule uses (added
   * to any declared before).
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public ProgramRequirement reading(Interpretation... readings) {
    java.util.List<Interpretation> all = new java.util.ArrayList<>(interpretations());
    all.addAll(java.util.List.of(readings));
    return new ProgramRequirement(id(), strength(), citation(), rule, externalDocument, all);
  }

  @Override
  public Basis basis() {
    return basis;
  }

  @Override
  public Optional<String> condition() {
    return Optional.empty();
  }

  @Override
  public Optional<String> externalDocument() {
    return Optional.ofNullable(externalDocument);
  }

  /**
   * Evaluates one program profile. Never throws for a profile: a failure of the rule's own code
   * becomes an {@link Outcome#ERROR} finding naming the exception type.
   */
  public Finding evaluate(Program program, EvaluationContext ctx) {
    requireNonNull(program, "program");
    requireNonNull(ctx, "ctx");
    try {
      return Finding.of(this, program.id(), null, program.id(), judge(program, ctx));
    } catch (RuntimeException e) {
      return Finding.error(this, program.id(), null, program.id(), e);
    }
  }

  private Judgment judge(Program program, EvaluationContext ctx) {
    if (externalDocument != null) {
      return Judgment.notEvaluated("deferred to an external document this library does not encode: "
          + externalDocument);
    }
    if (rule != null) {
      return requireNonNull(rule.judge(program, ctx), "rule returned no judgment");
    }
    for (Attestation a : program.attestations()) {
      if (a.requirementId().equals(id()) && ctx.hasBegun(a.attestedOn())) {
        return Judgment.met("attested by " + a.attestedBy() + " on " + a.attestedOn(),
            Evidence.onDate("attestation", a.requirementId(), a.attestedOn(), "attested by " + a.attestedBy()));
      }
    }
    return Judgment.notMet("the program profile holds no attestation for " + id()
        + " (no structured record can show it; attest who and when)");
  }
}
