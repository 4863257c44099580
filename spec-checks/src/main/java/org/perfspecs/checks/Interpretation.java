package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A named reading of words a specification leaves vague ("immediately upon admission", "at the
 * onset of service delivery", "review each admission"): a stable key, the words it reads, a typed
 * default and one sentence of rationale. Requirements that read such words declare their
 * interpretations ({@link Requirement#interpretations()}), the catalog prints them beside the
 * citation, and an evaluation may override any of them ({@link
 * EvaluationContext#withInterpretation(Interpretation, Object)}): two payers' auditors can legitimately
 * read the same words differently, and each reading stays visible.
 *
 * <p>Keys are {@code <requirement id>.<word>} (e.g. {@code ESOAP.ASMT.3.d.immediately}) and never
 * change once published; one interpretation may serve several requirements (RC's onset of
 * service). Values have a {@link Kind}: a {@link Duration} elapsed from an instant, a number of
 * business days or calendar days, or one of a fixed list of named choices. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Interpretation {
  /** The shape of a key: a requirement id, a dot and a lower-case word. */
  public static final Pattern KEY = Pattern.compile("(ESOAP|RRS_PPW|IOP|CSP|RC)\\.[A-Z]+(\\.[0-9A-Za-z]+)*\\.[a-z][a-zA-Z]*");

  /** What kind of value an interpretation takes. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public enum Kind {
    /** A {@link Duration} (ISO-8601 in JSON, e.g. {@code "PT24H"}), zero or positive. */
    DURATION,
    /** A number of business days ({@link org.perfspecs.checks.time.BusinessCalendar}), an {@link Integer} from 0. */
    BUSINESS_DAYS,
    /** A number of calendar days counted by date, an {@link Integer} from 1. */
    DAYS,
    /** One of {@link #choices()}, a {@link String}. */
    CHOICE
  }

  private final String key;
  private final String words;
  private final Kind kind;
  private final Object defaultValue;
  private final List<String> choices;
  private final String rationale;

  private Interpretation(String key, String words, Kind kind, Object defaultValue, List<String> choices, String rationale) {
    this.key = requireNonNull(key, "key");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("an interpretation key must look like SPEC.SECTION.item.word: " + key);
    }
    this.words = requireText(words, "words");
    this.kind = requireNonNull(kind, "kind");
    this.choices = ImmutableList.copyOf(choices);
    this.rationale = requireText(rationale, "rationale");
    this.defaultValue = check(defaultValue);
  }

  /** A reading whose value is a duration elapsed from an instant (e.g. 24 hours from the admission). */
  public static Interpretation duration(String key, String words, Duration defaultValue, String rationale) {
    return new Interpretation(key, words, Kind.DURATION, defaultValue, List.of(), rationale);
  }

  /** A reading whose value is a number of business days. */
  public static Interpretation businessDays(String key, String words, int defaultValue, String rationale) {
    return new Interpretation(key, words, Kind.BUSINESS_DAYS, defaultValue, List.of(), rationale);
  }

  /** A reading whose value is a number of calendar days (day 1 the day of the anchor). */
  public static Interpretation days(String key, String words, int defaultValue, String rationale) {
    return new Interpretation(key, words, Kind.DAYS, defaultValue, List.of(), rationale);
  }

  /**
   * A reading that chooses one rule among {@code choices} (upper-case names, each explained in the
   * rationale or the requirement's Javadoc).
   *
   * @throws IllegalArgumentException when {@code defaultChoice} is not one of {@code choices}
   */
  public static Interpretation choice(String key, String words, String defaultChoice, List<String> choices,
      String rationale) {
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("a choice needs choices: " + key);
    }
    return new Interpretation(key, words, Kind.CHOICE, defaultChoice, choices, rationale);
  }

  /** The stable key, e.g. {@code ESOAP.ASMT.3.d.immediately}. */
  public String key() {
    return key;
  }

  /** The document's words this reads, e.g. {@code "immediately upon admission"}. */
  public String words() {
    return words;
  }

  /** The kind of value. */
  public Kind kind() {
    return kind;
  }

  /** The default value: a {@link Duration}, an {@link Integer} or a {@link String}, by {@link #kind()}. */
  public Object defaultValue() {
    return defaultValue;
  }

  /** For {@link Kind#CHOICE}, the names it may take; empty otherwise. */
  public List<String> choices() {
    return choices;
  }

  /** One sentence on why the default is what it is. */
  public String rationale() {
    return rationale;
  }

  /** The default as text: ISO-8601 for a duration, the number, or the choice's name. */
  public String defaultText() {
    return text(defaultValue);
  }

  /** {@code value} as text, as {@link #parse} reads it back. */
  public static String text(Object value) {
    return value.toString();
  }

  /**
   * Checks that {@code value} is a value of this interpretation's kind and bounds.
   *
   * @return {@code value}
   * @throws IllegalArgumentException naming the key when it is of the wrong kind or out of bounds
   */
  public Object check(Object value) {
    requireNonNull(value, "value of " + key);
    switch (kind) {
      case DURATION -> {
        if (!(value instanceof Duration d) || d.isNegative()) {
          throw wrong("a zero or positive ISO-8601 duration such as PT24H");
        }
      }
      case BUSINESS_DAYS -> {
        if (!(value instanceof Integer n) || n < 0) {
          throw wrong("a whole number of business days from 0");
        }
      }
      case DAYS -> {
        if (!(value instanceof Integer n) || n < 1) {
          throw wrong("a whole number of days from 1");
        }
      }
      case CHOICE -> {
        if (!(value instanceof String s) || !choices.contains(s)) {
          throw wrong("one of " + choices);
        }
      }
      default -> throw new AssertionError(kind);
    }
    return value;
  }

  /**
   * Reads a value of this interpretation's kind from its text (a JSON string or number as text):
   * an ISO-8601 duration ({@code PT24H}), a whole number, or a choice's name.
   *
   * @throws IllegalArgumentException naming the key when the text is not a value of its kind
   */
  public Object parse(String text) {
    requireNonNull(text, "text");
    try {
      return check(switch (kind) {
        case DURATION -> Duration.parse(text);
        case BUSINESS_DAYS, DAYS -> Integer.valueOf(text);
        case CHOICE -> text;
      });
    } catch (DateTimeParseException | NumberFormatException e) {
      throw wrong(switch (kind) {
        case DURATION -> "an ISO-8601 duration such as PT24H";
        case BUSINESS_DAYS -> "a whole number of business days from 0";
        case DAYS -> "a whole number of days from 1";
        case CHOICE -> "one of " + choices;
      });
    }
  }

  private IllegalArgumentException wrong(String expected) {
    return new IllegalArgumentException("interpretation " + key + " takes " + expected);
  }

  /** The value in {@code ctx}: its override there, else the default. */
  public Object valueIn(EvaluationContext ctx) {
    return ctx.interpretation(this);
  }

  /** The duration in {@code ctx}. @throws IllegalStateException when this is not a {@link Kind#DURATION} */
  public Duration durationIn(EvaluationContext ctx) {
    requireKind(Kind.DURATION);
    return (Duration) valueIn(ctx);
  }

  /** The number of (business or calendar) days in {@code ctx}. @throws IllegalStateException for a duration or choice */
  public int daysIn(EvaluationContext ctx) {
    if (kind != Kind.BUSINESS_DAYS && kind != Kind.DAYS) {
      throw new IllegalStateException(key + " is not a number of days");
    }
    return (Integer) valueIn(ctx);
  }

  /** The choice in {@code ctx}. @throws IllegalStateException when this is not a {@link Kind#CHOICE} */
  public String choiceIn(EvaluationContext ctx) {
    requireKind(Kind.CHOICE);
    return (String) valueIn(ctx);
  }

  private void requireKind(Kind k) {
    if (kind != k) {
      throw new IllegalStateException(key + " is a " + kind + ", not a " + k);
    }
  }

  private static String requireText(String s, String what) {
    if (requireNonNull(s, what).isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Interpretation i && i.key.equals(key) && i.words.equals(words) && i.kind == kind
        && i.defaultValue.equals(defaultValue) && i.choices.equals(choices) && i.rationale.equals(rationale);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, kind, defaultValue);
  }

  @Override
  public String toString() {
    return key + " = " + defaultText() + " (\"" + words + "\")";
  }
}
