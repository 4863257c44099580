package org.perfspecs.model;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.Annotation;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Bean Validation constraints of one model type, read once from its annotations, and the walk
 * that checks them without a Bean Validation provider ({@link ModelValidator#create()}'s path).
 *
 * <p>The annotations stay the one declaration of the rules: this class reads them by reflection
 * when a type is first validated (a {@link ClassValue}), and what it reads is compared with
 * Hibernate Validator's own metadata by a test. It checks exactly what Hibernate Validator checks
 * with {@link ModelValidator}'s configuration, and builds the same paths and messages:
 *
 * <ul>
 *   <li>properties are the type's no-argument, non-void instance methods (plain accessors);
 *   <li>{@code @NotBlank} on a string: {@code null}, or nothing left after {@link String#trim()}
 *       (Hibernate's rule; it differs from {@link String#isBlank()} for control and Unicode space
 *       characters), "must not be blank";
 *   <li>{@code @PositiveOrZero} on {@code int}, {@code long}, {@code Integer} or {@code Long}: below
 *       zero, "must be greater than or equal to 0"; {@code null} is valid;
 *   <li>{@link Plausible} on an {@link Instant} or a {@link LocalDate}; {@code null} is valid;
 *   <li>on the element of {@code Optional} (only when present), {@code List} (path {@code
 *       name[i]}) and {@code Set} (path {@code name}, one violation per element);
 *   <li>{@code @Valid} on a model type, directly or as such an element: its constraints, with the
 *       property's path as prefix.
 * </ul>
 *
 * <p>Anything else (another constraint, a message, group or payload of one's own, a constraint on a
 * container, a field, a parameter or a non-public method, the same property constrained at two
 * levels of the class hierarchy, a cascade into a type that is not supported) makes the type
 * <em>unsupported</em>: {@link ModelValidator} then validates it with Hibernate Validator, and the
 * test that compares the metadata fails, so the fast path cannot silently drift from the
 * annotations.
 */
final class ConstraintPlan {
  /** The messages, as Hibernate Validator interpolates them with {@link ModelValidator}'s configuration. */
  static final String NOT_BLANK = ModelRules.NOT_BLANK;
  static final String POSITIVE_OR_ZERO = ModelRules.POSITIVE_OR_ZERO;
  static final String PLAUSIBLE = ModelRules.PLAUSIBLE;

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final String PACKAGE = ConstraintPlan.class.getPackageName();

  private static final ClassValue<ConstraintPlan> PLANS = new ClassValue<>() {
    @Override
    protected ConstraintPlan computeValue(Class<?> type) {
      return new ConstraintPlan(type);
    }
  };

  enum Shape { VALUE, OPTIONAL, LIST, SET }

  enum Kind { NOT_BLANK, POSITIVE_OR_ZERO, PLAUSIBLE_INSTANT, PLAUSIBLE_DATE }

  /** One constrained or cascaded property. */
  static final class Property {
    final String name;
    final String shown;
    final Function<Object, Object> getter;
    final Shape shape;
    final Kind[] kinds;
    /** The declared model type cascaded into, or null. */
    final Class<?> cascade;
    /** For an {@code int} accessor: the accessor, without boxing; otherwise null. */
    final java.util.function.ToIntFunction<Object> intGetter;

    Property(String name, Method accessor, Shape shape, Kind[] kinds, Class<?> cascade) {
      this.name = name;
      this.shown = ModelValidator.shown(name);
      this.intGetter = accessor.getReturnType() == int.class ? intGetter(accessor) : null;
      this.getter = getter(accessor);
      this.shape = shape;
      this.kinds = kinds;
      this.cascade = cascade;
    }
  }

  private final Class<?> type;
  private final Property[] properties;
  /** Why the type is not supported, or null. */
  private final String problem;
  /** {@link #supported()}, once known. */
  private Boolean supported;
  /** The declared constraints, as the metadata test compares them with Hibernate Validator's. */
  private final List<String> description;

  private ConstraintPlan(Class<?> type) {
    this.type = type;
    List<String> problems = new ArrayList<>();
    List<String> described = new ArrayList<>();
    this.properties = read(type, problems, described);
    this.problem = problems.isEmpty() ? null : String.join("; ", problems);
    described.sort(Comparator.naturalOrder());
    this.description = List.copyOf(described);
  }

  /** The plan of a class. */
  static ConstraintPlan of(Class<?> type) {
    return PLANS.get(type);
  }

  /** Whether {@code type} is a model type whose constraints, and those of every type it cascades into, are all supported. */
  static boolean supports(Class<?> type) {
    return isModel(type) && of(type).supported();
  }

  /** Whether this type and every type it cascades into are supported; worked out on first use. */
  private boolean supported() {
    Boolean known = supported; // a benign race: every thread works out the same answer
    if (known == null) {
      known = deepProblem(type, new LinkedHashSet<>()) == null;
      supported = known;
    }
    return known;
  }

  /** Why {@code type} (or a type it cascades into) is not supported; null when it is. */
  static String problem(Class<?> type) {
    return deepProblem(type, new LinkedHashSet<>());
  }

  /**
   * The constraints {@code type} declares, one line per constraint and cascade, sorted:
   * {@code id: NotBlank}, {@code staffId<element>: NotBlank}, {@code contacts<element>: Valid}.
   */
  static List<String> describe(Class<?> type) {
    return of(type).description;
  }

  private static String deepProblem(Class<?> type, Set<Class<?>> seen) {
    if (!seen.add(type)) {
      return null;
    }
    if (!isModel(type)) {
      return type.getName() + " is not a model type";
    }
    ConstraintPlan plan = of(type);
    if (plan.problem != null) {
      return type.getSimpleName() + ": " + plan.problem;
    }
    for (Property p : plan.properties) {
      if (p.cascade != null) {
        String deeper = deepProblem(p.cascade, seen);
        if (deeper != null) {
          return deeper;
        }
      }
    }
    return null;
  }

  /** Classes of the model package (the abstract types, the generated ones, their nested classes), not enums. */
  private static boolean isModel(Class<?> type) {
    return type.getPackageName().equals(PACKAGE) && !type.isEnum() && !type.isInterface()
        && !type.isAnnotation() && !type.isPrimitive() && !type.isArray();
  }

  // ------------------------------------------------------------------ reading the annotations

  private static Property[] read(Class<?> type, List<String> problems, List<String> described) {
    TreeMap<String, Property> byName = new TreeMap<>();
    Set<String> constrainedAt = new java.util.HashSet<>();
    List<Class<?>> hierarchy = hierarchy(type);
    for (Class<?> c : hierarchy) {
      for (Field f : c.getDeclaredFields()) {
        if (!relevant(f).isEmpty() || !relevant(f.getAnnotatedType()).isEmpty() || !deepRelevant(f.getAnnotatedType()).isEmpty()) {
          problems.add("a constraint on field " + f.getName());
        }
      }
      for (java.lang.reflect.Constructor<?> k : c.getDeclaredConstructors()) {
        checkNoParameterConstraints(k.getParameters(), "constructor of " + c.getSimpleName(), problems);
      }
      for (Method m : c.getDeclaredMethods()) {
        checkNoParameterConstraints(m.getParameters(), "method " + m.getName(), problems);
        Set<Class<? extends Annotation>> onValue = new LinkedHashSet<>(relevant(m));
        onValue.addAll(relevant(m.getAnnotatedReturnType()));
        List<Annotation> onElements = deepRelevant(m.getAnnotatedReturnType());
        if (onValue.isEmpty() && onElements.isEmpty()) {
          continue;
        }
        boolean property = m.getParameterCount() == 0 && m.getReturnType() != void.class
            && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge();
        if (!property || !Modifier.isPublic(m.getModifiers())) {
          problems.add("a constraint on " + m.getName() + ", which is not a public accessor");
          continue;
        }
        if (!constrainedAt.add(m.getName())) {
          problems.add(m.getName() + " is constrained at two levels of the class hierarchy");
          continue;
        }
        Property p = property(m, problems, described);
        if (p != null) {
          byName.put(m.getName(), p);
        }
      }
    }
    return byName.values().toArray(new Property[0]);
  }

  /** The type, its superclasses and all their interfaces. */
  private static List<Class<?>> hierarchy(Class<?> type) {
    Set<Class<?>> out = new LinkedHashSet<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      addWithInterfaces(c, out);
    }
    return new ArrayList<>(out);
  }

  private static void addWithInterfaces(Class<?> c, Set<Class<?>> out) {
    if (out.add(c)) {
      for (Class<?> i : c.getInterfaces()) {
        addWithInterfaces(i, out);
      }
    }
  }

  private static void checkNoParameterConstraints(Parameter[] parameters, String where, List<String> problems) {
    for (Parameter p : parameters) {
      if (!relevant(p).isEmpty() || !relevant(p.getAnnotatedType()).isEmpty() || !deepRelevant(p.getAnnotatedType()).isEmpty()) {
        problems.add("a constraint on a parameter of " + where);
      }
    }
  }

  private static Property property(Method m, List<String> problems, List<String> described) {
    String name = m.getName();
    Shape shape = shape(m.getReturnType());
    Set<Class<? extends Annotation>> onValue = new LinkedHashSet<>();
    for (Annotation a : m.getAnnotations()) {
      if (isRelevant(a)) {
        onValue.add(checked(a, name, problems));
      }
    }
    for (Annotation a : m.getAnnotatedReturnType().getAnnotations()) {
      if (isRelevant(a)) {
        onValue.add(checked(a, name, problems));
      }
    }
    Class<?> valueType = m.getReturnType();
    Class<?> elementType = null;
    Set<Class<? extends Annotation>> onElement = new LinkedHashSet<>();
    AnnotatedType returned = m.getAnnotatedReturnType();
    if (returned instanceof AnnotatedParameterizedType parameterized) {
      AnnotatedType[] args = parameterized.getAnnotatedActualTypeArguments();
      for (int i = 0; i < args.length; i++) {
        boolean deeper = !deepRelevant(args[i]).isEmpty() && args[i] instanceof AnnotatedParameterizedType;
        List<Annotation> here = relevant(args[i]).isEmpty() ? List.of() : annotationsOf(args[i]);
        if (deeper) {
          problems.add(name + " has a constraint nested deeper than one type argument");
        }
        if (here.isEmpty()) {
          continue;
        }
        if (shape == Shape.VALUE || args.length != 1) {
          problems.add(name + " has a constraint on a type argument of " + m.getReturnType().getSimpleName());
          continue;
        }
        if (!(args[i].getType() instanceof Class<?> c)) {
          problems.add(name + " has a constraint on a type argument that is not a class");
          continue;
        }
        elementType = c;
        for (Annotation a : here) {
          onElement.add(checked(a, name, problems));
        }
      }
    }
    if (shape != Shape.VALUE && !onValue.isEmpty()) {
      problems.add(name + " has a constraint on the " + m.getReturnType().getSimpleName() + " itself");
      return null;
    }
    Set<Class<? extends Annotation>> constraints = shape == Shape.VALUE ? onValue : onElement;
    Class<?> constrainedType = shape == Shape.VALUE ? valueType : elementType;
    String at = shape == Shape.VALUE ? name : name + "<element>";
    List<Kind> kinds = new ArrayList<>();
    Class<?> cascade = null;
    for (Class<? extends Annotation> a : constraints) {
      described.add(at + ": " + a.getSimpleName());
      if (a == Valid.class) {
        if (isModel(constrainedType)) {
          cascade = constrainedType;
        } else {
          problems.add(at + " cascades into " + constrainedType.getSimpleName() + ", which is not a model type");
        }
        continue;
      }
      Kind kind = kind(a, constrainedType);
      if (kind == null) {
        problems.add(at + ": @" + a.getSimpleName() + " on " + constrainedType.getSimpleName() + " is not supported");
      } else {
        kinds.add(kind);
      }
    }
    if (kinds.isEmpty() && cascade == null) {
      return null;
    }
    kinds.sort(Comparator.naturalOrder());
    return new Property(name, m, shape, kinds.toArray(new Kind[0]), cascade);
  }

  private static Kind kind(Class<? extends Annotation> a, Class<?> type) {
    if (a == NotBlank.class && (type == String.class || type == CharSequence.class)) {
      return Kind.NOT_BLANK;
    }
    if (a == PositiveOrZero.class && (type == int.class || type == long.class || type == Integer.class || type == Long.class)) {
      return Kind.POSITIVE_OR_ZERO;
    }
    if (a == Plausible.class && type == Instant.class) {
      return Kind.PLAUSIBLE_INSTANT;
    }
    if (a == Plausible.class && type == LocalDate.class) {
      return Kind.PLAUSIBLE_DATE;
    }
    return null;
  }

  /** The annotation's type; a problem when it sets a message, groups or payload of its own. */
  private static Class<? extends Annotation> checked(Annotation a, String name, List<String> problems) {
    Class<? extends Annotation> type = a.annotationType();
    if (type == Valid.class) {
      return type;
    }
    for (String attribute : List.of("message", "groups", "payload")) {
      try {
        Method m = type.getMethod(attribute);
        Object value = m.invoke(a);
        Object fallback = m.getDefaultValue();
        boolean same = value instanceof Object[] array ? array.length == 0 : value.equals(fallback);
        if (!same) {
          problems.add(name + ": @" + type.getSimpleName() + " sets its own " + attribute);
        }
      } catch (ReflectiveOperationException e) {
        problems.add(name + ": @" + type.getSimpleName() + " has no " + attribute);
      }
    }
    return type;
  }

  private static Shape shape(Class<?> type) {
    if (type == Optional.class) {
      return Shape.OPTIONAL;
    }
    if (List.class.isAssignableFrom(type)) {
      return Shape.LIST;
    }
    if (Set.class.isAssignableFrom(type)) {
      return Shape.SET;
    }
    // any other container (Map, array, ...) is a value: a constraint on its elements is a problem (see property())
    return Shape.VALUE;
  }

  /** Bean Validation annotations on {@code element} itself: {@code @Valid} and constraints (also repeated ones). */
  private static List<Class<? extends Annotation>> relevant(AnnotatedElement element) {
    List<Class<? extends Annotation>> out = new ArrayList<>();
    for (Annotation a : element.getAnnotations()) {
      if (isRelevant(a)) {
        out.add(a.annotationType());
      }
    }
    return out;
  }

  private static List<Annotation> annotationsOf(AnnotatedType type) {
    List<Annotation> out = new ArrayList<>();
    for (Annotation a : type.getAnnotations()) {
      if (isRelevant(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /** Bean Validation annotations anywhere inside the type arguments of {@code type}. */
  private static List<Annotation> deepRelevant(AnnotatedType type) {
    List<Annotation> out = new ArrayList<>();
    if (type instanceof AnnotatedParameterizedType p) {
      for (AnnotatedType arg : p.getAnnotatedActualTypeArguments()) {
        out.addAll(annotationsOf(arg));
        out.addAll(deepRelevant(arg));
      }
    } else if (type instanceof java.lang.reflect.AnnotatedArrayType array) {
      out.addAll(annotationsOf(array.getAnnotatedGenericComponentType()));
      out.addAll(deepRelevant(array.getAnnotatedGenericComponentType()));
    }
    return out;
  }

  private static boolean isRelevant(Annotation a) {
    Class<? extends Annotation> type = a.annotationType();
    if (type == Valid.class || type.isAnnotationPresent(Constraint.class)) {
      return true;
    }
    // a repeated constraint's container (@NotBlank.List) and anything else of Bean Validation
    return type.getName().startsWith("jakarta.validation.") || type.getName().startsWith("org.hibernate.validator.constraints.");
  }

  /** A fast accessor: a lambda calling {@code accessor}, not reflection. */
  @SuppressWarnings("unchecked")
  static Function<Object, Object> getter(Method accessor) {
    try {
      MethodHandle handle = LOOKUP.unreflect(accessor);
      Class<?> returned = MethodType.methodType(accessor.getReturnType()).wrap().returnType();
      CallSite site = LambdaMetafactory.metafactory(LOOKUP, "apply", MethodType.methodType(Function.class),
          MethodType.methodType(Object.class, Object.class), handle,
          MethodType.methodType(returned, accessor.getDeclaringClass()));
      return (Function<Object, Object>) site.getTarget().invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot access " + accessor, e);
    }
  }

  /** A fast accessor of an {@code int} property, without boxing. */
  @SuppressWarnings("unchecked")
  static java.util.function.ToIntFunction<Object> intGetter(Method accessor) {
    try {
      MethodHandle handle = LOOKUP.unreflect(accessor);
      CallSite site = LambdaMetafactory.metafactory(LOOKUP, "applyAsInt",
          MethodType.methodType(java.util.function.ToIntFunction.class),
          MethodType.methodType(int.class, Object.class), handle,
          MethodType.methodType(int.class, accessor.getDeclaringClass()));
      return (java.util.function.ToIntFunction<Object>) site.getTarget().invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot access " + accessor, e);
    }
  }

  // ------------------------------------------------------------------ the walk

  /**
   * The violations of {@code root} (a model object whose type is {@linkplain #supports supported}),
   * unsorted; null when there are none.
   */
  static List<Violation> validate(Object root) {
    Walk walk = new Walk();
    walk.bean(root);
    return walk.out;
  }

  /**
   * Thrown by the walk when it meets an object whose class is not supported (not expected: the
   * model's constructors are package-private, so its objects are of the generated classes); the
   * caller then validates the whole value with Hibernate Validator.
   */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Unsupported INSTANCE = new Unsupported();

    private Unsupported() {
      super("a class the fast validation does not support", null, false, false);
    }
  }

  private static final class Walk {
    private String[] names = new String[16];
    private int[] indices = new int[16];
    private int depth;
    List<Violation> out;

    void bean(Object bean) {
      ConstraintPlan plan = of(bean.getClass());
      if (!plan.supported()) {
        throw Unsupported.INSTANCE;
      }
      for (Property p : plan.properties) {
        if (p.intGetter != null) { // an int: only @PositiveOrZero applies, and it is never null
          if (p.intGetter.applyAsInt(bean) < 0) {
            push(p.shown);
            violation(Kind.POSITIVE_OR_ZERO);
            depth--;
          }
          continue;
        }
        Object v = p.getter.apply(bean);
        push(p.shown);
        switch (p.shape) {
          case VALUE -> element(p, v);
          case OPTIONAL -> {
            if (v != null && ((Optional<?>) v).isPresent()) {
              element(p, ((Optional<?>) v).get());
            }
          }
          case LIST -> {
            if (v != null) {
              List<?> list = (List<?>) v;
              for (int i = 0, n = list.size(); i < n; i++) {
                indices[depth - 1] = i;
                element(p, list.get(i));
              }
            }
          }
          case SET -> {
            if (v != null) {
              for (Object e : (Collection<?>) v) {
                element(p, e);
              }
            }
          }
          default -> throw new AssertionError(p.shape);
        }
        depth--;
      }
    }

    private void element(Property p, Object value) {
      for (Kind kind : p.kinds) {
        if (!valid(kind, value)) {
          violation(kind);
        }
      }
      if (p.cascade != null && value != null) {
        bean(value);
      }
    }

    private static boolean valid(Kind kind, Object value) {
      return switch (kind) {
        case NOT_BLANK -> value != null && !value.toString().trim().isEmpty();
        case POSITIVE_OR_ZERO -> value == null || ((Number) value).longValue() >= 0;
        case PLAUSIBLE_INSTANT -> value == null
            || (!((Instant) value).isBefore(Plausible.FIRST_INSTANT) && ((Instant) value).isBefore(Plausible.END_INSTANT));
        case PLAUSIBLE_DATE -> value == null
            || (!((LocalDate) value).isBefore(Plausible.FIRST_DAY) && !((LocalDate) value).isAfter(Plausible.LAST_DAY));
      };
    }

    private void push(String name) {
      if (depth == names.length) {
        names = java.util.Arrays.copyOf(names, depth * 2);
        indices = java.util.Arrays.copyOf(indices, depth * 2);
      }
      names[depth] = name;
      indices[depth] = -1;
      depth++;
    }

    private void violation(Kind kind) {
      StringBuilder path = new StringBuilder("$");
      for (int i = 0; i < depth; i++) {
        path.append('.').append(names[i]);
        if (indices[i] >= 0) {
          path.append('[').append(indices[i]).append(']');
        }
      }
      String message = switch (kind) {
        case NOT_BLANK -> NOT_BLANK;
        case POSITIVE_OR_ZERO -> POSITIVE_OR_ZERO;
        case PLAUSIBLE_INSTANT, PLAUSIBLE_DATE -> PLAUSIBLE;
      };
      if (out == null) {
        out = new ArrayList<>();
      }
      out.add(Violation.of(path.toString(), message));
    }
  }
}
