package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Building a model object that breaks a single-field rule, or a record whose member was born after
 * one of its dated facts, fails at {@code build()} with the path and message {@link ModelValidator}
 * reports for the same JSON.
 */
class ValidByConstructionTest {
  private static final ModelValidator VALIDATOR = ModelValidator.create();

  @Test
  void aBlankIdFailsAtBuild() throws Exception {
    ModelInvariantException e = catchThrowableOfType(ModelInvariantException.class,
        () -> ImmutableMember.builder().from(ModelFixtures.member()).id(" ").build());

    assertThat(e.property()).isEqualTo("id");
    assertThat(e.rule()).isEqualTo("must not be blank");
    assertSameAsParse(ImmutableCaseRecord.copyOf(ModelFixtures.caseRecord()), "/member", "id", "\" \"", e);
  }

  @Test
  void negativeMinutesFailAtBuild() throws Exception {
    ModelInvariantException e = catchThrowableOfType(ModelInvariantException.class,
        () -> Contact.builder().from(ModelFixtures.contact()).minutes(-1).build());

    assertThat(e.property()).isEqualTo("minutes");
    assertThat(e.rule()).isEqualTo("must be greater than or equal to 0");
    assertSameAsParse(ModelFixtures.caseRecord(), "/episode/contacts/0", "minutes", "-1", e);
  }

  @Test
  void anImplausibleYearFailsAtBuild() {
    ModelInvariantException e = catchThrowableOfType(ModelInvariantException.class,
        () -> Contact.builder().from(ModelFixtures.contact()).at(Instant.parse("2101-01-01T00:00:00Z")).build());

    assertThat(e.property()).isEqualTo("at");
    assertThat(e.rule()).isEqualTo("must be between 1900-01-01 and 2100-12-31");
    assertThat(Contact.builder().from(ModelFixtures.contact()).at(Instant.parse("2100-12-31T23:59:59Z")).build().at())
        .isEqualTo(Instant.parse("2100-12-31T23:59:59Z"));
    assertThat(catchThrowableOfType(ModelInvariantException.class,
        () -> ImmutableMember.builder().from(ModelFixtures.member()).dateOfBirth(LocalDate.of(1899, 12, 31)).build()))
        .hasMessage("dateOfBirth must be between 1900-01-01 and 2100-12-31");
  }

  @Test
  void aBlankElementOfAListFailsAtBuildWithItsIndex() {
    ModelInvariantException e = catchThrowableOfType(ModelInvariantException.class,
        () -> Episode.builder().from(ModelFixtures.episode()).treatmentTeam(List.of("S-1", "")).build());

    assertThat(e.getMessage()).isEqualTo("treatmentTeam[1] must not be blank");
    assertThat(VALIDATOR.parse(ModelJson.toJson(ModelFixtures.caseRecord())
            .replaceFirst("\"treatmentTeam\":\\[[^\\]]*\\]", "\"treatmentTeam\":[\"S-1\",\"\"]"), CaseRecord.class)
        .violations()).containsExactly(Violation.of("$.episode.treatmentTeam[1]", "must not be blank"));
  }

  @Test
  void aBlankOptionalValueFailsAtBuildAnAbsentOneDoesNot() {
    assertThat(catchThrowableOfType(ModelInvariantException.class,
        () -> ImmutableMember.copyOf(ModelFixtures.member()).withPreferredName("  ")))
        .hasMessage("preferredName must not be blank");
    assertThat(ImmutableMember.copyOf(ModelFixtures.member()).withPreferredName(java.util.Optional.empty())
        .preferredName()).isEmpty();
  }

  @Test
  void aDateOfBirthAfterTheAdmissionFailsAtBuild() {
    Episode admitted = minimalEpisode(Instant.parse("2024-03-04T15:30:00Z"));

    ModelInvariantException e = catchThrowableOfType(ModelInvariantException.class,
        () -> record(LocalDate.of(2024, 3, 5), admitted));

    assertThat(e.property()).isEqualTo("member.dateOfBirth");
    assertThat(e.rule()).isEqualTo("must not be after the earliest dated fact in the record (episode.admittedAt)");
    String json = ModelJson.toJson(record(LocalDate.of(1990, 1, 1), admitted)).replace("1990-01-01", "2024-03-05");
    assertThat(VALIDATOR.parse(json, CaseRecord.class).violations())
        .containsExactly(Violation.of("$.member.dateOfBirth", e.rule()));
  }

  @Test
  void aDateOfBirthOnTheAdmissionDayIsValidTheDayAfterIsNotInNewYorkTime() {
    // 2024-03-05T03:00Z is 22:00 on 2024-03-04 in New York
    Episode lateEvening = minimalEpisode(Instant.parse("2024-03-05T03:00:00Z"));

    assertThat(record(LocalDate.of(2024, 3, 4), lateEvening).member().dateOfBirth()).isEqualTo("2024-03-04");
    assertThat(catchThrowableOfType(ModelInvariantException.class, () -> record(LocalDate.of(2024, 3, 5), lateEvening)))
        .isNotNull();
  }

  @Test
  void aDateOfBirthAfterAnyEventOfTheRecordFailsAtBuild() {
    // born the day after the referral was received (2024-02-28), before the admission (2024-03-04)
    ModelInvariantException e = catchThrowableOfType(ModelInvariantException.class,
        () -> record(LocalDate.of(2024, 2, 29), ModelFixtures.episode()));

    assertThat(e.rule()).isEqualTo("must not be after the earliest dated fact in the record (episode.referral.at)");
    String json = ModelJson.toJson(record(LocalDate.of(1990, 1, 1), ModelFixtures.episode()))
        .replace("1990-01-01", "2024-02-29");
    assertThat(VALIDATOR.parse(json, CaseRecord.class).violations())
        .containsExactly(Violation.of("$.member.dateOfBirth", e.rule()));
  }

  @Test
  void aDateOfBirthAfterAContactWhenNothingElseIsDatedFailsAtBuild() {
    Episode contactOnly = Episode.builder().id("E-1").service(ServiceType.IOP).programId("P-1")
        .addContacts(ModelFixtures.contact()).build();

    assertThat(catchThrowableOfType(ModelInvariantException.class,
        () -> record(LocalDate.of(2025, 1, 1), contactOnly)).rule())
        .isEqualTo("must not be after the earliest dated fact in the record (episode.contacts[0].at)");
  }

  @Test
  void theMessagesAreBeanValidationsOwn() {
    // (the paths of this bean's names, which are not the model's, show as <unknown>)
    assertThat(VALIDATOR.validate(new Constrained())).extracting(Violation::message)
        .containsExactlyInAnyOrder(ModelRules.POSITIVE_OR_ZERO, ModelRules.NOT_BLANK);
  }

  /** A bean with the two constraints the model uses, broken, for Hibernate Validator's messages. */
  public static final class Constrained {
    public @NotBlank String name() {
      return " ";
    }

    public @PositiveOrZero int count() {
      return -1;
    }
  }

  private static Episode minimalEpisode(Instant admittedAt) {
    return Episode.builder().id("E-1").service(ServiceType.IOP).programId("P-1").admittedAt(admittedAt).build();
  }

  private static CaseRecord record(LocalDate born, Episode episode) {
    return CaseRecord.builder()
        .member(Member.builder().id("M-1").dateOfBirth(born).product(InsuranceProduct.MASSHEALTH).build())
        .episode(episode)
        .build();
  }

  /** The JSON of {@code record} with {@code property} of the object at {@code pointer} set to {@code raw} is rejected as {@code e} says. */
  private static void assertSameAsParse(CaseRecord record, String pointer, String property, String raw,
      ModelInvariantException e) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode root = ModelJson.newMapper().valueToTree(record);
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.at(pointer))
        .set(property, ModelJson.newMapper().readTree(raw));
    String path = "$" + pointer.replaceAll("/(\\d+)", "[$1]").replace('/', '.') + "." + e.property();
    assertThat(VALIDATOR.parse(root.toString(), CaseRecord.class).violations())
        .containsExactly(Violation.of(path, e.rule()));
  }
}
