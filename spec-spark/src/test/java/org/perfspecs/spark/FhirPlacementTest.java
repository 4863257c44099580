package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The placement cases {@link FhirExportTest} does not add, on {@code local[2]} against the command
 * line on the same export ({@link FhirExportTest#compare}): a line that is JSON but not an object,
 * an object with text after it, a repeated {@code subject} (the last one places the line), a
 * resource placed by an Appointment participant, and a {@code resourceType} that is not a string.
 */
class FhirPlacementTest {
  @TempDir
  Path dir;

  @Test
  void everyPlacementCaseGivesTheCommandLinesResults() throws IOException {
    Path samples = SamplesTest.sample(dir, "case-records.ndjson");
    Path export = dir.resolve("export");
    FhirExportTest.Run convert = FhirExportTest.cli("convert", "--to", "fhir", "--bulk", samples.toString(), "--output",
        export.toString());
    assertThat(convert.code()).as(convert.err()).isZero();
    long before = 0;
    try (var files = Files.list(export)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).toList()) {
        before += Files.readAllLines(f).size();
      }
    }
    String firstPatient = Files.readAllLines(export.resolve("Patient.ndjson")).get(0);
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(firstPatient);
    assertThat(m.find()).isTrue();
    String patient = m.group(1);
    String ref = "{\"reference\":\"Patient/" + patient + "\"}";
    Files.writeString(export.resolve("Encounter.ndjson"), "[1]\n"
        + "{\"resourceType\":\"Encounter\",\"id\":\"after\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
        + "\"subject\":" + ref + "} and text after it\n"
        + "{\"resourceType\":\"Encounter\",\"id\":\"twice\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
        + "\"subject\":{\"reference\":\"Group/g\"},\"subject\":" + ref + "}\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Files.writeString(export.resolve("Appointment.ndjson"), "{\"resourceType\":\"Appointment\",\"id\":\"ap\","
        + "\"status\":\"booked\",\"participant\":[{\"actor\":{\"reference\":\"Practitioner/d\"},\"status\":\"accepted\"},"
        + "{\"actor\":" + ref + ",\"status\":\"accepted\"}]}\n"
        + "{\"resourceType\":7,\"id\":\"odd\"}\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);

    FhirExportTest.Compared c = FhirExportTest.compare(export, null, FhirExportTest.AS_OF);

    CheckSummary.ExportLines lines = c.summary().exportLines().orElseThrow();
    assertThat(lines.total()).as(lines.toString()).isEqualTo(before + 5);
    assertThat(lines.patient() + lines.program()).isEqualTo(before + 3); // after, twice, the Appointment
    assertThat(lines.rejected()).isEqualTo(1); // [1]
    assertThat(lines.ignored()).isEqualTo(1); // resourceType 7
    assertThat(c.sparkRejections()).anySatisfy(r -> assertThat(r).startsWith("Encounter.ndjson line ")
        .contains("is not a JSON object"));
    assertThat(c.summary().records().evaluated()).isPositive();
  }
}
