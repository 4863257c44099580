package org.perfspecs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.FastReads;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Validated;
import org.perfspecs.testkit.FastValidatorProperties.Leaf;

/**
 * The fast binding ({@code FastBinding}, behind {@link ModelValidator#create()}'s {@code parse}
 * and {@link ModelJson#read}) and Jackson databind ({@link ModelJson#reader}, the reference
 * binding, behind {@link ModelValidator#hibernate()}) agree on every document: a document the fast
 * path binds is one databind binds to an equal value with the same {@code toString} (which shows
 * every set in its iteration order); and {@code parse} gives the same value, or the same
 * violations (paths, messages, order), either way. Checked on valid values of every model type
 * and typical generated records, as written and with their properties shuffled, and on the same
 * documents mutated: leaves changed (nulls, removals, blank and control text, other strings,
 * numbers at the edges, floats, booleans flipped, arrays and objects where scalars belong),
 * properties repeated or unknown ones added, and characters inserted, replaced or removed.
 */
class BindingProperties {
  static final ModelValidator FAST = ModelValidator.create();
  static final ModelValidator REFERENCE = ModelValidator.hibernate();
  static final ObjectMapper MAPPER = ModelJson.newMapper();

  record Typed(Class<?> type, Object value) {
    @Override
    public String toString() {
      return type.getSimpleName() + " " + ModelJson.toJson(value);
    }
  }

  /** A value, and the mutations to apply to its JSON: (what kind, where, which change) triples. */
  record Mutated(Typed typed, List<Integer> kinds, List<Integer> places, List<Integer> changes) {}

  @Provide
  Arbitrary<Typed> anyModelValue() {
    List<Arbitrary<Typed>> all = ModelProperties.everyModelType().entrySet().stream()
        .map(e -> e.getValue().map(v -> new Typed(e.getKey(), v))).collect(Collectors.toList());
    all.add(Arbitraries.longs().between(0, 1_000_000).map(i -> new Typed(CaseRecord.class, TypicalRecords.record(19, i))));
    return Arbitraries.integers().between(0, all.size() - 1).flatMap(all::get);
  }

  @Provide
  Arbitrary<Mutated> mutatedModelValue() {
    return Combinators.combine(anyModelValue(),
            Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofSize(3),
            Arbitraries.integers().between(0, 99).list().ofSize(3))
        .as(Mutated::new);
  }

  @Property(tries = 400)
  void validValuesAreBoundByTheFastPathAsDatabindBindsThem(@ForAll("anyModelValue") Typed t,
      @ForAll boolean shuffled, @ForAll long seed) throws Exception {
    String json = ModelJson.toJson(t.value());
    if (shuffled) {
      ObjectNode tree = MAPPER.valueToTree(t.value());
      shuffle(tree, new Random(seed));
      json = MAPPER.writeValueAsString(tree);
    }
    Object reference = ModelJson.reader(t.type()).readValue(json);
    Object fromBytes = FastReads.read(utf8(json), t.type());
    Object fromText = FastReads.read(json, t.type());
    assertThat(fromBytes).as(shown(json)).isNotNull().isEqualTo(reference).hasToString(reference.toString());
    assertThat(fromText).as(shown(json)).isNotNull().isEqualTo(reference).hasToString(reference.toString());
    assertThat(reference).isEqualTo(t.value());
    assertSameParse(json, t.type());
  }

  @Property(tries = 1500)
  void mutatedDocumentsAreReadAsDatabindReadsThem(@ForAll("mutatedModelValue") Mutated m) throws Exception {
    Class<?> type = m.typed().type();
    ObjectNode tree = MAPPER.valueToTree(m.typed().value());
    String json = null;
    for (int i = 0; i < m.kinds().size(); i++) {
      int kind = m.kinds().get(i);
      int place = m.places().get(i);
      int change = m.changes().get(i);
      if (kind < 60) {
        List<Leaf> leaves = new ArrayList<>();
        FastValidatorProperties.collect(tree, leaves);
        if (!leaves.isEmpty()) {
          change(leaves.get(place % leaves.size()), change, leaves);
        }
      } else if (kind < 80) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(tree, objects);
        changeObject(objects.get(place % objects.size()), change);
      } else {
        shuffle(tree, new Random(place));
      }
    }
    json = MAPPER.writeValueAsString(tree);
    if (m.kinds().get(0) >= 95) {
      json = mutateText(json, new Random(m.places().get(0)));
    }
    String bound = assertFastImpliesDatabind(json, type);
    Statistics.label("fast path").collect(bound);
    assertSameParse(json, type);
    // repeated names cannot be made in a tree: in the text
    // (a text mutation may have left no colon at all)
    int colon = json.indexOf(':');
    if (json.startsWith("{\"") && colon > 1 && m.changes().get(0) < 10) {
      String first = json.substring(1, colon);
      String repeated = "{" + first + ":null," + json.substring(1);
      assertFastImpliesDatabind(repeated, type);
      assertSameParse(repeated, type);
    }
    Statistics.label("fast path").coverage(c -> {
      c.check("bound").percentage(p -> p >= 5.0);
      c.check("left to databind").percentage(p -> p >= 30.0);
    });
  }

  /** A document the fast path binds is bound by databind to an equal value; which path took it. */
  static String assertFastImpliesDatabind(String json, Class<?> type) {
    Object fast = FastReads.read(utf8(json), type);
    Object fastText = FastReads.read(json, type);
    assertThat(fastText == null).as("bytes and text bound alike: %s", shown(json)).isEqualTo(fast == null);
    if (fast == null) {
      return "left to databind";
    }
    Object reference;
    try {
      reference = ModelJson.reader(type).readValue(json);
    } catch (Exception e) {
      throw new AssertionError("bound by the fast path, rejected by databind (" + e.getClass().getSimpleName() + "): " + json, e);
    }
    assertThat(fast).as(shown(json)).isEqualTo(reference).hasToString(reference.toString());
    assertThat(fastText).as(shown(json)).isEqualTo(reference).hasToString(reference.toString());
    return "bound";
  }

  /** {@code parse} of the text and of the bytes, fast and reference: the same value or the same violations. */
  static void assertSameParse(String json, Class<?> type) {
    Validated<?> reference = REFERENCE.parse(json, type);
    byte[] bytes = utf8(json);
    for (Validated<?> v : List.of(FAST.parse(json, type), FAST.parse(bytes, type), REFERENCE.parse(bytes, type))) {
      assertThat(v.violations()).as(shown(json)).isEqualTo(reference.violations());
      assertThat(v.value()).as(shown(json)).isEqualTo(reference.value());
      assertThat(v.value().map(Object::toString)).as(shown(json)).isEqualTo(reference.value().map(Object::toString));
    }
  }

  /** Every object's properties in a random order, at every depth. */
  static void shuffle(JsonNode node, Random random) {
    if (node instanceof ObjectNode o) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      o.fields().forEachRemaining(entries::add);
      Collections.shuffle(entries, random);
      o.removeAll();
      for (Map.Entry<String, JsonNode> e : entries) {
        o.set(e.getKey(), e.getValue());
        shuffle(e.getValue(), random);
      }
    } else if (node instanceof ArrayNode a) {
      a.forEach(x -> shuffle(x, random));
    }
  }

  /** An object changed as a whole: an unknown property, a misplaced known one, a property removed or made an array or an object. */
  static void changeObject(ObjectNode o, int change) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    String some = names.isEmpty() ? "id" : names.get(change % names.size());
    switch (change % 6) {
      case 0 -> o.put("unknownProperty", 1);
      case 1 -> o.put("dateOfBirth", "2000-01-01"); // a name of the model, maybe misplaced
      case 2 -> o.remove(some);
      case 3 -> o.set(some, f.arrayNode().add(o.get(some) == null ? f.nullNode() : o.get(some).deepCopy()));
      case 4 -> o.set(some, f.objectNode());
      default -> o.set(some, f.arrayNode());
    }
  }

  /**
   * The same document as UTF-8 bytes. An unpaired surrogate (a leaf mutation puts one inside a
   * string) has no UTF-8 form ({@code getBytes} would write {@code ?}, another document): it is
   * written as its JSON escape, which reads back as the same character.
   */
  static byte[] utf8(String json) {
    StringBuilder b = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
        b.append(c).append(json.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The document as a failure message shows it: every character outside printable ASCII as a Java escape. */
  static String shown(String json) {
    StringBuilder b = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  static String mutateText(String json, Random random) {
    String alphabet = "{}[]\":,0123456789-.eE+TZ tfnul\\/ab\u0007\t\u00e9";
    StringBuilder b = new StringBuilder(json);
    for (int k = random.nextInt(3) + 1; k > 0; k--) {
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      if (b.length() == 0) { // every character deleted: only an insertion is possible
        b.append(c);
        continue;
      }
      int at = random.nextInt(b.length());
      switch (random.nextInt(3)) {
        case 0 -> b.setCharAt(at, c);
        case 1 -> b.insert(at, c);
        default -> b.deleteCharAt(at);
      }
    }
    return b.toString();
  }

  /** Changes one leaf of the tree as mutation {@code change} says ({@code all}: every leaf, for copies). */
  static void change(Leaf leaf, int change, List<Leaf> all) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode v = leaf.value();
    if (v == null) {
      return; // removed by an earlier change
    }
    if (change < 10) {
      leaf.set(f.nullNode());
    } else if (change < 20) {
      if (leaf.field() != null) {
        ((ObjectNode) leaf.parent()).remove(leaf.field());
      } else {
        leaf.set(f.textNode(""));
      }
    } else if (change < 35) {
      JsonNode other = all.get((change * 7919) % all.size()).value();
      leaf.set(other == null ? f.nullNode() : other.deepCopy());
    } else if (change < 45) {
      leaf.set(f.textNode(FastValidatorProperties.TEXTS.get(change % FastValidatorProperties.TEXTS.size())));
    } else if (change < 55) {
      leaf.set(f.numberNode(List.of(-1L, 0L, 2147483648L, -2147483649L, 7L).get(change % 5)));
    } else if (change < 60) {
      leaf.set(f.numberNode(1.5));
    } else if (change < 65) {
      leaf.set(f.booleanNode(change % 2 == 0));
    } else if (change < 70) {
      leaf.set(f.arrayNode().add(v.deepCopy()));
    } else if (change < 75 && v.isTextual()) {
      String s = v.asText();
      leaf.set(f.textNode(s.isEmpty() ? "\ud800" : s.substring(0, s.length() - 1))); // cut short, or an unpaired surrogate
    } else if (change < 80 && v.isTextual()) {
      leaf.set(f.textNode(v.asText().toLowerCase(java.util.Locale.ROOT)));
    } else if (v.isTextual() && FastValidatorProperties.looksLikeInstant(v.asText())) {
      leaf.set(f.textNode(FastValidatorProperties.INSTANTS.get(change % FastValidatorProperties.INSTANTS.size())));
    } else if (v.isTextual() && FastValidatorProperties.looksLikeDate(v.asText())) {
      leaf.set(f.textNode(FastValidatorProperties.DATES.get(change % FastValidatorProperties.DATES.size())));
    } else if (v.isBoolean()) {
      leaf.set(f.booleanNode(!v.asBoolean()));
    }
  }


  static void collectObjects(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
    }
    node.forEach(child -> collectObjects(child, out));
  }
}
