package org.perfspecs.checks.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apiguardian.api.API;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.ModelJson;

/**
 * The JSON form of a finding, one object per NDJSON line:
 * {@code {"requirementId", "subjectKind", "subjectId", "programId", "outcome", "reason", "due",
 * "dueRule", "evidence": [{"kind", "id", "at" | "date", "note"}], "errorType"}} ({@code due},
 * {@code dueRule} and {@code errorType} only when present; instants in UTC ISO-8601).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FindingJson {
  private static final ObjectMapper MAPPER = ModelJson.newMapper();

  private FindingJson() {}

  /** The finding as a JSON tree. */
  public static ObjectNode toNode(Finding f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("requirementId", f.requirementId());
    n.put("subjectKind", f.subjectKind().name());
    n.put("subjectId", f.subjectId());
    n.put("programId", f.programId());
    n.put("outcome", f.outcome().name());
    n.put("reason", f.reason());
    f.due().ifPresent(d -> {
      n.put("due", d.last().toString());
      n.put("dueRule", d.description());
    });
    ArrayNode evidence = n.putArray("evidence");
    for (Evidence e : f.evidence()) {
      ObjectNode en = evidence.addObject();
      en.put("kind", e.kind());
      en.put("id", e.id());
      e.at().ifPresent(t -> en.put("at", t.toString()));
      e.date().ifPresent(d -> en.put("date", d.toString()));
      en.put("note", e.note());
    }
    f.errorType().ifPresent(t -> n.put("errorType", t));
    return n;
  }

  /** The finding as one line of JSON. */
  public static String toJson(Finding f) {
    return toNode(f).toString();
  }

  /**
   * The finding a line of {@link #toJson} wrote, equal to the one written.
   *
   * @throws IllegalArgumentException naming the field when the JSON is not a finding
   */
  public static Finding fromJson(String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not well-formed JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr());
    }
    return fromNode(n);
  }

  /** The finding a tree of {@link #toNode} holds. */
  public static Finding fromNode(JsonNode n) {
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
    return Finding.restore(text(n, "requirementId", "$"), parse(n, "subjectKind", "$", Basis::valueOf),
        text(n, "subjectId", "$"), text(n, "programId", "$"), parse(n, "outcome", "$", Outcome::valueOf),
        text(n, "reason", "$"), evidence, due, errorType);
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
