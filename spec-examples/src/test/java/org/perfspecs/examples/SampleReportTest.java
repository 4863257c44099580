package org.perfspecs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The README's first command: the sample report runs clean and covers every service. */
class SampleReportTest {
  @Test
  void theSampleReportEvaluatesEveryBundledRecordAndProgram() throws java.io.IOException {
    long records;
    try (var in = SampleReport.class.getResourceAsStream("samples/case-records.ndjson")) {
      records = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
    }
    int programs;
    try (var in = SampleReport.class.getResourceAsStream("samples/programs.json")) {
      programs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).size();
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SampleReport.run(new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    String report = out.toString();
    assertThat(report)
        .contains("records read: " + records + ", evaluated: " + records + ", rejected: 0; programs evaluated: " + programs)
        .contains("(IOP at ", "(ESOAP at ", "(RC at ", "(CSP at ", "(RRS_PPW at ")
        .contains("Compliance by requirement");
    for (String outcome : new String[] {"MET", "NOT_MET", "PENDING", "NOT_APPLICABLE", "UNDETERMINED", "NOT_EVALUATED"}) {
      assertThat(report).as("the samples show " + outcome).containsPattern("(?m)^  " + outcome + " +[A-Z_]+\\.");
    }
  }
}
