package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfspecs due}: per episode, overdue first, then open, at the deadline's boundary. */
class DueCommandTest {
  @TempDir
  Path dir;

  private CliRun due(String asOf) throws IOException {
    Path cases = dir.resolve("cases.ndjson");
    if (!Files.exists(cases)) {
      Files.copy(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson"), cases);
    }
    return CliRun.of("due", cases.toString(), "--as-of", asOf);
  }

  /** IOP-1003's initial evaluation is due by the end of 2024-06-03 (one business day after a Friday referral). */
  private static String episode(CliRun run, String id) {
    String out = run.out;
    int start = out.indexOf("Episode " + id + " ");
    int end = out.indexOf("\nEpisode ", start + 1);
    return out.substring(start, end < 0 ? out.length() : end);
  }

  @Test
  void atTheLastNanosecondItIsOpenAndDueNow() throws IOException {
    CliRun run = due("2024-06-03T23:59:59.999999999-04:00");
    assertThat(run.exitCode).isZero();
    String iop = episode(run, "IOP-1003");
    assertThat(iop).contains("member M-1003").contains("0 overdue")
        .contains("open     IOP.COMP.4.a       due 2024-06-03 23:59 EDT (now)")
        .contains("Intensive Outpatient Program (IOP) Performance Specifications, PS #014, Commonwealth Care Alliance")
        .contains("\u201cThe member will be evaluated/assessed within one business day of referral\u201d");
    assertThat(run.err).contains("records read: ");
    // an episode with nothing due is counted, not listed
    assertThat(run.out).doesNotContain("Episode IOP-1001 ").containsPattern("(?m)^\\d+ episode\\(s\\) or program\\(s\\) with nothing due$");
  }

  @Test
  void aNanosecondLaterItIsOverdueAndListedFirst() throws IOException {
    String iop = episode(due("2024-06-04T00:00:00-04:00"), "IOP-1003");
    assertThat(iop).contains("OVERDUE  IOP.COMP.4.a       due 2024-06-03 23:59 EDT (just passed)");
    assertThat(iop.indexOf("OVERDUE")).isLessThan(iop.indexOf("open ") < 0 ? Integer.MAX_VALUE : iop.indexOf("open "));
  }

  @Test
  void twelveHoursBeforeItSaysHowMuchTimeIsLeft() throws IOException {
    assertThat(episode(due("2024-06-03T12:00:00-04:00"), "IOP-1003"))
        .contains("IOP.COMP.4.a       due 2024-06-03 23:59 EDT (in 11 h 59 min)");
  }

  @Test
  void aMissingFileIsAnErrorOnly() {
    CliRun run = CliRun.of("due", dir.resolve("nope.ndjson").toString(), "--as-of", "2024-06-03");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.out).isEmpty();
  }
}
