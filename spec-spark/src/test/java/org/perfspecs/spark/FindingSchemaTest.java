package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.FindingJson;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.ModelJson;

/**
 * The finding columns are the fields the command line writes, in its order: a field added to
 * {@link FindingJson} fails this test until {@link Schemas#FINDING_FIELDS} declares it.
 */
class FindingSchemaTest {
  @Test
  void theFindingColumnsAreTheFieldsOfTheCommandLinesJson() throws Exception {
    Finding withEverything = Finding.restore(Catalog.standard().requirement("IOP.COMP.4.a").orElseThrow(), "E-1",
        Optional.of("M-1"), "P-1", Outcome.ERROR, "the requirement failed",
        List.of(Evidence.of("contact", "c-1", Instant.parse("2024-05-01T13:00:00Z"), "first"),
            Evidence.onDate("document", "d-1", LocalDate.of(2024, 5, 2), "plan")),
        Optional.of(Deadline.of(Instant.parse("2024-05-03T13:00:00Z"), "48 hours after admission")),
        Optional.of("java.lang.IllegalStateException"));
    JsonNode node = ModelJson.newMapper().readTree(FindingJson.toJson(withEverything, true));

    List<String> jsonFields = new ArrayList<>();
    node.fieldNames().forEachRemaining(jsonFields::add);
    assertThat(List.of(Schemas.FINDING_FIELDS.fieldNames())).containsExactlyElementsOf(jsonFields);

    List<String> evidenceFields = new ArrayList<>();
    node.get("evidence").get(0).fieldNames().forEachRemaining(evidenceFields::add);
    node.get("evidence").get(1).fieldNames().forEachRemaining(f -> {
      if (!evidenceFields.contains(f)) {
        evidenceFields.add(evidenceFields.size() - 1, f);
      }
    });
    assertThat(List.of(Schemas.EVIDENCE.fieldNames())).containsExactlyElementsOf(evidenceFields);
  }

  @Test
  void findingsAreTheLineReferenceThenTheFindingFields() {
    List<String> names = new ArrayList<>(List.of("file", "line"));
    for (StructField f : Schemas.FINDING_FIELDS.fields()) {
      names.add(f.name());
    }
    assertThat(Schemas.FINDINGS.fieldNames()).containsExactlyElementsOf(names);
  }
}
