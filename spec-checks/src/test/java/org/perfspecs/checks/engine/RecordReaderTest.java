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
  void aMalformedArrayElementIsRejectedAloneAndTheRestIsRead() throws Exception {
    List<RecordReader.Entry<CaseRecord>> entries = readAll("[\n" + GOOD + ",\n{\"member\": }\n," + GOOD + "]");
    assertThat(entries).extracting(RecordReader.Entry::line).containsExactly(2L, 3L, 4L);
    assertThat(entries).extracting(e -> e.result().isValid()).containsExactly(true, false, true);
    assertThat(entries.get(1).result().violations().get(0).message()).startsWith("is not well-formed JSON");
  }

  static String messages(List<RecordReader.Entry<CaseRecord>> entries) {
    StringBuilder b = new StringBuilder();
    for (RecordReader.Entry<CaseRecord> e : entries) {
      b.append(e.line()).append(':').append(e.result().isValid() ? "valid" : e.result().violations().get(0).toString()).append('\n');
    }
    return b.toString();
  }

  /** Issue 14, item 3: an array is read exactly as strictly as NDJSON, and nothing after it is lost. */
  @Test
  void anArrayIsAsStrictAsNdjsonAndNothingAfterItIsLost() throws Exception {
    // NDJSON lines after a one-line array: each is counted as a rejection, not dropped
    assertThat(messages(readAll("[" + GOOD + "]\n" + GOOD + "\n" + GOOD + "\n")))
        .isEqualTo("1:valid\n2:$: is after the end of the top-level JSON array\n3:$: is after the end of the top-level JSON array\n");
    assertThat(messages(readAll("[" + GOOD + "] [" + GOOD + "]")))
        .isEqualTo("1:valid\n1:$: is after the end of the top-level JSON array\n");
    assertThat(messages(readAll("[" + GOOD + "]garbage\n\n")))
        .isEqualTo("1:valid\n1:$: is after the end of the top-level JSON array\n");
    // duplicate keys: rejected in an array as in NDJSON
    String dup = GOOD.replace("\"service\":\"IOP\"", "\"service\":\"IOP\",\"service\":\"CSP\"");
    assertThat(messages(readAll("[" + dup + "]"))).isEqualTo(messages(readAll(dup)));
    assertThat(messages(readAll(dup))).startsWith("1:$.episode.service: is a duplicate property");
    // a 1,201-digit number and deep nesting: accurate messages, and the next element is still read
    String longNumber = GOOD.replace("\"programId\":\"P-1\"", "\"programId\":\"P-1\",\"x\":1" + "0".repeat(1200));
    assertThat(messages(readAll("[" + longNumber + "," + GOOD + "]")))
        .isEqualTo("1:$.episode: has a number longer than 100 characters\n1:valid\n");
    String deep = GOOD.replace("\"programId\":\"P-1\"", "\"programId\":\"P-1\",\"contacts\":" + "[".repeat(3000) + "]".repeat(3000));
    assertThat(messages(readAll("[" + deep + ",\n" + GOOD + "]")))
        .isEqualTo("1:$.episode.contacts[0]: must be a JSON object\n2:valid\n");
    // empty elements, scalars, an unclosed array
    assertThat(messages(readAll("[," + GOOD + ",1,]")))
        .isEqualTo("1:$: is empty: expected a JSON object\n1:valid\n1:$: must be a JSON object\n1:$: is empty: expected a JSON object\n");
    assertThat(messages(readAll("[" + GOOD + ",\n" + GOOD)))
        .isEqualTo("1:valid\n2:valid\n2:$: " + RecordReader.NOT_CLOSED + "\n");
    assertThat(messages(readAll("["))).isEqualTo("1:$: " + RecordReader.NOT_CLOSED + "\n");
  }

  /** Issue 14, item 3: UTF-8 only, in an array as in NDJSON. */
  @Test
  void utf16IsRejectedInBothForms() throws Exception {
    byte[] utf16 = ("[" + GOOD + "]").getBytes(StandardCharsets.UTF_16LE);
    List<RecordReader.Entry<CaseRecord>> entries = readAll(new ByteArrayInputStream(utf16), 1 << 20);
    assertThat(entries).isNotEmpty().noneMatch(e -> e.result().isValid());
    byte[] bom16 = (GOOD + "\n").getBytes(StandardCharsets.UTF_16);
    assertThat(readAll(new ByteArrayInputStream(bom16), 1 << 20)).isNotEmpty().noneMatch(e -> e.result().isValid());
  }

  /** Issue 14, item 8: line breaks and whitespace-only lines. */
  @Test
  void lineBreaksAndLinesOfOtherWhitespace() throws Exception {
    assertThat(messages(readAll(GOOD + "\r" + GOOD + "\r\n" + GOOD + "\r\r" + GOOD)))
        .isEqualTo("1:valid\n2:valid\n3:valid\n5:valid\n");
    for (String ws : List.of("\u001c", "\f", "\u000b", "\u2028", "\u3000", "\u00a0")) {
      assertThat(messages(readAll(GOOD + "\n" + ws + "\n \t\n" + GOOD))).as("U+%04X", (int) ws.charAt(0))
          .startsWith("1:valid\n2:$: is not well-formed JSON").endsWith("4:valid\n");
    }
  }

  /** Issue 14, item 3: next() never throws on malformed input. */
  @Test
  void malformedArraysNeverThrow() throws Exception {
    for (String bad : List.of("[{", "[\"", "[\"\\", "[}", "[]]", "[[[[", "[{\"a\":[}]", "[\u0000]", "[\"\n\"]")) {
      List<RecordReader.Entry<CaseRecord>> entries = readAll(bad);
      assertThat(entries).as(bad).isNotEmpty().noneMatch(e -> e.result().isValid());
    }
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
        .isEqualTo("is longer than the maximum record size of 1000 bytes (1048590 bytes); the line was skipped");
  }

  /** A line whose first buffer-full is already over the limit is not taken for a blank line. */
  @Test
  void aLineFarOverASmallMaximumIsRejectedNotSkipped() throws Exception {
    String longLine = GOOD.replace("\"P-1\"", "\"P-" + "1".repeat(200_000) + "\"");
    List<RecordReader.Entry<CaseRecord>> entries = readAll(bytes(longLine + "\n" + GOOD + "\n"), 1024);
    assertThat(entries).extracting(e -> e.result().isValid()).containsExactly(false, true);
    assertThat(entries.get(0).result().violations().get(0).message()).startsWith("is longer than the maximum record size of 1024 bytes");
    List<RecordReader.Entry<CaseRecord>> inArray = readAll(bytes("[" + longLine + "," + GOOD + "]"), 1024);
    assertThat(inArray).extracting(e -> e.result().isValid()).containsExactly(false, true);
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

  /**
   * A line lying whole in the read buffer is copied straight from it; one straddling two fills is
   * gathered first: both give the same entries, whatever the line breaks (LF, CR LF, CR), blank
   * lines and lines over the maximum, as reading in tiny pieces (every line straddling) does.
   */
  @Test
  void linesInTheBufferAndLinesAcrossFillsAreFramedAlike() throws Exception {
    StringBuilder in = new StringBuilder();
    String[] breaks = {"\n", "\r\n", "\r", "\n  \n"};
    for (int i = 0; in.length() < 3 * (1 << 18) + 12_345; i++) {
      // program ids of varying length move the line ends across the buffer's boundaries
      String line = i % 97 == 5 ? "{not json" : GOOD.replace("\"P-1\"", "\"P-" + "7".repeat(i * 37 % 3000) + "\"");
      in.append(line).append(breaks[i % breaks.length]);
    }
    byte[] bytes = in.toString().getBytes(StandardCharsets.UTF_8);
    for (int max : new int[] {RecordReader.DEFAULT_MAX_RECORD_BYTES, 2000}) {
      List<String> whole = describe(new ByteArrayInputStream(bytes), max);
      List<String> pieces = describe(new ByteArrayInputStream(bytes) {
        @Override
        public synchronized int read(byte[] b, int off, int len) {
          return super.read(b, off, Math.min(len, 7));
        }
      }, max);
      assertThat(whole).hasSizeGreaterThan(400).isEqualTo(pieces);
      assertThat(whole).anyMatch(e -> e.contains("rejected")).anyMatch(e -> e.contains("valid"));
      if (max == 2000) {
        assertThat(whole).anyMatch(e -> e.contains("is longer than the maximum record size of 2000 bytes"));
      }
    }
  }

  /** Each framed record: its line, size, and what parsing gives (program id, or the violations). */
  private static List<String> describe(InputStream input, int max) throws Exception {
    List<String> out = new ArrayList<>();
    try (RecordReader<CaseRecord> reader = RecordReader.of(input, CaseRecord.class, VALIDATOR, max)) {
      for (Optional<RecordReader.Framed<CaseRecord>> f = reader.nextFramed(); f.isPresent(); f = reader.nextFramed()) {
        RecordReader.Entry<CaseRecord> e = f.get().parse();
        out.add(f.get().line() + " " + f.get().size() + " " + (e.result().isValid()
            ? "valid " + e.result().value().get().episode().programId()
            : "rejected " + e.result().violations()));
      }
    }
    return out;
  }
  /**
   * The eight-bytes-at-a-time search for a line break finds what a byte-by-byte one finds, at every
   * start and end, among bytes next to LF and CR in value (0x09, 0x0B, 0x0C, 0x0E, 0x01, 0x8A, 0x8D,
   * 0xFF) and with breaks next to each other.
   */
  @Test
  void theWordAtATimeLineBreakSearchFindsTheFirstLfOrCr() {
    byte[] alphabet = {'a', '{', 0x09, 0x0B, 0x0C, 0x0E, 0x01, 0x00, (byte) 0x8A, (byte) 0x8D, (byte) 0xFF, '\n', '\r'};
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int trial = 0; trial < 2000; trial++) {
      byte[] bytes = new byte[random.nextInt(1, 40)];
      int breaks = random.nextInt(4);
      for (int i = 0; i < bytes.length; i++) {
        // mostly non-breaks, sometimes none at all
        int k = random.nextInt(breaks == 0 ? alphabet.length - 2 : alphabet.length + 20);
        bytes[i] = k < alphabet.length ? alphabet[k] : (byte) 'x';
      }
      for (int from = 0; from <= bytes.length; from++) {
        for (int to = from; to <= bytes.length; to++) {
          int expected = from;
          while (expected < to && bytes[expected] != '\n' && bytes[expected] != '\r') {
            expected++;
          }
          assertThat(RecordReader.lineBreak(bytes, from, to)).as("trial %d, [%d, %d)", trial, from, to)
              .isEqualTo(expected);
        }
      }
    }
  }
}
