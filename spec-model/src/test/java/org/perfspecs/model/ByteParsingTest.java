package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelValidator#parse(byte[], Class)} gives what {@link ModelValidator#parse(String, Class)}
 * gives for the decoded text: the same value, or the same violations (paths, messages, columns),
 * on valid, truncated, mutated and non-ASCII documents; bytes that are not UTF-8 are rejected.
 */
class ByteParsingTest {
  private final ModelValidator validator = ModelValidator.create();

  private <T> void assertSame(String json, Class<T> type) {
    Validated<T> text = validator.parse(json, type);
    Validated<T> bytes = validator.parse(json.getBytes(StandardCharsets.UTF_8), type);
    assertThat(bytes.violations()).as(json).isEqualTo(text.violations());
    assertThat(bytes.value()).as(json).isEqualTo(text.value());
  }

  @Test
  void validDocumentsReadTheSame() {
    assertSame(ModelJson.toJson(ModelFixtures.caseRecord()), CaseRecord.class);
    assertSame(ModelJson.toJson(ModelFixtures.program()), Program.class);
    assertThat(validator.parse(ModelJson.toJson(ModelFixtures.caseRecord()).getBytes(StandardCharsets.UTF_8),
        CaseRecord.class).orElseThrow()).isEqualTo(ModelFixtures.caseRecord());
  }

  @Test
  void everyTruncationIsRejectedTheSame() {
    String json = ModelJson.toJson(ModelFixtures.member());
    for (int end = 0; end < json.length(); end++) {
      assertSame(json.substring(0, end), Member.class);
    }
  }

  @Test
  void mutatedDocumentsAreReadTheSame() {
    String json = ModelJson.toJson(ModelFixtures.caseRecord());
    String alphabet = "{}[]\":,0123456789-.eE+TZ tfnul\\/ab\u0000\u0007\t\r\n\u00e9\u20ac";
    Random random = new Random(19);
    for (int i = 0; i < 2000; i++) {
      assertSame(TextMutations.mutate(json, alphabet, random), CaseRecord.class);
    }
  }

  @Test
  void nonAsciiTextReadsTheSame() {
    String json = ModelJson.toJson(ModelFixtures.caseRecord());
    assertSame(json.replaceFirst("\"id\":\"", "\"id\":\"\u00e9\ud83d\ude00"), CaseRecord.class);
    assertSame(json.replaceFirst("\"id\":\"", "\"id\":\"\u00e9\", \"x\u20ac\": 1, \"y\":\""), CaseRecord.class);
  }

  @Test
  void bytesThatAreNotUtf8AreRejected() {
    for (byte[] bad : List.of(new byte[] {'{', (byte) 0xC3, '}'}, new byte[] {(byte) 0xFF}, new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'})) {
      assertThat(validator.parse(bad, CaseRecord.class).violations()).containsExactly(Violation.of("$", "is not UTF-8 text"));
    }
  }
}
