package org.perfspecs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.guava.GuavaModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * The JSON format of the model, configured once.
 *
 * <ul>
 *   <li>Instants are written as ISO-8601 in UTC ({@code 2024-04-15T13:30:00Z}) and read from any
 *       ISO-8601 offset ({@code 2024-04-15T09:30:00-04:00}); a date-time without an offset is
 *       rejected. Dates are {@code yyyy-MM-dd}; times of day are read as {@code HH:mm} or
 *       {@code HH:mm:ss} and written as {@code HH:mm:ss}. Each is a JSON string of exactly that
 *       form: no number, array, surrounding space or control character (see {@code StrictReading}
 *       in the sources for the exact grammar); enum codes are exact constant names; a string with
 *       an unpaired surrogate is refused. Instants and dates must lie in years 1900 to 2100
 *       ({@link Plausible}, checked by {@link ModelValidator}).
 *   <li>Limits ({@link StreamReadConstraints}): nesting at most {@value #MAX_NESTING_DEPTH}
 *       levels, numbers at most {@value #MAX_NUMBER_LENGTH} characters, strings at most
 *       {@value #MAX_STRING_LENGTH} characters; duplicate property names are errors.
 *   <li>Absent optional values and empty collections are omitted when writing, and may be omitted
 *       when reading.
 *   <li>Reading is strict: unknown properties, unknown enum codes, numbers for enums, strings for
 *       numbers or booleans, nulls for required primitives and trailing tokens are all errors.
 * </ul>
 *
 * <p>Use {@link ModelValidator#parse} to read untrusted input: it turns every such error into a
 * {@link Violation} with a JSON path.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelJson {
  /** The deepest nesting of arrays and objects read: {@value}. The model itself nests fewer than 8 levels. */
  public static final int MAX_NESTING_DEPTH = 64;
  /** The longest number read, in characters: {@value}. */
  public static final int MAX_NUMBER_LENGTH = 100;
  /** The longest string read, in characters: {@value} (16 Mi). */
  public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;

  private static final JsonMapper MAPPER = newMapper();

  /** One reader per type, made once (readers are immutable and thread-safe). */
  private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return MAPPER.readerFor(type);
    }
  };

  private ModelJson() {}

  /** A new mapper with the model's configuration, for callers that want to configure more. */
  public static JsonMapper newMapper() {
    return JsonMapper.builder(newFactory())
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .addModule(new GuavaModule())
        // after JavaTimeModule, so that its readers replace the lenient ones
        .addModule(StrictReading.module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .serializationInclusion(JsonInclude.Include.NON_EMPTY)
        // a null element in an array is a read error at its index, not a failed build
        .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
        // a number or a boolean where a string is expected is an error, not "5" or "true"
        .withCoercionConfig(com.fasterxml.jackson.databind.type.LogicalType.Textual, c -> c
            .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
            .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
            .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail))
        .build();
  }

  /**
   * A new factory of parsers with the model's limits ({@link StreamReadConstraints}), without
   * duplicate-name detection (the mapper turns that on; {@code FastBinding} detects duplicates
   * itself).
   */
  static JsonFactory newFactory() {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .build())
        .build();
  }

  /**
   * Reads one JSON document, the UTF-8 bytes {@code json}, as a {@code type}: the same value, or
   * the same exception, as {@code reader(type).readValue(json)}, faster for the model's types
   * (their properties are read straight from the parser's tokens into the generated builders; a
   * document that path does not accept as it is, is read again by {@link #reader}, which then
   * reports why). No validation beyond the model's build-time rules; see {@link
   * ModelValidator#parse(byte[], Class)} for untrusted input.
   *
   * @throws IOException as {@link ObjectReader#readValue(byte[])} does for this document
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static <T> T read(byte[] json, Class<T> type) throws IOException {
    T value = FastBinding.read(json, type);
    return value != null ? value : reader(type).readValue(json);
  }

  /**
   * Reads one JSON document as a {@code type}: the same value, or the same exception, as {@code
   * reader(type).readValue(json)}, faster for the model's types (as {@link #read(byte[], Class)}).
   *
   * @throws IOException as {@link ObjectReader#readValue(String)} does for this document
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static <T> T read(String json, Class<T> type) throws IOException {
    T value = FastBinding.read(json, type);
    return value != null ? value : reader(type).readValue(json);
  }

  /** A thread-safe reader of {@code type}. */
  public static ObjectReader reader(Class<?> type) {
    return READERS.get(type);
  }

  /** A thread-safe writer (compact, one line per value). */
  public static ObjectWriter writer() {
    return MAPPER.writer();
  }

  /** A thread-safe writer that indents. */
  public static ObjectWriter prettyWriter() {
    return MAPPER.writerWithDefaultPrettyPrinter();
  }

  /**
   * Writes {@code value} as one line of JSON.
   *
   * @throws UncheckedIOException if Jackson cannot write it (not expected for model types)
   */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
