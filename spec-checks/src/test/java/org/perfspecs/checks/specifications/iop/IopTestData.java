package org.perfspecs.checks.specifications.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Fixtures;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableDocument;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableProgram;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.Training;
import org.perfspecs.model.TrainingTopic;

/** IOP test records. Admission Monday 2024-04-01 09:00 New York; its planning deadline is the end of 2024-04-02. */
final class IopTestData {
  static final Instant ADMITTED = ny("2024-04-01T09:00");
  static final LocalDate ADMISSION_DAY = LocalDate.of(2024, 4, 1);
  static final Instant LATER = ny("2024-08-01T12:00");

  private IopTestData() {}

  static ImmutableEpisode.Builder iop() {
    return episode(ServiceType.IOP);
  }

  static ImmutableEpisode.Builder admitted() {
    return iop().admittedAt(ADMITTED);
  }

  static ImmutableEpisode.Builder discharged(Instant at) {
    return admitted().dischargedAt(at);
  }

  static ImmutableDocument.Builder doc(String id, DocumentKind kind, String date, ContentElement... elements) {
    return Document.builder().id(id).kind(kind).date(LocalDate.parse(date)).addElements(elements);
  }

  static org.perfspecs.model.ImmutableContact contact(String id, ContactKind kind, Instant at) {
    return Contact.builder().id(id).kind(kind).at(at).minutes(60).mode(ContactMode.IN_PERSON).memberEngaged(true).build();
  }

  static org.perfspecs.model.ImmutableContact day(String id, String date) {
    return contact(id, ContactKind.PROGRAM_DAY, ny(date + "T10:00"));
  }

  static ImmutableProgram.Builder program() {
    return Fixtures.program(ServiceType.IOP);
  }

  static StaffMember staff(String id, StaffRole role, TrainingTopic... trained) {
    var b = StaffMember.builder().id(id).addRoles(role);
    for (TrainingTopic t : trained) {
      b.addTrainings(Training.builder().topic(t).completedOn(LocalDate.of(2024, 3, 1)).build());
    }
    return b.build();
  }

  static Attestation attestation(String id, String on) {
    return Attestation.builder().requirementId(id).attestedBy("program director").attestedOn(LocalDate.parse(on)).build();
  }

  /** An attested requirement: MET with an attestation dated by the as-of, NOT_MET without or with a later one. */
  static void checkAttested(List<ProgramRequirement> rs) {
    for (ProgramRequirement r : rs) {
      Instant asOf = ny("2024-05-01T12:00");
      Finding met = FindingChecks.evaluate(r, program().addAttestations(attestation(r.id(), "2024-05-01")).build(), asOf);
      assertThat(met.outcome()).as(r.id()).isEqualTo(Outcome.MET);
      Finding none = FindingChecks.evaluate(r, program().build(), asOf);
      assertThat(none.outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
      Finding later = FindingChecks.evaluate(r, program().addAttestations(attestation(r.id(), "2024-05-02")).build(), asOf);
      assertThat(later.outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
      Finding other = FindingChecks.evaluate(r, program().addAttestations(attestation("IOP.OTHER.1", "2024-04-01")).build(), asOf);
      assertThat(other.outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
    }
  }

  /** An external requirement: NOT_EVALUATED naming its document, whatever the profile. */
  static void checkExternal(List<ProgramRequirement> rs) {
    for (ProgramRequirement r : rs) {
      Finding f = FindingChecks.evaluate(r, program().addAttestations(attestation(r.id(), "2024-01-01")).build(),
          ny("2024-05-01T12:00"));
      assertThat(f.outcome()).as(r.id()).isEqualTo(Outcome.NOT_EVALUATED);
      assertThat(f.reason()).contains(r.externalDocument().orElseThrow());
    }
  }
}
