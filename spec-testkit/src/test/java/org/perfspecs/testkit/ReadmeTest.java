package org.perfspecs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's first property is {@link ReadmeFirstProperties}, word for word. */
class ReadmeTest {
  @Test
  void theReadmeShowsTheFirstPropertyAsItRuns() throws IOException {
    String source = Files.readString(Path.of("src/test/java/org/perfspecs/testkit/ReadmeFirstProperties.java"));
    String example = source.substring(source.indexOf("// README:BEGIN\n") + "// README:BEGIN\n".length(),
        source.indexOf("// README:END"));
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme).contains("```java\n" + example + "```");
  }
}
