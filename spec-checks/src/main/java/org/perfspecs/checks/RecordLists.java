package org.perfspecs.checks;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Allocation-free fast paths for the filtered, sorted views of a record's lists that the rules
 * take many times per record (contacts that have happened, earliest first, ...). Records are
 * usually already in time order with every entry kept, and then the view is the record's own
 * (immutable) list.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RecordLists {
  private RecordLists() {}

  /**
   * The elements of {@code list} that {@code keep} accepts, stably sorted by {@code order}, as an
   * unmodifiable list: the same elements in the same order as
   * {@code list.stream().filter(keep).sorted(order).toList()}. {@code list} must be unmodifiable
   * (it is returned as it is when every element is kept and already in order).
   */
  public static <T> List<T> keptSorted(List<T> list, Predicate<? super T> keep, Comparator<? super T> order) {
    int n = list.size();
    boolean inOrder = true;
    T previous = null;
    for (int i = 0; i < n; i++) {
      T t = list.get(i);
      if (!keep.test(t)) {
        return copy(list, keep, order);
      }
      if (i > 0 && inOrder && order.compare(previous, t) > 0) {
        inOrder = false;
      }
      previous = t;
    }
    return inOrder ? list : copy(list, keep, order);
  }

  /**
   * The elements of {@code list} that {@code keep} accepts, in order, as an unmodifiable list;
   * {@code list} itself (it must be unmodifiable) when all are kept.
   */
  public static <T> List<T> kept(List<T> list, Predicate<? super T> keep) {
    int n = list.size();
    for (int i = 0; i < n; i++) {
      if (!keep.test(list.get(i))) {
        Object[] out = new Object[n - 1];
        int count = 0;
        for (int j = 0; j < i; j++) {
          out[count++] = list.get(j);
        }
        for (int j = i + 1; j < n; j++) {
          T t = list.get(j);
          if (keep.test(t)) {
            out[count++] = t;
          }
        }
        return new ArrayView<>(out, count);
      }
    }
    return list;
  }

  /**
   * Whether any of {@code values} is in {@code set}: {@code values.stream().anyMatch(set::contains)}
   * without the stream.
   */
  public static boolean anyIn(java.util.Collection<?> values, java.util.Collection<?> set) {
    if (values.isEmpty()) {
      return false;
    }
    Object[] members = members(set);
    if (members != null) {
      // the members of an unmodifiable set, listed once: no iterator per call
      for (Object m : members) {
        if (values.contains(m)) {
          return true;
        }
      }
      return false;
    }
    for (Object v : values) {
      if (set.contains(v)) {
        return true;
      }
    }
    return false;
  }

  // the members of unmodifiable sets seen by anyIn, by identity; copied on write (rare: the rules'
  // constant sets), read without a lock
  private static volatile IdentityHashMap<Object, Object[]> members = new IdentityHashMap<>();
  private static final int MAX_MEMBER_SETS = 1024;

  /** The members of {@code set} when it cannot change (Guava's or the JDK's immutable sets), else null. */
  private static Object[] members(java.util.Collection<?> set) {
    if (!(set instanceof ImmutableSet) && !set.getClass().getName().startsWith("java.util.ImmutableCollections$Set")) {
      return null;
    }
    IdentityHashMap<Object, Object[]> known = members;
    Object[] m = known.get(set);
    if (m == null) {
      m = set.toArray();
      for (Object o : m) {
        if (!(o instanceof Enum<?>)) {
          return null; // only sets of constants are kept (nothing from a record is)
        }
      }
      synchronized (RecordLists.class) {
        if (members.size() < MAX_MEMBER_SETS) {
          IdentityHashMap<Object, Object[]> copy = new IdentityHashMap<>(members);
          copy.put(set, m);
          members = copy;
        }
      }
    }
    return m;
  }

  /**
   * {@code set} as an unmodifiable set whose members {@link #anyIn} lists once (instead of an
   * iterator per call): for the constant sets of the rules.
   */
  public static <E extends Enum<E>> Set<E> constant(Set<E> set) {
    return Sets.immutableEnumSet(set);
  }

  /**
   * The first {@code size} elements of {@code array} as an unmodifiable list, without a copy: the
   * array must be the caller's own and never written after this call.
   */
  public static <T> List<T> view(T[] array, int size) {
    java.util.Objects.checkFromToIndex(0, size, array.length);
    return new ArrayView<>(array, size);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> copy(List<T> list, Predicate<? super T> keep, Comparator<? super T> order) {
    int n = list.size();
    Object[] out = new Object[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      T t = list.get(i);
      if (keep.test(t)) {
        out[count++] = t;
      }
    }
    // Arrays.sort of objects is the same stable merge sort as ArrayList.sort
    java.util.Arrays.sort((T[]) out, 0, count, order);
    return new ArrayView<>(out, count);
  }

  /**
   * An unmodifiable view of the first {@code size} elements of an array that nothing else holds:
   * one object in place of a list, its copy and a wrapper. Equal to any list of the same elements.
   */
  private static final class ArrayView<T> extends java.util.AbstractList<T> implements java.util.RandomAccess {
    private final Object[] elements;
    private final int size;

    ArrayView(Object[] elements, int size) {
      this.elements = elements;
      this.size = size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
      java.util.Objects.checkIndex(index, size);
      return (T) elements[index];
    }

    @Override
    public int size() {
      return size;
    }
  }


  private static final ClassValue<String[]> WORDS = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      String[] words = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        words[i] = ((Enum<?>) constants[i]).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      }
      return words;
    }
  };

  /**
   * {@code WIC_NUTRITION} as {@code wic nutrition}: the constant's name in lower case, underscores
   * as spaces; worked out once per constant.
   */
  public static String words(Enum<?> constant) {
    return WORDS.get(constant.getDeclaringClass())[constant.ordinal()];
  }
}
