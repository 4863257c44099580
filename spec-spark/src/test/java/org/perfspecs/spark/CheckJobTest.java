package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.cli.PerfspecsCommand;

/** The job's entry point on the samples: its aggregate.json is the command line's, and it exits as the command line does. */
class CheckJobTest {
  @TempDir
  Path dir;

  @Test
  void theJobWritesTheCommandLinesAggregateJsonAndTheRowsAsJson() throws IOException {
    LocalSpark.session(); // the job joins the running local[2] session
    Path records = SamplesTest.sample(dir, "case-records.ndjson");
    Path programs = SamplesTest.programsNdjson(dir);
    Path out = dir.resolve("out");

    int code = CheckJob.run(records.toString(), out.toString(), "--as-of", SamplesTest.AS_OF, "--programs",
        programs.toString(), "--format", "json");

    StringWriter cli = new StringWriter();
    PerfspecsCommand.run(new PrintWriter(cli, true), new PrintWriter(new StringWriter(), true), "report",
        records.toString(), "--programs", programs.toString(), "--as-of", SamplesTest.AS_OF, "--format", "json");
    assertThat(code).isZero();
    assertThat(Files.readString(out.resolve("aggregate.json"))).isEqualTo(cli.toString());
    for (String part : List.of("findings", "rejected", "aggregate")) {
      assertThat(out.resolve(part).resolve("_SUCCESS")).exists();
    }
  }

  @Test
  void aMissingAsOfIsAUsageError() {
    assertThat(CheckJob.run("in.ndjson", "out")).isEqualTo(3);
    assertThat(CheckJob.run("in.ndjson", "out", "--as-of", "yesterday")).isEqualTo(3);
  }
}
