package org.perfspecs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.checks.engine.DueItem;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.Worklist;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.Member;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.ServiceType;

/**
 * Keeps the README's embedding example compiling, running and identical to the README: the code
 * between the markers below is the README's block, and the block's imports are this file's.
 */
class ReadmeExampleTest {
  private static final Path SOURCE = Path.of("src/test/java/org/perfspecs/examples/ReadmeExampleTest.java");
  private static final Path README = Path.of("../README.md");

  @Test
  @Verifies("ESOAP.COMP.4.2")
  void theReadmeExampleRunsAndReportsThePendingConsultation() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    Result result;
    try {
      result = readmeExample();
    } finally {
      System.setOut(original);
    }
    List<Finding> findings = result.findings();
    Worklist due = result.due();
    assertThat(findings).filteredOn(f -> f.requirementId().equals("ESOAP.COMP.4.2")).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().satisfies(d -> assertThat(d.last()).isEqualTo(Instant.parse("2024-05-03T13:00:00Z")));
    });
    assertThat(due.items()).isNotEmpty();
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(due.items().size() + findings.size())
        .contains("due in 22 h: ESOAP.COMP.4.2 by 2024-05-03T13:00:00Z, \"The provider arranges all necessary medical "
            + "and obstetric consultations within 48 hours of admission and documents this in the Member's health record.\"")
        .contains("ESOAP.COMP.4.2 MUST PENDING: no arranged obstetric consultation recorded yet; due by 2024-05-03 09:00 EDT "
            + "(48 hours after 2024-05-01 09:00 EDT)");
    assertThat(lines.subList(0, due.items().size())).allMatch(l -> l.startsWith("OVERDUE") || l.startsWith("due in"));
  }

  @Test
  void theReadmeShowsExactlyThisExample() throws IOException {
    String readme = Files.readString(README);
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("README has a java block").isTrue();
    String withImports = block.group(1).replaceAll("(?m)^\\s*//.*$\\n?", "");
    List<String> imports = withImports.lines().filter(l -> l.startsWith("import ")).toList();
    String readmeCode = withImports.lines().filter(l -> !l.startsWith("import "))
        .reduce("", (a, b) -> a + b + "\n");
    String source = Files.readString(SOURCE);
    // compiles as pasted: every import is one of this file's, and every type the code names is imported
    assertThat(imports).isNotEmpty();
    assertThat(source.lines().toList()).containsAll(imports);
    java.util.Set<String> imported = new java.util.HashSet<>(List.of("System", "String"));
    imports.forEach(i -> imported.add(i.substring(i.lastIndexOf('.') + 1, i.length() - 1)));
    Matcher type = Pattern.compile("\\b([A-Z][a-z]\\w*)\\b(?=[ .(<])").matcher(readmeCode.replaceAll("\"[^\"]*\"", "\"\""));
    while (type.find()) {
      assertThat(imported).as("the README example imports " + type.group(1)).contains(type.group(1));
    }
    String begin = "// README:" + "begin"; // split so the markers occur once in this file
    String end = "// README:" + "end";
    String between = source.substring(source.indexOf(begin) + begin.length(), source.indexOf(end));
    assertThat(normalize(readmeCode)).isEqualTo(normalize(between));
  }

  private static String normalize(String code) {
    // comment lines are the README's own (expected output); code lines must match
    return code.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
        .reduce("", (a, b) -> a + b + "\n");
  }

  /** What the README's example computed. */
  private record Result(List<Finding> findings, Worklist due) {}

  private static Result readmeExample() {
    // README:begin
    CaseRecord record = CaseRecord.builder()
        .member(Member.builder()
            .id("M-1")
            .dateOfBirth(LocalDate.of(1995, 3, 2))
            .product(InsuranceProduct.TUFTS_HEALTH_TOGETHER)
            .pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT).build())
            .build())
        .episode(Episode.builder()
            .id("E-1")
            .service(ServiceType.ESOAP)
            .programId("P-1")
            .admittedAt(Instant.parse("2024-05-01T13:00:00Z"))
            .addConsultations(Consultation.builder()
                .id("c-1")
                .kind(ConsultationKind.MEDICAL)
                .arrangedAt(Instant.parse("2024-05-02T14:00:00Z"))
                .build())
            .build())
        .build();

    Engine engine = Engine.standard(); // stateless and thread-safe: share one
    EvaluationContext now = EvaluationContext.asOf(Instant.parse("2024-05-02T15:00:00Z"));

    // What is due for this member: overdue first, then open obligations by due time
    Worklist due = engine.due(record, now);
    for (DueItem item : due.items()) {
      String when = item.overdue() ? "OVERDUE" : "due in " + item.timeLeft().toHours() + " h";
      System.out.println(when + ": " + item.requirementId() + " by " + item.due() + ", \"" + item.obligation() + "\"");
    }

    // Every finding; its requirement (strength, citation) is one call away
    for (Finding finding : engine.evaluate(record, now)) {
      System.out.println(finding.requirementId() + " " + finding.requirement().strength() + " " + finding.outcome()
          + ": " + finding.reason());
    }
    // README:end
    return new Result(engine.evaluate(record, now), due);
  }
}
