package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * HL7's official R4 examples (npm package {@code hl7.fhir.r4.examples} 4.0.1, which {@code .ci/run}
 * fetches into {@code .cache/hl7.fhir.r4.examples/package}) all parse, and every Patient,
 * EpisodeOfCare, Encounter, ServiceRequest, CarePlan and Appointment among them maps without an
 * ERROR: what can be mapped is, the rest is counted and reported. Skipped when the package is
 * absent, except on CI (env {@code CI} set), where it fails.
 */
class Hl7ExamplesTest {
  static final Path PACKAGE = Path.of("../.cache/hl7.fhir.r4.examples/package");
  static final Set<String> MAPPED = Set.of("Patient", "EpisodeOfCare", "Encounter", "ServiceRequest", "CarePlan",
      "Appointment");

  static List<Path> examples() throws IOException {
    if (!Files.isDirectory(PACKAGE)) {
      if (System.getenv("CI") != null) {
        fail("the HL7 R4 examples are missing; .ci/run fetches them with: npm pack hl7.fhir.r4.examples@4.0.1");
      }
      Assumptions.abort("the HL7 R4 examples are not in " + PACKAGE + ": run .ci/run, or npm pack "
          + "hl7.fhir.r4.examples@4.0.1 and untar it into .cache/hl7.fhir.r4.examples");
    }
    try (Stream<Path> s = Files.list(PACKAGE)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("package.json") && !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
  }

  @Test
  void everyExampleParsesAndTheMappedKindsMapWithoutAnError() throws IOException {
    List<Path> files = examples();
    assertThat(files).hasSizeGreaterThan(2000);
    Tally tally = new Tally();
    List<FhirProblem> problems = new ArrayList<>();
    ResourceParser parser = new ResourceParser(tally, problems);
    List<Located> resources = new ArrayList<>();
    List<String> unparsed = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      String json = Files.readString(f, StandardCharsets.UTF_8);
      int before = problems.size();
      var node = parser.object(json, name, 0, "(file)");
      if (node.isEmpty()) {
        unparsed.add(name);
        continue;
      }
      String type = node.get().hasNonNull("resourceType") ? node.get().get("resourceType").asText() : "unknown";
      Optional<Located> r = parser.resource(node.get(), type, name, 0, type, null);
      if (r.isEmpty()) {
        unparsed.add(name + ": " + problems.subList(before, problems.size()));
        continue;
      }
      // the resources of Bundles are mapped with the others
      if (r.get().resource() instanceof Bundle b) {
        for (int i = 0; i < b.getEntry().size(); i++) {
          var e = b.getEntry().get(i);
          if (e.hasResource()) {
            resources.add(new Located(e.getResource(), name, 0, "Bundle.entry[" + i + "].resource.ofType("
                + e.getResource().fhirType() + ")", e.hasFullUrl() ? e.getFullUrl() : null));
          }
        }
      } else {
        resources.add(r.get());
      }
    }
    assertThat(unparsed).as("examples that do not parse").isEmpty();

    // map: one group per file, as the reader does per Bundle
    Tally mapped = new Tally();
    List<FhirProblem> mapping = new ArrayList<>();
    var groups = new java.util.LinkedHashMap<String, List<Located>>();
    resources.forEach(l -> groups.computeIfAbsent(l.file(), k -> new ArrayList<>()).add(l));
    long records = 0;
    long members = 0;
    for (List<Located> group : groups.values()) {
      ResourceMapper mapper = new ResourceMapper(FhirCaseRecords.validator(), mapped, mapping);
      mapper.map(group);
      records += mapper.records().size();
      members += mapper.members().size();
    }
    List<FhirProblem> errors = mapping.stream().filter(p -> p.severity() == FhirProblem.Severity.ERROR)
        .filter(p -> MAPPED.stream().anyMatch(t -> p.location().contains(t))).toList();
    assertThat(errors).as("errors mapping Patient, EpisodeOfCare, Encounter, ServiceRequest, CarePlan, Appointment")
        .isEmpty();
    FhirReadSummary summary = mapped.snapshot();
    assertThat(summary.resourcesRead()).isEqualTo(resources.size());
    assertThat(members).isPositive();
    System.out.println("HL7 R4 examples: " + files.size() + " files, " + resources.size() + " resources; members "
        + members + ", records " + records + "; warnings " + mapping.size());
    summary.describe().forEach(System.out::println);
  }
}
