package org.perfspecs.checks.specifications.esoap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;

import java.time.Instant;
import java.time.LocalDate;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

/** Builders and assertions shared by the ESOAP section tests. */
final class EsoapTestSupport {
  /** Admitted Monday 2024-04-15 09:00 EDT. */
  static final Instant ADMITTED = ny("2024-04-15T09:00");
  /** Well after everything in the tests. */
  static final Instant LATER = ny("2024-06-01T12:00");

  private EsoapTestSupport() {}

  static ImmutableMember.Builder pregnant() {
    return member().pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT).build());
  }

  static ImmutableEpisode.Builder admitted() {
    return episode(ServiceType.ESOAP).admittedAt(ADMITTED);
  }

  static Program programWithAttestation(String id, LocalDate on) {
    return program(ServiceType.ESOAP).addAttestations(Attestation.builder().requirementId(id)
        .attestedBy("program director").attestedOn(on).build()).build();
  }

  /**
   * Every episode requirement of section {@code key} except ESOAP.DEF.1 applies only to a member
   * pregnant or postpartum at admission: UNDETERMINED without an admission time (or before it),
   * NOT_APPLICABLE for a member who is neither. Returns the ids checked.
   */
  static java.util.List<String> assertPregnancyCondition(String key) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (org.perfspecs.checks.Requirement q : Esoap.specification().requirements()) {
      if (!(q instanceof org.perfspecs.checks.EpisodeRequirement r) || !r.sectionKey().equals(key) || r.id().equals("ESOAP.DEF.1")) {
        continue;
      }
      ids.add(r.id());
      assertThat(r.condition()).get().asString().contains("pregnant or postpartum");
      Finding noAdmission = FindingChecks.evaluate(r, org.perfspecs.checks.Fixtures.record(pregnant(), episode(ServiceType.ESOAP)), LATER);
      assertThat(noAdmission.outcome()).as(r.id()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(noAdmission.reason()).contains("no admission time is recorded");
      assertThat(FindingChecks.evaluate(r, org.perfspecs.checks.Fixtures.record(pregnant(), admitted()), ADMITTED.minusNanos(1)).outcome())
          .as(r.id() + " before admission").isEqualTo(Outcome.UNDETERMINED);
      assertThat(FindingChecks.evaluate(r, org.perfspecs.checks.Fixtures.record(member(), admitted()), LATER).outcome())
          .as(r.id() + " not pregnant").isEqualTo(Outcome.NOT_APPLICABLE);
    }
    return ids;
  }

  /** MET with an attestation dated on or before the as-of date, NOT_MET without one or with a later one. */
  static void assertAttested(ProgramRequirement r) {
    Instant asOf = ny("2024-05-01T12:00");
    assertThat(r.basis()).isEqualTo(Basis.PROGRAM);
    Finding met = FindingChecks.evaluate(r, programWithAttestation(r.id(), LocalDate.of(2024, 5, 1)), asOf);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.reason()).contains("program director");
    Finding future = FindingChecks.evaluate(r, programWithAttestation(r.id(), LocalDate.of(2024, 5, 2)), asOf);
    assertThat(future.outcome()).isEqualTo(Outcome.NOT_MET);
    Finding none = FindingChecks.evaluate(r, program(ServiceType.ESOAP).build(), asOf);
    assertThat(none.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(none.reason()).contains(r.id());
  }

  /** NOT_EVALUATED naming {@code document}, even with an attestation. */
  static void assertExternal(ProgramRequirement r, String document) {
    Finding f = FindingChecks.evaluate(r, programWithAttestation(r.id(), LocalDate.of(2024, 1, 2)), LATER);
    assertThat(r.basis()).isEqualTo(Basis.EXTERNAL);
    assertThat(r.externalDocument()).hasValue(document);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    assertThat(f.reason()).contains(document);
    assertThat(f.due()).isEmpty();
  }
}
