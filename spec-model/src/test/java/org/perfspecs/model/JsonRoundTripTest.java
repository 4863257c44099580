package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON written with {@link ModelJson} reads back equal, for every model value type. */
class JsonRoundTripTest {

  /** One fully populated value per model value type (and both shapes of Referral). */
  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of(CaseRecord.class, ModelFixtures.caseRecord()),
        Arguments.of(Member.class, ModelFixtures.member()),
        Arguments.of(PregnancyStatus.class, ModelFixtures.pregnancyStatus()),
        Arguments.of(PregnancyStatus.class, PregnancyStatus.builder()
            .state(PregnancyState.PREGNANT).estimatedDueDate(LocalDate.of(2024, 9, 1)).build()),
        Arguments.of(CareProvider.class, ModelFixtures.careProvider()),
        Arguments.of(Episode.class, ModelFixtures.episode()),
        Arguments.of(Referral.class, ModelFixtures.referralIn()),
        Arguments.of(Referral.class, ModelFixtures.referralOut()),
        Arguments.of(Contact.class, ModelFixtures.contact()),
        Arguments.of(Document.class, ModelFixtures.document()),
        Arguments.of(Consultation.class, ModelFixtures.consultation()),
        Arguments.of(ConsentRefusal.class, ModelFixtures.consentRefusal()),
        Arguments.of(NecessityDetermination.class, ModelFixtures.necessityDetermination()),
        Arguments.of(Appointment.class, ModelFixtures.appointment()),
        Arguments.of(Incident.class, ModelFixtures.incident()),
        Arguments.of(WellnessPlan.class, ModelFixtures.wellnessPlan()),
        Arguments.of(ServicePlan.class, ModelFixtures.servicePlan()),
        Arguments.of(Goal.class, ModelFixtures.goal()),
        Arguments.of(PlanReview.class, ModelFixtures.planReview()),
        Arguments.of(Program.class, ModelFixtures.program()),
        Arguments.of(License.class, ModelFixtures.license()),
        Arguments.of(Location.class, ModelFixtures.location()),
        Arguments.of(OpeningHours.class, ModelFixtures.openingHours()),
        Arguments.of(OnCallArrangement.class, ModelFixtures.onCallArrangement()),
        Arguments.of(StaffMember.class, ModelFixtures.staffMember()),
        Arguments.of(Training.class, ModelFixtures.training()),
        Arguments.of(Agreement.class, ModelFixtures.agreement()),
        Arguments.of(QualityPlan.class, ModelFixtures.qualityPlan()),
        Arguments.of(Attestation.class, ModelFixtures.attestation()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void writesAndReadsBackEqual(Class<?> type, Object value) throws IOException {
    String json = ModelJson.toJson(value);
    Object read = ModelJson.reader(type).readValue(json);

    assertThat(read).isInstanceOf(type).isEqualTo(value);
    assertThat(ModelJson.toJson(read)).as("written again").isEqualTo(json);
  }

  @Test
  void everyValueTypeHasARoundTripCase() {
    Set<Class<?>> covered = values().map(a -> (Class<?>) a.get()[0]).collect(Collectors.toSet());
    assertThat(ModelTypes.valueTypes()).hasSize(27).allSatisfy(t -> assertThat(covered).contains(t));
  }

  @Test
  void instantWithOffsetIsReadAsUtcAndWrittenInUtc() throws IOException {
    String json = """
        {"id":"I-9","occurredAt":"2024-04-15T09:30:00-04:00","reportable":false}""";

    Incident incident = ModelJson.reader(Incident.class).readValue(json);

    assertThat(incident.occurredAt()).isEqualTo(Instant.parse("2024-04-15T13:30:00Z"));
    assertThat(ModelJson.toJson(incident)).contains("\"occurredAt\":\"2024-04-15T13:30:00Z\"");
  }

  @Test
  void datesAndTimesOfDayHaveTheirIsoForms() throws IOException {
    JsonNode hours = tree(ModelFixtures.openingHours());
    assertThat(hours.get("day").asText()).isEqualTo("MONDAY");
    assertThat(hours.get("opens").asText()).isEqualTo("08:30:00");
    assertThat(ModelJson.reader(OpeningHours.class).<OpeningHours>readValue(
        "{\"day\":\"MONDAY\",\"opens\":\"08:30\",\"closes\":\"17:00\"}"))
        .isEqualTo(ModelFixtures.openingHours());
    assertThat(tree(ModelFixtures.attestation()).get("attestedOn").asText()).isEqualTo("2024-04-30");
  }

  @Test
  void absentOptionalsAndEmptyCollectionsAreOmittedWhenWriting() throws IOException {
    Member member = Member.builder()
        .id("M-1").dateOfBirth(LocalDate.of(1990, 1, 1)).product(InsuranceProduct.MASSHEALTH).build();
    Episode episode = Episode.builder().id("E-1").service(ServiceType.CSP).programId("P-1").build();
    Program program = Program.builder().id("P-1").name("Program").build();
    StaffMember staff = StaffMember.builder().id("S-1").build();
    Document document = Document.builder().id("D-1").kind(DocumentKind.OTHER).date(LocalDate.of(2024, 1, 2)).build();

    assertThat(fieldNames(member)).containsExactlyInAnyOrder(
        "id", "dateOfBirth", "product", "parenting", "dmhContinuingCareEligible", "dcfCaseOpen");
    assertThat(fieldNames(episode)).containsExactlyInAnyOrder("id", "service", "programId");
    assertThat(fieldNames(program)).containsExactlyInAnyOrder("id", "name");
    assertThat(fieldNames(staff)).containsExactlyInAnyOrder("id", "relevantExperienceYears", "livedExperience");
    assertThat(fieldNames(document)).containsExactlyInAnyOrder("id", "kind", "date", "memberRefusedToSign");
    for (Object value : List.of(member, episode, program, staff, document)) {
      assertThat(fieldNames(value)).doesNotContainAnyElementsOf(optionalOrCollectionAttributes(value));
    }
  }

  @Test
  void optionalsMayBeNullOrOmittedWhenReading() throws IOException {
    Member member = ModelJson.reader(Member.class).readValue("""
        {"id":"M-1","dateOfBirth":"1990-01-01","product":"MASSHEALTH","pronouns":null}""");

    assertThat(member.pronouns()).isEmpty();
    assertThat(member.pregnancy()).isEmpty();
    assertThat(member.stateAgencies()).isEmpty();
  }

  @Test
  void attributesWithDefaultsMayBeOmittedWhenReading() throws IOException {
    Member member = ModelJson.reader(Member.class).readValue("""
        {"id":"M-1","dateOfBirth":"1990-01-01","product":"MASSHEALTH"}""");
    Appointment appointment = ModelJson.reader(Appointment.class).readValue("""
        {"id":"A-1","kind":"INITIAL","scheduledAt":"2024-01-02T10:00:00Z","at":"2024-01-09T10:00:00Z"}""");
    License license = ModelJson.reader(License.class).readValue("""
        {"issuer":"DMH","kind":"Mental Health Clinic"}""");
    Location location = ModelJson.reader(Location.class).readValue("""
        {"id":"L-1","inMassachusetts":true}""");
    StaffMember staff = ModelJson.reader(StaffMember.class).readValue("""
        {"id":"S-1"}""");

    assertThat(member.parenting()).isFalse();
    assertThat(member.dmhContinuingCareEligible()).isFalse();
    assertThat(member.dcfCaseOpen()).isFalse();
    assertThat(appointment.assistedByProgram()).isTrue();
    assertThat(license.massachusetts()).isTrue();
    assertThat(license.heldByParentOrganization()).isFalse();
    assertThat(location.onsiteServices()).isTrue();
    assertThat(location.communityServices()).isFalse();
    assertThat(staff.relevantExperienceYears()).isZero();
    assertThat(staff.livedExperience()).isFalse();
  }

  @Test
  void locationDerivedValuesAreNotWritten() throws IOException {
    Location location = Location.builder().id("L-1").inMassachusetts(true)
        .addHours(OpeningHours.builder().day(DayOfWeek.TUESDAY).opens(LocalTime.of(9, 0)).closes(LocalTime.of(17, 0)).build())
        .build();

    assertThat(location.weeklyMinutes()).isEqualTo(480);
    assertThat(fieldNames(location)).doesNotContain("weeklyMinutes");
    assertThat(tree(location).at("/hours/0").has("minutes")).isFalse();
  }

  private static JsonNode tree(Object value) throws IOException {
    return ModelJson.newMapper().readTree(ModelJson.toJson(value));
  }

  private static Set<String> fieldNames(Object value) throws IOException {
    Set<String> names = new TreeSet<>();
    tree(value).fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> optionalOrCollectionAttributes(Object value) {
    Class<?> type = value.getClass().getSuperclass();
    Set<String> names = new TreeSet<>();
    for (Method m : ModelTypes.attributes(type)) {
      if (m.getReturnType() == Optional.class || Collection.class.isAssignableFrom(m.getReturnType())) {
        names.add(m.getName());
      }
    }
    return names;
  }
}
