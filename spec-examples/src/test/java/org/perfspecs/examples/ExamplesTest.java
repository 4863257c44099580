package org.perfspecs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesTest {
  @Test
  void theEhrExampleSaysWhatIsDueAndWhen() {
    assertThat(EhrExample.dueItems(EhrExample.openEpisode(), Instant.parse("2024-05-03T02:00:00Z")))
        .contains("ESOAP.COMP.4.2 is due in 11 hours: no arranged obstetric consultation recorded yet; "
            + "due by 2024-05-03 09:00 EDT (48 hours after 2024-05-01 09:00 EDT)");
    assertThat(EhrExample.dueItems(EhrExample.openEpisode(), Instant.parse("2024-05-03T13:01:00Z")))
        .anyMatch(l -> l.startsWith("ESOAP.COMP.4.2 is overdue: no arranged obstetric consultation recorded by"))
        .noneMatch(l -> l.startsWith("ESOAP.COMP.4.2 is due"));
  }

  @Test
  void theBatchExampleAggregatesTheSamplesAndCountsRejections(@TempDir Path dir) throws IOException {
    Path invalid = SampleReport.copy("invalid-records.ndjson", dir);
    StringWriter csv = new StringWriter();
    long rejected = BatchReportExample.aggregate(invalid, Instant.parse("2024-06-03T16:00:00Z"), new PrintWriter(csv));
    assertThat(rejected).isEqualTo(4);
    assertThat(csv.toString().lines()).anyMatch(l -> l.startsWith("SPECIFICATION,IOP,,"));
    assertThat(csv.toString().lines()).contains(
        "REQUIREMENT,IOP.COMP.4.a,MUST,1,0,0,0,0,0,0,1.0000",
        "PROGRAM,IOP.COMP.4.a@P-IOP-BOSTON,MUST,1,0,0,0,0,0,0,1.0000");
  }
}
