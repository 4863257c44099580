package org.perfspecs.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.module.FlattenedWrapperModule;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import jakarta.validation.constraints.NotBlank;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Generates the JSON Schemas (draft 2020-12) of {@link CaseRecord} and {@link Program} from the
 * abstract model types with victools jsonschema-generator, and prints them in a stable form.
 *
 * <p>Mapping: an attribute is a plain accessor ({@code id()}) that the generated {@code
 * ImmutableX} maps to a JSON property ({@link ModelTypes#attributes}); derived methods are left
 * out. {@code Optional<T>} is flattened to {@code T} (absent = omitted, as {@link ModelJson} writes
 * it; {@code null} is not offered). Required = not optional, not a collection, not defaulted.
 * Objects forbid additional properties. Enums are string enums; {@code Instant}, {@code LocalDate}
 * and {@code LocalTime} are strings of format {@code date-time}, {@code date} and {@code time},
 * with a {@code pattern} of the exact form read (years 1900 to 2100 for instants and dates).
 * {@code @NotBlank} is {@code minLength: 1} plus {@code pattern: "\S"}; {@code @PositiveOrZero}
 * is {@code minimum: 0}. Every definition and property carries the {@code description} of the
 * model's Javadoc ({@link ModelJavadoc}); the root has a {@code $id} and a {@code title}.
 */
final class ModelSchemas {
  static final String CASE_RECORD_RESOURCE = "org/perfspecs/model/schema/case-record.schema.json";
  static final String PROGRAM_RESOURCE = "org/perfspecs/model/schema/program.schema.json";
  static final String UPDATE_PROPERTY = "perfspecs.updateSchemas";
  static final String UPDATE_COMMAND =
      "mvn -pl spec-model test -Dtest=JsonSchemaTest -Dperfspecs.updateSchemas=true";

  /** Where the published schemas live; each schema's {@code $id} is this plus its file name. */
  static final String ID_BASE =
      "https://github.com/perfspecs/perfspecs/raw/main/spec-model/src/main/resources/org/perfspecs/model/schema/";

  private static final SchemaGenerator GENERATOR = new SchemaGenerator(config());
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ModelSchemas() {}

  /** The schema of {@code type} ({@link CaseRecord} or {@link Program}), as a tree. */
  static ObjectNode generate(Class<?> type) {
    return canonical(type, GENERATOR.generateSchema(type));
  }

  /** The schema of {@code type} as the text of the checked-in file (LF line ends, final newline). */
  static String generateText(Class<?> type) {
    return print(generate(type));
  }

  static String print(JsonNode schema) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SchemaGeneratorConfig config() {
    SchemaGeneratorConfigBuilder builder =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new JacksonModule())
            .with(new NotBlankAsPattern())
            // Optional<T> as T; FLATTENED_OPTIONALS would also make every optional nullable
            .without(Option.FLATTENED_OPTIONALS)
            .with(new FlattenedWrapperModule<>(Optional.class))
            .with(Option.NONSTATIC_NONVOID_NONGETTER_METHODS,
                Option.FIELDS_DERIVED_FROM_ARGUMENTFREE_METHODS,
                Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                Option.DEFINITIONS_FOR_ALL_OBJECTS,
                Option.PLAIN_DEFINITION_KEYS,
                Option.STANDARD_FORMATS)
            .without(Option.PUBLIC_STATIC_FIELDS,
                Option.PUBLIC_NONSTATIC_FIELDS,
                Option.NONPUBLIC_NONSTATIC_FIELDS_WITH_GETTERS,
                Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS);
    builder.forFields()
        .withIgnoreCheck(field -> true);
    builder.forTypesInGeneral()
        .withDescriptionResolver(scope -> ModelJavadoc.ofType(scope.getType().getErasedType()));
    builder.forMethods()
        .withDescriptionResolver(method -> ModelJavadoc.ofAccessor(method.getRawMember()))
        .withIgnoreCheck(method -> !ModelTypes.isAttribute(method.getRawMember()))
        .withPropertyNameOverrideResolver(method -> method.getName())
        .withRequiredCheck(method -> !ModelTypes.mayBeOmitted(method.getRawMember()));
    return builder.build();
  }

  /** Years 1900 to 2100, the {@link Plausible} range, as written. */
  static final String PLAUSIBLE_YEAR = "(19[0-9]{2}|20[0-9]{2}|2100)";

  /**
   * Jakarta Bean Validation constraints, plus {@code @NotBlank} as "has a non-whitespace character",
   * and the exact text forms of {@link StrictReading} for instants, dates and times, with the
   * {@link Plausible} years.
   */
  private static final class NotBlankAsPattern extends JakartaValidationModule {
    NotBlankAsPattern() {
      // pattern resolution is only consulted with this option (the model has no @Pattern)
      super(JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS);
    }

    @Override
    protected String resolveStringPattern(MemberScope<?, ?> member) {
      String pattern = super.resolveStringPattern(member);
      Class<?> type = member.getType() == null ? null : member.getType().getErasedType();
      if (type == java.time.Instant.class) {
        return "^" + PLAUSIBLE_YEAR + StrictReading.INSTANT_TEXT.substring("[0-9]{4}".length()) + "$";
      }
      if (type == java.time.LocalDate.class) {
        return "^" + PLAUSIBLE_YEAR + StrictReading.DATE_TEXT.substring("[0-9]{4}".length()) + "$";
      }
      if (type == java.time.LocalTime.class) {
        return "^" + StrictReading.TIME_TEXT + "$";
      }
      if (pattern == null && getAnnotationFromFieldOrGetter(member, NotBlank.class, NotBlank::groups) != null) {
        return "\\S";
      }
      return pattern;
    }
  }

  /**
   * A stable form: {@code $schema}, then a {@code $comment} naming the source and how to
   * regenerate, then the rest; {@code $defs} and {@code properties} sorted by name, {@code
   * required} sorted.
   */
  private static ObjectNode canonical(Class<?> type, ObjectNode schema) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("$schema", schema.get("$schema"));
    out.put("$id", ID_BASE + (type == CaseRecord.class ? "case-record" : "program") + ".schema.json");
    out.put("title", type == CaseRecord.class ? "perfspecs case record" : "perfspecs program profile");
    out.put("$comment", "Generated from " + type.getName() + " by JsonSchemaTest (spec-model tests) with "
        + "victools jsonschema-generator; do not edit. Regenerate: " + UPDATE_COMMAND);
    conditionalRequirements(schema);
    Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      if (!e.getKey().equals("$schema")) {
        out.set(e.getKey(), sorted(e.getKey(), e.getValue()));
      }
    }
    return out;
  }

  /**
   * What the builders require by position, which one {@code Referral} definition cannot say: the
   * episode's {@code referral} (into the service) needs a {@code source}, each of its {@code
   * referralsMade} (out of it) a {@code target}.
   */
  private static void conditionalRequirements(ObjectNode schema) {
    JsonNode episode = schema.path("$defs").path("Episode").path("properties");
    if (episode.isMissingNode()) {
      return;
    }
    ((ObjectNode) episode.get("referral")).putArray("required").add("source");
    ((ObjectNode) episode.get("referralsMade").get("items")).putArray("required").add("target");
  }

  private static JsonNode sorted(String key, JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Map<String, JsonNode> children = key.equals("$defs") || key.equals("properties")
          ? new TreeMap<>() : new LinkedHashMap<>();
      object.fields().forEachRemaining(e -> children.put(e.getKey(), e.getValue()));
      children.forEach((k, v) -> out.set(k, sorted(k, v)));
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      List<JsonNode> items = new ArrayList<>();
      array.forEach(items::add);
      if (key.equals("required")) {
        items.sort(Comparator.comparing(JsonNode::asText));
      }
      items.forEach(item -> out.add(sorted("", item)));
      return out;
    }
    return node;
  }
}
