package org.perfspecs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.UncheckedReads;
import org.perfspecs.model.Violation;

/**
 * {@link ModelValidator#create()} (the fast validation planned from the model's annotations) and
 * {@link ModelValidator#hibernate()} (Hibernate Validator, the reference) give the same violations,
 * path for path, message for message, in the same order: on valid values of every model type, and
 * on the same values mutated at any depth (blank and Unicode-space strings, control characters,
 * negative and extreme numbers, dates and instants just outside the plausible range, nulls,
 * removed properties, copied ids that break cross-field rules). Compared twice per value: the
 * whole {@code parse} of the mutated JSON, and {@code validate} of the object read from it with
 * the model's own rules suspended (the object {@code parse} validates to list every violation).
 */
class FastValidatorProperties {
  static final ModelValidator FAST = ModelValidator.create();
  static final ModelValidator REFERENCE = ModelValidator.hibernate();
  static final ObjectMapper MAPPER = ModelJson.newMapper();

  static final List<String> INSTANTS = List.of("1899-12-31T23:59:59Z", "1900-01-01T00:00:00Z",
      "2100-12-31T23:59:59.999999999Z", "2101-01-01T00:00:00Z", "2100-12-31T20:00:00-05:00",
      "1900-01-01T00:30:00+01:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z");
  static final List<String> DATES = List.of("1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01",
      "0000-02-29");
  static final List<String> TEXTS = List.of("", " ", "\t\n", "\u0001", "\u3000", "\u2003", "\u00a0", " x", "x");
  static final List<Long> NUMBERS = List.of(-1L, 0L, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 7L);

  record Typed(Class<?> type, Object value) {}

  /** A value of a model type and the mutations to apply to its JSON: (which leaf, which change) pairs. */
  record Mutated(Class<?> type, Object value, List<Integer> leaves, List<Integer> changes) {
    @Override
    public String toString() {
      return type.getSimpleName() + " " + ModelJson.toJson(value) + " leaves " + leaves + " changes " + changes;
    }
  }

  @Provide
  Arbitrary<Typed> anyModelValue() {
    List<Arbitrary<Typed>> all = ModelProperties.everyModelType().entrySet().stream()
        .map(e -> e.getValue().map(v -> new Typed(e.getKey(), v))).collect(Collectors.toList());
    return Arbitraries.integers().between(0, all.size() - 1).flatMap(all::get);
  }

  @Provide
  Arbitrary<Mutated> mutatedModelValue() {
    return Combinators.combine(anyModelValue(),
            Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(2),
            Arbitraries.integers().between(0, 99).list().ofSize(2))
        .as((t, leaves, changes) -> new Mutated(t.type(), t.value(), leaves, changes));
  }

  @Property(tries = 300)
  void validValuesOfEveryTypeHaveNoViolationsEitherWay(@ForAll("anyModelValue") Typed t) {
    assertThat(FAST.validate(t.value())).as("%s", t).isEmpty();
    assertThat(REFERENCE.validate(t.value())).as("%s", t).isEmpty();
    String json = ModelJson.toJson(t.value());
    assertThat(FAST.parse(json, t.type()).violations()).isEmpty();
  }

  @Property(tries = 1500)
  void mutatedValuesAreReportedAsHibernateValidatorReportsThem(@ForAll("mutatedModelValue") Mutated m)
      throws Exception {
    ObjectNode tree = MAPPER.valueToTree(m.value());
    List<Leaf> leaves = new ArrayList<>();
    collect(tree, leaves);
    for (int i = 0; i < m.leaves().size() && !leaves.isEmpty(); i++) {
      leaves.get(m.leaves().get(i) % leaves.size()).change(m.changes().get(i), leaves);
    }
    String json = MAPPER.writeValueAsString(tree);

    List<Violation> fastParse = FAST.parse(json, m.type()).violations();
    List<Violation> referenceParse = REFERENCE.parse(json, m.type()).violations();
    assertThat(fastParse).as("parse %s", json).isEqualTo(referenceParse);

    Object unchecked;
    try {
      unchecked = UncheckedReads.read(json, m.type());
    } catch (Exception e) {
      Statistics.label("object read with the rules suspended").collect("not readable");
      return;
    }
    List<Violation> fast = FAST.validate(unchecked);
    List<Violation> reference = REFERENCE.validate(unchecked);
    assertThat(fast).as("validate %s", json).isEqualTo(reference);
    Statistics.label("object read with the rules suspended").collect(reference.isEmpty() ? "valid" : "invalid");
    Statistics.label("object read with the rules suspended")
        .coverage(c -> c.check("invalid").percentage(p -> p >= 8.0));
    int depth = reference.stream().mapToInt(v -> (int) v.path().chars().filter(c -> c == '.').count()).max().orElse(0);
    Statistics.label("deepest violation (dots in the path)").collect(depth);
  }

  /** One scalar of the JSON tree: a property of an object or an element of an array. */
  record Leaf(JsonNode parent, String field, int index) {
    JsonNode value() {
      return field != null ? parent.get(field) : parent.get(index);
    }

    void set(JsonNode v) {
      if (field != null) {
        ((ObjectNode) parent).set(field, v);
      } else {
        ((ArrayNode) parent).set(index, v);
      }
    }

    void change(int change, List<Leaf> all) {
      JsonNodeFactory f = JsonNodeFactory.instance;
      JsonNode v = value();
      if (v == null) {
        return; // removed by an earlier change
      }
      if (v.isTextual() && isCode(v.asText()) && change >= 5) {
        return; // an enum code: another text would only make the document unreadable
      }
      if (change < 3) {
        set(f.nullNode());
      } else if (change < 5) {
        if (field != null) {
          ((ObjectNode) parent).remove(field);
        } else {
          set(f.textNode(""));
        }
      } else if (change < 10 && v.isTextual()) {
        // copy another string here (another record's id, a code where a date belongs, ...)
        JsonNode other = all.get((change * 7919) % all.size()).value();
        set(other == null ? f.nullNode() : other.deepCopy());
      } else if (v.isTextual() && looksLikeInstant(v.asText())) {
        set(f.textNode(INSTANTS.get(change % INSTANTS.size())));
      } else if (v.isTextual() && looksLikeDate(v.asText())) {
        set(f.textNode(DATES.get(change % DATES.size())));
      } else if (v.isTextual()) {
        set(f.textNode(TEXTS.get(change % TEXTS.size())));
      } else if (v.isNumber()) {
        set(f.numberNode(NUMBERS.get(change % NUMBERS.size())));
      } else if (v.isBoolean()) {
        set(f.booleanNode(!v.asBoolean()));
      }
    }
  }

  static boolean isCode(String s) {
    return s.length() > 1 && s.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_');
  }

  static boolean looksLikeInstant(String s) {
    return s.length() >= 17 && s.charAt(10) == 'T';
  }

  static boolean looksLikeDate(String s) {
    return s.length() == 10 && s.charAt(4) == '-';
  }

  static void collect(JsonNode node, List<Leaf> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isContainerNode()) {
          collect(e.getValue(), out);
        } else {
          out.add(new Leaf(node, e.getKey(), -1));
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isContainerNode()) {
          collect(node.get(i), out);
        } else {
          out.add(new Leaf(node, null, i));
        }
      }
    }
  }
}
