package org.perfspecs.model;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.google.common.collect.ImmutableList;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.ValueExtractor;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.hibernate.validator.spi.properties.ConstrainableExecutable;
import org.hibernate.validator.spi.properties.GetterPropertySelectionStrategy;

/**
 * The boundary of the library: reads untrusted JSON into model objects, and validates model
 * objects, reporting every problem as a {@link Violation} with a JSON path and a message that never
 * echoes a value.
 *
 * <p>Three kinds of problem are reported: the JSON is malformed or has the wrong shape (unknown
 * property, unknown code, wrong type, missing required property); a cross-field invariant is broken
 * ({@link ModelInvariantException}, e.g. discharge before admission); a single-field Bean
 * Validation constraint fails (blank id, negative minutes), or the member's date of birth is after
 * a dated fact of the record (the admission, a contact, ...). Model objects are valid by
 * construction: their builders enforce the same rules and throw {@link ModelInvariantException}
 * naming the same path and message, so {@link #validate} finds nothing in an object built in code
 * and {@link #parse} reports every single-field violation of a document at once. Instances are
 * immutable and thread-safe; create one and share it.
 *
 * <p>The single-field rules are declared once, as Bean Validation annotations on the model. {@link
 * #create()} checks them with a walk planned from those annotations ({@code ConstraintPlan} in the
 * sources); {@link #hibernate()} hands every value to Hibernate Validator, the reference. Both give
 * the same violations, as tests check on valid and mutated values of every model type. Likewise
 * {@link #create()}'s {@link #parse} binds a document's tokens straight into the model's builders
 * ({@code FastBinding} in the sources) and leaves to Jackson databind ({@link ModelJson#reader},
 * the reference binding, which {@link #hibernate()} always uses) only the documents that path does
 * not accept as they are; the values and violations are the same either way.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelValidator {
  private static final Pattern MISSING = Pattern.compile("required attributes are not set \\[([^\\]]*)\\]");

  /**
   * What a path shows for a property name that is not one of the model's: a name read from the
   * input is input too, and may be member data ("Jordan Quill", or a value left where a name
   * belongs).
   */
  static final String UNKNOWN = "<unknown>";

  /**
   * The message of a record that could not be read because of a bug in the reader (an unexpected
   * exception); the record is rejected, never a crash. It starts every such message.
   *
   * @since 0.2
   */
  public static final String INTERNAL_ERROR = "cannot be read: internal error";

  /** Every property name of the model (from its JSON Schemas): the only names a path shows. */
  private static final java.util.Set<String> KNOWN_NAMES = knownNames();

  /**
   * Hibernate Validator announces its version ({@code HV000001}) at INFO when it first starts, which
   * a library should not print into its user's log. It logs through JBoss Logging, which uses
   * java.util.logging unless the application has another backend (Log4j 2, SLF4J, ...). The only
   * change made here: that one logger ({@code org.hibernate.validator.internal.util.Version}) is
   * set to WARNING, and only when nothing set its level before; every other logger, handler and
   * level of the application stays as it is, and an application that wants the line sets that
   * logger's level itself (before first use) or configures it in its backend. Held strongly: JUL
   * keeps loggers weakly, and a collected logger would lose its level.
   */
  private static final java.util.logging.Logger VERSION_LOG = quietVersionLog();

  /**
   * Whether this instance binds with Jackson databind and validates with Hibernate Validator (the
   * references) rather than with {@code FastBinding} and {@link ConstraintPlan}.
   */
  private final boolean reference;

  static java.util.logging.Logger quietVersionLog() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version");
    if (logger.getLevel() == null) {
      logger.setLevel(java.util.logging.Level.WARNING);
    }
    return logger;
  }

  private ModelValidator(boolean reference) {
    this.reference = reference;
  }

  /**
   * The default validator: English messages, no value interpolated, and the model's Bean Validation
   * annotations checked without a Bean Validation provider, by a walk planned once per model type
   * from those annotations. It reports exactly the violations (paths, messages, order) that {@link
   * #hibernate()} reports for the same value, at under a tenth of the cost (BENCHMARKS.md, issue
   * 19, "Binding and validation"). A value that is not of a model type (or, should one ever carry a
   * constraint the fast walk does not know, of such a type) is validated by Hibernate Validator.
   * Its {@link #parse} binds the model's types without Jackson databind where the document allows
   * (the same value, or the same violations, as {@link #hibernate()}'s; BENCHMARKS.md, issue 19,
   * "Binding, second pass").
   */
  public static ModelValidator create() {
    return new ModelValidator(false);
  }

  /**
   * The reference validator: every value is validated by Hibernate Validator (Bean Validation 3),
   * configured as {@link #create()} promises (English messages, no expression language, plain
   * accessors as properties, constraints on an {@code Optional}'s content only when it is present).
   * Same answers as {@link #create()}, more slowly; for tests and for comparing with another Bean
   * Validation provider. Its {@link #parse} binds every document with Jackson databind ({@link
   * ModelJson#reader}), the reference binding.
   *
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static ModelValidator hibernate() {
    return new ModelValidator(true);
  }

  /** Hibernate Validator, configured once, started on first use. */
  private static final class Reference {
    static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .defaultLocale(Locale.ENGLISH)
        .getterPropertySelectionStrategy(new PlainAccessors())
        .addValueExtractor(new PresentOptionalValue())
        .buildValidatorFactory()
        .getValidator();
  }

  /** The Hibernate Validator instance behind {@link #hibernate()}, for tests that read its metadata. */
  static Validator referenceValidator() {
    return Reference.VALIDATOR;
  }

  private static final Comparator<Violation> ORDER =
      Comparator.comparing(Violation::path).thenComparing(Violation::message);

  /**
   * Bean Validation of a model object built in code.
   *
   * @return violations sorted by path, then message; empty when valid
   * @throws IllegalArgumentException if {@code value} is null
   */
  public List<Violation> validate(Object value) {
    if (!reference && value != null && ConstraintPlan.supports(value.getClass())) {
      List<Violation> found;
      try {
        found = ConstraintPlan.validate(value);
      } catch (ConstraintPlan.Unsupported e) {
        return validateWithHibernate(value);
      }
      if (found == null) {
        return ImmutableList.of();
      }
      found.sort(ORDER);
      return ImmutableList.copyOf(found);
    }
    return validateWithHibernate(value);
  }

  private static List<Violation> validateWithHibernate(Object value) {
    List<Violation> out = new ArrayList<>();
    for (ConstraintViolation<Object> v : Reference.VALIDATOR.validate(value)) {
      out.add(Violation.of(jsonPath(v.getPropertyPath()), v.getMessage()));
    }
    out.sort(ORDER);
    return ImmutableList.copyOf(out);
  }

  /**
   * Reads {@code json} as a {@code type} and validates it.
   *
   * @return the value, or the violations that reject it (never both)
   */
  public <T> Validated<T> parse(String json, Class<T> type) {
    if (!reference) {
      T bound = FastBinding.read(json, type);
      if (bound != null) {
        return validated(bound);
      }
    }
    T value;
    try {
      value = ModelJson.reader(type).readValue(json);
    } catch (IOException e) {
      List<Violation> first = fromJackson(e);
      if (e instanceof ValueInstantiationException && e.getCause() instanceof ModelInvariantException) {
        // build() stops at the first broken rule; list every single-field one, as Bean Validation does
        List<Violation> all = everyRuleViolation(json, type);
        if (!all.isEmpty()) {
          return Validated.rejected(all);
        }
      }
      return Validated.rejected(first);
    } catch (RuntimeException e) {
      // not expected: Jackson reports bad input as IOExceptions; still a rejection, never a crash
      return Validated.rejected(List.of(Violation.of("$", INTERNAL_ERROR + " (" + e.getClass().getSimpleName() + ")")));
    }
    if (value == null) {
      return Validated.rejected(List.of(Violation.of("$", "must be a JSON object, not null")));
    }
    List<Violation> violations = validate(value);
    return violations.isEmpty() ? Validated.valid(value) : Validated.rejected(violations);
  }

  /**
   * Reads {@code json}, the UTF-8 bytes of one JSON document, as a {@code type} and validates it:
   * the same result as {@link #parse(String, Class)} with the decoded text, without making that
   * text when the bytes are ASCII (the usual case: Jackson reads the bytes themselves). Bytes that
   * are not well-formed UTF-8 are rejected ({@code $}: "is not UTF-8 text").
   *
   * @return the value, or the violations that reject it (never both)
   * @since 0.3
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public <T> Validated<T> parse(byte[] json, Class<T> type) {
    if (!isAscii(json)) {
      String text;
      try {
        text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(json))
            .toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        return Validated.rejected(List.of(Violation.of("$", NOT_UTF_8)));
      }
      return parse(text, type);
    }
    if (!reference) {
      T bound = FastBinding.read(json, type);
      if (bound != null) {
        return validated(bound);
      }
    }
    T value;
    try {
      value = ModelJson.reader(type).readValue(json);
    } catch (IOException | RuntimeException e) {
      // rejected: read again as text, so that every message (and column) is the one parse(String) gives
      return parse(new String(json, java.nio.charset.StandardCharsets.ISO_8859_1), type);
    }
    if (value == null) {
      return parse(new String(json, java.nio.charset.StandardCharsets.ISO_8859_1), type);
    }
    List<Violation> violations = validate(value);
    return violations.isEmpty() ? Validated.valid(value) : Validated.rejected(violations);
  }

  private <T> Validated<T> validated(T value) {
    List<Violation> violations = validate(value);
    return violations.isEmpty() ? Validated.valid(value) : Validated.rejected(violations);
  }

  /** The message of a document whose bytes are not well-formed UTF-8. */
  static final String NOT_UTF_8 = "is not UTF-8 text";

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Re-reads a document that a model rule rejected with the single-field and record-wide rules
   * ({@link ModelRules}) suspended, and returns every violation of them; empty when the document
   * breaks something else too (a cross-field invariant), whose first violation then stands alone.
   */
  private <T> List<Violation> everyRuleViolation(String json, Class<T> type) {
    T unchecked;
    try {
      unchecked = ModelRules.unchecked(() -> ModelJson.reader(type).readValue(json));
    } catch (Exception e) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>(validate(unchecked));
    boolean implausibleDate = out.stream().anyMatch(v -> v.message().equals(ModelRules.PLAUSIBLE));
    // a date out of the plausible range is reported already; comparing the birth date with it says nothing more
    if (unchecked instanceof CaseRecord record && !implausibleDate) {
      try {
        ModelRules.checkDateOfBirth(record);
      } catch (ModelInvariantException broken) {
        out.add(Violation.of("$." + broken.property(), broken.rule()));
      }
    }
    out.sort(ORDER);
    return ImmutableList.copyOf(out);
  }

  /** Turns a Jackson read failure into violations with JSON paths and value-free messages. */
  static List<Violation> fromJackson(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException sce) {
        return List.of(Violation.of(e instanceof JsonMappingException jme ? jsonPath(jme.getPath()) : "$",
            limitExceeded(sce)));
      }
    }
    if (e instanceof JsonMappingException && e.getCause() instanceof JsonParseException parse) {
      // a syntax error inside a property: Jackson wraps it; report the parser's position instead
      return malformed(parse);
    }
    if (e instanceof ValueInstantiationException vie) {
      String path = jsonPath(vie.getPath());
      Throwable cause = vie.getCause();
      if (cause instanceof ModelInvariantException inv) {
        return List.of(Violation.of(path + "." + inv.property(), inv.rule()));
      }
      if (cause != null && cause.getMessage() != null) {
        Matcher m = MISSING.matcher(cause.getMessage());
        if (m.find()) {
          return Arrays.stream(m.group(1).split(",\\s*"))
              .map(attribute -> Violation.of(path + "." + attribute, "is required"))
              .collect(ImmutableList.toImmutableList());
        }
      }
      return List.of(Violation.of(path, "cannot be constructed: "
          + (cause == null ? "invalid value" : cause.getClass().getSimpleName())));
    }
    if (e instanceof UnrecognizedPropertyException upe) {
      // the name itself is shown only when it is a name of the model (misplaced, not misspelt)
      String path = jsonPath(upe.getPath());
      return List.of(Violation.of(path, "is not a known property"
          + knownProperties(upe.getKnownPropertyIds())));
    }
    if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
      return List.of(Violation.of("$", "has a number out of range"));
    }
    if (e instanceof JsonMappingException jme && jme.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
      return List.of(Violation.of(jsonPath(jme.getPath()), "is a number out of range"));
    }
    if (e instanceof InvalidFormatException ife && ife.getTargetType() == String.class) {
      return List.of(Violation.of(jsonPath(ife.getPath()), "is not valid Unicode text: it has an unpaired surrogate"));
    }
    if (e instanceof InvalidFormatException ife) {
      return List.of(Violation.of(jsonPath(ife.getPath()), expected(ife.getTargetType())));
    }
    if (e instanceof MismatchedInputException mie) {
      String path = jsonPath(mie.getPath());
      String message = mie.getOriginalMessage();
      if (message != null && message.contains("Trailing token")) {
        return List.of(Violation.of("$", "has content after the end of the JSON value"));
      }
      if (message != null && message.contains("No content to map")) {
        return List.of(Violation.of("$", "is empty: expected a JSON object"));
      }
      return List.of(Violation.of(path, expected(mie.getTargetType())));
    }
    if (e instanceof JsonMappingException jme) {
      return List.of(Violation.of(jsonPath(jme.getPath()), "has an invalid value"));
    }
    if (e instanceof JsonProcessingException jpe) {
      return malformed(jpe);
    }
    return List.of(Violation.of("$", "cannot be read: " + e.getClass().getSimpleName()));
  }

  /** Which limit of {@link ModelJson} was exceeded, with the limit (never the value). */
  static String limitExceeded(StreamConstraintsException e) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (m.contains("getMaxNestingDepth")) {
      return "is nested deeper than " + ModelJson.MAX_NESTING_DEPTH + " levels of arrays and objects";
    }
    if (m.contains("getMaxNumberLength")) {
      return "has a number longer than " + ModelJson.MAX_NUMBER_LENGTH + " characters";
    }
    if (m.contains("getMaxStringLength")) {
      return "has a string longer than " + ModelJson.MAX_STRING_LENGTH + " characters";
    }
    if (m.contains("getMaxNameLength")) {
      return "has a property name longer than " + StreamReadConstraints.DEFAULT_MAX_NAME_LEN + " characters";
    }
    return "exceeds a limit of the JSON reader";
  }

  /** A syntax error: where the parser was, and whether the input ended early. */
  private static List<Violation> malformed(JsonProcessingException jpe) {
    String path = "$";
    if (jpe.getProcessor() instanceof JsonParser parser) {
      path = jsonPath(parser.getParsingContext());
    }
    String where = jpe.getLocation() == null ? ""
        : " (column " + jpe.getLocation().getColumnNr() + ")";
    String original = jpe.getOriginalMessage() == null ? "" : jpe.getOriginalMessage();
    String what = original.startsWith("Unexpected end-of-input")
        ? "is truncated: the JSON ends before the value is complete"
        : original.startsWith("Duplicate field")
        ? "is a duplicate property" : "is not well-formed JSON";
    return List.of(Violation.of(path, what + where));
  }

  private static String knownProperties(Collection<Object> known) {
    if (known == null || known.isEmpty()) {
      return "";
    }
    return "; known properties: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  /** "must be ..." for a target type, naming allowed codes for enums and formats for time types. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type.isEnum()) {
      return "must be one of " + Arrays.stream(type.getEnumConstants())
          .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }
    if (type == Instant.class) {
      return "must be an ISO-8601 date-time with an offset, e.g. 2024-04-15T09:30:00-04:00";
    }
    if (type == LocalDate.class) {
      return "must be an ISO-8601 date, e.g. 2024-04-15";
    }
    if (type == LocalTime.class) {
      return "must be a time of day, e.g. 09:00";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be an ISO-8601 " + type.getSimpleName();
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "must be an integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be an array";
    }
    if (Map.class.isAssignableFrom(type) || type.getPackageName().startsWith("org.perfspecs")) {
      return "must be a JSON object";
    }
    return "has the wrong type";
  }

  /** {@code name} when it is a property name of the model, otherwise {@value #UNKNOWN}. */
  static String shown(String name) {
    return KNOWN_NAMES.contains(name) ? name : UNKNOWN;
  }

  private static java.util.Set<String> knownNames() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String resource : List.of("schema/case-record.schema.json", "schema/program.schema.json")) {
      try (java.io.InputStream in = ModelValidator.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        collectNames(new com.fasterxml.jackson.databind.ObjectMapper().readTree(in), names);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return java.util.Set.copyOf(names);
  }

  private static void collectNames(com.fasterxml.jackson.databind.JsonNode node, java.util.Set<String> names) {
    if (node.isObject()) {
      com.fasterxml.jackson.databind.JsonNode properties = node.get("properties");
      if (properties != null && properties.isObject()) {
        properties.fieldNames().forEachRemaining(names::add);
      }
    }
    node.forEach(child -> collectNames(child, names));
  }

  static String jsonPath(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder("$");
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        b.append('.').append(shown(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  static String jsonPath(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.add("." + shown(c.getCurrentName()));
      }
    }
    StringBuilder b = new StringBuilder("$");
    for (int i = parts.size() - 1; i >= 0; i--) {
      b.append(parts.get(i));
    }
    return b.toString();
  }

  static String jsonPath(Path path) {
    StringBuilder b = new StringBuilder("$");
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          b.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          b.append('[').append(UNKNOWN).append(']');
        }
      }
      if (node.getName() != null && !node.getName().startsWith("<")) {
        b.append('.').append(shown(node.getName()));
      }
    }
    return b.toString();
  }

  /**
   * Unwraps an {@link Optional} only when it is present: an absent optional is "not recorded", so
   * constraints on its content ({@code Optional<@NotBlank String>}) apply only to a present value.
   * (The built-in extractor passes {@code null} for an empty optional, which {@code @NotBlank}
   * rejects.) Registered in the configuration, it replaces the built-in one.
   */
  private static final class PresentOptionalValue
      implements ValueExtractor<Optional<@ExtractedValue ?>> {
    @Override
    public void extractValues(Optional<?> originalValue, ValueReceiver receiver) {
      if (originalValue.isPresent()) {
        receiver.value(null, originalValue.get());
      }
    }
  }

  /** Model accessors are plain ({@code id()}), so every no-argument, non-void method is a property. */
  private static final class PlainAccessors implements GetterPropertySelectionStrategy {
    private static final java.util.Set<String> NOT_PROPERTIES =
        java.util.Set.of("hashCode", "toString", "getClass", "clone", "builder", "check");

    @Override
    public Optional<String> getProperty(ConstrainableExecutable executable) {
      if (executable.getParameterTypes().length != 0
          || executable.getReturnType() == void.class
          || NOT_PROPERTIES.contains(executable.getName())) {
        return Optional.empty();
      }
      return Optional.of(executable.getName());
    }

    @Override
    public List<String> getGetterMethodNameCandidates(String propertyName) {
      return List.of(propertyName);
    }
  }
}
