package org.perfspecs.cli;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.perfspecs.cli.spi.InputFormat;

/** The input formats on the class path ({@link ServiceLoader}); none in the default jar. */
final class Formats {
  private Formats() {}

  /** The name of perfspecs' own JSON input. */
  static final String PERFSPECS = "perfspecs";

  /** The jar that adds the {@code fhir} format, named in the usage error of the default jar. */
  static final String FHIR_JAR = "spec-fhir/target/perfspecs-fhir.jar";

  private static final class Holder {
    static final List<InputFormat> ALL = ServiceLoader.load(InputFormat.class).stream().map(ServiceLoader.Provider::get)
        .toList();
  }

  static List<InputFormat> all() {
    return Holder.ALL;
  }

  static Optional<InputFormat> find(String name) {
    return all().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The usage error for a format that is not on the class path. */
  static String missing(String name) {
    return "--from " + name + ": this jar cannot read " + name + " input"
        + (name.equals("fhir") ? "; use the FHIR jar: java -jar " + FHIR_JAR + " ..." : "")
        + " (known: " + PERFSPECS + all().stream().map(f -> ", " + f.name()).reduce("", String::concat) + ")";
  }
}
