package org.perfspecs.model;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.io.IOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fast path of binding a JSON document to a model type: the parser's tokens are read straight
 * into the builder that Immutables generates for every model type, with no databind machinery in
 * between (no deserialization context, no delegate object, no intermediate lists, optionals or
 * per-object {@code HashSet} for duplicate names: a bit per property). The properties are those
 * of the Jackson delegate Immutables generates ({@code ImmutableContact.Json}, which databind
 * fills), and each is given to the builder as that delegate's {@code fromJson} gives it: a value
 * to its setter ({@code id(String)}; an optional one's present value to the setter of the value,
 * {@code staffId(String)}), the elements of a list or of a set of codes one by one in document
 * order ({@code addContacts(Contact)}; the builder keeps codes as Guava's immutable enum set, in
 * the constants' order), the elements of a set of text as databind collects them ({@code
 * HashSet}, then {@code addAllCredentials}, so that the builder sees them in the same order).
 * Every model type skips the builder ({@code Direct}): the values its {@code build()} would give
 * the generated class's constructor are made here (the same Guava immutable collections; a set of
 * codes is read as a bit mask and its immutable enum set shared between values) and given to that
 * constructor, then to the generated {@code validate}, which runs the same {@code @Value.Check};
 * only a type whose defaults go through an initialization shim ({@code Member}, ...) goes to its
 * builder, given the values read, when one of its defaults is absent from the document. Before
 * that constructor, the type's single-field rules ({@code ModelRules.rules}) are checked on the
 * values given to it, and its {@code @Value.Check} then skips them once (its other checks run).
 *
 * <p>Documents given as UTF-8 bytes are read by a subclass of Jackson's byte parser ({@code
 * BytesParser}) that also hands out the bytes of a string value when they need no decoding: codes
 * are matched on them ({@code Codes}), instants, dates and times read from them, text made from
 * them, with no pass through Jackson's text buffer; any other string is decoded by Jackson as
 * before.
 *
 * <p>It accepts only the plain, valid shape of a document: every property a known one, given once;
 * strings, codes, instants, dates and times as the strict readers of {@link StrictReading} accept
 * them (the same code); {@code true}/{@code false} for booleans; integer tokens within range for
 * {@code int}s; arrays for lists and sets; objects for model values; nothing after the value.
 * Anything else (a {@code null}, an unknown or repeated property, a wrong type, a malformed or
 * over-limit document, a model rule broken when a value is built, a type it cannot plan) makes
 * {@link #read} return {@code null}, and the caller reads the document again with {@link
 * ModelJson#reader} (the reference), which then gives the value or the errors exactly as before.
 * So a document is either bound here to the value the reference binds it to (the same builder
 * given the same values; even sets iterate in the same order), or bound by the reference itself.
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
  private static final JsonFactory FACTORY = new BytesFactory(ModelJson.newFactory());

  /** Leaves the fast path (no stack trace, shared: it carries nothing). */
  private static final class Leave extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Leave() {
      super(null, null, false, false);
    }
  }

  private static final Leave LEAVE = new Leave();

  /**
   * The model's factory ({@link ModelJson#newFactory}, copied: the same limits and features) whose
   * parsers of UTF-8 bytes are {@link BytesParser}s. Made only for a document Jackson's own
   * bootstrapping would read as UTF-8 from its first byte (an object, its second byte not zero: no
   * byte-order mark, not UTF-16 or UTF-32), with the same arguments as that bootstrapping gives
   * the parser it makes; any other input gets the factory's own parser.
   */
  private static final class BytesFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    BytesFactory(JsonFactory model) {
      super(model, null);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
      if (len >= 4 && data[offset] == '{' && data[offset + 1] != 0
          && Feature.CANONICALIZE_FIELD_NAMES.enabledIn(_factoryFeatures)) {
        ctxt.setEncoding(JsonEncoding.UTF8);
        return new BytesParser(ctxt, _parserFeatures, _objectCodec, _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
            data, offset, offset + len);
      }
      return super._createParser(data, offset, len, ctxt);
    }
  }

  /**
   * Jackson's parser of UTF-8 bytes, which also hands out the bytes of the current string value
   * when they need no decoding (plain ASCII: no escape, no control character, no multi-byte
   * character), so that a code, an instant or a text is read from them without Jackson first
   * decoding them into its text buffer; reading such a value moves the parser past it exactly as
   * its own skipping of an unread string would. A string that is not plain is read as before,
   * through {@code getText}/{@code getTextCharacters}.
   */
  private static final class BytesParser extends UTF8StreamJsonParser {
    /** The longest string taken from the bytes (far under the model's limit; a longer one is Jackson's). */
    private static final int PLAIN_MAX = 4096;
    /** Eight bytes of an array as one {@code long}, the first the lowest. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    BytesParser(IOContext ctxt, int features, ObjectCodec codec, ByteQuadsCanonicalizer symbols, byte[] data, int start,
        int end) {
      super(ctxt, features, null, codec, symbols, data, start, end, 0, false);
    }

    /**
     * The index of the closing quote of the current token when it is a string value not yet read
     * whose bytes, from {@link #start()}, are plain (ASCII from space on, no quote or backslash
     * before the closing quote); otherwise -1.
     */
    int plainEnd() {
      if (!_tokenIncomplete || _currToken != JsonToken.VALUE_STRING) {
        return -1;
      }
      byte[] b = _inputBuffer;
      int i = _inputPtr;
      int limit = Math.min(_inputEnd, i + PLAIN_MAX);
      // eight bytes at a time: the first byte that is a quote, a backslash, under 0x20 or over 0x7F
      // (the lowest flagged byte of each test is exact; a borrow only flags bytes above it)
      for (; i + Long.BYTES <= limit; i += Long.BYTES) {
        long w = (long) LONGS.get(b, i);
        long quote = w ^ 0x2222222222222222L;
        long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
        long special = (quote - 0x0101010101010101L) & ~quote
            | (backslash - 0x0101010101010101L) & ~backslash
            | (w - 0x2020202020202020L) & ~w
            | w;
        special &= 0x8080808080808080L;
        if (special != 0) {
          int at = i + (Long.numberOfTrailingZeros(special) >>> 3);
          return b[at] == '"' ? at : -1;
        }
      }
      for (; i < limit; i++) {
        int c = b[i]; // a byte over 0x7F is negative here
        if (c == '"') {
          return i;
        }
        if (c < 0x20 || c == '\\') {
          return -1;
        }
      }
      return -1;
    }

    /** Whether the current token is a string value not yet read. */
    boolean pendingString() {
      return _tokenIncomplete && _currToken == JsonToken.VALUE_STRING;
    }

    /** The end of the input (exclusive). */
    int end() {
      return _inputEnd;
    }

    /** The index of the first byte of the current string value (see {@link #plainEnd}). */
    int start() {
      return _inputPtr;
    }

    byte[] bytes() {
      return _inputBuffer;
    }

    /** Past the string value whose closing quote is at {@code quote} ({@link #plainEnd}): read. */
    void readTo(int quote) {
      _inputPtr = quote + 1;
      _tokenIncomplete = false;
    }
  }

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
      return type.cast(readRoot(p, reader, type));
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
      return type.cast(readRoot(p, reader, type));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether {@code type} is bound here (every model type is; a test checks it). */
  static boolean supports(Class<?> type) {
    return ROOTS.get(type).isPresent();
  }

  /**
   * Whether values of {@code type}, wherever they are read here, are constructed without the
   * generated builder ({@code Direct}).
   */
  static boolean constructsDirectly(Class<?> type) {
    ObjectReader reader = ROOTS.get(type).orElse(null);
    return reader != null && reader.direct != null;
  }

  private static Object readRoot(JsonParser p, ObjectReader reader, Class<?> type) throws IOException {
    Scratch s = SCRATCH.get();
    if (s.busy) {
      s = new Scratch(); // a read within a read on this thread (not done by the model): its own arrays
    }
    s.busy = true;
    s.depth = 0;
    s.record = type == CaseRecord.class && !datesFromDefaults;
    s.earliestInstant = null;
    s.earliestDate = null;
    try {
      p.nextToken();
      Object value = reader.read(p, s);
      if (p.nextToken() != null) {
        throw LEAVE; // trailing tokens: the reference reports them
      }
      return value;
    } finally {
      s.busy = false;
      s.recordValues = null;
    }
  }

  /**
   * Whether {@code record}, when it is the case record this thread is constructing at the root of
   * a read here (its member and episode the values just read; false for any other record), has no
   * dated fact before the day of birth: true when no instant read in its document is before {@code
   * bornAt} and no date before {@code born}. Every dated fact of such a record was read here (no
   * model type has a dated default: see {@code datesFromDefaults}), so then {@code
   * ModelRules.checkDateOfBirth} has nothing to find and need not walk the record; otherwise it
   * walks it as for any record.
   */
  static boolean noDatedFactBefore(CaseRecord record, LocalDate born, Instant bornAt) {
    Object[] values = SCRATCH.get().recordValues;
    if (values == null || !holds(values, record.member()) || !holds(values, record.episode())) {
      return false;
    }
    Scratch s = SCRATCH.get();
    return (s.earliestInstant == null || !s.earliestInstant.isBefore(bornAt))
        && (s.earliestDate == null || !s.earliestDate.isBefore(born));
  }

  private static boolean holds(Object[] values, Object value) {
    for (Object v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@link #noDatedFactBefore} may say yes (no model type has a dated value not read from a document). */
  static boolean seesEveryDatedFact() {
    return !datesFromDefaults;
  }

  /** Set while planning when a model type has a default attribute holding a date or an instant. */
  private static volatile boolean datesFromDefaults;

  /**
   * One thread's reusable constructor-argument arrays, one per nesting depth and argument count
   * (a value being read at depth d fills the array of depth d; the values inside it, read before
   * it is constructed, use depth d + 1). Reuse is safe: the array is only the carrier of the
   * arguments (the spreading method handle passes its elements to the generated constructor,
   * which stores them in its own fields; neither the constructor nor {@code validate} sees the
   * array), so once {@link Direct#construct} returns, nothing refers to it but this scratch, and
   * the next value at that depth overwrites every element with the template before reading. A
   * read that leaves half-way leaves only stale elements, overwritten the same way. The same for
   * the buffers of list elements, copied out into each list. The arrays and buffers keep the last
   * documents' values reachable until they are overwritten (about one record's worth per thread).
   */
  private static final class Scratch {
    boolean busy;
    int depth;
    /**
     * The root is a case record; while it is constructed, its constructor's arguments (else null);
     * the earliest instant and date read.
     */
    boolean record;
    Object[] recordValues;
    /** This thread's state of the model's rules. */
    final ModelRules.State rules = ModelRules.state();
    /** The characters of an instant, a date or a time read from plain bytes. */
    final char[] chars = new char[64];
    Instant earliestInstant;
    LocalDate earliestDate;
    private Object[][][] arrays = new Object[8][][];
    /** By depth: a buffer for the elements of a list being read (see {@code EachProperty.value}). */
    private Object[][] lists = new Object[8][];

    Object[] list(int depth) {
      if (depth >= lists.length) {
        lists = Arrays.copyOf(lists, depth * 2);
      }
      Object[] buffer = lists[depth];
      if (buffer == null) {
        buffer = new Object[64];
        lists[depth] = buffer;
      }
      return buffer;
    }

    Object[] growList(int depth) {
      lists[depth] = Arrays.copyOf(lists[depth], lists[depth].length * 2);
      return lists[depth];
    }

    /** The array of {@code template}'s length at {@code depth}, filled with {@code template}. */
    Object[] take(int depth, Object[] template) {
      if (depth >= arrays.length) {
        arrays = Arrays.copyOf(arrays, depth * 2);
      }
      Object[][] byLength = arrays[depth];
      int length = template.length;
      if (byLength == null || length >= byLength.length) {
        byLength = Arrays.copyOf(byLength == null ? new Object[0][] : byLength, Math.max(length + 1, 16));
        arrays[depth] = byLength;
      }
      Object[] values = byLength[length];
      if (values == null) {
        values = new Object[length];
        byLength[length] = values;
      }
      System.arraycopy(template, 0, values, 0, length);
      return values;
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * The first {@code n} elements of a buffer, for {@code ImmutableList.copyOf}, which takes their
   * {@link #toArray} (one array of the exact size) as its own: the list the generated builder's
   * {@code build()} makes of the same elements (empty, singleton or regular).
   */
  private static final class Prefix extends java.util.AbstractList<Object> implements java.util.RandomAccess {
    private final Object[] buffer;
    private final int n;

    Prefix(Object[] buffer, int n) {
      this.buffer = buffer;
      this.n = n;
    }

    @Override
    public Object get(int i) {
      java.util.Objects.checkIndex(i, n);
      return buffer[i];
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public Object[] toArray() {
      return Arrays.copyOf(buffer, n);
    }
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
    abstract Object read(JsonParser p, Scratch s) throws IOException;
  }

  /** Reads one property's value at the parser's current token into a builder. */
  private abstract static class PropertyReader {
    /** Marks a required property in {@link #absent()}. */
    static final Object REQUIRED = new Object();

    abstract void read(JsonParser p, Object builder, Scratch s) throws IOException;

    /**
     * The property's value at the parser's current token, as the generated builder's {@code build()}
     * hands it to the constructor of the immutable class (for {@link Direct} construction).
     */
    abstract Object value(JsonParser p, Scratch s) throws IOException;

    /** What the builder hands to the constructor when the property is absent, or {@link #REQUIRED}. */
    abstract Object absent();

    /** Gives the builder a value made by {@link #value} (the property present), as {@link #read} would. */
    abstract void give(Object builder, Object value);
  }

  /**
   * Construction without the builder, for a model type whose generated class has a constructor
   * taking its fields in order, and besides at most one taking the builder (for one {@code
   * @Value.Default} attribute; no derived attribute, no initialization shim): the values the
   * builder's {@code build()} would give the fields (the same immutable collections: Guava's
   * immutable enum sets, lists and sets; {@code null} for an absent optional), then the generated
   * {@code validate}, which runs the type's {@code @Value.Check} as {@code build()} does. An
   * absent default attribute takes the abstract type's default method's value, called (as the
   * generated constructor calls {@code super.x()}) on the value made with every other field set.
   * A missing required property leaves (the builder would throw; the reference names it).
   */
  private static final class Direct {
    /** {@code (Object[] values) -> Object}: the constructor, then {@code validate}. */
    private final MethodHandle construct;
    /** Per property (in the plan's order), its constructor parameter. */
    final int[] slot;
    /** The constructor's arguments before any property is read: absent values, {@code REQUIRED} ones null. */
    private final Object[] template;
    /** The plan's properties that are required, one bit each. */
    final long required;
    /**
     * The plan's default attributes, one bit each (at most one unless {@link #shim}); for one
     * without a shim, its parameter, the constructor alone and the default method.
     */
    final long defaulted;
    /**
     * Whether the generated class initializes its defaults through a shim (several defaults): with
     * every default present, the constructor; with one absent, the builder (see {@code viaBuilder}).
     */
    final boolean shim;
    private final int defaultSlot;
    private final MethodHandle constructOnly;
    private final MethodHandle defaultValue;
    /** The model type, whose single-field rules ({@code ModelRules.rules}) are checked here on the fields. */
    private final Class<?> type;
    /** Those rules, in their order, and per rule the constructor parameter of its attribute. */
    private final ModelRules.Rule[] rules;
    private final int[] ruleSlot;

    private Direct(Class<?> type, MethodHandle construct, int[] slot, Object[] template, long required, long defaulted,
        boolean shim, int defaultSlot, MethodHandle constructOnly, MethodHandle defaultValue, ModelRules.Rule[] rules,
        int[] ruleSlot) {
      this.type = type;
      this.rules = rules;
      this.ruleSlot = ruleSlot;
      this.construct = construct;
      this.shim = shim;
      this.slot = slot;
      this.template = template;
      this.required = required;
      this.defaulted = defaulted;
      this.defaultSlot = defaultSlot;
      this.constructOnly = constructOnly;
      this.defaultValue = defaultValue;
    }

    /** The direct construction of {@code immutable}, or null when it does not have the plain shape. */
    static Direct of(Class<?> type, Class<?> immutable, Class<?> builder, Property[] properties)
        throws ReflectiveOperationException {
      java.lang.reflect.Constructor<?> all = null;
      boolean fromBuilder = false;
      for (java.lang.reflect.Constructor<?> c : immutable.getDeclaredConstructors()) {
        if (!Modifier.isPrivate(c.getModifiers())) {
          return null;
        }
        if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == builder && !fromBuilder) {
          fromBuilder = true;
        } else if (all == null) {
          all = c;
        } else {
          return null;
        }
      }
      boolean shim = false;
      for (Class<?> nested : immutable.getDeclaredClasses()) {
        if (nested.getSimpleName().equals("InitShim")) {
          shim = true; // defaults that may depend on one another: the builder computes absent ones
        }
      }
      if (all == null) {
        return null;
      }
      java.lang.reflect.Constructor<?>[] constructors = {all};
      List<java.lang.reflect.Field> fields = new ArrayList<>();
      for (java.lang.reflect.Field f : immutable.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !(shim && f.getType().getSimpleName().equals("InitShim"))) {
          fields.add(f);
        }
      }
      Class<?>[] parameters = constructors[0].getParameterTypes();
      if (parameters.length != fields.size() || parameters.length != properties.length) {
        return null;
      }
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] != fields.get(i).getType()) {
          return null;
        }
      }
      int[] slot = new int[properties.length];
      Object[] template = new Object[parameters.length];
      long required = 0;
      long defaulted = 0;
      int defaultSlot = -1;
      MethodHandle defaultValue = null;
      for (int k = 0; k < properties.length; k++) {
        int at = -1;
        for (int i = 0; i < fields.size(); i++) {
          if (fields.get(i).getName().equals(properties[k].name())) {
            at = i;
          }
        }
        if (at < 0) {
          return null;
        }
        slot[k] = at;
        Object absent = properties[k].reader().absent();
        Method declared = declaredAccessor(type, properties[k].name());
        if (declared == null) {
          return null;
        }
        if (!Modifier.isAbstract(declared.getModifiers())) { // a @Value.Default attribute (it has a builder setter)
          if (!fromBuilder || defaulted != 0 && !shim) {
            return null;
          }
          defaulted |= 1L << k;
          defaultSlot = at;
          defaultValue = MethodHandles.privateLookupIn(type, LOOKUP)
              .findSpecial(type, declared.getName(), MethodType.methodType(declared.getReturnType()), type)
              .asType(MethodType.methodType(Object.class, Object.class));
          template[at] = placeholder(parameters[at]);
        } else if (absent == PropertyReader.REQUIRED) {
          required |= 1L << k;
        } else if (parameters[at].isPrimitive()) {
          return null; // an optional primitive: not a shape the builder has here
        } else {
          template[at] = absent;
        }
      }
      MethodHandles.Lookup inside = MethodHandles.privateLookupIn(immutable, LOOKUP);
      MethodHandle constructor = inside.unreflectConstructor(constructors[0]);
      MethodHandle validate = inside.findStatic(immutable, "validate", MethodType.methodType(immutable, immutable));
      MethodHandle construct = MethodHandles.filterReturnValue(constructor, validate)
          .asSpreader(Object[].class, parameters.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      if (fromBuilder != (defaulted != 0)) {
        return null;
      }
      MethodHandle constructOnly = constructor.asSpreader(Object[].class, parameters.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      // each single-field rule on the field of its attribute (every rule's accessor is an attribute
      // of a field here, else the type is not constructed directly)
      List<ModelRules.Rule> rules = ModelRules.rules(type);
      int[] ruleSlot = new int[rules.size()];
      for (int r = 0; r < ruleSlot.length; r++) {
        ruleSlot[r] = -1;
        for (int i = 0; i < fields.size(); i++) {
          if (fields.get(i).getName().equals(rules.get(r).name())) {
            ruleSlot[r] = i;
          }
        }
        if (ruleSlot[r] < 0) {
          return null;
        }
      }
      return new Direct(type, construct, slot, template, required, defaulted, shim, defaultSlot, constructOnly,
          defaultValue, rules.toArray(new ModelRules.Rule[0]), ruleSlot);
    }

    /** The abstract type's own public accessor {@code name}, or null. */
    private static Method declaredAccessor(Class<?> type, String name) {
      for (Method m : type.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == 0 && Modifier.isPublic(m.getModifiers())
            && !Modifier.isStatic(m.getModifiers())) {
          return m;
        }
      }
      return null;
    }

    /** What stands in a field of this type until its default is known. */
    private static Object placeholder(Class<?> c) {
      if (c == boolean.class) {
        return Boolean.FALSE;
      }
      if (c == int.class) {
        return 0;
      }
      if (c.isPrimitive()) {
        throw new IllegalArgumentException("unexpected primitive default");
      }
      return null;
    }

    /**
     * The value, and {@code seen}: the plan's properties read, one bit each (for an absent default).
     * The type's single-field rules are checked here on the fields (a broken one leaves: the
     * reference names it), so that its {@code @Value.Check} need not read them back through its
     * accessors; its other checks run as they do for every value.
     */
    Object construct(Object[] values, long seen, ModelRules.State state) {
      try {
        if (defaulted != 0 && (seen & defaulted) == 0) {
          // as the generated constructor: super.x() on the value with every other field set
          Object value = (Object) defaultValue.invokeExact((Object) constructOnly.invokeExact(values));
          if (value == null) {
            throw LEAVE; // the builder refuses a null default
          }
          values[defaultSlot] = value;
        }
        ModelRules.Rule[] all = rules;
        for (int r = 0; r < all.length; r++) {
          if (all[r].brokenBy(values[ruleSlot[r]])) {
            throw LEAVE;
          }
        }
        state.checked = type;
        try {
          return (Object) construct.invokeExact(values);
        } finally {
          state.checked = null;
        }
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw LEAVE; // the constructor and validate throw no checked exception
      }
    }
  }

  /** One property of a model type. */
  private record Property(String name, SerializedString quoted, PropertyReader reader) {
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
    Class<?> builder = Class.forName(immutable.getName() + "$Builder", false, immutable.getClassLoader());
    ObjectReader reader = new ObjectReader(newBuilder(immutable, builder), build(immutable, builder));
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
      // interned: the parser's names are, so that most look-ups are one comparison of references
      String interned = name.value().intern();
      properties.add(new Property(interned, new SerializedString(interned),
          propertyReader(builder, interned, m.getGenericParameterTypes()[0], planned)));
    }
    if (properties.size() > Long.SIZE) {
      throw new IllegalArgumentException("more properties than bits");
    }
    // in the order the writer writes them (the order of the attributes), so that the next name
    // read is usually the one expected
    List<String> order = new ArrayList<>();
    for (java.lang.reflect.Field f : json.getDeclaredFields()) {
      order.add(f.getName());
    }
    properties.sort(java.util.Comparator.comparingInt(q -> {
      int at = order.indexOf(q.name());
      return at < 0 ? Integer.MAX_VALUE : at;
    }));
    reader.properties = properties.toArray(new Property[0]);
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() == 0 && !Modifier.isAbstract(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
          && m.getDeclaringClass() != Object.class && m.getGenericReturnType().getTypeName().contains("java.time.")) {
        datesFromDefaults = true; // maybe a dated fact not read from a document: noDatedFactBefore says no
      }
    }
    try {
      reader.direct = Direct.of(type, immutable, builder, reader.properties);
    } catch (ReflectiveOperationException | RuntimeException e) {
      reader.direct = null; // the builder, then
    }
    return reader;
  }

  /** How the delegate's {@code fromJson} hands a property of this type to the builder, read from tokens. */
  private static PropertyReader propertyReader(Class<?> builder, String name, Type type,
      Map<Class<?>, ObjectReader> planned) throws ReflectiveOperationException {
    String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw
        && pt.getActualTypeArguments().length == 1 && pt.getActualTypeArguments()[0] instanceof Class<?> element) {
      ValueReader content = valueReader(element, planned);
      if (raw == Optional.class) {
        return new ValueProperty(content, setter(builder, builder.getMethod(name, unwrapped(builder, name, element))), true);
      }
      if (raw == List.class || raw == Set.class && element.isEnum()) {
        return new EachProperty(content, setter(builder, builder.getMethod("add" + capitalized, element)),
            setter(builder, builder.getMethod("addAll" + capitalized, Iterable.class)), raw == Set.class);
      }
      if (raw == Set.class) {
        return new HashSetProperty(content, setter(builder, builder.getMethod("addAll" + capitalized, Iterable.class)));
      }
      throw new IllegalArgumentException("unsupported container");
    }
    if (!(type instanceof Class<?> c)) {
      throw new IllegalArgumentException("unsupported type");
    }
    return new ValueProperty(valueReader(c, planned), setter(builder, builder.getMethod(name, c)), false);
  }

  /** The parameter type of the builder's setter of an optional's value: the value's type, or its primitive. */
  private static Class<?> unwrapped(Class<?> builder, String name, Class<?> element) throws NoSuchMethodException {
    Class<?> primitive = MethodType.methodType(element).unwrap().returnType();
    for (Method m : builder.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1 && m.getParameterTypes()[0] == primitive) {
        return primitive;
      }
    }
    return element;
  }

  private static ValueReader valueReader(Class<?> c, Map<Class<?>, ObjectReader> planned)
      throws ReflectiveOperationException {
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
  private static Supplier<Object> newBuilder(Class<?> immutable, Class<?> builder) throws ReflectiveOperationException {
    MethodHandle handle = LOOKUP.findStatic(immutable, "builder", MethodType.methodType(builder));
    try {
      CallSite site = LambdaMetafactory.metafactory(LOOKUP, "get", MethodType.methodType(Supplier.class),
          MethodType.methodType(Object.class), handle, MethodType.methodType(builder));
      return (Supplier<Object>) site.getTarget().invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot call " + immutable.getName() + ".builder", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Function<Object, Object> build(Class<?> immutable, Class<?> builder) throws ReflectiveOperationException {
    MethodHandle handle = LOOKUP.findVirtual(builder, "build", MethodType.methodType(immutable));
    try {
      CallSite site = LambdaMetafactory.metafactory(LOOKUP, "apply", MethodType.methodType(Function.class),
          MethodType.methodType(Object.class, Object.class), handle, MethodType.methodType(immutable, builder));
      return (Function<Object, Object>) site.getTarget().invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot call " + builder.getName() + ".build", e);
    }
  }

  /** A builder method of one argument, as a {@code BiConsumer} (its result, the builder, dropped). */
  @SuppressWarnings("unchecked")
  private static BiConsumer<Object, Object> setter(Class<?> builder, Method m) throws ReflectiveOperationException {
    MethodHandle handle = LOOKUP.unreflect(m);
    Class<?> parameter = MethodType.methodType(m.getParameterTypes()[0]).wrap().returnType();
    try {
      CallSite site = LambdaMetafactory.metafactory(LOOKUP, "accept", MethodType.methodType(BiConsumer.class),
          MethodType.methodType(void.class, Object.class, Object.class), handle,
          MethodType.methodType(void.class, builder, parameter));
      return (BiConsumer<Object, Object>) site.getTarget().invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot call " + m, e);
    }
  }

  // ---- readers ----

  /**
   * A model value: a builder, each property read into it (a known name, once), then {@code
   * build()}, which enforces the model's rules as for databind.
   */
  private static final class ObjectReader extends ValueReader {
    private final Supplier<Object> newBuilder;
    private final Function<Object, Object> build;
    /** Set while planning (at most 64, one bit each), read-only once the plan is published. */
    Property[] properties;
    /** Set while planning: construction without the builder, or null to use the builder. */
    Direct direct;

    ObjectReader(Supplier<Object> newBuilder, Function<Object, Object> build) {
      this.newBuilder = newBuilder;
      this.build = build;
    }

    @Override
    Object read(JsonParser p, Scratch s) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw LEAVE;
      }
      Direct d = direct;
      if (d != null) {
        return readDirect(p, d, s);
      }
      Object builder = newBuilder.get();
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
        p.nextToken();
        all[at].reader().read(p, builder, s);
      }
      return build.apply(builder);
    }

    /** {@link #read} without the builder: the constructor's arguments, then the constructor. */
    private Object readDirect(JsonParser p, Direct d, Scratch s) throws IOException {
      int depth = s.depth++;
      Object[] values = s.take(depth, d.template);
      int[] slot = d.slot;
      Property[] all = properties;
      int n = all.length;
      long seen = 0;
      int next = 0;
      while (true) {
        int at;
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
        p.nextToken();
        values[slot[at]] = all[at].reader().value(p, s);
      }
      if ((seen & d.required) != d.required) {
        throw LEAVE; // a required property missing: the reference names it
      }
      s.depth = depth;
      if (d.shim && (seen & d.defaulted) != d.defaulted) {
        return viaBuilder(values, seen, d);
      }
      if (depth == 0 && s.record) {
        s.recordValues = values; // for noDatedFactBefore, while the root's rules run
        Object record = d.construct(values, seen, s.rules);
        s.recordValues = null;
        return record;
      }
      return d.construct(values, seen, s.rules);
    }

    /**
     * A type with an initialization shim and an absent default: the builder given the values read
     * (only those present, as {@link #read} gives them), so that the shim computes the defaults as
     * for databind.
     */
    private Object viaBuilder(Object[] values, long seen, Direct d) {
      Object builder = newBuilder.get();
      Property[] all = properties;
      for (int k = 0; k < all.length; k++) {
        if ((seen & 1L << k) != 0) {
          all[k].reader().give(builder, values[d.slot[k]]);
        }
      }
      return build.apply(builder);
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

  /** A value (or an optional's present value: {@code null} leaves) given to the builder's setter. */
  private static final class ValueProperty extends PropertyReader {
    private final ValueReader value;
    private final BiConsumer<Object, Object> setter;
    private final boolean optional;

    ValueProperty(ValueReader value, BiConsumer<Object, Object> setter, boolean optional) {
      this.value = value;
      this.setter = setter;
      this.optional = optional;
    }

    @Override
    void read(JsonParser p, Object builder, Scratch s) throws IOException {
      setter.accept(builder, value.read(p, s));
    }

    @Override
    Object value(JsonParser p, Scratch s) throws IOException {
      return value.read(p, s);
    }

    @Override
    Object absent() {
      return optional ? null : REQUIRED;
    }

    @Override
    void give(Object builder, Object value) {
      setter.accept(builder, value); // never null: read leaves on a null token
    }
  }

  /** An array whose elements are given to the builder one by one, in document order. */
  private static final class EachProperty extends PropertyReader {
    private final ValueReader element;
    private final BiConsumer<Object, Object> add;
    private final BiConsumer<Object, Object> addAll;
    /** For a set of codes: its immutable enum sets by bit mask, and the reader of a code; null for a list. */
    private final EnumSets codes;
    private final EnumReader code;

    EachProperty(ValueReader element, BiConsumer<Object, Object> add, BiConsumer<Object, Object> addAll, boolean codes) {
      this.element = element;
      this.add = add;
      this.addAll = addAll;
      this.code = codes ? (EnumReader) element : null;
      this.codes = codes ? EnumSets.of(code.type) : null;
    }

    @Override
    void give(Object builder, Object value) {
      addAll.accept(builder, value); // the immutable list or enum set, iterated in the order read
    }

    @Override
    Object value(JsonParser p, Scratch s) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw LEAVE;
      }
      if (codes != null) {
        long mask = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          mask |= 1L << code.ordinal(p);
        }
        return codes.get(mask);
      }
      JsonToken t = p.nextToken();
      if (t == JsonToken.END_ARRAY) {
        return ImmutableList.of();
      }
      // the elements into this thread's buffer of the depth (elements' own lists use a deeper one),
      // then one array of the exact size, wrapped as the builder's build() wraps its array
      int depth = s.depth;
      Object[] out = s.list(depth);
      int n = 0;
      for (; t != JsonToken.END_ARRAY; t = p.nextToken()) {
        Object e = element.read(p, s);
        if (n == out.length) {
          out = s.growList(depth);
        }
        out[n++] = e;
      }
      return ImmutableList.copyOf(new Prefix(out, n));
    }

    @Override
    Object absent() {
      return codes != null ? ImmutableSet.of() : ImmutableList.of();
    }

    @Override
    void read(JsonParser p, Object builder, Scratch s) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw LEAVE;
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        add.accept(builder, element.read(p, s));
      }
    }
  }

  /**
   * A set whose elements the builder keeps in the order it is given them: collected as databind
   * collects them, in a {@code HashSet} in document order, and given to the builder in that set's
   * order (a set of one or none needs no {@code HashSet}).
   */
  private static final class HashSetProperty extends PropertyReader {
    private final ValueReader element;
    private final BiConsumer<Object, Object> addAll;

    HashSetProperty(ValueReader element, BiConsumer<Object, Object> addAll) {
      this.element = element;
      this.addAll = addAll;
    }

    @Override
    void give(Object builder, Object value) {
      addAll.accept(builder, value); // the immutable set, in the HashSet's order as read gives it
    }

    @Override
    void read(JsonParser p, Object builder, Scratch s) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw LEAVE;
      }
      Object first = null;
      Set<Object> out = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        Object e = element.read(p, s);
        if (out != null) {
          out.add(e);
        } else if (first == null) {
          first = e;
        } else {
          out = new HashSet<>();
          out.add(first);
          out.add(e);
        }
      }
      if (out != null) {
        addAll.accept(builder, out);
      } else if (first != null) {
        addAll.accept(builder, Collections.singleton(first));
      }
    }

    @Override
    Object value(JsonParser p, Scratch s) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw LEAVE;
      }
      Object first = null;
      Set<Object> out = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        Object e = element.read(p, s);
        if (out != null) {
          out.add(e);
        } else if (first == null) {
          first = e;
        } else {
          out = new HashSet<>();
          out.add(first);
          out.add(e);
        }
      }
      // as the builder's ImmutableSet.Builder given the HashSet's order
      return out != null ? ImmutableSet.copyOf(out) : first != null ? ImmutableSet.of(first) : ImmutableSet.of();
    }

    @Override
    Object absent() {
      return ImmutableSet.of();
    }
  }

  /** Text as {@code StrictReading}'s string reader accepts it: no unpaired surrogate. */
  private static final ValueReader TEXT = new ValueReader() {
    @Override
    Object read(JsonParser p, Scratch scratch) throws IOException {
      if (p instanceof BytesParser b) {
        int end = b.plainEnd();
        if (end >= 0) { // plain ASCII: no surrogate, the same string as decoded
          String s = new String(b.bytes(), b.start(), end - b.start(), StandardCharsets.ISO_8859_1);
          b.readTo(end);
          return s;
        }
      }
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

  /**
   * An instant, a date or a time of day, read by {@code StrictReading}'s char-level reader of that
   * kind on the parser's characters (one class, so that the property loop's call stays cheap).
   */
  private static final class TemporalReader extends ValueReader {
    private final char kind; // 'I'nstant, 'D'ate, 'T'ime

    TemporalReader(char kind) {
      this.kind = kind;
    }

    @Override
    Object read(JsonParser p, Scratch s) throws IOException {
      char[] c;
      int off;
      int len;
      int end = p instanceof BytesParser b ? b.plainEnd() : -1;
      if (end >= 0 && end - ((BytesParser) p).start() <= s.chars.length) {
        // plain ASCII, copied as it is into this thread's characters (no decoding, no text buffer)
        BytesParser b = (BytesParser) p;
        byte[] bytes = b.bytes();
        int start = b.start();
        c = s.chars;
        off = 0;
        len = end - start;
        for (int i = 0; i < len; i++) {
          c[i] = (char) bytes[start + i];
        }
        b.readTo(end);
      } else {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw LEAVE;
        }
        c = p.getTextCharacters();
        off = p.getTextOffset();
        len = p.getTextLength();
      }
      switch (kind) {
        case 'I' -> {
          Instant value = StrictReading.instant(c, off, len);
          if (value == null) {
            throw LEAVE;
          }
          if (s.earliestInstant == null || value.isBefore(s.earliestInstant)) {
            s.earliestInstant = value;
          }
          return value;
        }
        case 'D' -> {
          LocalDate value = StrictReading.date(c, off, len);
          if (value == null) {
            throw LEAVE;
          }
          if (s.earliestDate == null || value.isBefore(s.earliestDate)) {
            s.earliestDate = value;
          }
          return value;
        }
        default -> {
          Object value = StrictReading.time(c, off, len);
          if (value == null) {
            throw LEAVE;
          }
          return value;
        }
      }
    }
  }

  private static final ValueReader INSTANT = new TemporalReader('I');
  private static final ValueReader DATE = new TemporalReader('D');
  private static final ValueReader TIME = new TemporalReader('T');

  private static final ValueReader BOOLEAN = new ValueReader() {
    @Override
    Object read(JsonParser p, Scratch s) {
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
    Object read(JsonParser p, Scratch s) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
        throw LEAVE;
      }
      return p.getIntValue();
    }
  };

  /**
   * An enum code: exactly a constant's name (as {@code StrictReading}'s enum reader), matched on the
   * parser's characters by a perfect hash of the names, made when planning: a hash of the length
   * and the first, middle and last characters (or, when those collide for two names, of every
   * character) picks the one candidate slot, whose name is then compared in full. No {@code
   * String} is made and no list of names is scanned.
   */
  private static final class EnumReader extends ValueReader {
    final Class<?> type;
    /** By slot: the constant, its name's characters and its ordinal (null, null, -1 when free). */
    private final Object[] constants;
    private final char[][] names;
    /**
     * By slot: the name's bytes (ASCII) as little-endian {@code long}s, the last one's unused bytes
     * zero; null when free or not ASCII.
     */
    private final long[][] words;
    private final int[] ordinals;
    /** The codes matched on the bytes as they come, or null (see {@link Codes}). */
    private final Codes codes;
    /** The hash: every character or three; its base and multiplier; the shift to the slot. */
    private final boolean everyChar;
    private final int base;
    private final int multiplier;
    private final int shift;

    EnumReader(Class<?> type) {
      this.type = type;
      Enum<?>[] all = (Enum<?>[]) type.getEnumConstants();
      this.codes = Codes.of(all);
      char[][] chars = new char[all.length][];
      for (int i = 0; i < all.length; i++) {
        chars[i] = all[i].name().toCharArray();
        if (chars[i].length == 0) {
          throw new IllegalArgumentException("an empty constant name");
        }
      }
      int least = 32 - Integer.numberOfLeadingZeros(Math.max(1, all.length));
      int[] bases = {31, 131, 65_599};
      for (boolean every : new boolean[] {false, true}) {
        for (int base : bases) {
          for (int bits = least; bits <= least + 4; bits++) {
            int m = 0x9E3779B9;
            for (int attempt = 0; attempt < 512; attempt++, m = m * 0x2C1B3C6D + 0x297A2D39 | 1) {
              int[] slots = slots(chars, every, base, m, 32 - bits);
              if (slots != null) {
                everyChar = every;
                this.base = base;
                multiplier = m;
                shift = 32 - bits;
                constants = new Object[1 << bits];
                names = new char[1 << bits][];
                words = new long[1 << bits][];
                ordinals = new int[1 << bits];
                Arrays.fill(ordinals, -1);
                for (int i = 0; i < all.length; i++) {
                  constants[slots[i]] = all[i];
                  names[slots[i]] = chars[i];
                  words[slots[i]] = words(chars[i]);
                  ordinals[slots[i]] = all[i].ordinal();
                }
                return;
              }
            }
          }
        }
      }
      throw new IllegalArgumentException("no perfect hash for " + type.getName()); // databind, then
    }

    /** {@code name}'s characters as bytes in little-endian {@code long}s, or null when one is not ASCII. */
    private static long[] words(char[] name) {
      long[] out = new long[(name.length + Long.BYTES - 1) / Long.BYTES];
      for (int i = 0; i < name.length; i++) {
        if (name[i] > 0x7F) {
          return null;
        }
        out[i / Long.BYTES] |= (long) name[i] << (Byte.SIZE * (i % Long.BYTES));
      }
      return out;
    }

    /** The slot of each name under this hash, or null when two share one. */
    private static int[] slots(char[][] chars, boolean every, int base, int multiplier, int shift) {
      int[] slots = new int[chars.length];
      Set<Integer> taken = new HashSet<>();
      for (int i = 0; i < chars.length; i++) {
        slots[i] = hash(chars[i], 0, chars[i].length, every, base) * multiplier >>> shift;
        if (!taken.add(slots[i])) {
          return null;
        }
      }
      return slots;
    }

    /** {@link #hash(char[], int, int, boolean, int)} of ASCII bytes (the same value as of their characters). */
    private static int hash(byte[] c, int off, int len, boolean every, int base) {
      int h = len;
      if (every) {
        for (int i = off, end = off + len; i < end; i++) {
          h = h * base + c[i];
        }
        return h;
      }
      return ((h * base + c[off]) * base + c[off + (len >> 1)]) * base + c[off + len - 1];
    }

    private static int hash(char[] c, int off, int len, boolean every, int base) {
      int h = len;
      if (every) {
        for (int i = off, end = off + len; i < end; i++) {
          h = h * base + c[i];
        }
        return h;
      }
      return ((h * base + c[off]) * base + c[off + (len >> 1)]) * base + c[off + len - 1];
    }

    /** The slot of the code at the parser's current token; leaves when it is not a constant's name. */
    private int slot(JsonParser p) throws IOException {
      if (p instanceof BytesParser b) {
        int end = b.plainEnd();
        if (end >= 0) { // plain ASCII: each byte the character it encodes
          byte[] c = b.bytes();
          int off = b.start();
          int len = end - off;
          if (len == 0) {
            throw LEAVE;
          }
          int at = hash(c, off, len, everyChar, base) * multiplier >>> shift;
          char[] name = names[at];
          if (name == null || name.length != len) {
            throw LEAVE;
          }
          long[] w = words[at];
          if (w != null && off + w.length * Long.BYTES <= c.length) {
            // eight bytes at a time; the bytes after the code (from its closing quote on) masked off
            int last = w.length - 1;
            for (int k = 0; k < last; k++) {
              if ((long) BytesParser.LONGS.get(c, off + k * Long.BYTES) != w[k]) {
                throw LEAVE;
              }
            }
            long tail = (long) BytesParser.LONGS.get(c, off + last * Long.BYTES);
            int rest = len - last * Long.BYTES; // 1 to 8
            if ((rest == Long.BYTES ? tail : tail & (1L << (Byte.SIZE * rest)) - 1) != w[last]) {
              throw LEAVE;
            }
          } else {
            for (int i = 0; i < len; i++) {
              if (name[i] != c[off + i]) {
                throw LEAVE;
              }
            }
          }
          b.readTo(end);
          return at;
        }
      }
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw LEAVE;
      }
      char[] c = p.getTextCharacters();
      int off = p.getTextOffset();
      int len = p.getTextLength();
      if (len == 0) {
        throw LEAVE;
      }
      int at = hash(c, off, len, everyChar, base) * multiplier >>> shift;
      char[] name = names[at];
      if (name == null || name.length != len) {
        throw LEAVE;
      }
      for (int i = 0; i < len; i++) { // names are short: a plain loop beats Arrays.equals
        if (name[i] != c[off + i]) {
          throw LEAVE;
        }
      }
      return at;
    }

    @Override
    Object read(JsonParser p, Scratch s) throws IOException {
      if (codes != null && p instanceof BytesParser b) {
        int k = codes.find(b);
        if (k >= 0) {
          return codes.constants[k];
        }
      }
      return constants[slot(p)];
    }

    /** The ordinal of the code at the parser's current token (for a set's bit mask). */
    int ordinal(JsonParser p) throws IOException {
      if (codes != null && p instanceof BytesParser b) {
        int k = codes.find(b);
        if (k >= 0) {
          return codes.ordinals[k];
        }
      }
      return ordinals[slot(p)];
    }
  }

  /**
   * An enum type's codes matched on the parser's bytes without first finding where the string
   * ends: its first sixteen bytes (two {@code long}s, each byte from the closing quote on masked
   * off) pick the one candidate slot by a perfect hash made when planning; the code is that
   * constant when the bytes equal its name's and the closing quote follows them. The name's bytes
   * are ASCII letters, digits and underscores, so such a string is plain, its value the name. Any
   * other string (not that constant's name, or written with an escape) is read as {@link
   * EnumReader#slot} reads it. Made only for ASCII names whose first sixteen bytes differ.
   */
  private static final class Codes {
    final Object[] constants;
    final int[] ordinals;
    /** By slot: the name's length (0 when free), its first two words and all its words. */
    private final int[] lengths;
    private final long[] first;
    private final long[] second;
    private final long[][] words;
    private final long k1;
    private final long k2;
    private final int shift;

    private Codes(Object[] constants, int[] ordinals, int[] lengths, long[] first, long[] second, long[][] words,
        long k1, long k2, int shift) {
      this.constants = constants;
      this.ordinals = ordinals;
      this.lengths = lengths;
      this.first = first;
      this.second = second;
      this.words = words;
      this.k1 = k1;
      this.k2 = k2;
      this.shift = shift;
    }

    static Codes of(Enum<?>[] all) {
      long[][] words = new long[all.length][];
      for (int i = 0; i < all.length; i++) {
        words[i] = EnumReader.words(all[i].name().toCharArray());
        if (words[i] == null || words[i].length == 0) {
          return null;
        }
      }
      int least = 64 - Long.numberOfLeadingZeros(Math.max(1, all.length));
      long k1 = 0x9E3779B97F4A7C15L;
      long k2 = 0xC2B2AE3D27D4EB4FL;
      for (int bits = least; bits <= least + 4; bits++) {
        for (int attempt = 0; attempt < 512; attempt++) {
          k1 = k1 * 0x5851F42D4C957F2DL + 0x14057B7EF767814FL | 1;
          k2 = k2 * 0x5851F42D4C957F2DL + 0x2545F4914F6CDD1DL | 1;
          int size = 1 << bits;
          int[] lengths = new int[size];
          boolean unique = true;
          int[] slots = new int[all.length];
          for (int i = 0; i < all.length && unique; i++) {
            slots[i] = (int) ((words[i][0] * k1 + (words[i].length > 1 ? words[i][1] : 0) * k2) >>> (64 - bits));
            unique = lengths[slots[i]] == 0;
            lengths[slots[i]] = 1;
          }
          if (unique) {
            Object[] constants = new Object[size];
            int[] ordinals = new int[size];
            long[] first = new long[size];
            long[] second = new long[size];
            long[][] byslot = new long[size][];
            Arrays.fill(lengths, 0);
            for (int i = 0; i < all.length; i++) {
              int at = slots[i];
              constants[at] = all[i];
              ordinals[at] = all[i].ordinal();
              lengths[at] = all[i].name().length();
              first[at] = words[i][0];
              second[at] = words[i].length > 1 ? words[i][1] : 0;
              byslot[at] = words[i];
            }
            return new Codes(constants, ordinals, lengths, first, second, byslot, k1, k2, 64 - bits);
          }
        }
      }
      return null; // two names alike in their first sixteen bytes: EnumReader.slot alone
    }

    /** The bytes flagged (high bit) where {@code w} holds a quote; the lowest flag is exact. */
    private static long quotes(long w) {
      long t = w ^ 0x2222222222222222L;
      return (t - 0x0101010101010101L) & ~t & 0x8080808080808080L;
    }

    /** The slot of the code at the parser's current token, read past it; or -1 (nothing read). */
    int find(BytesParser p) {
      if (!p.pendingString()) {
        return -1;
      }
      byte[] b = p.bytes();
      int off = p.start();
      if (off + 2 * Long.BYTES > b.length) {
        return -1;
      }
      long w0 = (long) BytesParser.LONGS.get(b, off);
      long w1 = (long) BytesParser.LONGS.get(b, off + Long.BYTES);
      long q0 = quotes(w0);
      long q1 = quotes(w1);
      // the bytes before the first quote: all of w0 and some of w1, or some of w0 and none of w1
      long m0 = q0 == 0 ? -1L : ((q0 & -q0) >>> 7) - 1;
      long m1 = q0 != 0 ? 0L : q1 == 0 ? -1L : ((q1 & -q1) >>> 7) - 1;
      long a = w0 & m0;
      long c = w1 & m1;
      int at = (int) ((a * k1 + c * k2) >>> shift);
      int len = lengths[at];
      if (len == 0 || a != first[at] || c != second[at]) {
        return -1;
      }
      int quote = q0 != 0 ? Long.numberOfTrailingZeros(q0) >>> 3
          : q1 != 0 ? Long.BYTES + (Long.numberOfTrailingZeros(q1) >>> 3) : -1;
      if (quote >= 0) {
        if (quote != len) {
          return -1;
        }
      } else {
        // a name longer than sixteen bytes: its other words, then the closing quote
        long[] w = words[at];
        if (len <= 2 * Long.BYTES || off + w.length * Long.BYTES > b.length || off + len >= p.end()) {
          return -1;
        }
        int last = w.length - 1;
        for (int k = 2; k < last; k++) {
          if ((long) BytesParser.LONGS.get(b, off + k * Long.BYTES) != w[k]) {
            return -1;
          }
        }
        long tail = (long) BytesParser.LONGS.get(b, off + last * Long.BYTES);
        int rest = len - last * Long.BYTES;
        if ((rest == Long.BYTES ? tail : tail & (1L << (Byte.SIZE * rest)) - 1) != w[last] || b[off + len] != '"') {
          return -1;
        }
      }
      if (off + len >= p.end()) {
        return -1;
      }
      p.readTo(off + len);
      return at;
    }
  }

  /**
   * The immutable enum sets of one enum type by bit mask of ordinals, as the generated builder
   * makes them ({@code Sets.immutableEnumSet}: the empty set, a singleton or an {@code
   * ImmutableEnumSet}), shared once made (they are immutable): one bounded table per enum type,
   * indexed by the mask's hash, an entry replaced when another mask lands on it.
   */
  private static final class EnumSets {
    private static final int BITS = 11;

    private static final ClassValue<EnumSets> BY_TYPE = new ClassValue<>() {
      @Override
      protected EnumSets computeValue(Class<?> type) {
        return new EnumSets(type);
      }
    };

    private record Entry(long mask, ImmutableSet<?> set) {}

    @SuppressWarnings("rawtypes")
    private final Enum[] constants;
    private final AtomicReferenceArray<Entry> table = new AtomicReferenceArray<>(1 << BITS);

    private EnumSets(Class<?> type) {
      this.constants = (Enum<?>[]) type.getEnumConstants();
    }

    static EnumSets of(Class<?> type) {
      if (type.getEnumConstants().length > Long.SIZE) {
        throw new IllegalArgumentException("more constants than bits");
      }
      return BY_TYPE.get(type);
    }

    ImmutableSet<?> get(long mask) {
      if (mask == 0) {
        return ImmutableSet.of();
      }
      int at = (int) (mask ^ mask >>> 32) * 0x9E3779B9 >>> (Integer.SIZE - BITS);
      Entry e = table.get(at);
      if (e != null && e.mask() == mask) {
        return e.set();
      }
      ImmutableSet<?> set = make(mask);
      table.set(at, new Entry(mask, set));
      return set;
    }

    /** {@code Sets.immutableEnumSet} of the constants in {@code mask} (not 0): one {@code EnumSet}, no copy. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private ImmutableSet<?> make(long mask) {
      Enum first = constants[Long.numberOfTrailingZeros(mask)];
      long rest = mask & mask - 1;
      if (rest == 0) {
        return ImmutableSet.of(first);
      }
      Enum[] others = new Enum[Long.bitCount(rest)];
      for (int i = 0; rest != 0; rest &= rest - 1) {
        others[i++] = constants[Long.numberOfTrailingZeros(rest)];
      }
      return Sets.immutableEnumSet(first, others);
    }
  }
}
