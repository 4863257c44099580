package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.perfspecs.fhir.BulkExportLines.Kind;
import org.perfspecs.fhir.BulkExportLines.Line;
import org.perfspecs.fhir.BulkExportLines.Placement;
import org.perfspecs.model.CaseRecord;

/**
 * {@link BulkExportLines#place}'s streaming scan places every line as the JSON tree it replaced
 * did ({@link #byTree}, the former implementation, kept here as the reference): the lines of a real
 * export, hand-made edge cases (repeated properties, values of other types, malformed and trailing
 * text), and random edits of export lines (a character deleted, inserted or replaced, the line cut).
 */
class PlacementScanProperties {
  /** The former placement: a JSON tree of the line, then its properties. */
  static Placement byTree(Line line) {
    List<FhirProblem> problems = new ArrayList<>(1);
    Optional<ObjectNode> node = ResourceParser.object(line.text(), line.file(), line.line(),
        BulkExportLines.typeOf(line.file()), problems);
    if (node.isEmpty()) {
      return new Placement(Kind.REJECTED, "", problems.get(0));
    }
    ObjectNode o = node.get();
    String type = o.hasNonNull("resourceType") ? o.get("resourceType").asText() : "";
    if (type.equals("Patient")) {
      JsonNode id = o.get("id");
      if (id != null && id.isTextual()) {
        return new Placement(Kind.PATIENT, id.asText(), null);
      }
    }
    for (String field : new String[] {"subject", "patient", "beneficiary", "for"}) {
      Optional<String> p = patientRef(o.get(field));
      if (p.isPresent()) {
        return new Placement(Kind.PATIENT, p.get(), null);
      }
    }
    JsonNode participants = o.get("participant");
    if (participants != null && participants.isArray()) {
      for (JsonNode p : participants) {
        Optional<String> ref = patientRef(p.get("actor"));
        if (ref.isPresent()) {
          return new Placement(Kind.PATIENT, ref.get(), null);
        }
      }
    }
    if (BulkExportLines.PROGRAM_TYPES.contains(type)) {
      return new Placement(Kind.PROGRAM, type, null);
    }
    return new Placement(Kind.IGNORED, ResourceParser.safeType(type.isEmpty() ? "unknown" : type), null);
  }

  private static Optional<String> patientRef(JsonNode ref) {
    if (ref == null || !ref.isObject()) {
      return Optional.empty();
    }
    JsonNode r = ref.get("reference");
    if (r == null || !r.isTextual()) {
      return Optional.empty();
    }
    String s = r.asText();
    int slash = s.lastIndexOf("Patient/");
    if (slash >= 0) {
      String id = s.substring(slash + "Patient/".length());
      int hist = id.indexOf('/');
      return Optional.of(hist >= 0 ? id.substring(0, hist) : id);
    }
    return Optional.empty();
  }

  private static List<Line> exportLines;

  /** The lines of a bulk export of the samples, with their programs. */
  static synchronized List<Line> exportLines() {
    if (exportLines == null) {
      try {
        Path dir = Files.createTempDirectory("placement-scan");
        Path export = dir.resolve("export");
        try (FhirBulkExport out = FhirBulkExport.into(export)) {
          for (CaseRecord r : Samples.caseRecords()) {
            out.add(r);
          }
        }
        List<Line> lines = new ArrayList<>();
        try (var files = Files.list(export)) {
          for (Path f : files.sorted().toList()) {
            List<String> text = Files.readAllLines(f);
            for (int i = 0; i < text.size(); i++) {
              lines.add(new Line(f.getFileName().toString(), i + 1, text.get(i)));
            }
            Files.delete(f);
          }
        }
        Files.delete(export);
        Files.delete(dir);
        exportLines = List.copyOf(lines);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return exportLines;
  }

  static void samePlacement(Line line) {
    assertThat(BulkExportLines.place(line)).as(line.text()).isEqualTo(byTree(line));
  }

  @Example
  void everyLineOfAnExportIsPlacedAsBefore() {
    assertThat(exportLines()).hasSizeGreaterThan(20);
    assertThat(exportLines().stream().map(BulkExportLines::place).map(Placement::kind).distinct())
        .contains(Kind.PATIENT);
    exportLines().forEach(PlacementScanProperties::samePlacement);
  }

  @Example
  void edgeCasesArePlacedAsBefore() {
    List<String> cases = List.of(
        "{\"resourceType\":\"Patient\",\"id\":\"a\",\"id\":\"b\"}",
        "{\"resourceType\":\"Patient\",\"id\":\"a\",\"id\":7}",
        "{\"id\":\"a\",\"resourceType\":\"Patient\"}",
        "{\"resourceType\":\"Encounter\",\"resourceType\":\"Patient\",\"id\":\"x\"}",
        "{\"resourceType\":7,\"subject\":{\"reference\":\"Patient/p\"}}",
        "{\"resourceType\":null}",
        "{\"resourceType\":{\"a\":[1,2]},\"id\":\"x\"}",
        "{\"resourceType\":\"Organization\",\"id\":\"o\"}",
        "{\"resourceType\":\"Organization\",\"subject\":{\"reference\":\"Patient/p\"}}",
        "{\"resourceType\":\"Encounter\",\"subject\":{\"reference\":\"Patient/a\"},\"subject\":{\"reference\":\"Group/g\"}}",
        "{\"resourceType\":\"Encounter\",\"subject\":{\"reference\":\"Patient/a\",\"reference\":5}}",
        "{\"resourceType\":\"Encounter\",\"subject\":[{\"reference\":\"Patient/a\"}],\"for\":{\"reference\":\"Patient/f/_history/3\"}}",
        "{\"resourceType\":\"Encounter\",\"for\":{\"reference\":\"Patient/f\"},\"patient\":{\"reference\":\"x/Patient/q\"}}",
        "{\"resourceType\":\"Appointment\",\"participant\":[1,null,{\"actor\":{\"reference\":\"Patient/z\"},\"actor\":{}},"
            + "{\"actor\":{\"reference\":\"Patient/y\"}},{\"actor\":{\"reference\":\"Patient/w\"}}]}",
        "{\"resourceType\":\"Appointment\",\"participant\":{\"actor\":{\"reference\":\"Patient/z\"}}}",
        "{\"resourceType\":\"Appointment\",\"participant\":[{\"actor\":{\"reference\":\"Patient/z\"}}],\"participant\":[]}",
        "{\"resourceType\":\"Medication\"} trailing garbage",
        "{\"resourceType\":\"Medication\"}}",
        "{\"resourceType\":\"Medication\"",
        "{\"resourceType\":\"Medication\",}",
        "{\"resourceType\":\"Med\u0001ication\"}",
        "{\"resourceType\":\"Medication\",\"x\":\"bad \\q escape\"}",
        "{\"resourceType\":\"Medication\",\"x\":\"ctl \u0002 char\"}",
        "{\"resourceType\":\"Medication\",\"x\":\"\\ud800\"}",
        "{\"resourceType\":\"Medication\",\"x\":1e999999,\"y\":-0.0,\"z\":123456789012345678901234567890}",
        "{\"resourceType\":\"Medication\",\"x\":" + "9".repeat(1200) + "}",
        "{\"resourceType\":\"Medication\",\"x\":0." + "1".repeat(1200) + "}",
        "{\"resourceType\":\"Medication\",\"x\":01}",
        "{\"resourceType\":\"Medication\",\"x\":NaN}",
        "{\"resourceType\":\"Medication\",\"x\":" + "[".repeat(1100) + "]".repeat(1100) + "}",
        "{\"resourceType\":\"Medication\",\"x\":" + "[".repeat(900) + "]".repeat(900) + "}",
        "{\"resourceType\":\"Medication\",\"x\":\"" + "s".repeat(30_000) + "\"}",
        "{'resourceType':'Patient','id':'a'}",
        "{resourceType:\"Patient\"}",
        "[{\"resourceType\":\"Patient\",\"id\":\"a\"}]",
        "[1,",
        "\"abc",
        "\"abc\"",
        "12",
        "12abc",
        "tru",
        "true",
        "null",
        "// comment",
        "\uFEFF{\"resourceType\":\"Patient\",\"id\":\"a\"}",
        "{}",
        "{\"\":\"\"}",
        "{\"resourceType\":\"\"}");
    for (String c : cases) {
      samePlacement(new Line("Encounter.ndjson", 3, c));
    }
  }

  @Provide
  Arbitrary<Line> editedLines() {
    Arbitrary<Line> line = Arbitraries.of(exportLines());
    Arbitrary<String> inserts = Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "\\", " ", "0", "e", "-", ".",
        "\u0001", "\"Patient/x\"", "\"reference\":", "null", "\"id\":\"i\",", "\"resourceType\":\"Patient\",");
    return Arbitraries.lazy(() -> Arbitraries.integers().between(0, 3)).flatMap(kind -> line.flatMap(l -> {
      int n = l.text().length();
      return Arbitraries.integers().between(0, n).flatMap(at -> inserts.map(ins -> Tuple.of(at, ins)))
          .map(t -> {
            int at = t.get1();
            String text = l.text();
            String edited = switch (kind) {
              case 0 -> text.substring(0, at) + (at < n ? text.substring(at + 1) : ""); // delete one
              case 1 -> text.substring(0, at) + t.get2() + text.substring(at); // insert
              case 2 -> text.substring(0, at) + t.get2() + (at < n ? text.substring(at + 1) : ""); // replace one
              default -> text.substring(0, at); // cut
            };
            return new Line(l.file(), l.line(), edited.isBlank() ? "x" : edited);
          });
    }));
  }

  @Property(tries = 2000)
  void anEditedLineIsPlacedAsBefore(@ForAll("editedLines") Line line) {
    samePlacement(line);
  }
}
