package org.perfspecs.checks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Specification;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.Member;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

class EngineTest {
  static final EvaluationContext CTX = EvaluationContext.asOf(Instant.parse("2024-06-03T16:00:00Z"));

  static CaseRecord record(ServiceType service, String id) {
    return CaseRecord.builder()
        .member(Member.builder().id("M-" + id).dateOfBirth(LocalDate.of(1990, 1, 1))
            .product(InsuranceProduct.OTHER).build())
        .episode(Episode.builder().id(id).service(service).programId("P-1")
            .admittedAt(Instant.parse("2024-05-01T13:00:00Z")).build())
        .build();
  }

  @Test
  void evaluatesEveryEpisodeRequirementOfTheRecordsServiceInCatalogOrder() {
    List<Finding> findings = Engine.standard().evaluate(record(ServiceType.IOP, "E-1"), CTX);
    List<String> expected = Catalog.standard().specification(ServiceType.IOP).orElseThrow().requirements().stream()
        .filter(r -> r instanceof EpisodeRequirement).map(Requirement::id).toList();
    assertThat(findings).extracting(Finding::requirementId).containsExactlyElementsOf(expected);
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.subjectId()).isEqualTo("E-1");
      assertThat(f.programId()).isEqualTo("P-1");
    });
  }

  @Test
  void evaluatesProgramAndExternalRequirementsOnlyForTheProgramsServices() {
    Program program = Program.builder().id("P-9").name("Program").addServices(ServiceType.ESOAP).build();
    List<Finding> findings = Engine.standard().evaluate(program, CTX);
    List<String> expected = Catalog.standard().specification(ServiceType.ESOAP).orElseThrow().requirements().stream()
        .filter(r -> r instanceof org.perfspecs.checks.ProgramRequirement).map(Requirement::id).toList();
    assertThat(findings).extracting(Finding::requirementId).containsExactlyElementsOf(expected)
        .contains("ESOAP.COMP.1", "ESOAP.COMP.2");
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.subjectId()).isEqualTo("P-9");
      assertThat(f.requirementId()).startsWith("ESOAP.");
    });
    Finding general = findings.stream().filter(f -> f.requirementId().equals("ESOAP.COMP.1")).findFirst().orElseThrow();
    assertThat(general.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    assertThat(general.reason()).contains("General Behavioral Health Performance Specifications");
  }

  @Test
  void theSameInputAndAsOfGiveTheSameFindingsInTheSameOrder() {
    CaseRecord r = record(ServiceType.CSP, "E-2");
    assertThat(Engine.standard().evaluate(r, CTX)).isEqualTo(Engine.standard().evaluate(r, CTX));
  }

  @Test
  void isSafeToShareAcrossThreads() {
    Engine engine = Engine.standard();
    List<CaseRecord> records = IntStream.range(0, 2000)
        .mapToObj(i -> record(ServiceType.values()[i % ServiceType.values().length], "E-" + i)).toList();
    List<List<Finding>> sequential = records.stream().map(r -> engine.evaluate(r, CTX)).toList();
    List<List<Finding>> parallel = records.parallelStream().map(r -> engine.evaluate(r, CTX)).toList();
    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void aFailingRequirementBecomesAnErrorFindingAndTheOthersStillRun() {
    EpisodeRequirement broken = EpisodeRequirement.of("RC.TEST.1", Strength.MUST,
        Citation.of("test.txt", "TEST", "1", "text"), EngineTest::fails);
    EpisodeRequirement fine = EpisodeRequirement.of("RC.TEST.2", Strength.MUST,
        Citation.of("test.txt", "TEST", "2", "text"), (r, c) -> Judgment.met("fine"));
    Section section = new Section("TEST", "TEST", List.of(broken, fine)) {};
    Specification spec = Specification.builder(ServiceType.RC).title("t").issuer("i").revision("r")
        .sourceFile("test.txt").sections(section).build();
    List<Finding> findings = Engine.of(Catalog.of(List.of(spec))).evaluate(record(ServiceType.RC, "E-3"), CTX);
    assertThat(findings).extracting(Finding::outcome).containsExactly(Outcome.ERROR, Outcome.MET);
    assertThat(findings.get(0).errorType()).contains(IllegalStateException.class.getName());
    assertThat(findings.get(0).reason()).contains(IllegalStateException.class.getName());
  }

  private static Judgment fails(CaseRecord record, EvaluationContext ctx) {
    throw new IllegalStateException("boom");
  }

  @Test
  void aMemberWhoseProductTheSpecificationDoesNotCoverIsNotJudgedAgainstIt() {
    CaseRecord base = record(ServiceType.IOP, "E-9");
    CaseRecord together = CaseRecord.builder().from(base)
        .member(org.perfspecs.model.ImmutableMember.copyOf(base.member()).withProduct(InsuranceProduct.TUFTS_HEALTH_TOGETHER))
        .build();
    List<Finding> findings = Engine.standard().evaluate(together, CTX);
    assertThat(findings).isNotEmpty().allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(f.reason()).isEqualTo("the member's insurance product TUFTS_HEALTH_TOGETHER is not one the IOP specification applies to");
    });
    CaseRecord cca = CaseRecord.builder().from(base)
        .member(org.perfspecs.model.ImmutableMember.copyOf(base.member()).withProduct(InsuranceProduct.CCA_ONE_CARE)).build();
    assertThat(Engine.standard().evaluate(cca, CTX)).extracting(Finding::outcome).contains(Outcome.NOT_MET);
    assertThat(Engine.standard().evaluate(base, CTX)).as("OTHER: a product the documents do not name is judged")
        .extracting(Finding::outcome).contains(Outcome.NOT_MET);
  }
}
