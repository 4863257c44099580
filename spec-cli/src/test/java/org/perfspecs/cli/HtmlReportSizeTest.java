package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Specification;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.Member;

/**
 * The page of a million records stays one self-contained page of bounded size: an aggregate of the
 * shape such a run has (every requirement of the five specifications, 60 months of admission, 40
 * programs, counts in the millions, a full drill-down of long ids and a full coming-due list) is
 * built directly, without evaluating a million records, and rendered.
 */
class HtmlReportSizeTest {
  /** The bound the README states for a report with the default options. */
  static final int BOUND_BYTES = 3 * 1024 * 1024;

  private static final Instant AS_OF = Instant.parse("2025-12-31T12:00:00Z");

  @Test
  void aMillionRecordPageIsSelfContainedAndUnderTheStatedBound() throws Exception {
    Catalog catalog = Catalog.standard();
    Evaluation ev = Evaluation.empty(EvaluationContext.asOf(AS_OF), catalog, "records.ndjson", new ReportOptions());
    Aggregate shape = new Aggregate(catalog);
    int record = 0;
    Outcome[] cycle = {Outcome.MET, Outcome.NOT_MET, Outcome.MET, Outcome.PENDING, Outcome.NOT_APPLICABLE, Outcome.MET};
    for (Specification spec : catalog.specifications()) {
      for (int program = 0; program < 8; program++) {
        String programId = "P-" + spec.key() + "-" + "x".repeat(24) + program;
        List<Finding> programFindings = new ArrayList<>();
        int j = program;
        for (Requirement r : spec.requirements()) {
          if (r.basis() != Basis.EPISODE) {
            Outcome drawn = cycle[j++ % cycle.length];
            Outcome o = drawn == Outcome.PENDING ? Outcome.NOT_EVALUATED : drawn;
            programFindings.add(Finding.restore(r, programId, Optional.empty(), programId, o, "synthetic finding",
                List.of(), Optional.empty(), Optional.empty()));
          }
        }
        programFindings.forEach(shape::add);
        ev.lists.add(programFindings);
        for (int m = 0; m < 60; m++) {
          Instant admitted = YearMonth.of(2021, 1).plusMonths(m).atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC);
          String episodeId = String.format(java.util.Locale.ROOT, "%08d-0000-4000-8000-%012d", record, record);
          CaseRecord rec = CaseRecord.builder()
              .member(Member.builder().id("M-" + record).dateOfBirth(java.time.LocalDate.of(1990, 1, 1))
                  .product(InsuranceProduct.OTHER).build())
              .episode(Episode.builder().id(episodeId).service(spec.service()).programId(programId).admittedAt(admitted).build())
              .build();
          List<Finding> findings = new ArrayList<>();
          int i = record;
          for (Requirement r : spec.requirements()) {
            if (r.basis() != Basis.EPISODE) {
              continue;
            }
            Outcome o = cycle[i++ % cycle.length];
            Optional<Deadline> due = o == Outcome.PENDING
                ? Optional.of(Deadline.of(AS_OF.plusSeconds(3600L * (i % 160)), "synthetic")) : Optional.empty();
            findings.add(Finding.restore(r, episodeId, Optional.of("M-" + record), programId, o, "synthetic finding",
                List.of(), due, Optional.empty()));
          }
          shape.add(rec, findings);
          ev.lists.add(findings);
          record++;
        }
      }
    }
    // counts of a million records: double the shape's counts 2^9 times (2,400 records x 512)
    Aggregate doubled = new Aggregate(catalog);
    doubled.merge(shape);
    for (int k = 0; k < 9; k++) {
      Aggregate copy = new Aggregate(catalog);
      copy.merge(doubled);
      doubled.merge(copy);
    }
    ev.aggregate.merge(doubled);
    ev.read = 1_228_800;
    ev.evaluated = ev.read;

    StringWriter w = new StringWriter();
    HtmlReport.write(ev, catalog, w);
    String page = w.toString();
    int bytes = page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertThat(bytes).as("page size in bytes").isLessThan(BOUND_BYTES);
    assertThat(page).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http")
        .doesNotContain("url(").doesNotContain("@import");
    assertThat(page).contains("data-figure=\"recordsRead\">1,228,800<");
    // the lists are bounded: the drill-down lists at most N ids per requirement, coming due at most the limit
    assertThat(count(page, "data-failing-id")).isLessThanOrEqualTo(catalog.requirements().size() * ReportOptions.DEFAULT_DRILL_DOWN);
    assertThat(count(page, "<tr data-due=")).isEqualTo(ReportOptions.COMING_DUE_LIMIT);
    assertThat(count(page, "<g class=\"mix\"")).isEqualTo(40);
  }

  private static int count(String page, String what) {
    int n = 0;
    for (int i = page.indexOf(what); i >= 0; i = page.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
