package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.cli.PerfspecsCommand;

/** The command line with the fhir format on the class path, as in perfspecs-fhir.jar. */
class FhirCommandLineTest {
  static final String SAMPLES = "../spec-examples/src/main/resources/org/perfspecs/examples/samples/case-records.ndjson";
  static final String PROGRAMS = "../spec-examples/src/main/resources/org/perfspecs/examples/samples/programs.json";

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PerfspecsCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  static List<String> findingLines(String out) {
    return out.lines().filter(l -> l.startsWith("{")).toList();
  }

  @Test
  void checkFromFhirGivesTheSameFindingsAsFromPerfspecsJson() throws IOException {
    Path bundles = dir.resolve("bundles.ndjson");
    Run convert = run("convert", "--to", "fhir", SAMPLES, "--output", bundles.toString());
    assertThat(convert.code()).as(convert.err()).isZero();
    Path export = dir.resolve("export");
    assertThat(run("convert", "--to", "fhir", "--bulk", SAMPLES, "--output", export.toString()).code()).isZero();

    Run direct = run("check", SAMPLES, "--as-of", "2024-06-03", "--format", "json");
    Run viaFhir = run("check", "--from", "fhir", bundles.toString(), "--as-of", "2024-06-03", "--format", "json");
    assertThat(viaFhir.code()).as(viaFhir.err()).isEqualTo(direct.code());
    assertThat(findingLines(viaFhir.out())).isEqualTo(findingLines(direct.out()));
    assertThat(viaFhir.err()).contains("FHIR resources read:");

    Run viaBulk = run("check", "--from", "fhir", export.toString(), "--as-of", "2024-06-03", "--format", "json");
    assertThat(viaBulk.code()).as(viaBulk.err()).isEqualTo(direct.code());
    assertThat(findingLines(viaBulk.out())).containsExactlyInAnyOrderElementsOf(findingLines(direct.out()));
  }

  @Test
  void programsComeFromFhirAndAProgramsProfileOfTheSameIdWins() throws IOException {
    Path export = dir.resolve("export");
    Run convert = run("convert", "--to", "fhir", "--bulk", SAMPLES, "--programs", PROGRAMS, "--output", export.toString());
    assertThat(convert.code()).as(convert.err()).isZero();
    assertThat(export.resolve("Organization.ndjson")).exists();
    List<org.perfspecs.model.Program> programs = ProgramsTest.samplePrograms();

    // with the profiles: they win, so the findings are those of perfspecs JSON
    Run direct = run("check", SAMPLES, "--programs", PROGRAMS, "--as-of", "2024-06-03", "--format", "json");
    Run viaBulk = run("check", "--from", "fhir", export.toString(), "--programs", PROGRAMS, "--as-of", "2024-06-03",
        "--format", "json");
    assertThat(viaBulk.code()).as(viaBulk.err()).isEqualTo(direct.code());
    assertThat(findingLines(viaBulk.out())).containsExactlyInAnyOrderElementsOf(findingLines(direct.out()));
    assertThat(viaBulk.err()).contains("programs evaluated: " + programs.size());

    // without: the programs are judged on what FHIR carries, and the summary says so
    Run fhirOnly = run("check", "--from", "fhir", export.toString(), "--as-of", "2024-06-03", "--format", "json");
    assertThat(fhirOnly.err()).contains("programs evaluated: " + programs.size())
        .contains("programs in the FHIR input: " + programs.size());
    Path carried = dir.resolve("carried.ndjson");
    for (var p : programs) {
      Files.writeString(carried, org.perfspecs.model.ModelJson.toJson(FhirPrograms.carried(p)) + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
    Run fromCarried = run("check", SAMPLES, "--programs", carried.toString(), "--as-of", "2024-06-03", "--format", "json");
    assertThat(findingLines(fhirOnly.out())).containsExactlyInAnyOrderElementsOf(findingLines(fromCarried.out()));

    // convert --to perfspecs writes them back
    Path back = dir.resolve("programs.ndjson");
    Run toPerfspecs = run("convert", "--to", "perfspecs", export.toString(), "--programs", back.toString());
    assertThat(toPerfspecs.code()).as(toPerfspecs.err()).isZero();
    assertThat(Files.readAllLines(back)).containsExactlyElementsOf(Files.readAllLines(carried));
  }

  @Test
  void aReportFromFhirHasTheSameActionListsAsFromPerfspecsJson() throws IOException {
    Path bundles = dir.resolve("bundles.ndjson");
    assertThat(run("convert", "--to", "fhir", SAMPLES, "--output", bundles.toString()).code()).isZero();
    Path direct = dir.resolve("direct.json");
    Path viaFhir = dir.resolve("via-fhir.json");
    run("report", SAMPLES, "--as-of", "2024-06-03", "--format", "json", "--output", direct.toString());
    Run r = run("report", "--from", "fhir", bundles.toString(), "--as-of", "2024-06-03", "--format", "json", "--output",
        viaFhir.toString());
    assertThat(Files.exists(viaFhir)).as(r.err()).isTrue();
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var a = mapper.readTree(direct.toFile());
    var b = mapper.readTree(viaFhir.toFile());
    assertThat(a.get("failing")).isNotNull();
    assertThat(b.get("failing")).isEqualTo(a.get("failing"));
    assertThat(b.get("comingDue")).isEqualTo(a.get("comingDue"));
  }

  @Test
  void convertRoundTripsFhirToPerfspecsJson() throws IOException {
    Path bundles = dir.resolve("bundles.ndjson");
    assertThat(run("convert", "--to", "fhir", SAMPLES, "--output", bundles.toString()).code()).isZero();
    Run back = run("convert", "--to", "perfspecs", bundles.toString());
    assertThat(back.code()).as(back.err()).isZero();
    List<String> original = new ArrayList<>();
    for (var r : Samples.caseRecords()) {
      original.add(org.perfspecs.model.ModelJson.toJson(r));
    }
    assertThat(back.out().lines().toList()).isEqualTo(original);
  }

  @Test
  void findingsAsFhirWritesTasksAndDetectedIssuesAsNdjson() throws IOException {
    Path bundles = dir.resolve("bundles.ndjson");
    assertThat(run("convert", "--to", "fhir", SAMPLES, "--output", bundles.toString()).code()).isZero();
    Run run = run("check", "--from", "fhir", bundles.toString(), "--as-of", "2024-05-02", "--findings-as", "fhir");
    List<String> lines = run.out().lines().toList();
    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).matches("\\{\"resourceType\":\"(Task|DetectedIssue)\".*"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("{\"resourceType\":\"Task\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("{\"resourceType\":\"DetectedIssue\""));
    assertThat(run.err()).contains("Summary");
  }

  @Test
  void aBadLineIsReportedWithFileLineAndPathAndExitsWith2() throws IOException {
    Path bundles = dir.resolve("bad.ndjson");
    Files.write(bundles, List.of("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\","
        + "\"id\":\"p1\",\"birthDate\":\"SECRET\"}}]}", "not json at all SECRET"), StandardCharsets.UTF_8);
    Run run = run("check", "--from", "fhir", bundles.toString(), "--as-of", "2024-06-03");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("bad.ndjson line 1: Bundle.entry[0].resource.ofType(Patient)")
        .contains("bad.ndjson line 2").doesNotContain("SECRET").doesNotContain("Exception");
  }
}
