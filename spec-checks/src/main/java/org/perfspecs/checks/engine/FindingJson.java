package org.perfspecs.checks.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apiguardian.api.API;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
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
}
