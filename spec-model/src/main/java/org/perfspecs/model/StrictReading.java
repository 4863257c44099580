package org.perfspecs.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The model's strict scalar reading, registered by {@link ModelJson} after Jackson's own modules
 * (so these deserializers win). Each accepts exactly one JSON token kind and one text form, with
 * no trimming, no coercion and no numeric or array forms:
 *
 * <table>
 *   <caption>What each scalar accepts</caption>
 *   <tr><th>Java type</th><th>JSON token</th><th>text (regular expression, whole string)</th></tr>
 *   <tr><td>{@code Instant}</td><td>string</td>
 *       <td>{@value #INSTANT_TEXT}, then a valid ISO-8601 date-time with that offset</td></tr>
 *   <tr><td>{@code LocalDate}</td><td>string</td><td>{@value #DATE_TEXT}, then a valid date</td></tr>
 *   <tr><td>{@code LocalTime}</td><td>string</td><td>{@value #TIME_TEXT}, then a valid time</td></tr>
 *   <tr><td>an enum</td><td>string</td><td>exactly one constant's name (case-sensitive)</td></tr>
 *   <tr><td>{@code String}</td><td>string</td><td>any text without an unpaired surrogate</td></tr>
 * </table>
 *
 * <p>A number ({@code 1713187800}, {@code -1}, {@code 1e400}), an array ({@code []}, {@code
 * [2024,5,1]}), an object or a boolean where one of these is expected is a wrong type; a string
 * with surrounding spaces or control characters is a wrong format. {@code null} is "absent" for an
 * optional value and "missing" for a required one, as before. The plausible range of instants and
 * dates (years 1900 to 2100) is not checked here but by the {@link Plausible} constraint, so that
 * values built in code are held to it too.
 *
 * <p>The readers work on the parser's characters ({@link JsonParser#getTextCharacters()}), digit by
 * digit, with no regular expression, no {@code DateTimeFormatter} and no string: they accept
 * exactly what the regular expressions above followed by {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME},
 * {@code ISO_LOCAL_DATE} and {@code ISO_LOCAL_TIME} (strict resolution) accept, and a test compares
 * them with that reference on valid, invalid and random text. A string is made only for the
 * error, as before.
 */
final class StrictReading {
  static final String INSTANT_TEXT =
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})";
  static final String DATE_TEXT = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
  static final String TIME_TEXT = "[0-9]{2}:[0-9]{2}(:[0-9]{2})?";

  static final String NOT_AN_INSTANT = "not an ISO-8601 date-time with an offset";
  static final String NOT_A_DATE = "not an ISO-8601 date";
  static final String NOT_A_TIME = "not a time of day";

  /** Days from 0000-01-01 to 1970-01-01, as in {@code LocalDate}. */
  private static final long DAYS_0000_TO_1970 = 719_528L;
  /** The largest offset {@code ZoneOffset} allows, in seconds (18 hours). */
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private StrictReading() {}

  /** The module: strict instants, dates, times, enums and strings. */
  static SimpleModule module() {
    SimpleModule m = new SimpleModule("perfspecs-strict");
    m.addDeserializer(Instant.class, new InstantReader());
    m.addDeserializer(LocalDate.class, new DateReader());
    m.addDeserializer(LocalTime.class, new TimeReader());
    m.addDeserializer(String.class, new TextReader());
    m.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
          BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return new EnumReader(type.getRawClass());
      }
    });
    return m;
  }

  /** The text of a string token, or a "wrong type" failure for any other token. */
  private static String text(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return (String) ctxt.handleUnexpectedToken(type, p);
    }
    return p.getText();
  }

  /** Fails with "wrong type" unless the current token is a string. */
  private static void requireString(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      ctxt.handleUnexpectedToken(type, p);
    }
  }

  /** An {@link Instant} from {@value #INSTANT_TEXT} text. */
  private static final class InstantReader extends StdScalarDeserializer<Instant> {
    InstantReader() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      requireString(p, ctxt, Instant.class);
      char[] chars = p.getTextCharacters();
      Instant value = instant(chars, p.getTextOffset(), p.getTextLength());
      if (value == null) {
        throw ctxt.weirdStringException(p.getText(), Instant.class, NOT_AN_INSTANT);
      }
      return value;
    }
  }

  /** A {@link LocalDate} from {@value #DATE_TEXT} text. */
  private static final class DateReader extends StdScalarDeserializer<LocalDate> {
    DateReader() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      requireString(p, ctxt, LocalDate.class);
      char[] chars = p.getTextCharacters();
      LocalDate value = date(chars, p.getTextOffset(), p.getTextLength());
      if (value == null) {
        throw ctxt.weirdStringException(p.getText(), LocalDate.class, NOT_A_DATE);
      }
      return value;
    }
  }

  /** A {@link LocalTime} from {@value #TIME_TEXT} text. */
  private static final class TimeReader extends StdScalarDeserializer<LocalTime> {
    TimeReader() {
      super(LocalTime.class);
    }

    @Override
    public LocalTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      requireString(p, ctxt, LocalTime.class);
      char[] chars = p.getTextCharacters();
      LocalTime value = time(chars, p.getTextOffset(), p.getTextLength());
      if (value == null) {
        throw ctxt.weirdStringException(p.getText(), LocalTime.class, NOT_A_TIME);
      }
      return value;
    }
  }

  /**
   * The instant written in {@code c[off, off + len)}: {@value #INSTANT_TEXT}, a valid date and time
   * of day (strictly: no 24:00, no leap second, no February 30) and an offset of at most 18 hours;
   * null otherwise.
   */
  static Instant instant(char[] c, int off, int len) {
    int end = off + len;
    if (len < 17) { // 2024-04-15T13:30Z
      return null;
    }
    long epochDay = epochDay(c, off);
    if (epochDay == Long.MIN_VALUE || c[off + 10] != 'T') {
      return null;
    }
    int hour = twoDigits(c, off + 11);
    int minute = twoDigits(c, off + 14);
    if (hour < 0 || c[off + 13] != ':' || minute < 0 || hour > 23 || minute > 59) {
      return null;
    }
    int i = off + 16;
    int second = 0;
    int nano = 0;
    if (c[i] == ':') {
      if (i + 3 > end) {
        return null;
      }
      second = twoDigits(c, i + 1);
      if (second < 0 || second > 59) {
        return null;
      }
      i += 3;
      if (i < end && c[i] == '.') {
        i++;
        int digits = 0;
        while (i < end && isDigit(c[i])) {
          if (++digits > 9) {
            return null;
          }
          nano = nano * 10 + (c[i] - '0');
          i++;
        }
        if (digits == 0) {
          return null;
        }
        for (int k = digits; k < 9; k++) {
          nano *= 10;
        }
      }
    }
    int offsetSeconds;
    if (i + 1 == end && c[i] == 'Z') {
      offsetSeconds = 0;
    } else if (i + 6 == end && (c[i] == '+' || c[i] == '-') && c[i + 3] == ':') {
      int hours = twoDigits(c, i + 1);
      int minutes = twoDigits(c, i + 4);
      if (hours < 0 || minutes < 0 || minutes > 59) {
        return null;
      }
      offsetSeconds = hours * 3600 + minutes * 60;
      if (offsetSeconds > MAX_OFFSET_SECONDS) {
        return null;
      }
      if (c[i] == '-') {
        offsetSeconds = -offsetSeconds;
      }
    } else {
      return null;
    }
    long seconds = epochDay * 86_400L + hour * 3600 + minute * 60 + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nano);
  }

  /** The date written in {@code c[off, off + len)}: {@value #DATE_TEXT} and a valid date; null otherwise. */
  static LocalDate date(char[] c, int off, int len) {
    if (len != 10) {
      return null;
    }
    long epochDay = epochDay(c, off);
    return epochDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(epochDay);
  }

  /** The time written in {@code c[off, off + len)}: {@value #TIME_TEXT} and a valid time of day; null otherwise. */
  static LocalTime time(char[] c, int off, int len) {
    if (len != 5 && len != 8) {
      return null;
    }
    int hour = twoDigits(c, off);
    int minute = twoDigits(c, off + 3);
    if (hour < 0 || c[off + 2] != ':' || minute < 0 || hour > 23 || minute > 59) {
      return null;
    }
    int second = 0;
    if (len == 8) {
      second = twoDigits(c, off + 6);
      if (c[off + 5] != ':' || second < 0 || second > 59) {
        return null;
      }
    }
    return LocalTime.of(hour, minute, second);
  }

  /**
   * The epoch day of the {@code yyyy-MM-dd} date at {@code c[off]} (ten characters, which the
   * caller has checked are there), or {@code Long.MIN_VALUE} when it is not of that form or not a
   * valid date (as {@code LocalDate.toEpochDay}).
   */
  private static long epochDay(char[] c, int off) {
    int hi = twoDigits(c, off);
    int lo = twoDigits(c, off + 2);
    int month = twoDigits(c, off + 5);
    int day = twoDigits(c, off + 8);
    if (hi < 0 || lo < 0 || month < 0 || day < 0 || c[off + 4] != '-' || c[off + 7] != '-'
        || month < 1 || month > 12 || day < 1) {
      return Long.MIN_VALUE;
    }
    int year = hi * 100 + lo;
    boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    int length = switch (month) {
      case 2 -> leap ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
    if (day > length) {
      return Long.MIN_VALUE;
    }
    long y = year;
    long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!leap) {
        total--;
      }
    }
    return total - DAYS_0000_TO_1970;
  }

  /** The two ASCII digits at {@code c[i]} as a number, or -1. */
  private static int twoDigits(char[] c, int i) {
    char a = c[i];
    char b = c[i + 1];
    return isDigit(a) && isDigit(b) ? (a - '0') * 10 + (b - '0') : -1;
  }

  private static boolean isDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  /** Strings as they are, refusing unpaired surrogates (which no encoding can write back). */
  private static final class TextReader extends StdScalarDeserializer<String> {
    TextReader() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = text(p, ctxt, String.class);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw ctxt.weirdStringException("", String.class, UNPAIRED_SURROGATE);
        }
      }
      return s;
    }
  }

  static final String UNPAIRED_SURROGATE = "unpaired surrogate";

  /**
   * An enum constant by its exact name; nothing trimmed, no index, no case folding. Matched on the
   * parser's characters (hash, then every character), without making a string.
   */
  static final class EnumReader extends StdScalarDeserializer<Object> {
    private final Object[] constants;
    private final char[][] names;
    private final int[] hashes;

    EnumReader(Class<?> type) {
      super(type);
      constants = type.getEnumConstants();
      names = new char[constants.length][];
      hashes = new int[constants.length];
      for (int i = 0; i < constants.length; i++) {
        String name = ((Enum<?>) constants[i]).name();
        names[i] = name.toCharArray();
        hashes[i] = name.hashCode();
      }
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      requireString(p, ctxt, handledType());
      char[] c = p.getTextCharacters();
      int off = p.getTextOffset();
      int len = p.getTextLength();
      Object value = lookUp(c, off, len);
      if (value == null) {
        throw ctxt.weirdStringException(p.getText(), handledType(), "not one of the codes");
      }
      return value;
    }

    /** The constant named by {@code c[off, off + len)}, or null. */
    Object lookUp(char[] c, int off, int len) {
      int hash = 0;
      for (int i = off, end = off + len; i < end; i++) {
        hash = 31 * hash + c[i];
      }
      for (int k = 0; k < names.length; k++) {
        if (hashes[k] == hash && java.util.Arrays.equals(names[k], 0, names[k].length, c, off, off + len)) {
          return constants[k];
        }
      }
      return null;
    }
  }
}
