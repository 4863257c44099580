package org.perfspecs.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Valid by construction: the rules every model object's {@code build()} enforces, in one place.
 * Each model type's {@code @Value.Check} calls {@link #check}; a broken rule throws {@link
 * ModelInvariantException} naming the property and the rule, never the value, which {@link
 * ModelValidator#parse} reports at the same JSON path with the same message.
 *
 * <ul>
 *   <li><b>Single-field rules</b> come from the Bean Validation annotations on the accessors
 *       ({@code @NotBlank}, {@code @PositiveOrZero}, {@link Plausible} dates and instants, also on
 *       the elements of {@code Optional},
 *       {@code List} and {@code Set}), enforced with Bean Validation's own English messages and
 *       paths ({@code contacts[2].minutes}: "must be greater than or equal to 0"). The annotations
 *       stay the single source: the JSON Schemas are generated from them too.
 *   <li><b>Record-wide rules</b> ({@link CaseRecord}): the member's date of birth is not after any
 *       dated fact of the record (admission, contacts, documents, ..., taken as dates in
 *       America/New_York).
 * </ul>
 *
 * <p>Hand-written checks over accessors found once per type (a {@link ClassValue}) and called
 * through lambdas ({@link ConstraintPlan#getter}), not Hibernate Validator: building a typical record costs a few microseconds more, where a Hibernate Validator
 * pass costs tens (BENCHMARKS.md, "Valid by construction"). Cross-field rules of one object
 * (discharge not before admission, unique ids) stay in that type's {@code check()}, after this one.
 * {@code FastBinding} checks the same rules ({@code Rule.brokenBy}) on the values it is about to
 * construct a model object from, and this class's {@link #check} then skips them for that object.
 */
final class ModelRules {
  /** Bean Validation's default English message of {@code @NotBlank}. */
  static final String NOT_BLANK = "must not be blank";
  /** Bean Validation's default English message of {@code @PositiveOrZero}. */
  static final String POSITIVE_OR_ZERO = "must be greater than or equal to 0";
  /** {@link Plausible}'s message. */
  static final String PLAUSIBLE = plausibleMessage();

  private static final ZoneId ZONE = ZoneId.of("America/New_York");

  private static final ClassValue<List<Rule>> RULES = new ClassValue<>() {
    @Override
    protected List<Rule> computeValue(Class<?> type) {
      return planRules(type);
    }
  };

  private static final ClassValue<List<Accessor>> DATED = new ClassValue<>() {
    @Override
    protected List<Accessor> computeValue(Class<?> type) {
      return dated(modelType(type));
    }
  };

  /** This thread's state of the rules (one look-up per object built). */
  private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

  /** The state of the rules on one thread. */
  static final class State {
    /**
     * Set only by {@link #unchecked} while {@link ModelValidator} re-reads a rejected document to
     * list every single-field violation at once; the objects built meanwhile never leave it.
     */
    private boolean suspended;
    /**
     * Set by {@code FastBinding} just before it constructs a value of this type whose fields it
     * has checked against every single-field rule of the type ({@link #rules}, the same
     * predicates): the next {@link #check} of this type on this thread, that value's, passes
     * without checking them again (and clears it).
     */
    Class<?> checked;
  }

  private ModelRules() {}

  /** This thread's state of the rules. */
  static State state() {
    return STATE.get();
  }

  /** Runs {@code read} with the rules of this class (not the cross-field ones) suspended on this thread. */
  static <T> T unchecked(java.util.concurrent.Callable<T> read) throws Exception {
    State state = STATE.get();
    boolean was = state.suspended;
    state.suspended = true;
    try {
      return read.call();
    } finally {
      state.suspended = was;
    }
  }

  /**
   * Enforces the single-field rules of {@code type} on {@code value}.
   *
   * @throws ModelInvariantException for the first broken rule, in accessor-name order
   */
  static void check(Class<?> type, Object value) {
    State state = STATE.get();
    if (state.suspended) {
      return;
    }
    if (state.checked == type) {
      state.checked = null; // checked field by field before construction (FastBinding)
      return;
    }
    List<Rule> rules = RULES.get(type);
    for (int i = 0, n = rules.size(); i < n; i++) { // no iterator: this runs for every object built
      rules.get(i).check(value);
    }
  }

  /**
   * Enforces the record-wide rules of a case record: the date of birth is not after the earliest
   * dated fact in the record.
   *
   * @throws ModelInvariantException naming {@code member.dateOfBirth} and the fact it is after
   */
  static void checkRecord(CaseRecord record) {
    if (!STATE.get().suspended) {
      checkDateOfBirth(record);
    }
  }

  /** {@link #checkRecord}, also while suspended. */
  static void checkDateOfBirth(CaseRecord record) {
    LocalDate born = record.member().dateOfBirth();
    // the common case, cheaply: no fact dated before the day of birth (no paths, no zone lookups)
    Instant bornAt = born.atStartOfDay(ZONE).toInstant();
    if (FastBinding.noDatedFactBefore(record, born, bornAt)) {
      return; // bound by FastBinding, which saw every dated fact of the record as it read them
    }
    if (!datedBefore(record.episode(), born, bornAt) && !datedBefore(record.member(), born, bornAt)) {
      return;
    }
    Earliest earliest = new Earliest();
    earliest.visit(record.episode(), "episode");
    earliest.visit(record.member(), "member");
    if (earliest.date != null && born.isAfter(earliest.date)) {
      throw new ModelInvariantException("member.dateOfBirth",
          "must not be after the earliest dated fact in the record (" + earliest.path + ")");
    }
  }

  // ------------------------------------------------------------------ single-field rules

  private enum Shape { VALUE, OPTIONAL, LIST, SET }

  private enum Kind { NOT_BLANK, POSITIVE_OR_ZERO, PLAUSIBLE }

  /**
   * The single-field rules of a model type ({@code Contact.class}), in the order {@link #check}
   * applies them (for {@code FastBinding}, which checks the fields before construction).
   */
  static List<Rule> rules(Class<?> type) {
    return RULES.get(type);
  }

  /** One constrained accessor, called through a lambda ({@link ConstraintPlan#getter}), not reflection. */
  record Rule(String name, Function<Object, Object> getter, java.util.function.ToIntFunction<Object> intGetter,
      Shape shape, Kind kind) {
    /**
     * Whether {@code field}, the value of this rule's attribute as the generated class holds it
     * (an absent optional's {@code null}, an {@code int} boxed, the immutable list or set), breaks
     * this rule: exactly when {@link #check} of a value holding it throws.
     */
    boolean brokenBy(Object field) {
      switch (shape) {
        case VALUE -> {
          return breaks(field);
        }
        case OPTIONAL -> {
          return field != null && breaks(field);
        }
        case LIST -> {
          List<?> list = (List<?>) field;
          for (int i = 0, n = list.size(); i < n; i++) {
            if (breaks(list.get(i))) {
              return true;
            }
          }
          return false;
        }
        case SET -> {
          for (Object v : (Collection<?>) field) {
            if (breaks(v)) {
              return true;
            }
          }
          return false;
        }
        default -> throw new AssertionError(shape);
      }
    }

    /** Whether one value breaks this rule (the test of {@link #test}). */
    private boolean breaks(Object value) {
      return switch (kind) {
        case NOT_BLANK -> value instanceof CharSequence s && s.toString().isBlank();
        case POSITIVE_OR_ZERO -> value instanceof Number n && n.longValue() < 0;
        case PLAUSIBLE ->
            value instanceof Instant i && (i.isBefore(Plausible.FIRST_INSTANT) || !i.isBefore(Plausible.END_INSTANT))
                || value instanceof LocalDate d && (d.isBefore(Plausible.FIRST_DAY) || d.isAfter(Plausible.LAST_DAY));
      };
    }

    void check(Object owner) {
      if (intGetter != null) { // an int, without boxing
        int value = intGetter.applyAsInt(owner);
        if (kind == Kind.POSITIVE_OR_ZERO && value < 0) {
          throw broken(-1, POSITIVE_OR_ZERO);
        }
        return;
      }
      Object value = getter.apply(owner);
      switch (shape) {
        case VALUE -> test(value, -1);
        case OPTIONAL -> {
          Optional<?> o = (Optional<?>) value;
          if (o.isPresent()) {
            test(o.get(), -1);
          }
        }
        case LIST -> {
          List<?> list = (List<?>) value;
          for (int i = 0, n = list.size(); i < n; i++) {
            test(list.get(i), i);
          }
        }
        case SET -> {
          for (Object v : (Collection<?>) value) {
            test(v, -1);
          }
        }
        default -> throw new AssertionError(shape);
      }
    }

    /** Tests one value; {@code index} is its index in a list, or -1. */
    private void test(Object value, int index) {
      if (breaks(value)) {
        throw broken(index, switch (kind) {
          case NOT_BLANK -> NOT_BLANK;
          case POSITIVE_OR_ZERO -> POSITIVE_OR_ZERO;
          case PLAUSIBLE -> PLAUSIBLE;
        });
      }
    }

    private ModelInvariantException broken(int index, String rule) {
      return new ModelInvariantException(index < 0 ? name : name + "[" + index + "]", rule);
    }
  }

  private static List<Rule> planRules(Class<?> type) {
    List<Rule> rules = new ArrayList<>();
    for (Method m : accessors(type)) {
      AnnotatedType returned = m.getAnnotatedReturnType();
      Shape shape = shape(m.getReturnType());
      AnnotatedType constrained = returned;
      if (shape != Shape.VALUE && returned instanceof AnnotatedParameterizedType p) {
        constrained = p.getAnnotatedActualTypeArguments()[0];
      }
      for (Kind kind : Kind.values()) {
        Class<? extends Annotation> annotation = switch (kind) {
          case NOT_BLANK -> NotBlank.class;
          case POSITIVE_OR_ZERO -> PositiveOrZero.class;
          case PLAUSIBLE -> Plausible.class;
        };
        if (has(constrained, annotation) || (shape == Shape.VALUE && m.isAnnotationPresent(annotation))) {
          rules.add(new Rule(m.getName(), ConstraintPlan.getter(m),
              m.getReturnType() == int.class ? ConstraintPlan.intGetter(m) : null, shape, kind));
        }
      }
    }
    return List.copyOf(rules);
  }

  private static String plausibleMessage() {
    try {
      return (String) Plausible.class.getMethod("message").getDefaultValue();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean has(AnnotatedType type, Class<? extends Annotation> annotation) {
    return type.isAnnotationPresent(annotation);
  }

  private static Shape shape(Class<?> type) {
    if (type == Optional.class) {
      return Shape.OPTIONAL;
    }
    if (List.class.isAssignableFrom(type)) {
      return Shape.LIST;
    }
    if (Collection.class.isAssignableFrom(type)) {
      return Shape.SET;
    }
    return Shape.VALUE;
  }

  /** The type's public no-argument accessors, by name (so the first broken rule is the same on every JVM). */
  private static List<Method> accessors(Class<?> type) {
    List<Method> out = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 0 && m.getReturnType() != void.class && !m.isSynthetic()) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::getName));
    return out;
  }

  // ------------------------------------------------------------------ record-wide rules

  /** Whether a dated fact of {@code value} (or of the model objects it holds) lies before the day of birth. */
  private static boolean datedBefore(Object value, LocalDate born, Instant bornAt) {
    List<Accessor> dated = DATED.get(value.getClass());
    for (int k = 0, size = dated.size(); k < size; k++) { // no iterator: this runs for every record built
      Accessor m = dated.get(k);
      if (m.dateOfBirth()) {
        continue;
      }
      Object v = m.getter().apply(value);
      if (v instanceof Optional<?> o) {
        if (o.isPresent() && before(o.get(), born, bornAt)) {
          return true;
        }
      } else if (v instanceof List<?> list) {
        for (int i = 0, n = list.size(); i < n; i++) {
          if (before(list.get(i), born, bornAt)) {
            return true;
          }
        }
      } else if (v instanceof Collection<?> c) {
        for (Object x : c) {
          if (before(x, born, bornAt)) {
            return true;
          }
        }
      } else if (before(v, born, bornAt)) {
        return true;
      }
    }
    return false;
  }

  private static boolean before(Object fact, LocalDate born, Instant bornAt) {
    if (fact instanceof Instant i) {
      return i.isBefore(bornAt) && !i.isBefore(Plausible.FIRST_INSTANT); // an implausible one is its own error
    }
    if (fact instanceof LocalDate d) {
      return d.isBefore(born) && !d.isBefore(Plausible.FIRST_DAY);
    }
    return fact != null && isModel(fact.getClass()) && datedBefore(fact, born, bornAt);
  }

  /** The earliest date (America/New_York) among the dated facts of a model object graph. */
  private static final class Earliest {
    LocalDate date;
    String path;

    void visit(Object value, String at) {
      for (Accessor m : DATED.get(value.getClass())) {
        if (m.dateOfBirth()) {
          continue;
        }
        Object v = m.getter().apply(value);
        String p = at + "." + m.name();
        if (v instanceof Optional<?> o) {
          o.ifPresent(x -> fact(x, p));
        } else if (v instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            fact(list.get(i), p + "[" + i + "]");
          }
        } else if (v instanceof Collection<?> c) {
          c.forEach(x -> fact(x, p));
        } else {
          fact(v, p);
        }
      }
    }

    private void fact(Object v, String p) {
      LocalDate d = v instanceof LocalDate ld ? ld : v instanceof Instant i ? LocalDate.ofInstant(i, ZONE) : null;
      if (d != null && d.isBefore(Plausible.FIRST_DAY)) {
        return; // an implausible date is its own error, not the date of birth's
      }
      if (d != null) {
        if (date == null || d.isBefore(date)) {
          date = d;
          path = p;
        }
      } else if (v != null && isModel(v.getClass())) {
        visit(v, p);
      }
    }
  }

  /** The abstract model type of a generated {@code Immutable*} class. */
  private static Class<?> modelType(Class<?> c) {
    return c.getSimpleName().startsWith("Immutable") && c.getSuperclass() != Object.class ? c.getSuperclass() : c;
  }

  private static boolean isModel(Class<?> c) {
    return MODEL.get(c);
  }

  /** Whether a class is a model type (of this package, not an enum), worked out once per class. */
  private static final ClassValue<Boolean> MODEL = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> c) {
      return c.getPackageName().equals(ModelRules.class.getPackageName()) && !c.isEnum();
    }
  };

  /** An accessor by name, called through a lambda. */
  private record Accessor(String name, Function<Object, Object> getter, boolean dateOfBirth) {
    Accessor(String name, Function<Object, Object> getter) {
      this(name, getter, name.equals("dateOfBirth"));
    }
  }

  /** Accessors that can hold a date, an instant or a model object (directly, optionally, or as elements). */
  private static List<Accessor> dated(Class<?> type) {
    List<Accessor> out = new ArrayList<>();
    for (Method m : accessors(type)) {
      Class<?> held = m.getReturnType();
      if (held == Optional.class || Collection.class.isAssignableFrom(held)) {
        Type generic = m.getGenericReturnType();
        Type arg = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        held = arg instanceof Class<?> c ? c : Object.class;
      }
      if (held == LocalDate.class || held == Instant.class || (isModel(held) && !held.isEnum())) {
        out.add(new Accessor(m.getName(), ConstraintPlan.getter(m)));
      }
    }
    return List.copyOf(out);
  }
}
