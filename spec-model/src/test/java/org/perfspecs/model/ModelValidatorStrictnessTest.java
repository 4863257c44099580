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
  void anUnknownPropertyIsNamedOnlyWhenItLooksLikeAFieldName() {
    Violation typo = only("{\"member\":{\"id\":\"M\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\",\"admitedAt\":1}," + EPISODE + "}");
    assertThat(typo.path()).isEqualTo("$.member.admitedAt");
    assertThat(typo.message()).startsWith("is not a known property; known properties: dateOfBirth, ");
    Violation data = only("{\"member\":{\"id\":\"M\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\",\"Jordan Quill\":1}," + EPISODE + "}");
    assertThat(data.path()).isEqualTo("$.member.<unknown>");
    assertThat(data.toString()).doesNotContain("Jordan");
  }
}
