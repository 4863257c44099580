package org.perfspecs.checks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;

class RecordReaderTest {
  static final String GOOD = "{\"member\":{\"id\":\"M-1\",\"dateOfBirth\":\"1990-01-01\",\"product\":\"OTHER\"},"
      + "\"episode\":{\"id\":\"E-1\",\"service\":\"IOP\",\"programId\":\"P-1\"}}";
  static final ModelValidator VALIDATOR = ModelValidator.create();

  static List<RecordReader.Entry<CaseRecord>> readAll(String input) throws Exception {
    List<RecordReader.Entry<CaseRecord>> out = new ArrayList<>();
    try (RecordReader<CaseRecord> reader = RecordReader.of(new StringReader(input), CaseRecord.class, VALIDATOR)) {
      for (Optional<RecordReader.Entry<CaseRecord>> e = reader.next(); e.isPresent(); e = reader.next()) {
        out.add(e.get());
      }
    }
    return out;
  }

  @Test
  void ndjsonRecordsCarryTheirLineNumbersAndBlankLinesAreSkipped() throws Exception {
    List<RecordReader.Entry<CaseRecord>> entries = readAll("\n" + GOOD + "\n\n{\"member\": 1}\n" + GOOD);
    assertThat(entries).extracting(RecordReader.Entry::line).containsExactly(2L, 4L, 5L);
    assertThat(entries).extracting(e -> e.result().isValid()).containsExactly(true, false, true);
    assertThat(entries.get(1).result().violations()).first()
        .satisfies(v -> assertThat(v.path()).isEqualTo("$.member"));
  }

  @Test
  void aMalformedLineDoesNotStopTheRest() throws Exception {
    List<RecordReader.Entry<CaseRecord>> entries = readAll(GOOD + "\n{not json\n" + GOOD + "\n" + GOOD.substring(0, 40));
    assertThat(entries).hasSize(4);
    assertThat(entries).extracting(e -> e.result().isValid()).containsExactly(true, false, true, false);
    assertThat(entries.get(3).result().violations().get(0).message()).startsWith("is truncated");
  }

  @Test
  void aJsonArrayIsReadElementByElementWithTheLineWhereEachStarts() throws Exception {
    List<RecordReader.Entry<CaseRecord>> entries = readAll("  [\n" + GOOD + ",\n" + GOOD + "\n]\n");
    assertThat(entries).extracting(RecordReader.Entry::line).containsExactly(2L, 3L);
    assertThat(entries).allMatch(e -> e.result().isValid());
  }

  @Test
  void aBrokenJsonArrayEndsWithOneRejectionNamingWhatWasLost() throws Exception {
    List<RecordReader.Entry<CaseRecord>> entries = readAll("[\n" + GOOD + ",\n{\"member\": }\n," + GOOD + "]");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).result().isValid()).isTrue();
    assertThat(entries.get(1).line()).isEqualTo(3L);
    assertThat(entries.get(1).result().violations().get(0).message()).contains("the rest of the array cannot be read");
  }

  static List<RecordReader.Entry<CaseRecord>> readAll(InputStream input, int max) throws Exception {
    List<RecordReader.Entry<CaseRecord>> out = new ArrayList<>();
    try (RecordReader<CaseRecord> reader = RecordReader.of(input, CaseRecord.class, VALIDATOR, max)) {
      for (Optional<RecordReader.Entry<CaseRecord>> e = reader.next(); e.isPresent(); e = reader.next()) {
        out.add(e.get());
      }
    }
    return out;
  }

  static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aLineOverTheMaximumRecordSizeIsSkippedWithoutBeingHeldAndTheRestIsRead() throws Exception {
    // 1 MiB of a string value, streamed: the reader never holds more than 1000 bytes of it
    InputStream huge = new InputStream() {
      long left = 1 << 20;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }
    };
    InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
        bytes(GOOD + "\n{\"member\": \""), huge, bytes("\"}\r\n" + GOOD + "\r\n"))));
    List<RecordReader.Entry<CaseRecord>> entries = readAll(in, 1000);
    assertThat(entries).extracting(RecordReader.Entry::line).containsExactly(1L, 2L, 3L);
    assertThat(entries).extracting(e -> e.result().isValid()).containsExactly(true, false, true);
    assertThat(entries.get(1).result().violations().get(0).message())
        .isEqualTo("is longer than the maximum record size of 1000 bytes (1048591 bytes); the line was skipped");
  }

  @Test
  void aLineThatIsNotUtf8IsRejectedAloneAndWithoutItsBytes() throws Exception {
    byte[] bad = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, '\n'};
    InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
        bytes(GOOD + "\n"), new ByteArrayInputStream(bad), bytes(GOOD))));
    List<RecordReader.Entry<CaseRecord>> entries = readAll(in, RecordReader.DEFAULT_MAX_RECORD_BYTES);
    assertThat(entries).extracting(e -> e.result().isValid()).containsExactly(true, false, true);
    assertThat(entries.get(1).line()).isEqualTo(2L);
    assertThat(entries.get(1).result().violations()).singleElement()
        .satisfies(v -> assertThat(v.path() + ": " + v.message()).isEqualTo("$: is not UTF-8 text"));
  }

  @Test
  void aByteOrderMarkAndBlankLinesBeforeAnArrayKeepTheFileLineNumbers() throws Exception {
    List<RecordReader.Entry<CaseRecord>> entries = readAll(bytes("\uFEFF\n\n[" + GOOD + ",\n" + GOOD + "]"), 1 << 20);
    assertThat(entries).extracting(RecordReader.Entry::line).containsExactly(3L, 4L);
    assertThat(entries).allMatch(e -> e.result().isValid());
    assertThat(readAll(bytes("\uFEFF" + GOOD), 1 << 20)).singleElement().satisfies(e -> assertThat(e.result().isValid()).isTrue());
  }

  @Test
  void anArrayElementOverTheMaximumIsRejected() throws Exception {
    List<RecordReader.Entry<CaseRecord>> entries = readAll(bytes("[" + GOOD + ",\n" + GOOD + "]"), GOOD.length() - 1);
    assertThat(entries).hasSize(2).allMatch(e -> !e.result().isValid());
    assertThat(entries.get(0).result().violations().get(0).message()).startsWith("is longer than the maximum record size");
  }

  @Test
  void theMaximumMustBePositive() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> RecordReader.of(bytes(""), CaseRecord.class, VALIDATOR, 0));
  }

  @Test
  void emptyInputHasNoRecords() throws Exception {
    assertThat(readAll("")).isEmpty();
    assertThat(readAll("\n\n")).isEmpty();
    assertThat(readAll("[]")).isEmpty();
  }
}
