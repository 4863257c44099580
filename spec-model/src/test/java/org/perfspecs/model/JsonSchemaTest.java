package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in JSON Schemas under {@code src/main/resources/org/perfspecs/model/schema/} are
 * what {@link ModelSchemas} generates from the model, and the fixtures conform to them.
 *
 * <p>After a model change, regenerate them with {@value ModelSchemas#UPDATE_COMMAND} (from the
 * repository root) and commit the result.
 */
class JsonSchemaTest {
  private static final JsonMapper MAPPER = ModelJson.newMapper();

  static Stream<Arguments> schemas() {
    return Stream.of(
        Arguments.of(CaseRecord.class, ModelSchemas.CASE_RECORD_RESOURCE),
        Arguments.of(Program.class, ModelSchemas.PROGRAM_RESOURCE));
  }

  private static boolean updating() {
    return Boolean.getBoolean(ModelSchemas.UPDATE_PROPERTY);
  }

  private static Path sourceFile(String resource) {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    return Path.of(basedir, "src", "main", "resources").resolve(resource);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("schemas")
  void checkedInSchemaIsWhatTheModelGenerates(Class<?> type, String resource) throws IOException {
    String generated = ModelSchemas.generateText(type);
    Path file = sourceFile(resource);

    if (updating()) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated, StandardCharsets.UTF_8);
      System.out.println("[perfspecs] wrote " + file);
    }

    if (!Files.exists(file)) {
      fail("%s is missing. Generate it with:%n  %s", file, ModelSchemas.UPDATE_COMMAND);
    }
    String checkedIn = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (!checkedIn.equals(generated)) {
      fail("%s is out of date with the model (%s).%nRegenerate it with:%n  %s%nand commit the result.",
          file, firstDifference(checkedIn, generated), ModelSchemas.UPDATE_COMMAND);
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("schemas")
  void schemaShipsOnTheClasspath(Class<?> type, String resource) throws IOException {
    Assumptions.assumeFalse(updating(), "the classpath copy is refreshed by the next build");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      assertThat(MAPPER.readTree(shipped).get("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      if (!shipped.equals(ModelSchemas.generateText(type))) {
        fail("%s on the classpath differs from the generated schema (%s); rebuild after regenerating with:%n  %s",
            resource, firstDifference(shipped, ModelSchemas.generateText(type)), ModelSchemas.UPDATE_COMMAND);
      }
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("schemas")
  void schemaHasAnIdATitleAndADescriptionOnEveryDefinitionAndProperty(Class<?> type, String resource) {
    ObjectNode schema = ModelSchemas.generate(type);

    assertThat(schema.get("$id").asText()).isEqualTo(ModelSchemas.ID_BASE + Path.of(resource).getFileName());
    assertThat(schema.get("title").asText()).startsWith("perfspecs ");
    assertThat(schema.get("description").asText()).isNotBlank();
    schema.get("$defs").fields().forEachRemaining(definition -> {
      assertThat(definition.getValue().path("description").asText()).as("description of %s", definition.getKey())
          .isNotBlank();
      definition.getValue().path("properties").fields().forEachRemaining(property ->
          assertThat(property.getValue().path("description").asText())
              .as("description of %s.%s", definition.getKey(), property.getKey())
              .isNotBlank().doesNotContain("{@", "*/", "<p>"));
    });
  }

  @Test
  void descriptionsAreTheModelsJavadoc() {
    JsonNode episode = ModelSchemas.generate(CaseRecord.class).get("$defs").get("Episode");

    assertThat(episode.get("properties").get("admittedAt").get("description").asText()).isEqualTo("When the member was admitted (the start of service).");
    assertThat(ModelSchemas.generate(CaseRecord.class).get("$defs").get("Referral").get("description").asText())
        .startsWith("A referral: into the service (Episode.referral, which needs its source) or made out of it");
  }

  @Test
  void aReferralIntoTheServiceNeedsASourceOneOutOfItATarget() throws IOException {
    ObjectNode schema = ModelSchemas.generate(CaseRecord.class);
    ObjectNode noSource = (ObjectNode) tree(ModelFixtures.caseRecord());
    ((ObjectNode) noSource.get("episode").get("referral")).remove("source");
    ObjectNode noTarget = (ObjectNode) tree(ModelFixtures.caseRecord());
    ((ObjectNode) noTarget.get("episode").get("referralsMade").get(0)).remove("target");

    assertThat(SchemaConformance.problems(schema, noSource))
        .containsExactly("$.episode.referral.source: is required by the schema");
    assertThat(SchemaConformance.problems(schema, noTarget))
        .containsExactly("$.episode.referralsMade[0].target: is required by the schema");
  }

  @Test
  void fixturesConformToTheSchemas() throws IOException {
    assertThat(SchemaConformance.problems(ModelSchemas.generate(CaseRecord.class), tree(ModelFixtures.caseRecord())))
        .isEmpty();
    assertThat(SchemaConformance.problems(ModelSchemas.generate(Program.class), tree(ModelFixtures.program())))
        .isEmpty();
  }

  @Test
  void minimalValuesConformToTheSchemas() throws IOException {
    CaseRecord minimal = CaseRecord.builder()
        .member(Member.builder().id("M-1").dateOfBirth(LocalDate.of(1990, 1, 1)).product(InsuranceProduct.OTHER).build())
        .episode(Episode.builder().id("E-1").service(ServiceType.IOP).programId("P-1").build())
        .build();

    assertThat(SchemaConformance.problems(ModelSchemas.generate(CaseRecord.class), tree(minimal))).isEmpty();
    assertThat(SchemaConformance.problems(ModelSchemas.generate(Program.class),
        tree(Program.builder().id("P-1").name("P").build()))).isEmpty();
  }

  @Test
  void conformanceCheckFindsWhatTheSchemaForbids() throws IOException {
    ObjectNode schema = ModelSchemas.generate(CaseRecord.class);

    assertThat(problems(schema, r -> ((ObjectNode) r.at("/episode/contacts/1")).put("duration", 5)))
        .containsExactly("$.episode.contacts[1].duration: is not a property the schema knows");
    assertThat(problems(schema, r -> ((ObjectNode) r.get("member")).remove("product")))
        .containsExactly("$.member.product: is required by the schema");
    assertThat(problems(schema, r -> ((ObjectNode) r.get("episode")).put("service", "XYZ")))
        .containsExactly("$.episode.service: is not one of the enum values");
    assertThat(problems(schema, r -> ((ObjectNode) r.at("/episode/contacts/0")).put("minutes", "45")))
        .containsExactly("$.episode.contacts[0].minutes: is not of type integer");
    assertThat(problems(schema, r -> ((ObjectNode) r.at("/episode/contacts/0")).put("minutes", -1)))
        .containsExactly("$.episode.contacts[0].minutes: is less than the minimum");
    assertThat(problems(schema, r -> ((ArrayNode) r.at("/episode/treatmentTeam")).set(0, "  ")))
        .containsExactly("$.episode.treatmentTeam[0]: does not match the pattern");
    assertThat(problems(schema, r -> ((ObjectNode) r.get("episode")).put("admittedAt", "2024-03-04T15:30:00")))
        .containsExactlyInAnyOrder("$.episode.admittedAt: is not a date-time", "$.episode.admittedAt: does not match the pattern");
    assertThat(problems(schema, r -> ((ObjectNode) r.get("episode")).put("admittedAt", "2101-01-01T00:00:00Z")))
        .containsExactly("$.episode.admittedAt: does not match the pattern");
    assertThat(problems(schema, r -> ((ObjectNode) r.get("member")).put("dateOfBirth", "1899-12-31")))
        .containsExactly("$.member.dateOfBirth: does not match the pattern");
    assertThat(problems(schema, r -> ((ObjectNode) r.get("member")).putNull("pronouns")))
        .containsExactly("$.member.pronouns: is not of type string");
  }

  /** Each object definition lists exactly the model's attributes, with the model's required set. */
  @Test
  void schemaPropertiesAreExactlyTheModelAttributes() {
    Set<Class<?>> described = new HashSet<>();
    for (Class<?> root : List.of(CaseRecord.class, Program.class)) {
      ObjectNode schema = ModelSchemas.generate(root);
      describe(root, schema, schema, described);
      for (Class<?> type : ModelTypes.valueTypes()) {
        JsonNode definition = schema.path("$defs").path(type.getSimpleName());
        if (!definition.isMissingNode()) {
          describe(type, definition, schema, described);
        }
      }
    }
    assertThat(described).containsExactlyInAnyOrderElementsOf(ModelTypes.valueTypes());
  }

  private static void describe(Class<?> type, JsonNode definition, JsonNode schema, Set<Class<?>> described) {
    String name = type.getSimpleName();
    Set<String> attributes = new TreeSet<>();
    Set<String> required = new TreeSet<>();
    for (Method attribute : ModelTypes.attributes(type)) {
      attributes.add(attribute.getName());
      if (!ModelTypes.mayBeOmitted(attribute)) {
        required.add(attribute.getName());
      }
      assertProperty(name + "." + attribute.getName(),
          attribute.getGenericReturnType(), definition.get("properties").get(attribute.getName()), schema);
    }
    assertThat(names(definition.get("properties"))).as(name + " properties").isEqualTo(attributes);
    assertThat(texts(definition.get("required"))).as(name + " required").containsExactlyElementsOf(required);
    assertThat(definition.get("type").asText()).as(name + " type").isEqualTo("object");
    assertThat(definition.get("additionalProperties").asBoolean(true)).as(name + " additionalProperties").isFalse();
    described.add(type);
  }

  /** The property schema matches the Java type: optionals flattened, collections as arrays, ... */
  private static void assertProperty(String where, Type javaType, JsonNode property, JsonNode schema) {
    assertThat(property).as(where).isNotNull();
    if (javaType instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      assertProperty(where, p.getActualTypeArguments()[0], property, schema);
      return;
    }
    if (javaType instanceof ParameterizedType p && Collection.class.isAssignableFrom((Class<?>) p.getRawType())) {
      assertThat(property.get("type").asText()).as(where).isEqualTo("array");
      assertProperty(where + "[]", p.getActualTypeArguments()[0], property.get("items"), schema);
      return;
    }
    Class<?> raw = (Class<?>) javaType;
    JsonNode resolved = property.has("$ref")
        ? schema.get("$defs").get(property.get("$ref").asText().substring("#/$defs/".length()))
        : property;
    if (raw == Instant.class) {
      assertThat(formatOf(resolved)).as(where).isEqualTo("string date-time");
    } else if (raw == LocalDate.class) {
      assertThat(formatOf(resolved)).as(where).isEqualTo("string date");
    } else if (raw == LocalTime.class) {
      assertThat(formatOf(resolved)).as(where).isEqualTo("string time");
    } else if (raw.isEnum()) {
      assertThat(resolved.get("type").asText()).as(where).isEqualTo("string");
      assertThat(texts(resolved.get("enum"))).as(where)
          .containsExactlyElementsOf(Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
    } else if (raw == String.class) {
      assertThat(resolved.get("type").asText()).as(where).isEqualTo("string");
    } else if (raw == boolean.class || raw == Boolean.class) {
      assertThat(resolved.get("type").asText()).as(where).isEqualTo("boolean");
    } else if (raw == int.class) {
      assertThat(resolved.get("type").asText()).as(where).isEqualTo("integer");
    } else {
      assertThat(ModelTypes.isValueType(raw)).as(where + " is a model value type").isTrue();
      assertThat(property.get("$ref").asText()).as(where).isEqualTo("#/$defs/" + raw.getSimpleName());
    }
  }

  @Test
  void notBlankAndPositiveOrZeroBecomeKeywords() {
    JsonNode defs = ModelSchemas.generate(CaseRecord.class).get("$defs");

    assertThat(((ObjectNode) defs.at("/Member/properties/id").deepCopy()).without("description").toString())
        .isEqualTo("{\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\"}");
    assertThat(defs.at("/Member/properties/pronouns/pattern").asText()).isEqualTo("\\S");
    assertThat(defs.at("/Episode/properties/treatmentTeam/items/minLength").asInt()).isEqualTo(1);
    assertThat(defs.at("/Contact/properties/minutes/minimum").asInt()).isZero();
    assertThat(defs.at("/DayOfWeek/enum")).isNotNull();
    assertThat(ModelSchemas.generate(Program.class).at("/$defs/DayOfWeek/enum")).hasSize(DayOfWeek.values().length);
  }

  // ------------------------------------------------------------------ helpers

  private static List<String> problems(ObjectNode schema, Consumer<ObjectNode> edit) throws IOException {
    ObjectNode record = (ObjectNode) tree(ModelFixtures.caseRecord());
    edit.accept(record);
    return SchemaConformance.problems(schema, record);
  }

  private static JsonNode tree(Object value) throws IOException {
    return MAPPER.readTree(ModelJson.toJson(value));
  }

  private static String formatOf(JsonNode schema) {
    return schema.path("type").asText() + " " + schema.path("format").asText();
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array != null) {
      array.forEach(item -> texts.add(item.asText()));
    }
    return texts;
  }

  private static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<end of file>";
      String y = i < b.length ? b[i] : "<end of file>";
      if (!x.equals(y)) {
        return "first difference at line " + (i + 1) + ": checked in `" + x.strip() + "`, generated `" + y.strip() + "`";
      }
    }
    return "they differ";
  }
}
