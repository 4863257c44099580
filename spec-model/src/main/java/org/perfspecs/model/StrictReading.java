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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

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
 */
final class StrictReading {
  static final String INSTANT_TEXT =
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})";
  static final String DATE_TEXT = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
  static final String TIME_TEXT = "[0-9]{2}:[0-9]{2}(:[0-9]{2})?";

  private static final Pattern INSTANT = Pattern.compile(INSTANT_TEXT);
  private static final Pattern DATE = Pattern.compile(DATE_TEXT);
  private static final Pattern TIME = Pattern.compile(TIME_TEXT);

  private StrictReading() {}

  /** The module: strict instants, dates, times, enums and strings. */
  static SimpleModule module() {
    SimpleModule m = new SimpleModule("perfspecs-strict");
    m.addDeserializer(Instant.class, new FormReader<>(Instant.class, INSTANT,
        s -> OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
        "not an ISO-8601 date-time with an offset"));
    m.addDeserializer(LocalDate.class, new FormReader<>(LocalDate.class, DATE,
        s -> LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE), "not an ISO-8601 date"));
    m.addDeserializer(LocalTime.class, new FormReader<>(LocalTime.class, TIME,
        s -> LocalTime.parse(s, DateTimeFormatter.ISO_LOCAL_TIME), "not a time of day"));
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

  /** A value from a string of one form: {@code form} must match the whole text, then {@code parse} must accept it. */
  private static final class FormReader<T> extends StdScalarDeserializer<T> {
    private final Pattern form;
    private final java.util.function.Function<String, T> parse;
    private final String failure;

    FormReader(Class<T> type, Pattern form, java.util.function.Function<String, T> parse, String failure) {
      super(type);
      this.form = form;
      this.parse = parse;
      this.failure = failure;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = text(p, ctxt, handledType());
      if (form.matcher(s).matches()) {
        try {
          return parse.apply(s);
        } catch (DateTimeException e) {
          // falls through: the right form, but no such date or time
        }
      }
      throw ctxt.weirdStringException(s, handledType(), failure);
    }
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

  /** An enum constant by its exact name; nothing trimmed, no index, no case folding. */
  private static final class EnumReader extends StdScalarDeserializer<Object> {
    private final Map<String, Object> byName = new HashMap<>();

    EnumReader(Class<?> type) {
      super(type);
      for (Object c : type.getEnumConstants()) {
        byName.put(((Enum<?>) c).name(), c);
      }
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = text(p, ctxt, handledType());
      Object value = byName.get(s);
      if (value == null) {
        throw ctxt.weirdStringException(s, handledType(), "not one of the codes");
      }
      return value;
    }
  }
}
