package org.perfspecs.checks.specifications.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableContact;
import org.perfspecs.model.ImmutableDocument;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

/** Shared helpers of the CSP requirement tests. */
final class CspTestSupport {
  static final Instant AS_OF = ny("2024-05-01T12:00");

  private CspTestSupport() {}

  static ImmutableEpisode.Builder csp() {
    return org.perfspecs.checks.Fixtures.episode(ServiceType.CSP);
  }

  /** Admitted 2024-03-04 10:00, discharged 2024-04-26 15:00. */
  static ImmutableEpisode.Builder dischargedStay() {
    return csp().admittedAt(ny("2024-03-04T10:00")).dischargedAt(ny("2024-04-26T15:00"));
  }

  /** Admitted 2024-03-04 10:00 and still enrolled: the stay so far runs to the as-of time. */
  static ImmutableEpisode.Builder openStay() {
    return csp().admittedAt(ny("2024-03-04T10:00"));
  }

  static ImmutableContact contact(String id, String at, ContactKind kind, boolean engaged) {
    return Contact.builder().id(id).at(ny(at)).minutes(engaged ? 30 : 0).mode(ContactMode.IN_PERSON).kind(kind)
        .memberEngaged(engaged).build();
  }

  static ImmutableDocument document(String id, DocumentKind kind, String date) {
    return Document.builder().id(id).kind(kind).date(LocalDate.parse(date)).build();
  }

  static Finding evaluate(EpisodeRequirement r, CaseRecord record) {
    return FindingChecks.evaluate(r, record, AS_OF);
  }

  static Finding evaluate(EpisodeRequirement r, CaseRecord record, Instant asOf) {
    return FindingChecks.evaluate(r, record, asOf);
  }

  static Finding evaluate(ProgramRequirement r, Program p) {
    return FindingChecks.evaluate(r, p, AS_OF);
  }

  static Program attesting(String id, LocalDate on) {
    return program(ServiceType.CSP).addAttestations(Attestation.builder().requirementId(id)
        .attestedBy("program director").attestedOn(on).build()).build();
  }

  /** An attested requirement: NOT_MET without an attestation or with one dated after the as-of, MET with one. */
  static void assertAttested(ProgramRequirement r) {
    assertThat(r.basis()).isEqualTo(Basis.PROGRAM);
    assertThat(evaluate(r, program(ServiceType.CSP).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, attesting(r.id(), LocalDate.of(2024, 5, 2))).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, attesting(r.id() + ".x", LocalDate.of(2024, 5, 1))).outcome()).isEqualTo(Outcome.NOT_MET);
    Finding met = evaluate(r, attesting(r.id(), LocalDate.of(2024, 5, 1)));
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.reason()).contains("program director");
  }

  /** An external requirement: NOT_EVALUATED naming {@code document}. */
  static void assertExternal(ProgramRequirement r, String document) {
    assertThat(r.basis()).isEqualTo(Basis.EXTERNAL);
    assertThat(r.externalDocument()).contains(document);
    Finding f = evaluate(r, program(ServiceType.CSP).build());
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    assertThat(f.reason()).contains(document);
  }

  static Set<Outcome> outcomes(Finding... findings) {
    return java.util.Arrays.stream(findings).map(Finding::outcome).collect(java.util.stream.Collectors.toSet());
  }
}
