package org.perfspecs.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small structural check of a JSON instance against the generated schemas (not a general JSON
 * Schema validator; {@code $id}, {@code title} and {@code description} are annotations it
 * skips): {@code $ref} into {@code $defs}, {@code type}, {@code enum}, {@code
 * properties}, {@code required}, {@code additionalProperties: false}, {@code items}, {@code
 * minLength}, {@code pattern}, {@code minimum} and the {@code date-time}, {@code date} and {@code
 * time} formats. A schema keyword it does not know is reported as a problem, so the check never
 * passes by ignoring part of a schema.
 *
 * <p>{@code time} is checked as an ISO local time ({@code 08:30:00}), which is what the model
 * writes; RFC 3339 {@code full-time} would also require an offset.
 */
final class SchemaConformance {
  private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$comment", "title", "description", "$defs",
      "$ref", "type", "enum",
      "properties", "required", "additionalProperties", "items", "minLength", "pattern", "minimum", "format");

  private SchemaConformance() {}

  /** Problems of {@code instance} against {@code schema}, as {@code "path: problem"}; empty if none. */
  static List<String> problems(JsonNode schema, JsonNode instance) {
    List<String> out = new ArrayList<>();
    check(schema, schema, instance, "$", out);
    return out;
  }

  private static void check(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> out) {
    for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
      String keyword = keys.next();
      if (!KEYWORDS.contains(keyword)) {
        out.add(path + ": schema keyword " + keyword + " is not supported by this check");
      }
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#/$defs/") || !root.path("$defs").has(ref.substring("#/$defs/".length()))) {
        out.add(path + ": unresolvable $ref " + ref);
        return;
      }
      check(root, root.get("$defs").get(ref.substring("#/$defs/".length())), value, path, out);
    }
    if (schema.has("type") && !typeMatches(schema.get("type").asText(), value)) {
      out.add(path + ": is not of type " + schema.get("type").asText());
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= allowed.equals(value);
      }
      if (!listed) {
        out.add(path + ": is not one of the enum values");
      }
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          out.add(path + "." + required.asText() + ": is required by the schema");
        }
      }
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (properties.has(name)) {
          check(root, properties.get(name), value.get(name), path + "." + name, out);
        } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
          out.add(path + "." + name + ": is not a property the schema knows");
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(root, schema.get("items"), value.get(i), path + "[" + i + "]", out);
      }
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (schema.has("minLength") && text.codePointCount(0, text.length()) < schema.get("minLength").asInt()) {
        out.add(path + ": is shorter than minLength");
      }
      if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
        out.add(path + ": does not match the pattern");
      }
      if (schema.has("format") && !formatMatches(schema.get("format").asText(), text)) {
        out.add(path + ": is not a " + schema.get("format").asText());
      }
    }
    if (value.isNumber() && schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
      out.add(path + ": is less than the minimum");
    }
  }

  private static boolean typeMatches(String type, JsonNode value) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> false;
    };
  }

  private static boolean formatMatches(String format, String text) {
    try {
      switch (format) {
        case "date-time" -> OffsetDateTime.parse(text);
        case "date" -> LocalDate.parse(text);
        case "time" -> LocalTime.parse(text);
        default -> {
          return false;
        }
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
