package org.perfspecs.checks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.ServiceType;

/** A finding's JSON stands alone, and reads back equal. */
class FindingJsonTest {
  private static final Engine ENGINE = Engine.standard();
  private static final EvaluationContext CTX = EvaluationContext.asOf(ny("2024-05-02T12:00"));

  private static List<Finding> episodeFindings() {
    return ENGINE.evaluate(record(member().pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT).build()),
        episode(ServiceType.ESOAP).admittedAt(ny("2024-05-01T09:00"))), CTX);
  }

  @Test
  void anEpisodeFindingCarriesEverythingNeededToReadIt() {
    Finding f = episodeFindings().stream().filter(x -> x.requirementId().equals("ESOAP.COMP.4.2")).findFirst().orElseThrow();
    JsonNode n = FindingJson.toNode(f);
    assertThat(n.get("requirementId").asText()).isEqualTo("ESOAP.COMP.4.2");
    assertThat(n.get("spec").asText()).isEqualTo("ESOAP");
    assertThat(n.get("section").asText()).isEqualTo(f.requirement().citation().section());
    assertThat(n.get("strength").asText()).isEqualTo("MUST");
    assertThat(n.get("subjectId").asText()).isEqualTo("e-1");
    assertThat(n.get("memberId").asText()).isEqualTo("m-1");
    assertThat(n.get("programId").asText()).isEqualTo("p-1");
    assertThat(n.get("outcome").asText()).isEqualTo("PENDING");
    assertThat(n.get("due").asText()).isEqualTo(ny("2024-05-03T09:00").toString());
    assertThat(n.get("citation").asText()).startsWith("Non-24-Hour Diversionary Services Enhanced Structured")
        .contains("Tufts Health Plan, January 2024").endsWith("item 4, second bullet");
    assertThat(n.has("citationText")).isFalse();
    assertThat(FindingJson.toNode(f).toString()).isEqualTo(FindingJson.toJson(f));
    assertThat(FindingJson.toJson(f, true)).contains("\"citationText\":\"The provider arranges all necessary");
    assertThat(FindingJson.fromJson(FindingJson.toJson(f, true))).isEqualTo(f);
  }

  @Test
  void everyFindingOfARecordAndAProgramReadsBackEqual() {
    List<Finding> all = new java.util.ArrayList<>(episodeFindings());
    all.addAll(ENGINE.evaluate(program(ServiceType.ESOAP, ServiceType.CSP).build(), CTX));
    for (Finding f : all) {
      String json = FindingJson.toJson(f);
      assertThat(FindingJson.fromJson(json)).as(json).isEqualTo(f);
      assertThat(f.requirement()).isSameAs(ENGINE.catalog().requirement(f.requirementId()).orElseThrow());
      assertThat(f.memberId().isPresent()).isEqualTo(f.subjectKind() == org.perfspecs.checks.Basis.EPISODE);
    }
  }

  @Test
  void aFindingOfAnUnknownRequirementIsRejectedNamingTheField() {
    String json = FindingJson.toJson(episodeFindings().get(0)).replace("\"ESOAP.", "\"ESOAP.X");
    assertThatThrownBy(() -> FindingJson.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("$.requirementId");
  }
}
