package org.perfspecs.checks.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.ModelJson;

/**
 * The JSON form of a finding, one object per NDJSON line, readable on its own:
 *
 * <pre>{@code
 * {"requirementId", "spec", "section", "strength", "subjectKind", "subjectId", "memberId",
 *  "programId", "outcome", "reason", "due", "dueRule",
 *  "evidence": [{"kind", "id", "at" | "date", "note"}], "citation", "citationText", "errorType"}
 * }</pre>
 *
 * {@code spec} is the specification key, {@code section} the section heading as the document prints
 * it, {@code strength} MUST / SHOULD / MAY, {@code citation} the short reference ({@link
 * org.perfspecs.checks.Citation#reference()}: document title and revision, section, item label).
 * {@code memberId} only for episode findings; {@code due} and {@code dueRule} only when there is a
 * deadline; {@code citationText} (the verbatim words) only when asked for; {@code errorType} only
 * for ERROR. Instants in UTC ISO-8601. The writer streams to a Jackson {@link JsonGenerator}: no
 * tree is built.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FindingJson {
  private static final ObjectMapper MAPPER = ModelJson.newMapper();
  // field names encoded once, not on every finding
  private static final SerializedString AT = new SerializedString("at");
  private static final SerializedString CITATION = new SerializedString("citation");
  private static final SerializedString CITATION_TEXT = new SerializedString("citationText");
  private static final SerializedString DATE = new SerializedString("date");
  private static final SerializedString DUE = new SerializedString("due");
  private static final SerializedString DUE_RULE = new SerializedString("dueRule");
  private static final SerializedString ERROR_TYPE = new SerializedString("errorType");
  private static final SerializedString EVIDENCE = new SerializedString("evidence");
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString KIND = new SerializedString("kind");
  private static final SerializedString MEMBER_ID = new SerializedString("memberId");
  private static final SerializedString NOTE = new SerializedString("note");
  private static final SerializedString OUTCOME = new SerializedString("outcome");
  private static final SerializedString PROGRAM_ID = new SerializedString("programId");
  private static final SerializedString REASON = new SerializedString("reason");
  private static final SerializedString REQUIREMENT_ID = new SerializedString("requirementId");
  private static final SerializedString SECTION = new SerializedString("section");
  private static final SerializedString SPEC = new SerializedString("spec");
  private static final SerializedString STRENGTH = new SerializedString("strength");
  private static final SerializedString SUBJECT_ID = new SerializedString("subjectId");
  private static final SerializedString SUBJECT_KIND = new SerializedString("subjectKind");

  private FindingJson() {}

  /**
   * Writes the finding as one JSON object to {@code g} (the caller separates objects, e.g. with
   * {@code g.writeRaw('\n')}, and flushes).
   *
   * @param withCitationText also write {@code citationText}, the requirement's verbatim words
   * @throws IOException when {@code g} cannot write
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static void write(JsonGenerator g, Finding f, boolean withCitationText) throws IOException {
    Requirement r = f.requirement();
    g.writeStartObject();
    field(g, REQUIREMENT_ID, r.id());
    field(g, SPEC, r.specKey());
    field(g, SECTION, r.citation().section());
    field(g, STRENGTH, r.strength().name());
    field(g, SUBJECT_KIND, f.subjectKind().name());
    field(g, SUBJECT_ID, f.subjectId());
    Optional<String> memberId = f.memberId();
    if (memberId.isPresent()) {
      field(g, MEMBER_ID, memberId.get());
    }
    field(g, PROGRAM_ID, f.programId());
    field(g, OUTCOME, f.outcome().name());
    field(g, REASON, f.reason());
    Optional<Deadline> due = f.due();
    if (due.isPresent()) {
      Deadline d = due.get();
      field(g, DUE, d.last().toString());
      field(g, DUE_RULE, d.description());
    }
    g.writeFieldName(EVIDENCE);
    g.writeStartArray();
    for (Evidence e : f.evidence()) {
      g.writeStartObject();
      field(g, KIND, e.kind());
      field(g, ID, e.id());
      Optional<Instant> at = e.at();
      if (at.isPresent()) {
        field(g, AT, at.get().toString());
      }
      Optional<LocalDate> date = e.date();
      if (date.isPresent()) {
        field(g, DATE, date.get().toString());
      }
      field(g, NOTE, e.note());
      g.writeEndObject();
    }
    g.writeEndArray();
    field(g, CITATION, r.citation().reference());
    if (withCitationText) {
      field(g, CITATION_TEXT, r.citation().text());
    }
    if (f.errorType().isPresent()) {
      field(g, ERROR_TYPE, f.errorType().get());
    }
    g.writeEndObject();
  }

  /** A string field; the name pre-encoded once (the same bytes as {@code writeStringField}). */
  private static void field(JsonGenerator g, SerializedString name, String value) throws IOException {
    g.writeFieldName(name);
    g.writeString(value);
  }

  /** The finding as one line of JSON, without the verbatim citation text. */
  public static String toJson(Finding f) {
    return toJson(f, false);
  }

  /**
   * The finding as one line of JSON.
   *
   * @param withCitationText also write {@code citationText}, the requirement's verbatim words
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static String toJson(Finding f, boolean withCitationText) {
    StringWriter w = new StringWriter(512);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(w)) {
      write(g, f, withCitationText);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  /** The finding as a JSON tree (the object {@link #toJson(Finding)} writes). */
  public static ObjectNode toNode(Finding f) {
    try {
      return (ObjectNode) MAPPER.readTree(toJson(f));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the finding writer wrote malformed JSON", e);
    }
  }

  /**
   * The finding a line of {@link #toJson} wrote, equal to the one written, its requirement taken
   * from the {@linkplain Catalog#standard() standard catalog}.
   *
   * @throws IllegalArgumentException naming the field when the JSON is not a finding
   */
  public static Finding fromJson(String json) {
    return fromJson(json, Catalog.standard());
  }

  /**
   * The finding a line of {@link #toJson} wrote, its requirement taken from {@code catalog}. The
   * fields derived from the requirement ({@code spec}, {@code section}, {@code strength}, {@code
   * citation}, {@code citationText}) are not read: the catalog gives them.
   *
   * @throws IllegalArgumentException naming the field when the JSON is not a finding, or its
   *     requirement is not in {@code catalog}
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Finding fromJson(String json, Catalog catalog) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not well-formed JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr());
    }
    return fromNode(n, catalog);
  }

  /** The finding a tree of {@link #toNode} holds, its requirement from the standard catalog. */
  public static Finding fromNode(JsonNode n) {
    return fromNode(n, Catalog.standard());
  }

  /**
   * The finding a tree of {@link #toNode} holds, its requirement from {@code catalog}.
   *
   * @throws IllegalArgumentException naming the field when the tree is not a finding
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Finding fromNode(JsonNode n, Catalog catalog) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("$: a finding is a JSON object");
    }
    List<Evidence> evidence = new ArrayList<>();
    JsonNode list = n.path("evidence");
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String path = "$.evidence[" + i + "]";
      String kind = text(e, "kind", path);
      String id = text(e, "id", path);
      String note = text(e, "note", path);
      if (e.has("at")) {
        evidence.add(Evidence.of(kind, id, instant(e, "at", path), note));
      } else if (e.has("date")) {
        evidence.add(Evidence.onDate(kind, id, parse(e, "date", path, LocalDate::parse), note));
      } else {
        evidence.add(Evidence.of(kind, id, note));
      }
    }
    Optional<Deadline> due = n.has("due")
        ? Optional.of(Deadline.of(instant(n, "due", "$"), text(n, "dueRule", "$"))) : Optional.empty();
    Optional<String> errorType = n.has("errorType") ? Optional.of(text(n, "errorType", "$")) : Optional.empty();
    Optional<String> memberId = n.has("memberId") ? Optional.of(text(n, "memberId", "$")) : Optional.empty();
    String requirementId = text(n, "requirementId", "$");
    Requirement requirement = catalog.requirement(requirementId).orElseThrow(
        () -> new IllegalArgumentException("$.requirementId: not a requirement of the catalog"));
    Basis kind = parse(n, "subjectKind", "$", Basis::valueOf);
    Basis expected = requirement.basis() == Basis.EPISODE ? Basis.EPISODE : Basis.PROGRAM;
    if (kind != expected) {
      throw new IllegalArgumentException("$.subjectKind: the requirement is judged on " + expected);
    }
    try {
      return Finding.restore(requirement, text(n, "subjectId", "$"), memberId, text(n, "programId", "$"),
          parse(n, "outcome", "$", Outcome::valueOf), text(n, "reason", "$"), evidence, due, errorType);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("$: " + e.getMessage());
    }
  }

  private static String text(JsonNode n, String field, String path) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(path + "." + field + ": a string is required");
    }
    return v.asText();
  }

  private static Instant instant(JsonNode n, String field, String path) {
    return parse(n, field, path, Instant::parse);
  }

  private static <T> T parse(JsonNode n, String field, String path, java.util.function.Function<String, T> parser) {
    String text = text(n, field, path);
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(path + "." + field + ": not a valid value");
    }
  }
}
