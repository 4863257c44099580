package org.perfspecs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Pattern;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;

/**
 * The invariants every finding must satisfy, checked on every finding the requirement tests
 * produce (they evaluate through {@link #evaluate}):
 *
 * <ul>
 *   <li>it names the requirement evaluated and has a non-blank reason;
 *   <li>NOT_MET: the requirement has a citation (document, section, label, text);
 *   <li>PENDING: a due time is present and is not before the as-of instant (the window is open);
 *   <li>UNDETERMINED: the reason names the missing fact ("no ... is recorded", "does not say ...");
 *   <li>NOT_EVALUATED of an external requirement: the reason names the external document;
 *   <li>ERROR, and only ERROR, carries the exception type, and the reason names it;
 *   <li>the reason never copies member data (the date of birth);
 *   <li>evaluating the same input again gives an equal finding (rules are stateless).
 * </ul>
 */
public final class FindingChecks {
  /** How an UNDETERMINED reason names the fact that is missing. */
  public static final Pattern NAMES_MISSING_FACT =
      Pattern.compile("(?i)(\\bno\\b\\s.+\\sis recorded|does not say\\s.+)");

  private FindingChecks() {}

  /** Evaluates {@code r} on {@code record} as of {@code asOf} (standard calendar) and checks the invariants. */
  public static Finding evaluate(EpisodeRequirement r, CaseRecord record, Instant asOf) {
    return evaluate(r, record, EvaluationContext.asOf(asOf));
  }

  /** Evaluates {@code r} on {@code record} in {@code ctx} and checks the invariants. */
  public static Finding evaluate(EpisodeRequirement r, CaseRecord record, EvaluationContext ctx) {
    Finding f = r.evaluate(record, ctx);
    check(r, f, ctx);
    assertThat(f.subjectKind()).isEqualTo(Basis.EPISODE);
    assertThat(f.subjectId()).isEqualTo(record.episode().id());
    assertThat(f.programId()).isEqualTo(record.episode().programId());
    assertThat(f.reason()).doesNotContain(record.member().dateOfBirth().toString());
    assertThat(r.evaluate(record, ctx)).as("same input, same finding").isEqualTo(f);
    return f;
  }

  /** Evaluates {@code r} on {@code program} as of {@code asOf} and checks the invariants. */
  public static Finding evaluate(ProgramRequirement r, Program program, Instant asOf) {
    EvaluationContext ctx = EvaluationContext.asOf(asOf);
    Finding f = r.evaluate(program, ctx);
    check(r, f, ctx);
    assertThat(f.subjectKind()).isEqualTo(Basis.PROGRAM);
    assertThat(f.subjectId()).isEqualTo(program.id());
    assertThat(f.programId()).isEqualTo(program.id());
    assertThat(r.evaluate(program, ctx)).as("same input, same finding").isEqualTo(f);
    return f;
  }

  /** Checks the invariants of {@code f}, a finding of {@code r} in {@code ctx}. */
  public static void check(Requirement r, Finding f, EvaluationContext ctx) {
    assertThat(f.requirementId()).isEqualTo(r.id());
    assertThat(f.reason()).as("reason of %s", f).isNotBlank();
    switch (f.outcome()) {
      case NOT_MET -> {
        Citation c = r.citation();
        assertThat(c).as("citation of %s", r.id()).isNotNull();
        assertThat(c.text()).isNotBlank();
        assertThat(c.section()).isNotBlank();
        assertThat(c.label()).isNotBlank();
        assertThat(c.document()).isNotBlank();
      }
      case PENDING -> {
        assertThat(f.due()).as("due of PENDING %s", f).isPresent();
        assertThat(f.due().get().last()).as("due of PENDING %s", f).isAfterOrEqualTo(ctx.asOf());
        assertThat(f.due().get().isOpenAt(ctx.asOf())).isTrue();
      }
      case UNDETERMINED -> assertThat(f.reason()).as("UNDETERMINED reason must name the missing fact")
          .containsPattern(NAMES_MISSING_FACT);
      case NOT_EVALUATED -> r.externalDocument().ifPresent(doc -> assertThat(f.reason()).contains(doc));
      case ERROR -> {
        assertThat(f.errorType()).as("ERROR finding names the exception type").isPresent();
        assertThat(f.reason()).contains(f.errorType().get());
      }
      case MET, NOT_APPLICABLE -> {
        // reason checked above
      }
      default -> throw new AssertionError("unknown outcome " + f.outcome());
    }
    if (f.outcome() != Outcome.ERROR) {
      assertThat(f.errorType()).as("only ERROR findings carry an exception type").isEmpty();
    }
    if (r.basis() == Basis.EXTERNAL) {
      assertThat(f.outcome()).isIn(Outcome.NOT_EVALUATED, Outcome.ERROR);
    }
  }
}
