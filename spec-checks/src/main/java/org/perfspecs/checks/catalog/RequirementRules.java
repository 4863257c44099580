package org.perfspecs.checks.catalog;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.perfspecs.checks.Requirement;

/**
 * The rule of every standard requirement: the Javadoc of its constant, written at build time by
 * {@code spec-checks/src/build/RequirementRules.java} into a resource keyed by {@code Class#FIELD},
 * and mapped here to requirement ids through the constants themselves (a list constant's text is
 * the rule of each of its elements). Loaded once, on first use.
 */
final class RequirementRules {
  static final String RESOURCE = "requirement-rules.properties";

  /** Requirement id to rule; empty when the resource is absent (sources compiled without the build step). */
  static final Map<String, String> RULES = load();

  private RequirementRules() {}

  private static Map<String, String> load() {
    Properties properties = new Properties();
    try (InputStream in = RequirementRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Map.of();
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImmutableMap.Builder<String, String> rules = ImmutableMap.builder();
    for (String key : properties.stringPropertyNames()) {
      int hash = key.indexOf('#');
      if (hash < 0 || key.endsWith("@ids")) {
        continue;
      }
      String rule = properties.getProperty(key);
      for (Requirement r : constant(key.substring(0, hash), key.substring(hash + 1))) {
        rules.put(r.id(), rule);
      }
    }
    return rules.buildKeepingLast();
  }

  /** The requirement or requirements a public constant holds; none when it is not one. */
  static List<Requirement> constant(String type, String field) {
    try {
      Field f = Class.forName(type, true, RequirementRules.class.getClassLoader()).getField(field);
      Object value = f.get(null);
      if (value instanceof Requirement r) {
        return List.of(r);
      }
      if (value instanceof List<?> list) {
        return list.stream().filter(Requirement.class::isInstance).map(Requirement.class::cast).toList();
      }
      return List.of();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the requirement rules name a constant that does not exist: "
          + type + "#" + field + " (rebuild spec-checks)", e);
    }
  }
}
