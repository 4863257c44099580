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
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.Member;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.ServiceType;

/** Keeps the README's embedding example compiling, running and identical to the README. */
class ReadmeExampleTest {
  private static final Path SOURCE = Path.of("src/test/java/org/perfspecs/examples/ReadmeExampleTest.java");
  private static final Path README = Path.of("../README.md");

  @Test
  @Verifies("ESOAP.COMP.4.2")
  void theReadmeExampleRunsAndReportsThePendingConsultation() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<Finding> findings;
    try {
      findings = readmeExample();
    } finally {
      System.setOut(original);
    }
    assertThat(findings).filteredOn(f -> f.requirementId().equals("ESOAP.COMP.4.2")).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().satisfies(d -> assertThat(d.last()).isEqualTo(Instant.parse("2024-05-03T13:00:00Z")));
    });
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(findings.size())
        .contains("ESOAP.COMP.4.2 PENDING: no arranged obstetric consultation recorded yet; due by 2024-05-03 09:00 EDT "
            + "(48 hours after 2024-05-01 09:00 EDT)");
  }

  @Test
  void theReadmeShowsExactlyThisExample() throws IOException {
    String readme = Files.readString(README);
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("README has a java block").isTrue();
    String readmeCode = block.group(1).replaceAll("(?m)^\\s*//.*$\\n?", "");
    String source = Files.readString(SOURCE);
    String begin = "// README:" + "begin"; // split so the markers occur once in this file
    String end = "// README:" + "end";
    String between = source.substring(source.indexOf(begin) + begin.length(), source.indexOf(end));
    assertThat(normalize(readmeCode)).isEqualTo(normalize(between));
  }

  private static String normalize(String code) {
    return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
  }

  private static List<Finding> readmeExample() {
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
    for (Finding finding : engine.evaluate(record, now)) {
      System.out.println(finding.requirementId() + " " + finding.outcome() + ": " + finding.reason());
    }
    // README:end
    return engine.evaluate(record, now);
  }
}
