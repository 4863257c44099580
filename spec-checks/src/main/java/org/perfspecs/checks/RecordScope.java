package org.perfspecs.checks;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;

/**
 * Values derived from one record that many rules use (the contacts of the stay in time order, the
 * evidence naming a contact, ...), worked out once per record instead of once per requirement.
 *
 * <p>The {@linkplain org.perfspecs.checks.engine.Engine engine} opens a scope on the current thread
 * for the record it evaluates and closes it when it is done, so nothing outlives one call of
 * {@code evaluate}. A helper asks {@link #memo} with the episode and context it was given: within
 * the scope of that same record and context (by identity) the value is computed once and shared;
 * outside any scope (a requirement evaluated on its own) it is simply computed. Values must be
 * immutable, and must depend on nothing but the episode's record and the context, so sharing them
 * changes no finding.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RecordScope implements AutoCloseable {
  private static final ThreadLocal<RecordScope> CURRENT = new ThreadLocal<>();
  // per thread, the identity maps of closed scopes, emptied, by key: the next record's scope takes
  // them instead of growing new ones (they never leave this class, so reuse changes no value)
  private static final ThreadLocal<Object[]> SPARE_MAPS = new ThreadLocal<>();
  // a map that grew past this many entries (a very large record) is dropped rather than kept
  private static final int MAX_SPARE_SIZE = 512;
  private static final AtomicInteger KEYS = new AtomicInteger();
  private static final Object[] EMPTY = new Object[0];

  private final CaseRecord record;
  private final Episode episode;
  private final EvaluationContext ctx;
  private final RecordScope outer;
  private Object[] values;
  // the ids of the record's episode findings, shared by them (made on first use)
  private Finding.Subject subject;
  // the per-key identity maps this scope made or took (a subset of values)
  private IdentityHashMap<?, ?>[] maps;

  private RecordScope(CaseRecord record, EvaluationContext ctx, RecordScope outer) {
    this.record = record;
    this.episode = record.episode();
    this.ctx = ctx;
    this.outer = outer;
    // the values array of this thread's last outermost scope, emptied at its close, else a new one
    Object[] spare = outer == null ? SPARE_VALUES.get() : null;
    if (spare != null && spare.length >= KEYS.get()) {
      SPARE_VALUES.set(null);
      this.values = spare;
    } else {
      this.values = new Object[KEYS.get() + 8];
    }
  }

  // per thread, the values array of the last outermost scope closed, emptied, for the next record's
  private static final ThreadLocal<Object[]> SPARE_VALUES = new ThreadLocal<>();

  /** Opens a scope for {@code record} as of {@code ctx} on this thread; close it in a finally. */
  public static RecordScope open(CaseRecord record, EvaluationContext ctx) {
    RecordScope scope = new RecordScope(record, ctx, CURRENT.get());
    CURRENT.set(scope);
    return scope;
  }

  @Override
  public void close() {
    if (maps != null) {
      Object[] spare = SPARE_MAPS.get();
      if (spare == null || spare.length < maps.length) {
        spare = spare == null ? new Object[maps.length] : Arrays.copyOf(spare, maps.length);
        SPARE_MAPS.set(spare);
      }
      for (int i = 0; i < maps.length; i++) {
        IdentityHashMap<?, ?> map = maps[i];
        if (map != null && map.size() <= MAX_SPARE_SIZE) {
          map.clear();
          spare[i] = map;
        }
      }
      maps = null;
    }
    if (outer == null) {
      Object[] v = values;
      values = EMPTY;
      if (v.length <= MAX_SPARE_SIZE) {
        Arrays.fill(v, null);
        SPARE_VALUES.set(v);
      }
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }

  /** This scope's identity map for {@code key}: a spare one of this thread, emptied, or a new one. */
  @SuppressWarnings("unchecked")
  private <K, T> Map<K, T> map(Key<?> key) {
    int i = key.index;
    Object[] v = values;
    if (i >= v.length) {
      v = values = Arrays.copyOf(v, i + 8);
    }
    Object existing = v[i];
    if (existing != null) {
      return (Map<K, T>) existing;
    }
    IdentityHashMap<K, T> map = null;
    Object[] spare = SPARE_MAPS.get();
    if (spare != null && i < spare.length && spare[i] != null) {
      map = (IdentityHashMap<K, T>) spare[i];
      spare[i] = null;
    } else {
      map = new IdentityHashMap<>();
    }
    if (maps == null) {
      maps = new IdentityHashMap<?, ?>[Math.max(v.length, i + 1)];
    } else if (i >= maps.length) {
      maps = Arrays.copyOf(maps, i + 8);
    }
    maps[i] = map;
    v[i] = map;
    return map;
  }

  /** A name for one derived value. */
  public static final class Key<T> {
    private final int index = KEYS.getAndIncrement();

    /** A new key; keep it in a static final field. */
    public static <T> Key<T> create() {
      return new Key<>();
    }
  }

  /** {@code compute.get()}, once per record in scope. */
  @SuppressWarnings("unchecked")
  public static <T> T memo(Key<T> key, Episode e, EvaluationContext ctx, Supplier<T> compute) {
    RecordScope scope = CURRENT.get();
    if (scope == null || scope.episode != e || scope.ctx != ctx) {
      return compute.get();
    }
    Object[] v = scope.values;
    if (key.index >= v.length) {
      v = scope.values = Arrays.copyOf(v, key.index + 8);
    }
    Object value = v[key.index];
    if (value == null) {
      value = compute.get();
      v[key.index] = value;
    }
    return (T) value;
  }

  /**
   * The value of {@code key} kept for the record of {@code e} in scope, or null (none yet, or no
   * such scope): with {@link #keep}, {@link #memo(Key, Episode, EvaluationContext, Supplier)} for a
   * caller that would otherwise make a lambda per call.
   */
  @SuppressWarnings("unchecked")
  public static <T> T kept(Key<T> key, Episode e, EvaluationContext ctx) {
    RecordScope scope = CURRENT.get();
    if (scope == null || scope.episode != e || scope.ctx != ctx) {
      return null;
    }
    Object[] v = scope.values;
    return key.index < v.length ? (T) v[key.index] : null;
  }

  /** Keeps {@code value} (not null) as {@code key}'s for the record of {@code e} in scope, if any; returns it. */
  public static <T> T keep(Key<T> key, Episode e, EvaluationContext ctx, T value) {
    RecordScope scope = CURRENT.get();
    if (scope != null && scope.episode == e && scope.ctx == ctx) {
      Object[] v = scope.values;
      if (key.index >= v.length) {
        v = scope.values = Arrays.copyOf(v, key.index + 8);
      }
      v[key.index] = java.util.Objects.requireNonNull(value, "value");
    }
    return value;
  }

  /** {@code compute.apply(of)}, once per {@code of} (by identity) per record in scope. */
  public static <K, T> T memo(Key<Map<K, T>> key, Episode e, EvaluationContext ctx, K of, Function<K, T> compute) {
    RecordScope scope = CURRENT.get();
    if (scope == null || scope.episode != e || scope.ctx != ctx) {
      return compute.apply(of);
    }
    Map<K, T> map = scope.map(key);
    T value = map.get(of);
    if (value == null) {
      value = compute.apply(of);
      map.put(of, value);
    }
    return value;
  }

  /**
   * {@code compute.apply(of)}, once per {@code of} (by identity) while any record is in scope: for
   * values that depend on {@code of} alone (the evidence naming a contact).
   */
  public static <K, T> T memoOf(Key<Map<K, T>> key, K of, Function<K, T> compute) {
    RecordScope scope = CURRENT.get();
    if (scope == null) {
      return compute.apply(of);
    }
    Map<K, T> map = scope.map(key);
    T value = map.get(of);
    if (value == null) {
      value = compute.apply(of);
      map.put(of, value);
    }
    return value;
  }

  /**
   * {@code compute.apply(of)}, once per {@code of} (by identity) per record in scope, for values
   * that depend on the whole record (member and episode) and the context.
   */
  public static <K, T> T memoForRecord(Key<Map<K, T>> key, CaseRecord record, EvaluationContext ctx, K of,
      Function<K, T> compute) {
    RecordScope scope = CURRENT.get();
    if (scope == null || scope.record != record || scope.ctx != ctx) {
      return compute.apply(of);
    }
    return memoOf(key, of, compute);
  }

  /**
   * The identity map of {@code key} of the scope of {@code record} and {@code ctx} on this thread,
   * or null outside it: for a caller that memoizes without making a lambda per call.
   */
  static <K, T> Map<K, T> mapForRecord(Key<Map<K, T>> key, CaseRecord record, EvaluationContext ctx) {
    RecordScope scope = CURRENT.get();
    if (scope == null || scope.record != record || scope.ctx != ctx) {
      return null;
    }
    return scope.map(key);
  }

  /**
   * The identity map of {@code key} of the scope of {@code e}'s record and {@code ctx} on this
   * thread, or null outside it: {@link #memo(Key, Episode, EvaluationContext, Object, Function)}
   * for a caller that memoizes without making a lambda per call.
   */
  public static <K, T> Map<K, T> map(Key<Map<K, T>> key, Episode e, EvaluationContext ctx) {
    RecordScope scope = CURRENT.get();
    if (scope == null || scope.episode != e || scope.ctx != ctx) {
      return null;
    }
    return scope.map(key);
  }

  /**
   * The ids of {@code record}'s episode findings, one object for all of them while the record is in
   * scope on this thread; null outside it.
   */
  static Finding.Subject subject(CaseRecord record) {
    RecordScope scope = CURRENT.get();
    if (scope == null || scope.record != record) {
      return null;
    }
    Finding.Subject s = scope.subject;
    if (s == null) {
      s = new Finding.Subject(record.episode().id(), record.member().id(), record.episode().programId());
      scope.subject = s;
    }
    return s;
  }

  /** The record in scope on this thread, if any (for diagnostics and tests). */
  static CaseRecord current() {
    RecordScope scope = CURRENT.get();
    return scope == null ? null : scope.record;
  }
}
