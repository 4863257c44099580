package org.perfspecs.cli.spi;

import java.io.IOException;
import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Finding;
import org.perfspecs.model.CaseRecord;

/**
 * Writes the findings of one record at a time in an {@link InputFormat}'s own form ({@code
 * --findings-as NAME}), e.g. FHIR Tasks and DetectedIssues as NDJSON.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface FindingWriter {
  /**
   * Writes what the findings of {@code record} give.
   *
   * @throws IOException if writing fails
   */
  void record(CaseRecord record, List<Finding> findings) throws IOException;
}
