package org.perfspecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.perfspecs.checks.Interpretation;
import org.perfspecs.checks.catalog.Catalog;

/**
 * How {@code --interpretations FILE} is read, for every entry point that takes one (the command
 * line, the Spark job): a JSON object of interpretation keys ({@code perfspecs catalog} lists
 * them) to strings (ISO-8601 durations, choices) or whole numbers.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class InterpretationsFile {
  private InterpretationsFile() {}

  /**
   * The values of {@code file}, as text by key, in the file's order (not yet checked against the
   * catalog: {@link Catalog#parseInterpretations} does that).
   *
   * @throws IllegalArgumentException saying what is wrong (never quoting a value) when the file
   *     cannot be read, is not a JSON object, or has a value that is neither a string nor a whole
   *     number
   */
  public static Map<String, String> values(Path file) {
    JsonNode root;
    try {
      root = org.perfspecs.model.ModelJson.newMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot be read as JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("must be a JSON object of interpretation keys to values");
    }
    Map<String, String> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode v = f.getValue();
      if (!v.isTextual() && !v.isIntegralNumber()) {
        throw new IllegalArgumentException("the value of " + f.getKey()
            + " must be a string (an ISO-8601 duration or a choice) or a whole number");
      }
      values.put(f.getKey(), v.asText());
    }
    return values;
  }

  /**
   * The overrides of {@code file} for the {@linkplain Catalog#standard() standard catalog}.
   *
   * @throws IllegalArgumentException as {@link #values} does, or naming an unknown key or a value
   *     of the wrong kind
   */
  public static Map<Interpretation, Object> read(Path file) {
    return Catalog.standard().parseInterpretations(values(file));
  }
}
