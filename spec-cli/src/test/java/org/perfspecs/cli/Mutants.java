package org.perfspecs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ImmutableCaseRecord;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.ImmutableWellnessPlan;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.WellnessPlan;
import org.perfspecs.testkit.TypicalRecords;

/**
 * Mutated case records for the fuzz suites: valid typical records (spec-testkit) that carry a
 * canary (a distinctive name, date of birth, clinician and free text), each given a unique
 * episode id, then mutated by one of {@link #OPERATORS}. The same seed gives the same inputs.
 */
final class Mutants {
  /**
   * Member data no output may ever show. (Ids may be shown: a mutation never moves the canary into
   * an id.)
   */
  static final List<String> CANARIES = List.of("Quillon", "Zebedee", "1931-07-19", "Marplewood", "Xylocarp");
  static final String NAME = "Quillon Zebedee";
  static final LocalDate BIRTH = LocalDate.of(1931, 7, 19);

  private static final ObjectMapper TREE = new ObjectMapper();
  private static final Pattern KEY = Pattern.compile("\"([A-Za-z]+)\":");
  private static final Pattern STRING_VALUE = Pattern.compile(":\"([^\"\\\\]*)\"");
  private static final Pattern TIME_VALUE = Pattern.compile("\"([0-9]{4}-[0-9]{2}-[0-9]{2}(T[^\"]*)?)\"");

  /** One mutation: (valid record JSON as UTF-8, random) to bytes. */
  record Operator(String name, BiFunction<String, Random, byte[]> apply) {}

  static final List<Operator> OPERATORS = List.of(
      new Operator("byte flip", (json, r) -> {
        byte[] b = utf8(json);
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
      }),
      new Operator("random byte", (json, r) -> {
        byte[] b = utf8(json);
        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        return b;
      }),
      new Operator("truncation", (json, r) -> utf8(json.substring(0, r.nextInt(json.length())))),
      new Operator("key deletion", (json, r) -> tree(json, r, (node, rr) -> {
        ObjectNode o = randomObject(node, rr);
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) {
          o.remove(names.get(rr.nextInt(names.size())));
        }
      })),
      new Operator("key duplication", (json, r) -> {
        List<int[]> keys = matches(KEY, json);
        int[] k = keys.get(r.nextInt(keys.size()));
        String key = json.substring(k[0], k[1]);
        String[] values = {"null", "1", "\"IOP\"", "\"2024-01-01T00:00:00Z\"", "true", "{}", "[]"};
        return utf8(json.substring(0, k[0]) + key + values[r.nextInt(values.length)] + "," + json.substring(k[0]));
      }),
      new Operator("wrong type", (json, r) -> tree(json, r, (node, rr) -> {
        ObjectNode o = randomObject(node, rr);
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) {
          o.set(names.get(rr.nextInt(names.size())), anyValue(rr));
        }
      })),
      new Operator("extreme number", (json, r) -> {
        String[] numbers = {"1e400", "-1e400", "-1", "0", "1713187800", "-0", "2147483647", "2147483648",
            "-2147483649", "9223372036854775808", "1" + "0".repeat(1200), "0.5", "1E2", "NaN", "Infinity", "01"};
        return replaceValue(json, r, numbers[r.nextInt(numbers.length)]);
      }),
      new Operator("extreme date", (json, r) -> {
        List<int[]> times = matches(TIME_VALUE, json);
        String[] dates = {"-999999999-01-01", "+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z",
            "1899-12-31", "2101-01-01", "1899-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "1900-01-01",
            "2100-12-31", "1900-01-01T00:00:00Z", "2100-12-31T23:59:59.999999999Z", "2100-12-31T19:00:00-05:00",
            "0000-01-01", "9999-12-31", "2024-02-30", "2024-01-01T24:00:00Z", " 2024-01-01", "2024-01-01T00:00:00",
            "2024-01-01T00:00:00+18:00", "2024-01-01T00:00:00-18:00", "2023-02-29", "2024-13-01"};
        if (times.isEmpty()) {
          return utf8(json);
        }
        int[] t = times.get(r.nextInt(times.size()));
        return utf8(json.substring(0, t[0]) + "\"" + dates[r.nextInt(dates.length)] + "\"" + json.substring(t[1]));
      }),
      new Operator("control character", (json, r) -> {
        String[] controls = {"\\u0000", "\\u001b[2J", "\\u0007", "\\u001f", "\\t", " ", "\\u2028", "\\u0085",
            "\\u202e", "\\ud800", "\\udfff", "\u0000", "\u001b", "\u0085", "\u2028", "\u3000", "\u001c", "\f",
            "\u000b", "\r", "\n"};
        List<int[]> strings = matches(STRING_VALUE, json);
        int[] s = strings.get(r.nextInt(strings.size()));
        int at = r.nextBoolean() ? s[0] + 2 : s[1] - 1; // inside the quotes, first or last
        return utf8(json.substring(0, at) + controls[r.nextInt(controls.length)] + json.substring(at));
      }),
      new Operator("invalid UTF-8", (json, r) -> {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFE, (byte) 0xFF}};
        byte[] b = utf8(json);
        int at = r.nextInt(b.length);
        byte[] ins = bad[r.nextInt(bad.length)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(ins);
        out.write(b, at, b.length - at);
        return out.toByteArray();
      }),
      new Operator("deep nesting", (json, r) -> {
        int depth = 50 + r.nextInt(r.nextBoolean() ? 100 : 20_000);
        String deep = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        return replaceValue(json, r, deep);
      }),
      new Operator("huge string", (json, r) -> {
        // not the canary: a huge string may land in an id, which outputs show
        String huge = "\"" + "x".repeat(1000 + r.nextInt(100_000)) + "\"";
        return replaceValue(json, r, huge);
      }),
      new Operator("value as a property name", (json, r) -> {
        // the issue's {"member": {..., "Quillon Zebedee"}}: a key dropped before a value
        String target = r.nextBoolean() ? "\"preferredName\":" : "\"name\":";
        int at = json.indexOf(target);
        return utf8(at < 0 ? json : json.substring(0, at) + json.substring(at + target.length()));
      }),
      new Operator("value as a key", (json, r) -> {
        String target = r.nextBoolean() ? "\"preferredName\":\"" + NAME + "\"" : "\"pronouns\":";
        int at = json.indexOf(target);
        return utf8(at < 0 ? json : json.substring(0, at) + "\"" + NAME + "\":1" + json.substring(at + target.length())
            .replaceFirst("^[^,}]*", ""));
      }),
      new Operator("structure", (json, r) -> {
        String[] forms = {"[" + json + "]", json + json, json + " garbage", "[" + json + "] [" + json + "]",
            json.replace(",", ",,"), json.replaceFirst("\\{", "["), "null", "\"" + NAME + "\"", "{}", "[]", "",
            json.replace(":", "="), json.substring(1), json + "}"};
        return utf8(forms[r.nextInt(forms.length)]);
      }));

  private Mutants() {}

  /** The valid record {@code index} of seed {@code seed}, carrying the canary, as one line of JSON. */
  static String canaryRecord(long seed, long index) {
    CaseRecord typical = TypicalRecords.record(seed, index);
    // at most 12 contacts: small records keep the suite fast; the mutations are what matters
    ImmutableEpisode episode = ImmutableEpisode.copyOf(typical.episode()).withId("E-" + seed + "-" + index)
        .withContacts(typical.episode().contacts().subList(0, Math.min(12, typical.episode().contacts().size())));
    if (episode.wellnessPlan().isPresent()) {
      WellnessPlan plan = episode.wellnessPlan().get();
      episode = episode.withWellnessPlan(ImmutableWellnessPlan.copyOf(plan)
          .withGoals(List.of("Xylocarp goal: call " + NAME + " at home")));
    }
    return ModelJson.toJson(ImmutableCaseRecord.copyOf(typical)
        .withMember(ImmutableMember.copyOf(typical.member())
            .withPreferredName(NAME)
            .withDateOfBirth(BIRTH)
            .withPrimaryCareClinician(CareProvider.builder().name("Dr Hesper Marplewood").build()))
        .withEpisode(episode));
  }

  /** {@code count} mutants (bytes of one or more lines, no final line break), operator {@code i % n} for the i-th. */
  static List<byte[]> of(long seed, int count) {
    Random random = new Random(seed);
    List<byte[]> out = new ArrayList<>(count);
    Map<Long, String> bases = new java.util.HashMap<>();
    for (int i = 0; i < count; i++) {
      long base = i % 10;
      String json = bases.computeIfAbsent(base, b -> canaryRecord(seed, b)).replace("\"E-" + seed + "-" + base + "\"",
          "\"E-" + seed + "-" + base + "-m" + i + "\"");
      out.add(OPERATORS.get(i % OPERATORS.size()).apply().apply(json, random));
    }
    return out;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<int[]> matches(Pattern p, String s) {
    List<int[]> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }

  /** {@code json} with one random scalar value (after a colon) replaced by {@code value}. */
  private static byte[] replaceValue(String json, Random r, String value) {
    Pattern scalar = Pattern.compile(":(\"[^\"\\\\]*\"|-?[0-9][0-9.eE+-]*|true|false|null)");
    List<int[]> values = matches(scalar, json);
    int[] v = values.get(r.nextInt(values.size()));
    return utf8(json.substring(0, v[0] + 1) + value + json.substring(v[1]));
  }

  private interface TreeEdit {
    void edit(ObjectNode root, Random r);
  }

  private static byte[] tree(String json, Random r, TreeEdit edit) {
    try {
      ObjectNode root = (ObjectNode) TREE.readTree(json);
      edit.edit(root, r);
      return utf8(TREE.writeValueAsString(root));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A random object node of the tree (the root, or one reached by random steps). */
  private static ObjectNode randomObject(ObjectNode root, Random r) {
    JsonNode node = root;
    ObjectNode last = root;
    for (int steps = r.nextInt(6); steps > 0 && node.size() > 0; steps--) {
      List<JsonNode> children = new ArrayList<>();
      node.forEach(children::add);
      JsonNode next = children.get(r.nextInt(children.size()));
      if (!next.isContainerNode()) {
        break;
      }
      node = next;
      if (node instanceof ObjectNode o) {
        last = o;
      }
    }
    return last;
  }

  private static JsonNode anyValue(Random r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (r.nextInt(9)) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(r.nextInt());
      case 2 -> f.numberNode(r.nextDouble() * 1e300);
      case 3 -> f.booleanNode(r.nextBoolean());
      case 4 -> f.textNode("wrong");
      case 5 -> f.textNode("");
      case 6 -> f.arrayNode();
      case 7 -> { ArrayNode a = f.arrayNode(); a.add("wrong"); a.add(1); yield a; }
      default -> f.objectNode().put(NAME, "wrong");
    };
  }
}
