package org.perfspecs.cli.spi;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An input format the command line can read with {@code --from NAME} (and, optionally, extra
 * commands and a {@code --findings-as NAME} writer), found with {@link java.util.ServiceLoader}. The
 * default jar has none: spec-fhir's {@code perfspecs-fhir.jar} adds {@code fhir}.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface InputFormat {
  /** The name given to {@code --from} (and {@code --findings-as}), e.g. {@code fhir}. */
  String name();

  /**
   * Opens {@code path} for reading case records.
   *
   * @throws IOException if it cannot be opened
   */
  RecordSource open(Path path) throws IOException;

  /** Extra subcommands (picocli command objects) this format adds, e.g. {@code convert}. Default: none. */
  default List<Object> subcommands() {
    return List.of();
  }

  /** A writer of findings in this format ({@code --findings-as NAME}), when the format has one. Default: none. */
  default Optional<FindingWriter> findingWriter(Writer out) {
    return Optional.empty();
  }
}
