package org.perfspecs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The README's first command: the sample report runs clean and covers every service. */
class SampleReportTest {
  @Test
  void theSampleReportEvaluatesEveryBundledRecordAndProgram() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SampleReport.run(new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    String report = out.toString();
    assertThat(report)
        .contains("records read: 12, evaluated: 12, rejected: 0; programs evaluated: 6")
        .contains("Episode IOP-1001", "Episode ESOAP-2001", "Episode RC-3001", "Episode CSP-4001", "Episode RRS-5001")
        .contains("Compliance by requirement");
    for (String outcome : new String[] {"MET", "NOT_MET", "PENDING", "NOT_APPLICABLE", "UNDETERMINED", "NOT_EVALUATED"}) {
      assertThat(report).as("the samples show " + outcome).containsPattern("(?m)^  " + outcome + " +[A-Z_]+\\.");
    }
  }
}
