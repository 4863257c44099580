package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The character-level readers of {@link StrictReading} accept exactly what the reference accepts
 * (the whole-string regular expression, then {@code DateTimeFormatter}'s strict ISO parsing, as the
 * readers worked before), with the same value, on valid, boundary, mutated and random text, read
 * from the middle of a larger buffer (as from the parser's) so that nothing outside the token is
 * looked at.
 */
class StrictReadingProperties {
  private static final Pattern INSTANT = Pattern.compile(StrictReading.INSTANT_TEXT);
  private static final Pattern DATE = Pattern.compile(StrictReading.DATE_TEXT);
  private static final Pattern TIME = Pattern.compile(StrictReading.TIME_TEXT);

  /** The reference: the readers as they were (regular expression, then the JDK's formatter). */
  static <T> T reference(String s, Pattern form, Function<String, T> parse) {
    if (!form.matcher(s).matches()) {
      return null;
    }
    try {
      return parse.apply(s);
    } catch (DateTimeException e) {
      return null;
    }
  }

  static Instant referenceInstant(String s) {
    return reference(s, INSTANT, x -> OffsetDateTime.parse(x, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
  }

  static LocalDate referenceDate(String s) {
    return reference(s, DATE, x -> LocalDate.parse(x, DateTimeFormatter.ISO_LOCAL_DATE));
  }

  static LocalTime referenceTime(String s) {
    return reference(s, TIME, x -> LocalTime.parse(x, DateTimeFormatter.ISO_LOCAL_TIME));
  }

  /** {@code s} inside a buffer, between {@code before} and {@code after}, read from there. */
  static <T> T inBuffer(String before, String s, String after, Reader<T> reader) {
    char[] buffer = (before + s + after).toCharArray();
    return reader.read(buffer, before.length(), s.length());
  }

  interface Reader<T> {
    T read(char[] c, int off, int len);
  }

  static void assertSame(String s, String before, String after) {
    assertThat(inBuffer(before, s, after, StrictReading::instant)).as("instant %s", s).isEqualTo(referenceInstant(s));
    assertThat(inBuffer(before, s, after, StrictReading::date)).as("date %s", s).isEqualTo(referenceDate(s));
    assertThat(inBuffer(before, s, after, StrictReading::time)).as("time %s", s).isEqualTo(referenceTime(s));
  }

  @Example
  void boundariesAndKnownTraps() {
    String[] cases = {
      "2024-04-15T13:30:00Z", "2024-04-15T13:30Z", "2024-04-15T09:30:00-04:00", "2024-04-15T09:30-04:00",
      "2024-04-15T13:30:00.5Z", "2024-04-15T13:30:00.123456789Z", "2024-04-15T13:30:00.1234567890Z",
      "2024-04-15T13:30:00.Z", "2024-04-15T13:30.5Z", "2024-04-15T13:30:00", "2024-04-15T13:30:00+0400",
      "2024-04-15T13:30:00+04", "2024-04-15T13:30:00z", "2024-04-15t13:30:00Z", "2024-04-15 13:30:00Z",
      "2024-04-15T24:00:00Z", "2024-04-15T23:60:00Z", "2024-04-15T23:59:60Z", "2024-04-15T23:59:59Z",
      "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
      "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-01-00T00:00:00Z",
      "0000-01-01T00:00:00Z", "0000-02-29T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "-2024-04-15T00:00:00Z",
      "+2024-04-15T00:00:00Z", "12024-04-15T00:00:00Z", "2024-04-15T00:00:00+18:00", "2024-04-15T00:00:00-18:00",
      "2024-04-15T00:00:00+18:01", "2024-04-15T00:00:00+19:00", "2024-04-15T00:00:00+23:59", "2024-04-15T00:00:00+24:00",
      "2024-04-15T00:00:00+01:60", "2024-04-15T00:00:00-00:00", "2024-04-15T00:00:00+00:00", "1969-12-31T23:59:59.9Z",
      "1899-12-31T23:59:59Z", "2100-12-31T20:00:00-05:00", " 2024-04-15T13:30:00Z", "2024-04-15T13:30:00Z ",
      "２０２４-04-15T13:30:00Z", "2024-04-15T13:30:00\u0000", "", "Z", "2024", "2024-04-15", "2024-4-15",
      "2024-04-15T", "1900-01-01", "2100-12-31", "2101-01-01", "0000-01-01", "9999-12-31", "2024-02-30",
      "2023-02-29", "2024-02-29", "2024-06-31", "2024-06-30", "24-06-30", "2024/06/30", "2024-06-30Z",
      "09:00", "09:00:00", "23:59:59", "24:00", "23:60", "00:00:60", "9:00", "09:0", "09:00:0", "09:00:00.5",
      "09:00Z", "0900", "09-00", "  :  ", "::", "0:0:0:", "99:99:99"};
    for (String s : cases) {
      assertSame(s, "", "");
      assertSame(s, "x\"", "\"0:00-12:00Z");
      assertSame(s, "2024-04-15T", ":00.123+01:00");
    }
  }

  @Provide
  Arbitrary<String> timeLike() {
    Arbitrary<String> valid = Combinators.combine(
        Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L), // 0000-01-01 to 9999-12-31
        Arbitraries.integers().between(0, 999_999_999),
        Arbitraries.integers().between(-18 * 60, 18 * 60),
        Arbitraries.integers().between(0, 4))
        .as((seconds, nanos, offsetMinutes, form) -> {
          Instant at = Instant.ofEpochSecond(seconds, nanos);
          java.time.ZoneOffset offset = java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
          return switch (form) {
            case 0 -> at.toString();
            case 1 -> OffsetDateTime.ofInstant(at, offset).toString();
            case 2 -> OffsetDateTime.ofInstant(at, offset).toLocalDate().toString();
            case 3 -> OffsetDateTime.ofInstant(at, offset).toLocalTime().withNano(0).toString();
            default -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(at, offset));
          };
        });
    // then mutated: characters replaced, inserted or dropped, from an alphabet of the grammar's own
    Arbitrary<Character> alphabet = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', 'Z', '+', '.', 'z', ' ', '6', '4');
    return valid.flatMap(s -> Arbitraries.integers().between(0, 3).flatMap(edits ->
        Combinators.combine(
            Arbitraries.integers().between(0, Math.max(0, s.length() - 1)).list().ofSize(edits),
            alphabet.list().ofSize(edits),
            Arbitraries.integers().between(0, 2).list().ofSize(edits))
            .as((where, what, how) -> {
              StringBuilder b = new StringBuilder(s);
              for (int i = 0; i < where.size(); i++) {
                int at = Math.min(where.get(i), b.length() - 1);
                if (at < 0) {
                  b.append(what.get(i));
                } else if (how.get(i) == 0) {
                  b.setCharAt(at, what.get(i));
                } else if (how.get(i) == 1) {
                  b.insert(at, what.get(i));
                } else {
                  b.deleteCharAt(at);
                }
              }
              return b.toString();
            })));
  }

  @Property(tries = 3000)
  void mutatedDatesTimesAndInstantsAreReadAsTheReferenceReadsThem(@ForAll("timeLike") String s) {
    assertSame(s, "", "");
    assertSame(s, "\"", "0Z\"");
  }

  @Property(tries = 1000)
  void randomTextOfTheGrammarsCharactersIsReadAsTheReferenceReadsIt(
      @ForAll("grammarText") String s) {
    assertSame(s, "", "");
  }

  @Provide
  Arbitrary<String> grammarText() {
    return Arbitraries.strings().withChars("0123456789-:TZ+.").ofMinLength(0).ofMaxLength(36);
  }

  @Example
  void theReaderIsUsedForEveryInstantDateAndTimeAndReportsAsBefore() {
    ModelValidator validator = ModelValidator.create();
    String good = "{\"id\":\"P-1\",\"name\":\"N\",\"capacityUpdates\":[\"2024-02-29\"],"
        + "\"locations\":[{\"id\":\"L\",\"inMassachusetts\":true,\"hours\":[{\"day\":\"MONDAY\",\"opens\":\"09:00\",\"closes\":\"17:00:00\"}]}]}";
    assertThat(validator.parse(good, Program.class).violations()).isEmpty();
    assertThat(validator.parse(good.replace("2024-02-29", "2023-02-29"), Program.class).violations())
        .containsExactly(Violation.of("$.capacityUpdates[0]", "must be an ISO-8601 date, e.g. 2024-04-15"));
    assertThat(validator.parse(good.replace("17:00:00", "24:00"), Program.class).violations())
        .containsExactly(Violation.of("$.locations[0].hours[0].closes", "must be a time of day, e.g. 09:00"));
    assertThat(validator.parse(good.replace("MONDAY", "MONDAYS"), Program.class).violations())
        .containsExactly(Violation.of("$.locations[0].hours[0].day", "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"));
  }
}
