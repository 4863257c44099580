package org.perfspecs.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fast path of binding a JSON document to a model type: the parser's tokens are read straight
 * into the Jackson delegate that Immutables generates for every model type ({@code
 * ImmutableContact.Json}: the same object, the same setters and the same {@code fromJson} that
 * Jackson databind uses), with no databind machinery in between (no deserialization context, no
 * property buffering, no per-object {@code HashSet} for duplicate names: a bit per property).
 *
 * <p>It accepts only the plain, valid shape of a document: every property a known one, given once;
 * strings, codes, instants, dates and times as the strict readers of {@link StrictReading} accept
 * them (the same code); {@code true}/{@code false} for booleans; integer tokens within range for
 * {@code int}s; arrays for lists and sets; objects for model values; nothing after the value.
 * Anything else (a {@code null}, an unknown or repeated property, a wrong type, a malformed or
 * over-limit document, a model rule broken when a value is built, a type it cannot plan) makes
 * {@link #read} return {@code null}, and the caller reads the document again with {@link
 * ModelJson#reader} (the reference), which then gives the value or the errors exactly as before.
 * So a document is either bound here to the value the reference binds it to (same setters, same
 * {@code fromJson}; a set is filled as databind fills it, a {@code HashSet} in document order, so
 * that even its iteration order is the reference's), or bound by the reference itself.
 * {@code BindingProperties} (spec-testkit) compares the two paths on generated and mutated
 * documents of every model type.
 *
 * <p>Plans are made once per model type, on first use, and are immutable; reading is
 * thread-safe.
 */
final class FastBinding {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final String PACKAGE = FastBinding.class.getPackageName();
  /** Parsers with the model's limits; duplicate names are detected here, per object, with bits. */
  private static final JsonFactory FACTORY = ModelJson.newFactory();

  /** Leaves the fast path (no stack trace, shared: it carries nothing). */
  private static final class Leave extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Leave() {
      super(null, null, false, false);
    }
  }

  private static final Leave LEAVE = new Leave();

  /** The plan of each root type, or {@link Optional#empty()} when the type cannot be bound here. */
  private static final ClassValue<Optional<ObjectReader>> ROOTS = new ClassValue<>() {
    @Override
    protected Optional<ObjectReader> computeValue(Class<?> type) {
      return plan(type);
    }
  };

  private FastBinding() {}

  /** The value of {@code json} (UTF-8 bytes), or null when this path does not bind it. */
  static <T> T read(byte[] json, Class<T> type) {
    ObjectReader reader = ROOTS.get(type).orElse(null);
    if (reader == null) {
      return null;
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      return type.cast(readRoot(p, reader));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The value of {@code json}, or null when this path does not bind it. */
  static <T> T read(String json, Class<T> type) {
    ObjectReader reader = ROOTS.get(type).orElse(null);
    if (reader == null || json == null) {
      return null;
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      return type.cast(readRoot(p, reader));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether {@code type} is bound here (every model type is; a test checks it). */
  static boolean supports(Class<?> type) {
    return ROOTS.get(type).isPresent();
  }

  private static Object readRoot(JsonParser p, ObjectReader reader) throws IOException {
    p.nextToken();
    Object value = reader.read(p);
    if (p.nextToken() != null) {
      throw LEAVE; // trailing tokens: the reference reports them
    }
    return value;
  }

  private static synchronized Optional<ObjectReader> plan(Class<?> type) {
    try {
      return Optional.of(objectReader(type, new HashMap<>()));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  // ---- planning ----

  /** Reads the value at the parser's current token. */
  private abstract static class ValueReader {
    abstract Object read(JsonParser p) throws IOException;
  }

  /** One property of a model type's JSON delegate. */
  private record Property(String name, SerializedString quoted, ValueReader reader,
      BiConsumer<Object, Object> setter) {
    Property {
      quoted.asQuotedUTF8(); // made once, before the plan is shared
    }
  }

  private static ObjectReader objectReader(Class<?> type, Map<Class<?>, ObjectReader> planned)
      throws ReflectiveOperationException {
    ObjectReader known = planned.get(type);
    if (known != null) {
      return known;
    }
    JsonDeserialize as = type.getAnnotation(JsonDeserialize.class);
    if (as == null || as.as() == Void.class || !type.getPackageName().equals(PACKAGE)) {
      throw new IllegalArgumentException("not a model type");
    }
    Class<?> immutable = as.as();
    Class<?> json = Class.forName(immutable.getName() + "$Json", false, immutable.getClassLoader());
    ObjectReader reader = new ObjectReader(supplier(json), fromJson(immutable, json));
    planned.put(type, reader);
    List<Property> properties = new ArrayList<>();
    for (Method m : json.getDeclaredMethods()) {
      JsonProperty name = m.getAnnotation(JsonProperty.class);
      if (name == null) {
        continue;
      }
      if (m.getParameterCount() != 1 || Modifier.isStatic(m.getModifiers())) {
        throw new IllegalArgumentException("unexpected delegate");
      }
      ValueReader value = valueReader(m.getGenericParameterTypes()[0], planned);
      // interned: the parser's names are, so that most look-ups are one comparison of references
      String interned = name.value().intern();
      properties.add(new Property(interned, new SerializedString(interned), value, setter(json, m)));
    }
    if (properties.size() > Long.SIZE) {
      throw new IllegalArgumentException("more properties than bits");
    }
    // in the order the writer writes them (the order of the attributes), so that the next name
    // read is usually the next one looked at
    List<String> order = new ArrayList<>();
    for (java.lang.reflect.Field f : json.getDeclaredFields()) {
      order.add(f.getName());
    }
    properties.sort(java.util.Comparator.comparingInt(q -> {
      int at = order.indexOf(q.name());
      return at < 0 ? Integer.MAX_VALUE : at;
    }));
    reader.properties = properties.toArray(new Property[0]);
    return reader;
  }

  private static ValueReader valueReader(Type type, Map<Class<?>, ObjectReader> planned)
      throws ReflectiveOperationException {
    if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw
        && pt.getActualTypeArguments().length == 1) {
      ValueReader content = valueReader(pt.getActualTypeArguments()[0], planned);
      if (raw == Optional.class) {
        return new OptionalReader(content);
      }
      if (raw == List.class) {
        return new ListReader(content);
      }
      if (raw == Set.class) {
        return content instanceof EnumReader codes ? new EnumSetReader(codes) : new SetReader(content);
      }
      throw new IllegalArgumentException("unsupported container");
    }
    if (!(type instanceof Class<?> c)) {
      throw new IllegalArgumentException("unsupported type");
    }
    if (c == String.class) {
      return TEXT;
    }
    if (c == Instant.class) {
      return INSTANT;
    }
    if (c == LocalDate.class) {
      return DATE;
    }
    if (c == LocalTime.class) {
      return TIME;
    }
    if (c == boolean.class || c == Boolean.class) {
      return BOOLEAN;
    }
    if (c == int.class || c == Integer.class) {
      return INT;
    }
    if (c.isEnum()) {
      return new EnumReader(c);
    }
    return objectReader(c, planned);
  }

  @SuppressWarnings("unchecked")
  private static Supplier<Object> supplier(Class<?> json) throws ReflectiveOperationException {
    MethodHandle constructor = LOOKUP.findConstructor(json, MethodType.methodType(void.class));
    try {
      CallSite site = LambdaMetafactory.metafactory(LOOKUP, "get", MethodType.methodType(Supplier.class),
          MethodType.methodType(Object.class), constructor, MethodType.methodType(json));
      return (Supplier<Object>) site.getTarget().invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot construct " + json.getName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Function<Object, Object> fromJson(Class<?> immutable, Class<?> json)
      throws ReflectiveOperationException {
    MethodHandle handle = LOOKUP.findStatic(immutable, "fromJson", MethodType.methodType(immutable, json));
    try {
      CallSite site = LambdaMetafactory.metafactory(LOOKUP, "apply", MethodType.methodType(Function.class),
          MethodType.methodType(Object.class, Object.class), handle, MethodType.methodType(immutable, json));
      return (Function<Object, Object>) site.getTarget().invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot call " + immutable.getName() + ".fromJson", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static BiConsumer<Object, Object> setter(Class<?> json, Method m) throws ReflectiveOperationException {
    MethodHandle handle = LOOKUP.unreflect(m);
    Class<?> parameter = MethodType.methodType(m.getParameterTypes()[0]).wrap().returnType();
    try {
      CallSite site = LambdaMetafactory.metafactory(LOOKUP, "accept", MethodType.methodType(BiConsumer.class),
          MethodType.methodType(void.class, Object.class, Object.class), handle,
          MethodType.methodType(void.class, json, parameter));
      return (BiConsumer<Object, Object>) site.getTarget().invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot call " + m, e);
    }
  }

  // ---- readers ----

  /**
   * A model value: the delegate made, each property read and set (a known name, once), then
   * {@code fromJson}, as databind's delegating creator does.
   */
  private static final class ObjectReader extends ValueReader {
    private final Supplier<Object> delegate;
    private final Function<Object, Object> build;
    /** Set while planning (at most 64, one bit each), read-only once the plan is published. */
    Property[] properties;

    ObjectReader(Supplier<Object> delegate, Function<Object, Object> build) {
      this.delegate = delegate;
      this.build = build;
    }

    @Override
    Object read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw LEAVE;
      }
      Object json = delegate.get();
      Property[] all = properties;
      int n = all.length;
      long seen = 0;
      int next = 0;
      while (true) {
        int at;
        // the parser compares the next name's bytes with the expected one's (no symbol look-up)
        if (next < n && p.nextFieldName(all[next].quoted())) {
          at = next;
        } else {
          JsonToken t = next < n ? p.currentToken() : p.nextToken();
          if (t == JsonToken.END_OBJECT) {
            break;
          }
          if (t != JsonToken.FIELD_NAME) {
            throw LEAVE;
          }
          at = find(all, p.currentName(), next);
        }
        long bit = 1L << at;
        if ((seen & bit) != 0) {
          throw LEAVE; // repeated: the reference names it
        }
        seen |= bit;
        next = at + 1;
        Property property = all[at];
        p.nextToken();
        property.setter().accept(json, property.reader().read(p));
      }
      return build.apply(json);
    }

    /** The index of the property {@code name}, looked for from {@code from} on, round; leaves when unknown. */
    private static int find(Property[] all, String name, int from) {
      int n = all.length;
      for (int k = 0, i = from; k < n; k++, i++) {
        if (i >= n) {
          i = 0;
        }
        if (all[i].name() == name) {
          return i;
        }
      }
      for (int i = 0; i < n; i++) {
        if (all[i].name().equals(name)) {
          return i;
        }
      }
      throw LEAVE; // unknown: the reference names it
    }
  }

  /** A present optional value ({@code null} leaves: the reference reads it). */
  private static final class OptionalReader extends ValueReader {
    private final ValueReader content;

    OptionalReader(ValueReader content) {
      this.content = content;
    }

    @Override
    Object read(JsonParser p) throws IOException {
      return Optional.of(content.read(p));
    }
  }

  /** A list, as databind fills it (an {@code ArrayList} in document order). */
  private static final class ListReader extends ValueReader {
    private final ValueReader content;

    ListReader(ValueReader content) {
      this.content = content;
    }

    @Override
    Object read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw LEAVE;
      }
      JsonToken t = p.nextToken();
      if (t == JsonToken.END_ARRAY) {
        return Collections.emptyList();
      }
      List<Object> out = new ArrayList<>();
      for (; t != JsonToken.END_ARRAY; t = p.nextToken()) {
        out.add(content.read(p));
      }
      return out;
    }
  }

  /**
   * A set, as databind fills it: a {@code HashSet} in document order, so that the builder copies
   * the elements in the same order (a set of one or none needs no {@code HashSet}).
   */
  private static final class SetReader extends ValueReader {
    private final ValueReader content;

    SetReader(ValueReader content) {
      this.content = content;
    }

    @Override
    Object read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw LEAVE;
      }
      Object first = null;
      Set<Object> out = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        Object element = content.read(p);
        if (out != null) {
          out.add(element);
        } else if (first == null) {
          first = element;
        } else {
          out = new HashSet<>();
          out.add(first);
          out.add(element);
        }
      }
      return out != null ? out : first != null ? Collections.singleton(first) : Collections.emptySet();
    }
  }

  /** Text as {@code StrictReading}'s string reader accepts it: no unpaired surrogate. */
  private static final ValueReader TEXT = new ValueReader() {
    @Override
    Object read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw LEAVE;
      }
      String s = p.getText();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw LEAVE;
        }
      }
      return s;
    }
  };

  private static final ValueReader INSTANT = new ValueReader() {
    @Override
    Object read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw LEAVE;
      }
      Instant value = StrictReading.instant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      if (value == null) {
        throw LEAVE;
      }
      return value;
    }
  };

  private static final ValueReader DATE = new ValueReader() {
    @Override
    Object read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw LEAVE;
      }
      LocalDate value = StrictReading.date(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      if (value == null) {
        throw LEAVE;
      }
      return value;
    }
  };

  private static final ValueReader TIME = new ValueReader() {
    @Override
    Object read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw LEAVE;
      }
      LocalTime value = StrictReading.time(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      if (value == null) {
        throw LEAVE;
      }
      return value;
    }
  };

  private static final ValueReader BOOLEAN = new ValueReader() {
    @Override
    Object read(JsonParser p) {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_TRUE) {
        return Boolean.TRUE;
      }
      if (t == JsonToken.VALUE_FALSE) {
        return Boolean.FALSE;
      }
      throw LEAVE;
    }
  };

  private static final ValueReader INT = new ValueReader() {
    @Override
    Object read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
        throw LEAVE;
      }
      return p.getIntValue();
    }
  };

  /**
   * An enum code: exactly a constant's name (as {@code StrictReading}'s enum reader), matched on the
   * parser's characters against the names of the same length.
   */
  private static final class EnumReader extends ValueReader {
    private final Class<?> type;
    /** By length: the constants, and their names' characters. */
    private final Object[][] constants;
    private final char[][][] names;

    EnumReader(Class<?> type) {
      this.type = type;
      Object[] all = type.getEnumConstants();
      int longest = 0;
      for (Object c : all) {
        longest = Math.max(longest, ((Enum<?>) c).name().length());
      }
      constants = new Object[longest + 1][0];
      names = new char[longest + 1][0][];
      for (Object c : all) {
        String name = ((Enum<?>) c).name();
        int len = name.length();
        constants[len] = Arrays.copyOf(constants[len], constants[len].length + 1);
        constants[len][constants[len].length - 1] = c;
        names[len] = Arrays.copyOf(names[len], names[len].length + 1);
        names[len][names[len].length - 1] = name.toCharArray();
      }
    }

    @Override
    Object read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw LEAVE;
      }
      char[] c = p.getTextCharacters();
      int off = p.getTextOffset();
      int len = p.getTextLength();
      if (len < names.length) {
        char[][] candidates = names[len];
        for (int k = 0; k < candidates.length; k++) {
          if (Arrays.equals(candidates[k], 0, len, c, off, off + len)) {
            return constants[len][k];
          }
        }
      }
      throw LEAVE;
    }
  }

  /**
   * A set of enum codes. The model's builders keep such a set as Guava's immutable enum set (in
   * the constants' order whatever the order of the document), so an {@code EnumSet} gives them the
   * same set as databind's {@code HashSet}, without the hash table.
   */
  private static final class EnumSetReader extends ValueReader {
    private final EnumReader content;

    EnumSetReader(EnumReader content) {
      this.content = content;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw LEAVE;
      }
      JsonToken t = p.nextToken();
      if (t == JsonToken.END_ARRAY) {
        return Collections.emptySet();
      }
      Object first = content.read(p);
      t = p.nextToken();
      if (t == JsonToken.END_ARRAY) {
        return Collections.singleton(first);
      }
      EnumSet out = EnumSet.noneOf((Class) content.type);
      out.add(first);
      for (; t != JsonToken.END_ARRAY; t = p.nextToken()) {
        out.add(content.read(p));
      }
      return out;
    }
  }
}
