package org.perfspecs.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of the model's types and accessors, read from {@code spec-model/src/main/java} as
 * plain text: what the JSON Schemas give as each definition's and property's {@code description},
 * so the schema and the Javadoc say the same thing.
 */
final class ModelJavadoc {
  private static final Pattern ACCESSOR = Pattern.compile(
      "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*public (?:abstract )?[^;{(=]*?\\b(\\w+)\\(\\)",
      Pattern.DOTALL);
  private static final Pattern TYPE = Pattern.compile(
      "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*public (?:abstract |final )*(?:class|enum|interface) (\\w+)",
      Pattern.DOTALL);
  private static final Pattern INLINE = Pattern.compile("\\{@(?:code|literal|link|linkplain) ([^}]*)}");
  private static final Map<Class<?>, Map<String, String>> ACCESSORS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, String> TYPES = new ConcurrentHashMap<>();

  private ModelJavadoc() {}

  /** The description of a model type (its Javadoc); null for a type outside the model. */
  static String ofType(Class<?> type) {
    if (type == java.time.DayOfWeek.class) {
      return "A day of the week, MONDAY to SUNDAY (java.time.DayOfWeek).";
    }
    if (!type.getPackageName().equals(ModelJavadoc.class.getPackageName()) || type.getSimpleName().startsWith("Immutable")) {
      return null;
    }
    return TYPES.computeIfAbsent(type, t -> {
      Matcher m = TYPE.matcher(source(t));
      while (m.find()) {
        if (m.group(2).equals(t.getSimpleName())) {
          return plain(m.group(1));
        }
      }
      throw new IllegalStateException(t.getSimpleName() + " has no Javadoc");
    });
  }

  /** The description of a model accessor (its Javadoc); null for a method outside the model. */
  static String ofAccessor(Method accessor) {
    Class<?> owner = accessor.getDeclaringClass();
    if (!owner.getPackageName().equals(ModelJavadoc.class.getPackageName()) || owner.getSimpleName().startsWith("Immutable")) {
      return null;
    }
    return ACCESSORS.computeIfAbsent(owner, o -> {
      Map<String, String> out = new ConcurrentHashMap<>();
      Matcher m = ACCESSOR.matcher(source(o));
      while (m.find()) {
        out.putIfAbsent(m.group(2), plain(m.group(1)));
      }
      return out;
    }).get(accessor.getName());
  }

  private static String source(Class<?> type) {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    Path file = Path.of(basedir, "src", "main", "java").resolve(type.getName().replace('.', '/') + ".java");
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the model's sources are read from " + file, e);
    }
  }

  /** Comment text without stars, block tags or HTML; inline tags reduced to their text; one line. */
  static String plain(String comment) {
    StringBuilder text = new StringBuilder();
    for (String line : comment.split("\n")) {
      String l = line.strip();
      l = l.startsWith("*") ? l.substring(1).strip() : l;
      if (l.startsWith("@")) {
        break;
      }
      text.append(l).append(' ');
    }
    Matcher inline = INLINE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (inline.find()) {
      String body = inline.group(1).strip();
      // {@link #source()} reads "source"; {@link Member label} reads "label"
      int space = body.indexOf(' ');
      String shown = inline.group(0).startsWith("{@link") && space > 0 ? body.substring(space + 1)
          : body.replaceFirst("^#", "").replace("()", "").replace('#', '.');
      inline.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    inline.appendTail(out);
    return out.toString().replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        .replaceAll("\\s+", " ").strip();
  }
}
