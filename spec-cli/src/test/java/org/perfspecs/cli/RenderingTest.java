package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.FindingJson;
import org.perfspecs.model.ServiceType;
import org.perfspecs.testkit.TypicalRecords;

/**
 * The findings rendered on a worker thread (one generator or one builder per record) are the
 * bytes the one-finding-at-a-time writers give: JSON lines as {@link FindingJson#toJson}, CSV
 * cells as the plain list-of-cells form ({@link Csv#line}), on generated records of every service.
 */
class RenderingTest {
  private static final EvaluationContext CTX = EvaluationContext.asOf(TypicalRecords.AS_OF);

  private static List<Finding> findings() {
    Engine engine = Engine.standard();
    List<Finding> all = new ArrayList<>();
    for (ServiceType service : ServiceType.values()) {
      for (int i = 0; i < 4; i++) {
        all.addAll(engine.evaluate(TypicalRecords.record(service, 42, i), CTX));
      }
    }
    return all;
  }

  @Test
  void jsonLinesOfARecordAreEachFindingsJsonOnItsOwnLine() {
    List<Finding> findings = findings();
    for (boolean withText : new boolean[] {false, true}) {
      String expected = findings.stream().map(f -> FindingJson.toJson(f, withText) + "\n").collect(Collectors.joining());
      assertThat(FindingOutput.jsonLines(findings, EnumSet.allOf(Outcome.class), withText)).isEqualTo(expected);
    }
    String notMet = findings.stream().filter(f -> f.outcome() == Outcome.NOT_MET)
        .map(f -> FindingJson.toJson(f) + "\n").collect(Collectors.joining());
    assertThat(FindingOutput.jsonLines(findings, EnumSet.of(Outcome.NOT_MET), false)).isEqualTo(notMet);
  }

  @Test
  void csvOfAFindingIsItsCellsAsOneLine() {
    for (Finding f : findings()) {
      Requirement r = f.requirement();
      List<String> cells = new ArrayList<>(List.of(r.id(), r.specKey(), r.citation().section(), r.strength().name(),
          f.subjectKind().name(), f.subjectId(), f.memberId().orElse(""), f.programId(), f.outcome().name(),
          f.due().map(d -> d.last().toString()).orElse(""), f.reason(),
          f.evidence().stream().map(e -> e.kind() + ":" + e.id()).collect(Collectors.joining(" ")),
          r.citation().reference()));
      assertThat(FindingOutput.csv(f, false)).isEqualTo(Csv.line(cells));
      cells.add(r.citation().text());
      assertThat(FindingOutput.csv(f, true)).isEqualTo(Csv.line(cells));
    }
  }

  /** The cell rules, each: formula starts, quoting, quotes doubled, both at once, null and empty. */
  @Test
  void csvCellsFollowTheRules() {
    assertThat(Csv.line(java.util.Arrays.asList("a", null, "", "=1+2", "x,y", "say \"hi\"", "-a,\"b\"", "l1\nl2",
        "\tt", "@x", "+1", "r\rs")))
        .isEqualTo("a,,,'=1+2,\"x,y\",\"say \"\"hi\"\"\",\"'-a,\"\"b\"\"\",\"l1\nl2\",'\tt,'@x,'+1,\"r\rs\"");
    assertThat(Csv.field("\r")).isEqualTo("\"'\r\"");
  }
}
