package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The boundary: untrusted JSON in, either a valid value or violations with a JSON path and a
 * message that never echoes a value. Every rejected input starts from the valid fixture, which
 * carries a (fake) member name and date of birth, so each case also checks those are not echoed.
 */
class ModelValidatorTest {
  private static final JsonMapper TREES = ModelJson.newMapper();
  /** Member data that must never appear in a violation message. */
  private static final List<String> PERSONAL_DATA = List.of(
      ModelFixtures.MEMBER_NAME, "Jordan", "Quill", ModelFixtures.MEMBER_DATE_OF_BIRTH.toString(), "1994");

  private final ModelValidator validator = ModelValidator.create();

  // ------------------------------------------------------------------ valid input

  @Test
  void validRecordHasNoViolationsAndReadsAsTheFixture() {
    Validated<CaseRecord> result = validator.parse(ModelJson.toJson(ModelFixtures.caseRecord()), CaseRecord.class);

    assertThat(result.violations()).isEmpty();
    assertThat(result.isValid()).isTrue();
    assertThat(result.orElseThrow()).isEqualTo(ModelFixtures.caseRecord());
  }

  @Test
  void validProgramHasNoViolations() {
    Validated<Program> result = validator.parse(ModelJson.toJson(ModelFixtures.program()), Program.class);

    assertThat(result.violations()).isEmpty();
    assertThat(result.value()).contains(ModelFixtures.program());
  }

  @Test
  void absentOptionalStringsAreNotBlankViolations() {
    // Optional<@NotBlank String> constrains a present value only; absent means "not recorded"
    Member minimal = Member.builder().id("M-1").dateOfBirth(ModelFixtures.MEMBER_DATE_OF_BIRTH)
        .product(InsuranceProduct.MASSHEALTH).build();

    assertThat(validator.validate(minimal)).isEmpty();
    assertThatThrownBy(() -> ImmutableMember.copyOf(minimal).withPronouns(" "))
        .isInstanceOf(ModelInvariantException.class).hasMessage("pronouns must not be blank");
  }

  // ------------------------------------------------------------------ rejected input

  /**
   * name, input, the one expected path, a fragment the message must contain, and the offending
   * value the message must not contain.
   */
  static Stream<Arguments> rejected() {
    return Stream.of(
        reject("malformed: truncated", "{\"member\": ",
            "$.member", "truncated", null),
        reject("malformed: truncated inside the member",
            "{\"member\": {\"id\": \"M-1\", \"preferredName\": \"" + ModelFixtures.MEMBER_NAME + "\"",
            "$.member.preferredName", "truncated", null),
        reject("malformed: bare word", "{\"member\": {\"id\": \"M-1\", \"preferredName\": Jordan}}",
            "$.member.preferredName", "not well-formed", "Jordan"),
        reject("malformed: duplicate property (strict duplicate detection)", ModelJson.toJson(ModelFixtures.caseRecord())
                .replaceFirst("\\{\"member\":\\{", "{\"member\":{\"id\":\"" + ModelFixtures.MEMBER_NAME + "\","),
            "$.member.id", "duplicate", ModelFixtures.MEMBER_NAME),
        reject("unknown property", record(r -> member(r).put("nickname", "Jojo")),
            "$.member.<unknown>", "is not a known property", "Jojo"),
        reject("unknown enum code", record(r -> episode(r).put("service", "XYZ")),
            "$.episode.service", "must be one of ESOAP, RRS_PPW, IOP, CSP, RC", "XYZ"),
        reject("unknown enum code in a set", record(r -> ((ArrayNode) episode(r).get("counselingNeeds")).insert(0, "XYZ")),
            "$.episode.counselingNeeds[0]", "must be one of", "XYZ"),
        reject("string for an integer", record(r -> contact(r, 0).put("minutes", "45")),
            "$.episode.contacts[0].minutes", "must be an integer", "45"),
        reject("fraction for an integer", record(r -> contact(r, 0).put("minutes", 45.5)),
            "$.episode.contacts[0].minutes", "must be an integer", "45.5"),
        reject("string for a boolean", record(r -> contact(r, 0).put("memberEngaged", "true")),
            "$.episode.contacts[0].memberEngaged", "must be true or false", null),
        reject("object for a string", record(r -> member(r).putObject("preferredName").put("first", "Jordan")),
            "$.member.preferredName", "must be a string", "Jordan"),
        reject("missing required member id", record(r -> member(r).remove("id")),
            "$.member.id", "is required", null),
        reject("missing required nested attribute", record(r -> contact(r, 1).remove("at")),
            "$.episode.contacts[1].at", "is required", null),
        reject("null element in a list", record(r -> ((ArrayNode) episode(r).get("treatmentTeam")).insertNull(0)),
            "$.episode.treatmentTeam[0]", "must be a string", null),
        reject("negative minutes", record(r -> contact(r, 0).put("minutes", -7)),
            "$.episode.contacts[0].minutes", "must be greater than or equal to 0", "-7"),
        reject("blank id", record(r -> member(r).put("id", "   ")),
            "$.member.id", "must not be blank", null),
        reject("blank nested id", record(r -> contact(r, 1).put("id", "")),
            "$.episode.contacts[1].id", "must not be blank", null),
        reject("blank optional string", record(r -> member(r).put("pronouns", " ")),
            "$.member.pronouns", "must not be blank", null),
        reject("referral into the service without a source",
            record(r -> ((ObjectNode) episode(r).get("referral")).remove("source")),
            "$.episode.referral.source", "is required: the referral into the service names who referred the member", null),
        reject("referral into the service with a target instead of a source",
            record(r -> ((ObjectNode) episode(r).get("referral")).put("target", "PCC").remove("source")),
            "$.episode.referral.source", "is required: the referral into the service names who referred", null),
        reject("referral out of the service without a target",
            record(r -> ((ObjectNode) episode(r).get("referralsMade").get(0)).remove("target")),
            "$.episode.referralsMade[0].target",
            "is required: a referral made out of the service names the kind of service referred to", null),
        reject("discharge before admission",
            record(r -> episode(r).put("dischargedAt", "2024-03-02T09:00:00Z")),
            "$.episode.dischargedAt", "must not be before admittedAt", "2024-03-02"),
        reject("duplicate record id in one list", record(r -> contact(r, 1).put("id", "C-1")),
            "$.episode.contacts[1].id", "duplicates another record id", "C-1"),
        reject("duplicate record id across lists",
            record(r -> ((ObjectNode) episode(r).get("documents").get(0)).put("id", "C-1")),
            "$.episode.documents[0].id", "duplicates another record id", "C-1"),
        reject("postpartum without delivery date",
            record(r -> ((ObjectNode) member(r).get("pregnancy")).remove("deliveryDate")),
            "$.member.pregnancy.deliveryDate", "is required when state is POSTPARTUM", "2024-02-14"),
        reject("date-time without offset", record(r -> episode(r).put("admittedAt", "2024-03-04T15:30:00")),
            "$.episode.admittedAt", "with an offset", "2024-03-04T15:30:00"),
        reject("date of birth not ISO", record(r -> member(r).put("dateOfBirth", "23/07/1994")),
            "$.member.dateOfBirth", "must be an ISO-8601 date", "23/07/1994"),
        reject("empty input", "",
            "$", "is empty", null),
        reject("blank input", "  \n",
            "$", "is empty", null),
        reject("trailing content: a second value", ModelJson.toJson(ModelFixtures.caseRecord()) + " {}",
            "$", "has content after the end", null),
        reject("trailing content: two records on one line",
            ModelJson.toJson(ModelFixtures.caseRecord()) + ModelJson.toJson(ModelFixtures.caseRecord()),
            "$", "has content after the end", null),
        reject("trailing content: garbage", ModelJson.toJson(ModelFixtures.caseRecord()) + " x",
            "$", "not well-formed", null),
        reject("JSON null", "null",
            "$", "must be a JSON object, not null", null),
        reject("JSON array", "[]",
            "$", "must be a JSON object", null),
        reject("JSON string", "\"" + ModelFixtures.MEMBER_NAME + "\"",
            "$", "must be a JSON object", ModelFixtures.MEMBER_NAME));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectsWithOneViolationAtItsPathWithoutEchoingValues(
      String name, String json, String path, String fragment, String offendingValue) {
    Validated<CaseRecord> result = validator.parse(json, CaseRecord.class);

    assertThat(result.isValid()).isFalse();
    assertThat(result.value()).isEmpty();
    assertThat(result.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo(path);
      assertThat(v.message()).contains(fragment);
      if (offendingValue != null) {
        assertThat(v.message()).doesNotContain(offendingValue);
      }
      assertThat(v.message()).doesNotContain(PERSONAL_DATA);
    });
  }

  @Test
  void fixtureCarriesThePersonalDataTheRejectionCasesCheckFor() {
    String json = ModelJson.toJson(ModelFixtures.caseRecord());

    assertThat(json).contains(ModelFixtures.MEMBER_NAME, ModelFixtures.MEMBER_DATE_OF_BIRTH.toString());
  }

  @Test
  void unknownEnumCodeListsEveryAllowedCode() {
    String json = record(r -> episode(r).put("service", "XYZ"));

    Violation v = validator.parse(json, CaseRecord.class).violations().get(0);

    String allowed = Arrays.stream(ServiceType.values()).map(Enum::name).collect(Collectors.joining(", "));
    assertThat(v.message()).isEqualTo("must be one of " + allowed);
  }

  @Test
  void unknownPropertyListsTheKnownOnes() {
    Violation v = validator.parse(record(r -> member(r).put("nickname", "Jojo")), CaseRecord.class)
        .violations().get(0);

    assertThat(v.message()).contains("known properties: dateOfBirth, dcfCaseOpen, dentist,");
  }

  @Test
  void reportsEveryMissingRequiredAttribute() {
    assertThat(validator.parse("{}", CaseRecord.class).violations()).containsExactlyInAnyOrder(
        Violation.of("$.member", "is required"), Violation.of("$.episode", "is required"));
    assertThat(validator.parse("{\"member\":{},\"episode\":{}}", CaseRecord.class).violations())
        .extracting(Violation::path)
        .containsExactlyInAnyOrder("$.member.id", "$.member.dateOfBirth", "$.member.product");
  }

  @Test
  void reportsEveryBeanValidationViolationSortedByPath() {
    String json = record(r -> {
      member(r).put("id", "");
      contact(r, 0).put("minutes", -1);
      ((ObjectNode) r.at("/member/dentist")).put("name", " ");
    });

    assertThat(validator.parse(json, CaseRecord.class).violations()).containsExactly(
        Violation.of("$.episode.contacts[0].minutes", "must be greater than or equal to 0"),
        Violation.of("$.member.dentist.name", "must not be blank"),
        Violation.of("$.member.id", "must not be blank"));
  }

  @Test
  void objectsBuiltInCodeAreValidByConstruction() {
    assertThat(validator.validate(ModelFixtures.caseRecord())).isEmpty();
    assertThat(validator.validate(ModelFixtures.program())).isEmpty();
    assertThatThrownBy(() -> ImmutableContact.copyOf(ModelFixtures.contact()).withMinutes(-1))
        .isInstanceOf(ModelInvariantException.class).hasMessage("minutes must be greater than or equal to 0");
    assertThatThrownBy(() -> ImmutableStaffMember.copyOf(ModelFixtures.staffMember()).withRelevantExperienceYears(-2))
        .isInstanceOf(ModelInvariantException.class).hasMessage("relevantExperienceYears must be greater than or equal to 0");
  }

  @Test
  void crossFieldRulesAreCheckedByTheBuilders() {
    ImmutableEpisode episode = ImmutableEpisode.copyOf(ModelFixtures.episode());

    assertThat(catchThrowableOfType(ModelInvariantException.class,
        () -> episode.withDischargedAt(ModelFixtures.at("2024-03-01T00:00:00Z"))))
        .satisfies(e -> {
          assertThat(e.property()).isEqualTo("dischargedAt");
          assertThat(e.rule()).isEqualTo("must not be before admittedAt");
        });
  }

  @Test
  void readsAProgramWithTheSamePathsAndRules() {
    String json = tree(ModelFixtures.program(), r -> ((ObjectNode) r.get("staff").get(2)).put("id", "S-002"));

    assertThat(validator.parse(json, Program.class).violations())
        .containsExactly(Violation.of("$.staff[2].id", "duplicates another staff id"));
  }

  // ------------------------------------------------------------------ helpers

  private static Arguments reject(String name, String json, String path, String fragment, String offendingValue) {
    return Arguments.of(name, json, path, fragment, offendingValue);
  }

  /** The fixture record as JSON, after {@code edit}. */
  private static String record(Consumer<ObjectNode> edit) {
    return tree(ModelFixtures.caseRecord(), edit);
  }

  private static String tree(Object value, Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) TREES.readTree(ModelJson.toJson(value));
      edit.accept(root);
      return TREES.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode member(JsonNode root) {
    return (ObjectNode) root.get("member");
  }

  private static ObjectNode episode(JsonNode root) {
    return (ObjectNode) root.get("episode");
  }

  private static ObjectNode contact(JsonNode root, int index) {
    return (ObjectNode) root.get("episode").get("contacts").get(index);
  }
}
