package org.perfspecs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

/** The attestation path of program requirements: MET with an attestation dated by the as-of, NOT_MET without. */
class AttestedRequirementTest {
  static final ProgramRequirement ATTESTED = ProgramRequirement.attested("CSP.TEST.1", Strength.MUST,
      Citation.of("test.txt", "TEST", "1", "The program must ensure appropriate protections."));
  static final EvaluationContext CTX = EvaluationContext.asOf(Instant.parse("2024-06-03T16:00:00Z"));

  static Program program(LocalDate attestedOn) {
    var b = Program.builder().id("P-1").name("P").addServices(ServiceType.CSP);
    if (attestedOn != null) {
      b.addAttestations(Attestation.builder().requirementId("CSP.TEST.1").attestedBy("program director")
          .attestedOn(attestedOn).build());
    }
    return b.build();
  }

  @Test
  void metWithAnAttestationDatedOnOrBeforeTheAsOfDate() {
    Finding f = ATTESTED.evaluate(program(LocalDate.of(2024, 6, 3)), CTX);
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.reason()).isEqualTo("attested by program director on 2024-06-03");
    assertThat(f.evidence()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo("attestation"));
  }

  @Test
  void notMetWithoutAnAttestationOrWithOneDatedAfterTheAsOf() {
    assertThat(ATTESTED.evaluate(program(null), CTX).outcome()).isEqualTo(Outcome.NOT_MET);
    Finding future = ATTESTED.evaluate(program(LocalDate.of(2024, 6, 4)), CTX);
    assertThat(future.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(future.reason()).contains("holds no attestation for CSP.TEST.1");
  }

  @Test
  void anAttestationForAnotherRequirementDoesNotCount() {
    Program other = Program.builder().id("P-1").name("P").addServices(ServiceType.CSP)
        .addAttestations(Attestation.builder().requirementId("CSP.TEST.2").attestedBy("director")
            .attestedOn(LocalDate.of(2024, 1, 1)).build()).build();
    assertThat(ATTESTED.evaluate(other, CTX).outcome()).isEqualTo(Outcome.NOT_MET);
  }
}
