package org.perfspecs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reflection over the model, for tests: which types are value types, and which of their methods are
 * attributes. The generated {@code ImmutableX} classes are the source of truth: an attribute is a
 * no-argument method that the generated class maps to a JSON property. That excludes derived
 * methods ({@code Location.weeklyMinutes()}) and identifies {@code @Value.Default} attributes
 * (which keep a body in the abstract type; the annotation is not visible at run time) as the
 * non-abstract ones.
 */
final class ModelTypes {
  private static final String PACKAGE = Member.class.getPackageName();

  private ModelTypes() {}

  /** Every abstract value type of the model (those with a generated {@code ImmutableX}), by name. */
  static List<Class<?>> valueTypes() {
    Path dir;
    try {
      dir = Path.of(Member.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .resolve(PACKAGE.replace('.', '/'));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("Immutable") && n.endsWith(".class") && !n.contains("$"))
          .map(n -> n.substring("Immutable".length(), n.length() - ".class".length()))
          .map(ModelTypes::load)
          .sorted(Comparator.comparing(Class::getSimpleName))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(String simpleName) {
    try {
      return Class.forName(PACKAGE + "." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code type} is a model value type (has a generated immutable implementation). */
  static boolean isValueType(Class<?> type) {
    return type.getPackageName().equals(PACKAGE) && immutableOf(type).isPresent();
  }

  static Optional<Class<?>> immutableOf(Class<?> type) {
    if (type.getSimpleName().startsWith("Immutable") || type.getEnclosingClass() != null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Class.forName(PACKAGE + ".Immutable" + type.getSimpleName()));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The attribute accessors of value type {@code type} (declared on the abstract type), by name. */
  static List<Method> attributes(Class<?> type) {
    Class<?> immutable = immutableOf(type).orElseThrow(() -> new IllegalArgumentException(type + " is not a value type"));
    return Arrays.stream(immutable.getDeclaredMethods())
        .filter(m -> !m.isBridge() && !m.isSynthetic())
        .filter(m -> m.getParameterCount() == 0 && m.isAnnotationPresent(JsonProperty.class))
        .map(m -> accessor(type, m.getName()))
        .sorted(Comparator.comparing(Method::getName))
        .toList();
  }

  private static Method accessor(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code method} is an attribute of its (abstract) declaring value type. */
  static boolean isAttribute(Method method) {
    Class<?> type = method.getDeclaringClass();
    return method.getParameterCount() == 0
        && !Modifier.isStatic(method.getModifiers())
        && isValueType(type)
        && attributes(type).stream().anyMatch(a -> a.getName().equals(method.getName()));
  }

  /** Whether attribute {@code method} is a {@code @Value.Default} one (it has a body). */
  static boolean isDefault(Method method) {
    return !Modifier.isAbstract(method.getModifiers());
  }

  /** Whether attribute {@code method} may be absent in JSON: optional, a collection, or defaulted. */
  static boolean mayBeOmitted(Method method) {
    Class<?> r = method.getReturnType();
    return isDefault(method) || r == Optional.class || Collection.class.isAssignableFrom(r);
  }
}
