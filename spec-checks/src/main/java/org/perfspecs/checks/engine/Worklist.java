package org.perfspecs.checks.engine;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;

/**
 * What is due for one record as of a time: every obligation with a deadline that is not met,
 * overdue ones ({@link Outcome#NOT_MET} with a due time) first, then open ones ({@link
 * Outcome#PENDING}), each group by due time, earliest first (ties in document order). Get one with
 * {@link Engine#due}. Immutable and thread-safe.
 *
 * <p>An obligation without a deadline (NOT_MET with no due time) is not on the worklist: it has
 * no time to act by; read it from {@link Engine#evaluate}.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Worklist {
  private static final Comparator<DueItem> ORDER = Comparator.comparing((DueItem i) -> !i.overdue())
      .thenComparing(DueItem::due);

  private final Instant asOf;
  private final List<DueItem> items;

  private Worklist(Instant asOf, List<DueItem> items) {
    this.asOf = asOf;
    this.items = items;
  }

  /**
   * The worklist of {@code findings} (of one record or several) as of {@code asOf}: the PENDING
   * findings and the NOT_MET ones with a due time; every other finding is left out.
   *
   * @throws NullPointerException when an argument is null
   */
  public static Worklist of(List<Finding> findings, Instant asOf) {
    requireNonNull(findings, "findings");
    requireNonNull(asOf, "asOf");
    List<DueItem> items = new ArrayList<>();
    for (Finding f : findings) {
      if ((f.outcome() == Outcome.PENDING || f.outcome() == Outcome.NOT_MET) && f.due().isPresent()) {
        items.add(DueItem.of(f, asOf));
      }
    }
    items.sort(ORDER); // stable: equal due times stay in document order
    return new Worklist(asOf, ImmutableList.copyOf(items));
  }

  /** The time the worklist is as of. */
  public Instant asOf() {
    return asOf;
  }

  /** Every item: overdue first, then open, each by due time. */
  public List<DueItem> items() {
    return items;
  }

  /** The overdue items (NOT_MET with a due time), by due time. */
  public List<DueItem> overdue() {
    return items.stream().filter(DueItem::overdue).collect(ImmutableList.toImmutableList());
  }

  /** The open items (PENDING), by due time: the next one to act on first. */
  public List<DueItem> open() {
    return items.stream().filter(i -> !i.overdue()).collect(ImmutableList.toImmutableList());
  }

  /** Whether nothing is due. */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  @Override
  public String toString() {
    return "Worklist as of " + asOf + ": " + items;
  }
}
