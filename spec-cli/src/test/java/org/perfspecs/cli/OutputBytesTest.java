package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ServiceType;
import org.perfspecs.testkit.GenerateRecords;
import org.perfspecs.testkit.TypicalRecords;

/**
 * The findings output ({@code check --format csv} and {@code --format json}) is byte for byte what
 * it was before issue 19's second output pass ({@link LegacyRendering}, kept frozen): on generated
 * records of every service at several as-of times, with and without the citation text and with
 * {@code --only} filters; on findings holding every kind of awkward text (CSV quoting and formula
 * starts, non-ASCII, supplementary characters, lone surrogates); and through the command line, on
 * the samples and generated records, with one thread and two.
 */
class OutputBytesTest {
  private static final List<Instant> AS_OF = List.of(TypicalRecords.AS_OF, Instant.parse("2024-01-01T00:00:00Z"),
      Instant.parse("2024-09-15T03:30:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
  private static final List<Set<Outcome>> ONLY = List.of(EnumSet.allOf(Outcome.class), EnumSet.of(Outcome.NOT_MET),
      EnumSet.of(Outcome.PENDING, Outcome.ERROR), EnumSet.of(Outcome.MET, Outcome.NOT_APPLICABLE));

  @TempDir
  Path dir;

  /** What {@code check --format csv} renders for one subject's findings. */
  private static byte[] csv(List<Finding> findings, Set<Outcome> only, boolean withText) {
    return new FindingBytes(only, withText).csv(findings).toByteArray();
  }

  /** What {@code check --format json} renders for one subject's findings. */
  private static byte[] json(List<Finding> findings, Set<Outcome> only, boolean withText) {
    return new FindingBytes(only, withText).json(findings).toByteArray();
  }

  private static void assertSame(List<Finding> findings, String what) {
    for (Set<Outcome> only : ONLY) {
      for (boolean withText : new boolean[] {false, true}) {
        String as = what + ", only " + only + ", with text " + withText;
        assertThat(csv(findings, only, withText)).as("csv " + as)
            .isEqualTo(LegacyRendering.csv(findings, only, withText));
        assertThat(json(findings, only, withText)).as("json " + as)
            .isEqualTo(LegacyRendering.json(findings, only, withText));
      }
    }
  }

  @Test
  void findingsOfGeneratedRecordsAreRenderedAsBefore() {
    Engine engine = Engine.standard();
    int findings = 0;
    for (Instant asOf : AS_OF) {
      EvaluationContext ctx = EvaluationContext.asOf(asOf);
      for (ServiceType service : ServiceType.values()) {
        for (long seed : new long[] {3, 42}) {
          for (int i = 0; i < 3; i++) {
            List<Finding> f = engine.evaluate(TypicalRecords.record(service, seed, i), ctx);
            findings += f.size();
            assertSame(f, service + " seed " + seed + " record " + i + " as of " + asOf);
          }
        }
      }
    }
    assertThat(findings).isGreaterThan(1_000);
  }

  /** Text with every character class the renderers treat apart, mixed at random. */
  private static final String[] PIECES = {"a", "Z", "0", "9", " ", ",", "\"", "'", "\n", "\r", "\t", "\b", "\f",
      "\u001b", "=", "+", "-", "@", ":", "\\", "/", "<", ">", "&", "\u0000", "\u001f", "\u007f", "\u0080", "é", "§",
      "’", "\u2028", "\u07ff", "\u0800", "\uffff", "😀", "\ud800", "\udfff", "\ud83d\ude00x", "ID-12", "note"};

  /** A reason is never blank: its first piece. */
  private static final String[] REASON_START = {"a", "=", "-", "+", "@", "\"", ",", "§", "😀", "\ud800", "\udfff"};

  private static String text(Random random) {
    int n = random.nextInt(8);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  /** Findings of every requirement of the catalog, every outcome, with random awkward text. */
  @Test
  void awkwardTextIsRenderedAsBefore() {
    Random random = new Random(19);
    List<Requirement> requirements = Catalog.standard().requirements();
    for (int round = 0; round < 20; round++) {
      List<Finding> findings = new ArrayList<>();
      for (Requirement r : requirements) {
        Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
        List<Evidence> evidence = new ArrayList<>();
        for (int e = random.nextInt(4); e > 0; e--) {
          evidence.add(switch (random.nextInt(3)) {
            case 0 -> Evidence.of(text(random), text(random), text(random));
            case 1 -> Evidence.of(text(random), text(random), Instant.ofEpochSecond(random.nextInt()), text(random));
            default -> Evidence.onDate(text(random), text(random), LocalDate.ofEpochDay(random.nextInt(40_000)),
                text(random));
          });
        }
        Optional<Deadline> due = outcome == Outcome.PENDING || random.nextBoolean()
            ? Optional.of(Deadline.of(Instant.ofEpochSecond(random.nextInt(), random.nextInt(3) * 500_000_000),
                text(random)))
            : Optional.empty();
        boolean episode = r.basis() == org.perfspecs.checks.Basis.EPISODE;
        findings.add(Finding.restore(r, text(random), episode ? Optional.of(text(random)) : Optional.empty(),
            text(random), outcome, REASON_START[random.nextInt(REASON_START.length)] + text(random), evidence, due,
            outcome == Outcome.ERROR ? Optional.of(text(random)) : Optional.empty()));
      }
      assertSame(findings, "round " + round);
    }
  }

  /**
   * Through the command line on the real standard output: the header, then each record's findings
   * as {@link LegacyRendering} renders them, for the samples and generated records, on 1 and 2
   * threads.
   */
  @Test
  void theCommandLineWritesTheSameBytes() throws IOException {
    ByteArrayOutputStream generated = new ByteArrayOutputStream();
    GenerateRecords.write(30, 11, generated);
    byte[] samples = Files.readAllBytes(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson"));
    Path input = dir.resolve("in.ndjson");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(samples);
    if (samples.length > 0 && samples[samples.length - 1] != '\n') {
      all.write('\n');
    }
    all.write(generated.toByteArray());
    Files.write(input, all.toByteArray());
    List<CaseRecord> records = new ArrayList<>();
    for (String line : Files.readAllLines(input)) {
      if (!line.isBlank()) {
        records.add(ModelJson.reader(CaseRecord.class).readValue(line));
      }
    }
    Engine engine = Engine.standard();
    for (Instant asOf : List.of(AS_OF.get(0), AS_OF.get(3))) {
      EvaluationContext ctx = EvaluationContext.asOf(asOf);
      List<List<Finding>> findings = records.stream().map(r -> engine.evaluate(r, ctx)).toList();
      for (String format : List.of("csv", "json")) {
        for (boolean withText : new boolean[] {false, true}) {
          for (Set<Outcome> only : List.of(EnumSet.allOf(Outcome.class), EnumSet.of(Outcome.NOT_MET, Outcome.PENDING))) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            if (format.equals("csv")) {
              expected.write((FindingOutput.csvHeader(withText) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            }
            for (List<Finding> f : findings) {
              expected.write(format.equals("csv") ? LegacyRendering.csv(f, only, withText)
                  : LegacyRendering.json(f, only, withText));
            }
            for (String threads : List.of("1", "2")) {
              List<String> args = new ArrayList<>(List.of("check", input.toString(), "--as-of", asOf.toString(),
                  "--format", format, "--no-progress", "--threads", threads));
              if (withText) {
                args.add("--with-citations");
              }
              if (only.size() < Outcome.values().length) {
                args.add("--only");
                args.add("NOT_MET,PENDING");
              }
              ByteArrayOutputStream bytes = new ByteArrayOutputStream();
              Stdout out = Stdout.of(bytes);
              PerfspecsCommand.run(out, new PrintWriter(new StringWriter(), true), args.toArray(String[]::new));
              out.flush();
              assertThat(bytes.toByteArray()).as(String.join(" ", args)).isEqualTo(expected.toByteArray());
            }
            if (format.equals("json") && asOf.equals(AS_OF.get(0))) { // --output's findings file: the same NDJSON
              Path out = dir.resolve("out-" + asOf.getEpochSecond() + "-" + withText + "-" + only.size());
              List<String> args = new ArrayList<>(List.of("check", input.toString(), "--as-of", asOf.toString(),
                  "--output", out.toString(), "--no-progress", "--threads", "2"));
              if (withText) {
                args.add("--with-citations");
              }
              if (only.size() < Outcome.values().length) {
                args.add("--only");
                args.add("NOT_MET,PENDING");
              }
              CliRun.of(args.toArray(String[]::new));
              assertThat(Files.readAllBytes(out.resolve(ReportFiles.FINDINGS))).as(String.join(" ", args))
                  .isEqualTo(expected.toByteArray());
            }
          }
        }
      }
    }
  }
}
