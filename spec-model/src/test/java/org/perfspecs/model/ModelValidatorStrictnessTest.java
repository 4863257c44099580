package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelValidatorStrictnessTest {
  static final ModelValidator VALIDATOR = ModelValidator.create();
  static final String EPISODE = "\"episode\":{\"id\":\"E\",\"service\":\"IOP\",\"programId\":\"P\"}";

  static Violation only(String json) {
    Validated<CaseRecord> result = VALIDATOR.parse(json, CaseRecord.class);
    assertThat(result.isValid()).isFalse();
    assertThat(result.violations()).hasSize(1);
    return result.violations().get(0);
  }

  @Test
  void aNumberOrABooleanIsNotAString() {
    assertThat(only("{\"member\":{\"id\":5,\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\"}," + EPISODE + "}"))
        .hasToString("$.member.id: must be a string");
    assertThat(only("{\"member\":{\"id\":true,\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\"}," + EPISODE + "}"))
        .hasToString("$.member.id: must be a string");
  }

  @Test
  void anIntegerOutOfRangeIsNamedAsSuch() {
    String json = "{\"member\":{\"id\":\"M\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\"},"
        + "\"episode\":{\"id\":\"E\",\"service\":\"IOP\",\"programId\":\"P\",\"contacts\":[{\"id\":\"c\","
        + "\"at\":\"2024-01-01T00:00:00Z\",\"minutes\":99999999999,\"mode\":\"PHONE\",\"kind\":\"OTHER\",\"memberEngaged\":true}]}}";
    assertThat(only(json)).hasToString("$.episode.contacts[0].minutes: is a number out of range");
  }

  @Test
  void anUnknownPropertyIsNamedOnlyWhenItIsANameOfTheModel() {
    Violation typo = only("{\"member\":{\"id\":\"M\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\",\"admitedAt\":1}," + EPISODE + "}");
    assertThat(typo.path()).isEqualTo("$.member.<unknown>");
    assertThat(typo.message()).startsWith("is not a known property; known properties: dateOfBirth, ");
    Violation misplaced = only("{\"member\":{\"id\":\"M\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\",\"admittedAt\":1}," + EPISODE + "}");
    assertThat(misplaced.path()).isEqualTo("$.member.admittedAt");
    Violation single = only("{\"member\":{\"id\":\"M\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\",\"Quillon\":1}," + EPISODE + "}");
    assertThat(single.path()).isEqualTo("$.member.<unknown>");
    Violation data = only("{\"member\":{\"id\":\"M\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\",\"Jordan Quill\":1}," + EPISODE + "}");
    assertThat(data.path()).isEqualTo("$.member.<unknown>");
    assertThat(data.toString()).doesNotContain("Jordan");
  }

  static final String MEMBER = "\"member\":{\"id\":\"M\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\"}";

  static String withAdmission(String value) {
    return "{" + MEMBER + ",\"episode\":{\"id\":\"E\",\"service\":\"IOP\",\"programId\":\"P\",\"admittedAt\":" + value + "}}";
  }

  static String withDueDate(String value) {
    return "{\"member\":{\"id\":\"M\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\",\"pregnancy\":{\"state\":\"PREGNANT\","
        + "\"estimatedDueDate\":" + value + "}}," + EPISODE + "}";
  }

  /** Issue 14, item 5: a number, an array, spaces or control characters are never an instant. */
  @Test
  void anInstantIsAStringOfExactlyOneForm() {
    String expected = "$.episode.admittedAt: must be an ISO-8601 date-time with an offset, e.g. 2024-04-15T09:30:00-04:00";
    for (String bad : java.util.List.of("1e400", "1713187800", "-1", "0", "[]", "[2024,4,15,9,30]", "true", "{}",
        "\" 2024-04-15T09:30:00Z\"", "\"2024-04-15T09:30:00Z \"", "\"2024-04-15T09:30:00Z\\u0000\"",
        "\"\\t2024-04-15T09:30:00Z\"", "\"2024-04-15T09:30:00Z\\u001f\"", "\"2024-04-15t09:30:00z\"",
        "\"2024-04-15T09:30:00\"", "\"2024-04-15\"", "\"+1000000000-12-31T23:59:59Z\"", "\"2024-02-30T09:30:00Z\"",
        "\"2024-04-15T24:00:00Z\"", "\"\"")) {
      assertThat(only(withAdmission(bad))).as(bad).hasToString(expected);
    }
    assertThat(VALIDATOR.parse(withAdmission("\"2024-04-15T09:30:00-04:00\""), CaseRecord.class).isValid()).isTrue();
    assertThat(VALIDATOR.parse(withAdmission("\"2024-04-15T09:30Z\""), CaseRecord.class).isValid()).isTrue();
    assertThat(VALIDATOR.parse(withAdmission("\"2024-04-15T09:30:00.123456789+05:30\""), CaseRecord.class).isValid()).isTrue();
  }

  /** Issue 14, items 1 and 4: years 1900 to 2100 only, with the bounds exact. */
  @Test
  void instantsAndDatesLieInYears1900To2100() {
    String expected = "$.episode.admittedAt: must be between 1900-01-01 and 2100-12-31";
    assertThat(only(withAdmission("\"1899-12-31T23:59:59Z\""))).hasToString(expected);
    assertThat(only(withAdmission("\"2101-01-01T00:00:00Z\""))).hasToString(expected);
    assertThat(only(withAdmission("\"0001-01-01T00:00:00Z\""))).hasToString(expected);
    // (the member is born after 1900-01-01: only that rule, never the range, speaks of the admission then)
    assertThat(VALIDATOR.parse(withAdmission("\"1900-01-01T00:00:00Z\""), CaseRecord.class).violations())
        .noneMatch(v -> v.path().equals("$.episode.admittedAt"));
    assertThat(VALIDATOR.parse(withAdmission("\"2100-12-31T23:59:59.999999999Z\""), CaseRecord.class).isValid()).isTrue();
    assertThat(only(withDueDate("\"2101-01-01\""))).hasToString("$.member.pregnancy.estimatedDueDate: must be between 1900-01-01 and 2100-12-31");
    assertThat(VALIDATOR.parse(withDueDate("\"2100-12-31\""), CaseRecord.class).isValid()).isTrue();
    // built in code, the same rule, at build()
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ModelInvariantException.class,
        () -> Member.builder().id("M").dateOfBirth(java.time.LocalDate.of(-999_999_999, 1, 1))
            .product(InsuranceProduct.OTHER).build()))
        .hasMessage("dateOfBirth must be between 1900-01-01 and 2100-12-31");
  }

  /** Issue 14, item 5: an empty array is not an absent date, and a date field takes a date only. */
  @Test
  void aDateIsAStringOfExactlyOneForm() {
    String expected = "$.member.pregnancy.estimatedDueDate: must be an ISO-8601 date, e.g. 2024-04-15";
    for (String bad : java.util.List.of("[]", "[2024,4,15]", "20240415", "\"2024-04-15T00:00:00Z\"", "\" 2024-04-15\"",
        "\"2024-04-15\\u0000\"", "\"2024-4-15\"", "\"-999999999-01-01\"", "\"2024-02-30\"")) {
      assertThat(only(withDueDate(bad))).as(bad).hasToString(expected);
    }
  }

  /** Issue 14, item 5: codes are exact, never trimmed. */
  @Test
  void aCodeIsExactlyAConstantName() {
    for (String bad : java.util.List.of("\"IOP\\u0000\"", "\" IOP\"", "\"IOP\\t\"", "\"iop\"", "\"2\"", "2", "[]")) {
      Violation v = only("{" + MEMBER + ",\"episode\":{\"id\":\"E\",\"service\":" + bad + ",\"programId\":\"P\"}}");
      assertThat(v).as(bad).hasToString("$.episode.service: must be one of ESOAP, RRS_PPW, IOP, CSP, RC");
    }
  }

  /** Issue 14, item 8: an unpaired surrogate cannot be written back; refused, without echoing. */
  @Test
  void aStringWithAnUnpairedSurrogateIsRefused() {
    assertThat(only("{" + MEMBER.replace("\"id\":\"M\"", "\"id\":\"M\\ud800\"") + "," + EPISODE + "}"))
        .hasToString("$.member.id: is not valid Unicode text: it has an unpaired surrogate");
    assertThat(VALIDATOR.parse("{" + MEMBER.replace("\"id\":\"M\"", "\"id\":\"M\\ud83d\\ude00\"") + "," + EPISODE + "}",
        CaseRecord.class).isValid()).isTrue();
  }

  /** Issue 14, items 2 and 3: limits with accurate messages; a value where a name belongs is never shown. */
  @Test
  void limitsAndMalformedNames() {
    assertThat(only("{\"member\":{\"id\":\"M\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\",\"Quillon Zebedee\"}," + EPISODE + "}")
        .toString()).doesNotContain("Quillon").startsWith("$.member.<unknown>: is not well-formed JSON");
    // the model's types refuse deep nesting at its first level; the reader's limit is for trees
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThat(only("{" + MEMBER + ",\"episode\":{\"id\":\"E\",\"service\":\"IOP\",\"programId\":\"P\",\"contacts\":" + deep + "}}"))
        .hasToString("$.episode.contacts[0]: must be a JSON object");
    assertThat(ModelValidator.limitExceeded(new com.fasterxml.jackson.core.exc.StreamConstraintsException(
        "Document nesting depth (65) exceeds the maximum allowed (64, from `StreamReadConstraints.getMaxNestingDepth()`)")))
        .isEqualTo("is nested deeper than 64 levels of arrays and objects");
    assertThat(only(withAdmission("1" + "0".repeat(1200))).message()).isEqualTo("has a number longer than 100 characters");
    Violation dup = only("{" + MEMBER + ",\"episode\":{\"id\":\"E\",\"service\":\"IOP\",\"service\":\"CSP\",\"programId\":\"P\"}}");
    assertThat(dup.toString()).startsWith("$.episode.service: is a duplicate property");
  }
}
