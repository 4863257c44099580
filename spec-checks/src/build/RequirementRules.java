import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build step of spec-checks (run by the exec plugin in process-classes, as a single-file source
 * program, so nothing of it ships in the jar): reads the Javadoc of every public static final
 * requirement constant (a {@code Requirement} or a {@code List} of them) under the
 * specifications package and writes it, as plain text, to a properties resource keyed by
 * {@code fully.qualified.Class#FIELD}. {@code Catalog.rule(id)} reads it: the catalog carries each
 * requirement's exact reading without a second copy of the text to keep in step.
 *
 * <p>Usage: {@code java RequirementRules.java SOURCE_ROOT OUTPUT_FILE}.
 */
public class RequirementRules {
  private static final Pattern CONSTANT = Pattern.compile(
      "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public static final (?:\\w*Requirement|List<\\w*Requirement>) (\\w+)\\s*=",
      Pattern.DOTALL);
  /** What a requirement constant's Javadoc starts with: its id, or for a list "FIRST to LAST". */
  private static final Pattern LEADING_IDS = Pattern.compile("([A-Z_]+\\.[\\w.]+(?: to [A-Z_]+\\.[\\w.]+)?): ");
  /** {@index} tags of the leading ids, and a list constant's paragraph naming every element's id. */
  private static final Pattern ID_TAGS = Pattern.compile(
      "^\\s*\\{@index [^}]+\\}(?: to \\{@index [^}]+\\})?:\\s*|<p>One requirement per element[^{<]*(?:\\{@index [^}]+\\}[,.\\s]*)+");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
  private static final Map<String, String> ENTITIES = Map.of("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", "\"",
      "&nbsp;", " ", "&#39;", "'");

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Map<String, String> rules = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path file : files) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      Matcher pkg = PACKAGE.matcher(source);
      if (!pkg.find()) {
        continue;
      }
      String type = pkg.group(1) + "." + file.getFileName().toString().replace(".java", "");
      Matcher m = CONSTANT.matcher(source);
      while (m.find()) {
        String comment = m.group(1);
        Matcher ids = LEADING_IDS.matcher(inlineTags(stars(comment)).strip());
        rules.put(type + "#" + m.group(2) + "@ids", ids.lookingAt() ? ids.group(1) : "");
        rules.put(type + "#" + m.group(2), plain(comment));
      }
    }
    Files.createDirectories(out.getParent());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      // sorted (a TreeMap), so the resource is the same bytes on every build
      w.write("# Generated from the Javadoc of the requirement constants by spec-checks/src/build/RequirementRules.java\n");
      for (Map.Entry<String, String> e : rules.entrySet()) {
        w.write(escape(e.getKey(), true) + "=" + escape(e.getValue(), false) + "\n");
      }
    }
    System.out.println("RequirementRules: " + rules.size() / 2 + " requirement constants -> " + out);
  }

  /**
   * The comment's text without the ids it starts with: no leading stars, inline tags reduced to
   * their text, no HTML, one line.
   */
  static String plain(String comment) {
    String s = inlineTags(ID_TAGS.matcher(stars(comment)).replaceAll(""));
    s = s.replaceAll("<[^>]+>", " ");
    for (Map.Entry<String, String> e : ENTITIES.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s.replaceAll("\\s+", " ").strip();
  }

  /** The comment's lines without their leading stars, up to the first block tag. */
  private static String stars(String comment) {
    StringBuilder text = new StringBuilder();
    for (String line : comment.split("\n")) {
      String l = line.strip();
      if (l.startsWith("*")) {
        l = l.substring(1).strip();
      }
      if (l.startsWith("@")) {
        break; // block tags (@see, @since) are not the rule
      }
      text.append(l).append(' ');
    }
    return text.toString();
  }

  /** {@code {@code x}}, {@code {@literal x}}, {@code {@index x}} give x; {@code {@link T#m label}} its label or T.m. */
  private static String inlineTags(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int start = s.indexOf("{@", i);
      if (start < 0) {
        out.append(s, i, s.length());
        break;
      }
      out.append(s, i, start);
      int depth = 0;
      int end = start;
      for (; end < s.length(); end++) {
        char c = s.charAt(end);
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          break;
        }
      }
      if (end >= s.length()) {
        out.append(s.substring(start));
        break;
      }
      String body = s.substring(start + 2, end);
      int space = body.indexOf(' ');
      String tag = space < 0 ? body : body.substring(0, space);
      String arg = space < 0 ? "" : body.substring(space + 1).strip();
      if (tag.equals("link") || tag.equals("linkplain")) {
        int labelAt = arg.indexOf(' ');
        String ref = labelAt < 0 ? arg : arg.substring(0, labelAt);
        String label = labelAt < 0 ? "" : arg.substring(labelAt + 1).strip();
        out.append(label.isEmpty() ? (ref.startsWith("#") ? ref.substring(1) : ref.replace('#', '.')) : label);
      } else if (tag.equals("index") && arg.startsWith("\"")) {
        out.append(arg, 1, Math.max(1, arg.indexOf('"', 1)));
      } else if (tag.equals("index")) {
        int termEnd = arg.indexOf(' ');
        out.append(termEnd < 0 ? arg : arg.substring(0, termEnd));
      } else {
        out.append(arg);
      }
      i = end + 1;
    }
    return out.toString();
  }

  private static String escape(String s, boolean key) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '=', ':', '#', '!' -> b.append(key ? "\\" + c : String.valueOf(c));
        case ' ' -> b.append(key || b.length() == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
