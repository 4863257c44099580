package org.perfspecs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.FindingJson;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.Program;
import org.perfspecs.testkit.TypicalRecords;

/**
 * A guard for work on the engine's speed (issue 19): the findings of thousands of records,
 * rendered as the CLI's {@code check --format json --with-citations} renders them, must stay
 * byte-identical. The digests below were produced by main at {@code 83d57c7}, before any change
 * of the evaluation code; a change that alters one byte of one finding fails here.
 *
 * <p>The records: 1,000 typical generated records (fixed seeds, the five services in turn) and the
 * bundled samples (records and programs). Each record is evaluated as of several fixed times
 * across 2024 and at the deadline boundaries of its own findings as of the testkit's as-of time:
 * for up to {@value #BOUNDARIES} distinct due times (the earliest), the due time itself, one
 * second before and one second after.
 */
class FindingsDigestTest {
  private static final Engine ENGINE = Engine.standard();
  private static final JsonFactory FACTORY = ModelJson.newMapper().getFactory();
  private static final int BOUNDARIES = 4;
  private static final List<Instant> FIXED = List.of(
      TypicalRecords.AS_OF,
      Instant.parse("2024-01-15T05:00:00Z"),
      Instant.parse("2024-03-10T06:59:59Z"), // a second before the spring daylight-saving change
      Instant.parse("2024-04-30T03:59:59Z"), // the last second of April in New York
      Instant.parse("2024-12-31T23:00:00Z"));

  @Test
  void typicalRecords() {
    MessageDigest d = sha256();
    for (int i = 0; i < 1000; i++) {
      digest(d, "typical " + i, TypicalRecords.record(20261204L + i / 250, i));
    }
    assertThat(hex(d)).isEqualTo("7fed71a1dfc3816d5755f0de3cdbdb534ef7f3a5b11c781859e1ff46b3689d66");
  }

  @Test
  void samples() throws IOException {
    MessageDigest d = sha256();
    Path dir = Path.of("..", "spec-examples", "src", "main", "resources", "org", "perfspecs", "examples", "samples");
    List<String> lines = Files.readAllLines(dir.resolve("case-records.ndjson"), StandardCharsets.UTF_8);
    int n = 0;
    for (String line : lines) {
      if (!line.isBlank()) {
        digest(d, "sample " + n++, ModelJson.reader(CaseRecord.class).readValue(line));
      }
    }
    assertThat(n).isGreaterThan(10);
    Program[] programs = ModelJson.reader(Program[].class).readValue(dir.resolve("programs.json").toFile());
    assertThat(programs).isNotEmpty();
    for (Program p : programs) {
      for (Instant asOf : FIXED) {
        render(d, "program " + p.id() + " " + asOf, ENGINE.evaluate(p, EvaluationContext.asOf(asOf)));
      }
    }
    assertThat(hex(d)).isEqualTo("67a874f84c82fea844cea3658242b26ed8e18b0f6eb48fecf3a98c16532c5491");
  }

  private static void digest(MessageDigest d, String label, CaseRecord record) {
    TreeSet<Instant> dues = new TreeSet<>();
    for (Instant asOf : FIXED) {
      List<Finding> findings = ENGINE.evaluate(record, EvaluationContext.asOf(asOf));
      render(d, label + " " + asOf, findings);
      if (asOf.equals(TypicalRecords.AS_OF)) {
        for (Finding f : findings) {
          f.due().ifPresent(due -> dues.add(due.last()));
        }
      }
    }
    TreeSet<Instant> asOfs = new TreeSet<>();
    int taken = 0;
    for (Instant due : dues) {
      if (taken++ == BOUNDARIES) {
        break;
      }
      asOfs.add(due.minusSeconds(1));
      asOfs.add(due);
      asOfs.add(due.plus(Duration.ofSeconds(1)));
    }
    asOfs.removeAll(FIXED);
    for (Instant asOf : asOfs) {
      render(d, label + " " + asOf, ENGINE.evaluate(record, EvaluationContext.asOf(asOf)));
    }
  }

  private static void render(MessageDigest d, String label, List<Finding> findings) {
    StringWriter w = new StringWriter(findings.size() * 1024 + 64);
    w.write(label);
    w.write('\n');
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setRootValueSeparator(null);
      for (Finding f : findings) {
        FindingJson.write(g, f, true);
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    d.update(w.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest());
  }
}
