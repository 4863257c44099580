package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.perfspecs.model.Program;
import org.perfspecs.testkit.Programs;

/** Any valid program profile reads back from its FHIR Bundle as the part FHIR carries. */
class ProgramsProperties {
  @Property(tries = 100)
  void aProgramReadsBackAsItsFhirCarriedPart(@ForAll("programs") Program program) {
    FhirReadResult read = FhirCaseRecords.read(
        FhirCaseRecords.parseBundle(Fhir.jsonParser().encodeResourceToString(FhirPrograms.toBundle(program))));
    assertThat(read.errors()).isEmpty();
    assertThat(read.programs()).containsExactly(FhirPrograms.carried(program));
    assertThat(read.summary().ignored()).isEmpty();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Program> programs() {
    return Programs.programs();
  }
}
