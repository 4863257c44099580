package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ConsentRefusal;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.NecessityDetermination;
import org.perfspecs.model.Party;
import org.perfspecs.model.ServiceCategory;

/**
 * Consent refusals (Consent, provision deny) and necessity determinations (Observation) as another
 * EHR may write them: performers of other kinds, purposes in provision.code, an assessor by role,
 * and the errors for what the model needs and the resource lacks.
 */
class RefusalsAndNecessityTest {
  static final Instant AT = Instant.parse("2024-05-20T17:00:00Z");

  static CaseRecord record() {
    CaseRecord sample = Samples.caseRecords().stream().filter(r -> r.episode().id().equals("ESOAP-2004")).findFirst()
        .orElseThrow();
    Episode e = org.perfspecs.model.ImmutableEpisode.copyOf(sample.episode())
        .withConsentRefusals(ConsentRefusal.builder().id("cr-1").refusedBy(Party.GUARDIAN).at(AT)
            .addParties(Party.FAMILY, Party.PCC).addReferrals(ServiceCategory.HOUSING).build(),
            ConsentRefusal.builder().id("cr-2").at(AT).build())
        .withNecessityDeterminations(NecessityDetermination.builder().id("nd-1").consultation(ConsultationKind.PSYCHIATRIC)
            .necessary(false).assessedBy("PSYCHIATRIST").at(AT).build(),
            NecessityDetermination.builder().id("nd-2").service(ServiceCategory.HOUSING).necessary(true)
                .assessedBy("S-ESW-02").at(AT).build());
    return CaseRecord.builder().member(sample.member()).episode(e).build();
  }

  static <T> T resource(Bundle b, Class<T> type, String id) {
    return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
        .filter(r -> r.getIdElement().getIdPart().equals(id)).map(type::cast).findFirst().orElseThrow();
  }

  @Test
  void refusalsAndDeterminationsOfEveryShapeRoundTrip() {
    CaseRecord record = record();
    Bundle b = FhirCaseRecords.parseBundle(FhirCaseRecords.toJson(record));
    Consent refusal = resource(b, Consent.class, "cr-1");
    assertThat(refusal.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.DENY);
    assertThat(refusal.getProvision().getActor()).hasSize(2);
    assertThat(refusal.getProvision().getPurpose()).extracting(Coding::getCode).containsExactly("HOUSING");
    Observation o = resource(b, Observation.class, "nd-1");
    assertThat(o.getValueBooleanType().booleanValue()).isFalse();
    assertThat(o.getContained()).singleElement().isInstanceOf(PractitionerRole.class);
    assertThat(R4Validator.errors(refusal)).isEmpty();
    assertThat(R4Validator.errors(o)).isEmpty();
    FhirReadResult read = FhirCaseRecords.read(b);
    assertThat(read.errors()).isEmpty();
    assertThat(read.records()).containsExactly(record);
  }

  @Test
  void otherWritersShapesAreRead() {
    Bundle b = FhirCaseRecords.toBundle(record());
    Consent refusal = resource(b, Consent.class, "cr-1");
    refusal.getPerformer().clear();
    refusal.addPerformer(new Reference("RelatedPerson/mother"));
    refusal.getProvision().getPurpose().clear();
    refusal.getProvision().addCode(Values.concept(ServiceCategory.TRANSPORTATION));
    Consent all = resource(b, Consent.class, "cr-2");
    all.getPerformer().clear(); // no performer: the member
    Observation o = resource(b, Observation.class, "nd-2");
    o.getPerformer().clear();
    o.addPerformer(new Reference("PractitionerRole/pr-1"));
    PractitionerRole pr = new PractitionerRole();
    pr.setId("pr-1");
    pr.setPractitioner(new Reference("Practitioner/S-ESW-03"));
    b.addEntry().setFullUrl(CaseRecordWriter.FULL_URL_BASE + "PractitionerRole/pr-1").setResource(pr);

    FhirReadResult read = FhirCaseRecords.read(b);
    assertThat(read.errors()).isEmpty();
    Episode e = read.records().get(0).episode();
    assertThat(e.consentRefusals()).containsExactly(
        ConsentRefusal.builder().id("cr-1").refusedBy(Party.GUARDIAN).at(AT).addParties(Party.FAMILY, Party.PCC)
            .addReferrals(ServiceCategory.TRANSPORTATION).build(),
        ConsentRefusal.builder().id("cr-2").refusedBy(Party.MEMBER).at(AT).build());
    assertThat(e.necessityDeterminations()).element(1).extracting(NecessityDetermination::assessedBy)
        .isEqualTo("S-ESW-03");
    assertThat(read.summary().used()).containsEntry("PractitionerRole", 1L);
  }

  @Test
  void anInactiveDenyIsNoRefusalAndWhatTheModelNeedsIsAnErrorNamingThePathNotTheValue() {
    Bundle b = FhirCaseRecords.toBundle(record());
    resource(b, Consent.class, "cr-2").setStatus(Consent.ConsentState.INACTIVE);
    resource(b, Consent.class, "cr-1").setDateTimeElement(new org.hl7.fhir.r4.model.DateTimeType());
    resource(b, Observation.class, "nd-1").setValue(new StringType("PSYCHIATRIST-NOT-NEEDED"));
    resource(b, Observation.class, "nd-2").getPerformer().clear();

    FhirReadResult read = FhirCaseRecords.read(b);
    assertThat(read.records()).hasSize(1);
    Episode e = read.records().get(0).episode();
    assertThat(e.consentRefusals()).isEmpty();
    assertThat(e.necessityDeterminations()).isEmpty();
    List<String> locations = read.errors().stream().map(FhirProblem::location).toList();
    assertThat(locations).hasSize(3).allMatch(l -> l.startsWith("Bundle.entry["));
    assertThat(locations).anyMatch(l -> l.endsWith(".ofType(Consent).dateTime"))
        .anyMatch(l -> l.endsWith(".ofType(Observation).value"))
        .anyMatch(l -> l.endsWith(".ofType(Observation).performer"));
    assertThat(read.errors()).noneMatch(p -> p.toString().contains("PSYCHIATRIST-NOT-NEEDED"));
    assertThat(read.summary().rejected()).containsEntry("Consent", 1L).containsEntry("Observation", 2L);
    assertThat(read.summary().ignored()).containsEntry("Consent", 1L);
  }
}
