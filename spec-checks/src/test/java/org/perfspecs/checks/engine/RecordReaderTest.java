package org.perfspecs.checks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
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

  @Test
  void emptyInputHasNoRecords() throws Exception {
    assertThat(readAll("")).isEmpty();
    assertThat(readAll("\n\n")).isEmpty();
    assertThat(readAll("[]")).isEmpty();
  }
}
