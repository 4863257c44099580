package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;

/**
 * The bundled CodeSystem resources ({@code org/perfspecs/fhir/codesystems/}) are the ones {@link
 * FhirCodeSystems#all()} builds from the model's enums (regenerate with {@code
 * -Dperfspecs.regenerate=true}), and valid against the base R4 CodeSystem definition.
 */
class CodeSystemsTest {
  static final Path DIR = Path.of("src/main/resources/org/perfspecs/fhir/codesystems");

  @Test
  void theBundledCodeSystemsMatchTheModel() throws IOException {
    var parser = Fhir.jsonParser().setPrettyPrint(true);
    if (Boolean.getBoolean("perfspecs.regenerate")) {
      Files.createDirectories(DIR);
      for (CodeSystem cs : FhirCodeSystems.all()) {
        Files.writeString(DIR.resolve(cs.getIdElement().getIdPart() + ".json"), parser.encodeResourceToString(cs) + "\n");
      }
    }
    assertThat(FhirCodeSystems.all()).hasSameSizeAs(FhirCodeSystems.urls());
    for (CodeSystem cs : FhirCodeSystems.all()) {
      String name = "/org/perfspecs/fhir/codesystems/" + cs.getIdElement().getIdPart() + ".json";
      try (InputStream in = CodeSystemsTest.class.getResourceAsStream(name)) {
        assertThat(in).as(name + " (regenerate with -Dperfspecs.regenerate=true)").isNotNull();
        String bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bundled.strip()).as(name).isEqualTo(parser.encodeResourceToString(cs).strip());
      }
      assertThat(cs.getUrl()).startsWith(FhirCodeSystems.BASE);
    }
  }

  @Test
  void theCodeSystemsAreValidR4() {
    // two of them (the validator is slow; all are built by the same code)
    for (CodeSystem cs : FhirCodeSystems.all().subList(0, 2)) {
      assertThat(R4Validator.errors(cs)).as(cs.getUrl()).isEmpty();
    }
  }
}
