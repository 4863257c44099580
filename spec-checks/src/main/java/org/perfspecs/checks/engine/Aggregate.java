package org.perfspecs.checks.engine;

import com.google.common.collect.ImmutableList;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Specification;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.time.BusinessCalendar;
import org.perfspecs.model.CaseRecord;

/**
 * Counts of each outcome per requirement and program and per requirement and month of admission,
 * rolled up per section and specification. Memory grows with the number of (requirement, program)
 * and (requirement, month) pairs, not with the number of records. Not thread-safe: use one per
 * thread and {@link #merge} them.
 *
 * <p>The month of an episode finding is the month of the episode's admission in America/New_York
 * ({@code 2024-05}), or {@value #UNKNOWN_MONTH} when the episode has no admission time (or the
 * finding was added without its record). Program-level and external findings have no admission:
 * their month is {@value #PROGRAM_LEVEL}. Months sort by date, then {@value #UNKNOWN_MONTH}, then
 * {@value #PROGRAM_LEVEL}.
 *
 * <p>Compliance rate = MET / (MET + NOT_MET); PENDING, NOT_APPLICABLE, UNDETERMINED, NOT_EVALUATED
 * and ERROR are counted beside it, never in the denominator. A row with no MET or NOT_MET has no
 * rate.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Aggregate {
  /** The level of a row. */
  public enum Level {
    /** One specification. */
    SPECIFICATION,
    /** One section of a specification. */
    SECTION,
    /** One requirement. */
    REQUIREMENT,
    /** One requirement, or one specification, at one program. */
    PROGRAM,
    /** One requirement, or one specification, in one month of admission. */
    MONTH
  }

  /** The month of findings of an episode without an admission time. */
  public static final String UNKNOWN_MONTH = "unknown";
  /** The month of program-level and external findings, which have no admission. */
  public static final String PROGRAM_LEVEL = "program-level";

  /** Months by date, then {@value #UNKNOWN_MONTH}, then {@value #PROGRAM_LEVEL}. */
  public static final Comparator<String> MONTH_ORDER = Comparator
      .comparingInt((String m) -> m.equals(PROGRAM_LEVEL) ? 2 : m.equals(UNKNOWN_MONTH) ? 1 : 0)
      .thenComparing(Comparator.naturalOrder());

  private final Catalog catalog;
  // requirement id -> program id -> counts by outcome ordinal (hash maps: add() is on the hot path;
  // every reading sorts)
  private final Map<String, Map<String, long[]>> counts = new HashMap<>();
  // requirement id -> month -> counts by outcome ordinal
  private final Map<String, Map<String, long[]>> months = new HashMap<>();
  // month of admission -> episodes (records added with add(record, findings))
  private final Map<String, long[]> episodes = new HashMap<>();

  /** An empty aggregate over {@code catalog}. */
  public Aggregate(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Counts one finding. An episode finding added this way has month {@value #UNKNOWN_MONTH}: add
   * episode findings with {@link #add(CaseRecord, List)} to count them by month of admission.
   */
  public void add(Finding finding) {
    add(finding, finding.subjectKind() == Basis.EPISODE ? UNKNOWN_MONTH : PROGRAM_LEVEL);
  }

  /**
   * Counts the findings of one case record, under the record's {@linkplain #admissionMonth month
   * of admission}.
   *
   * @since 0.1
   */
  public void add(CaseRecord record, List<Finding> findings) {
    String month = admissionMonth(record);
    episodes.computeIfAbsent(month, k -> new long[1])[0]++;
    for (Finding f : findings) {
      add(f, f.subjectKind() == Basis.EPISODE ? month : PROGRAM_LEVEL);
    }
  }

  /**
   * What one case record adds to an aggregate, worked out without one: its month of admission
   * and its findings. Immutable and thread-safe. {@link #delta} can run on the thread that
   * evaluated the record and {@link #add(Delta)} on the thread that keeps the aggregate, so that
   * the placing of the admission in its month (time-zone arithmetic, a string) is not on that
   * thread.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Delta {
    private final String month;
    private final List<Finding> findings;

    private Delta(String month, List<Finding> findings) {
      this.month = month;
      this.findings = findings;
    }

    /** The month of admission the record's episode findings count under ({@link #admissionMonth}). */
    public String month() {
      return month;
    }

    /** The findings counted, in the order given. */
    public List<Finding> findings() {
      return findings;
    }
  }

  /**
   * What {@link #add(CaseRecord, List)} would count for {@code record} and {@code findings}, as a
   * {@link Delta} to {@linkplain #add(Delta) add} later. Pure and thread-safe.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Delta delta(CaseRecord record, List<Finding> findings) {
    return new Delta(admissionMonth(record), List.copyOf(findings));
  }

  /**
   * Counts a record's {@link Delta}: exactly what {@link #add(CaseRecord, List)} counts for the
   * record and findings it was made of.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public void add(Delta delta) {
    String month = delta.month;
    episodes.computeIfAbsent(month, k -> new long[1])[0]++;
    for (Finding f : delta.findings) {
      add(f, f.subjectKind() == Basis.EPISODE ? month : PROGRAM_LEVEL);
    }
  }

  private void add(Finding finding, String month) {
    int outcome = finding.outcome().ordinal();
    counts.computeIfAbsent(finding.requirementId(), k -> new HashMap<>())
        .computeIfAbsent(finding.programId(), k -> new long[OUTCOMES])[outcome]++;
    months.computeIfAbsent(finding.requirementId(), k -> new HashMap<>())
        .computeIfAbsent(month, k -> new long[OUTCOMES])[outcome]++;
  }

  private static final int OUTCOMES = Outcome.values().length;

  /**
   * The month of the episode's admission in America/New_York ({@code 2024-05}), or {@value
   * #UNKNOWN_MONTH} when the episode has no admission time, or one no calendar can place (beyond
   * the years {@code java.time} supports: only a record built in code and never validated can
   * have one, since the boundary refuses years outside 1900 to 2100). Never throws.
   *
   * @since 0.1
   */
  public static String admissionMonth(CaseRecord record) {
    return record.episode().admittedAt()
        .filter(at -> !at.isBefore(FIRST_PLACEABLE) && at.isBefore(END_PLACEABLE))
        .map(at -> YearMonth.from(at.atZone(BusinessCalendar.NEW_YORK)).toString())
        .orElse(UNKNOWN_MONTH);
  }

  // years 0001 to 9999: a month of four digits, and well within what ZonedDateTime supports
  private static final java.time.Instant FIRST_PLACEABLE = java.time.Instant.parse("0001-01-02T00:00:00Z");
  private static final java.time.Instant END_PLACEABLE = java.time.Instant.parse("9999-12-31T00:00:00Z");

  /** Adds every count of {@code other} to this one. */
  public void merge(Aggregate other) {
    mergeInto(counts, other.counts);
    mergeInto(months, other.months);
    other.episodes.forEach((month, n) -> episodes.computeIfAbsent(month, k -> new long[1])[0] += n[0]);
  }

  /**
   * Takes every count of {@code other} away from this one, as if what was counted there had never
   * been added here: a (requirement, program) or (requirement, month) pair, or a month of episodes,
   * left with no count at all is dropped, so the rows are those of an aggregate that never saw it.
   * For counts kept apart and found afterwards not to belong (the CLI counts records on the threads
   * that evaluate them and takes back a record refused later in input order for its repeated
   * episode id). Nothing changes when it throws.
   *
   * @throws IllegalArgumentException if {@code other} holds a count this aggregate does not (a count
   *     would fall below zero)
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public void subtract(Aggregate other) {
    if (!covers(counts, other.counts) || !covers(months, other.months)) {
      throw new IllegalArgumentException("cannot subtract counts this aggregate does not hold");
    }
    other.episodes.forEach((month, n) -> {
      long[] mine = episodes.get(month);
      if (mine == null ? n[0] > 0 : mine[0] < n[0]) {
        throw new IllegalArgumentException("cannot subtract counts this aggregate does not hold");
      }
    });
    subtractFrom(counts, other.counts);
    subtractFrom(months, other.months);
    other.episodes.forEach((month, n) -> {
      long[] mine = episodes.get(month);
      if (mine != null && (mine[0] -= n[0]) == 0) {
        episodes.remove(month);
      }
    });
  }

  private static boolean covers(Map<String, Map<String, long[]>> mine, Map<String, Map<String, long[]>> other) {
    for (Map.Entry<String, Map<String, long[]>> req : other.entrySet()) {
      Map<String, long[]> byKey = mine.get(req.getKey());
      for (Map.Entry<String, long[]> e : req.getValue().entrySet()) {
        long[] have = byKey == null ? null : byKey.get(e.getKey());
        for (int i = 0; i < OUTCOMES; i++) {
          if ((have == null ? 0 : have[i]) < e.getValue()[i]) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static void subtractFrom(Map<String, Map<String, long[]>> mine, Map<String, Map<String, long[]>> other) {
    other.forEach((req, byKey) -> {
      Map<String, long[]> have = mine.get(req);
      if (have == null) {
        return; // other's counts here are all zero
      }
      byKey.forEach((key, c) -> {
        long[] h = have.get(key);
        if (h == null) {
          return;
        }
        boolean left = false;
        for (int i = 0; i < OUTCOMES; i++) {
          h[i] -= c[i];
          left |= h[i] != 0;
        }
        if (!left) {
          have.remove(key);
        }
      });
      if (have.isEmpty()) {
        mine.remove(req);
      }
    });
  }

  /**
   * Episodes counted per month of admission (records added with {@link #add(CaseRecord, List)}),
   * months in {@link #MONTH_ORDER}; {@value #UNKNOWN_MONTH} for episodes without an admission time.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public java.util.SortedMap<String, Long> episodesByMonth() {
    java.util.SortedMap<String, Long> out = new TreeMap<>(MONTH_ORDER);
    episodes.forEach((month, n) -> out.put(month, n[0]));
    return java.util.Collections.unmodifiableSortedMap(out);
  }

  /**
   * Counts {@code n} findings of {@code outcome} for one requirement at one program in one month,
   * as {@code n} findings added one by one would be counted: for counts kept elsewhere and merged
   * here (spec-spark counts per partition and adds the sums on the driver).
   *
   * @param month {@code 2024-05}, {@value #UNKNOWN_MONTH} or {@value #PROGRAM_LEVEL}
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws NullPointerException if an id, the month or the outcome is null
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public void add(String requirementId, String programId, String month, Outcome outcome, long n) {
    java.util.Objects.requireNonNull(requirementId, "requirementId");
    java.util.Objects.requireNonNull(programId, "programId");
    java.util.Objects.requireNonNull(month, "month");
    java.util.Objects.requireNonNull(outcome, "outcome");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, not " + n);
    }
    counts.computeIfAbsent(requirementId, k -> new HashMap<>())
        .computeIfAbsent(programId, k -> new long[OUTCOMES])[outcome.ordinal()] += n;
    months.computeIfAbsent(requirementId, k -> new HashMap<>())
        .computeIfAbsent(month, k -> new long[OUTCOMES])[outcome.ordinal()] += n;
  }

  /**
   * Counts {@code n} episodes admitted in {@code month} (see {@link #episodesByMonth()}), as {@code
   * n} records added with {@link #add(CaseRecord, List)} would: for counts kept elsewhere.
   *
   * @param month {@code 2024-05} or {@value #UNKNOWN_MONTH}
   * @throws IllegalArgumentException if {@code n} is negative
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public void addEpisodes(String month, long n) {
    java.util.Objects.requireNonNull(month, "month");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, not " + n);
    }
    episodes.computeIfAbsent(month, k -> new long[1])[0] += n;
  }

  private static void mergeInto(Map<String, Map<String, long[]>> into, Map<String, Map<String, long[]>> from) {
    from.forEach((req, byKey) -> byKey.forEach((key, c) -> {
      long[] mine = into.computeIfAbsent(req, k -> new HashMap<>())
          .computeIfAbsent(key, k -> new long[OUTCOMES]);
      add(mine, c);
    }));
  }

  /** Every program with findings, sorted by id. */
  public SortedSet<String> programs() {
    SortedSet<String> out = new TreeSet<>();
    counts.values().forEach(m -> out.addAll(m.keySet()));
    return java.util.Collections.unmodifiableSortedSet(out);
  }

  /** Every month with findings, in {@link #MONTH_ORDER}. */
  public SortedSet<String> months() {
    SortedSet<String> out = new TreeSet<>(MONTH_ORDER);
    months.values().forEach(m -> out.addAll(m.keySet()));
    return java.util.Collections.unmodifiableSortedSet(out);
  }

  /**
   * One {@link Level#PROGRAM} row per specification and program (key {@code IOP@P-1}): per
   * specification in catalog order, programs sorted by id. Section, requirement and strength are
   * empty.
   *
   * @since 0.1
   */
  public List<Row> programRows() {
    return rollUp(counts, Level.PROGRAM, "@", Comparator.naturalOrder());
  }

  /**
   * {@link Level#MONTH} rows: per specification in catalog order, one row per month of admission
   * (key {@code IOP#2024-05}; section, requirement and strength empty), then per requirement in
   * catalog order one row per month (key {@code IOP.COMP.4.a#2024-05}). Months in {@link
   * #MONTH_ORDER}.
   *
   * @since 0.1
   */
  public List<Row> monthRows() {
    ImmutableList.Builder<Row> out = ImmutableList.builder();
    for (Specification spec : catalog.specifications()) {
      out.addAll(rollUp(months, Level.MONTH, "#", MONTH_ORDER, spec));
      for (Requirement r : spec.requirements()) {
        Map<String, long[]> byMonth = months.get(r.id());
        if (byMonth != null) {
          sorted(byMonth, MONTH_ORDER).forEach((month, c) -> out.add(new Row(Level.MONTH, r.id() + "#" + month, spec.key(),
              sectionOf(spec, r), r.id(), "", month, r.strength().name(), c)));
        }
      }
    }
    return out.build();
  }

  private List<Row> rollUp(Map<String, Map<String, long[]>> source, Level level, String separator,
      Comparator<String> order) {
    ImmutableList.Builder<Row> out = ImmutableList.builder();
    catalog.specifications().forEach(spec -> out.addAll(rollUp(source, level, separator, order, spec)));
    return out.build();
  }

  private List<Row> rollUp(Map<String, Map<String, long[]>> source, Level level, String separator,
      Comparator<String> order, Specification spec) {
    Map<String, long[]> byKey = new TreeMap<>(order);
    for (Requirement r : spec.requirements()) {
      Map<String, long[]> m = source.get(r.id());
      if (m != null) {
        m.forEach((key, c) -> add(byKey.computeIfAbsent(key, k -> new long[Outcome.values().length]), c));
      }
    }
    ImmutableList.Builder<Row> out = ImmutableList.builder();
    byKey.forEach((key, c) -> out.add(level == Level.PROGRAM
        ? new Row(level, spec.key() + separator + key, spec.key(), "", "", key, "", "", c)
        : new Row(level, spec.key() + separator + key, spec.key(), "", "", "", key, "", c)));
    return out.build();
  }

  private static Map<String, long[]> sorted(Map<String, long[]> m, Comparator<String> order) {
    Map<String, long[]> out = new TreeMap<>(order);
    out.putAll(m);
    return out;
  }

  private static String sectionOf(Specification spec, Requirement r) {
    return spec.sections().stream().filter(s -> s.requirements().contains(r)).findFirst()
        .map(org.perfspecs.checks.Section::key).orElse("");
  }

  /** Total findings of {@code outcome}. */
  public long total(Outcome outcome) {
    return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(c -> c[outcome.ordinal()]).sum();
  }

  /**
   * Rows in a stable order: per specification (catalog order), the specification row, then per
   * section its row, then per requirement its row followed by one row per program (sorted by id).
   * Requirements with no findings are left out.
   */
  public List<Row> rows() {
    ImmutableList.Builder<Row> out = ImmutableList.builder();
    catalog.specifications().forEach(spec -> {
      long[] specTotal = new long[Outcome.values().length];
      List<Row> specRows = new java.util.ArrayList<>();
      spec.sections().forEach(section -> {
        long[] sectionTotal = new long[Outcome.values().length];
        List<Row> sectionRows = new java.util.ArrayList<>();
        for (Requirement r : section.requirements()) {
          Map<String, long[]> byProgram = counts.get(r.id());
          if (byProgram == null) {
            continue;
          }
          long[] reqTotal = new long[Outcome.values().length];
          List<Row> programRows = new java.util.ArrayList<>();
          sorted(byProgram, Comparator.naturalOrder()).forEach((program, c) -> {
            add(reqTotal, c);
            programRows.add(new Row(Level.PROGRAM, r.id() + "@" + program, spec.key(), section.key(), r.id(), program, "", r.strength().name(), c));
          });
          sectionRows.add(new Row(Level.REQUIREMENT, r.id(), spec.key(), section.key(), r.id(), "", "", r.strength().name(), reqTotal));
          sectionRows.addAll(programRows);
          add(sectionTotal, reqTotal);
        }
        if (!sectionRows.isEmpty()) {
          specRows.add(new Row(Level.SECTION, spec.key() + "." + section.key(), spec.key(), section.key(), "", "", "", "", sectionTotal));
          specRows.addAll(sectionRows);
          add(specTotal, sectionTotal);
        }
      });
      if (!specRows.isEmpty()) {
        out.add(new Row(Level.SPECIFICATION, spec.key(), spec.key(), "", "", "", "", "", specTotal));
        out.addAll(specRows);
      }
    });
    return out.build();
  }

  private static void add(long[] into, long[] c) {
    for (int i = 0; i < c.length; i++) {
      into[i] += c[i];
    }
  }

  /** One row of the aggregate. */
  public static final class Row {
    private final Level level;
    private final String key;
    private final String spec;
    private final String section;
    private final String requirementId;
    private final String programId;
    private final String month;
    private final String strength;
    private final Map<Outcome, Long> counts;

    Row(Level level, String key, String spec, String section, String requirementId, String programId,
        String month, String strength, long[] c) {
      this.level = level;
      this.key = key;
      this.spec = spec;
      this.section = section;
      this.requirementId = requirementId;
      this.programId = programId;
      this.month = month;
      this.strength = strength;
      EnumMap<Outcome, Long> m = new EnumMap<>(Outcome.class);
      for (Outcome o : Outcome.values()) {
        m.put(o, c[o.ordinal()]);
      }
      this.counts = java.util.Collections.unmodifiableMap(m);
    }

    /** The row's level. */
    public Level level() {
      return level;
    }

    /**
     * A unique key: {@code IOP}, {@code IOP.COMP}, {@code IOP.COMP.4.a}, {@code IOP.COMP.4.a@P-1},
     * {@code IOP@P-1}, {@code IOP#2024-05}, {@code IOP.COMP.4.a#2024-05}.
     */
    public String key() {
      return key;
    }

    /** Specification key. */
    public String spec() {
      return spec;
    }

    /** Section key, or empty for a specification row. */
    public String section() {
      return section;
    }

    /** Requirement id, or empty above requirement level. */
    public String requirementId() {
      return requirementId;
    }

    /** Program id for {@link Level#PROGRAM} rows, otherwise empty. */
    public String programId() {
      return programId;
    }

    /**
     * Month of admission ({@code 2024-05}, {@value Aggregate#UNKNOWN_MONTH} or {@value
     * Aggregate#PROGRAM_LEVEL}) for {@link Level#MONTH} rows, otherwise empty.
     *
     * @since 0.1
     */
    public String month() {
      return month;
    }

    /** MUST / SHOULD / MAY for rows of one requirement, empty otherwise. */
    public String strength() {
      return strength;
    }

    /** Count per outcome (every outcome present). */
    public Map<Outcome, Long> counts() {
      return counts;
    }

    /** Findings counted. */
    public long total() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** MET / (MET + NOT_MET), or empty when both are zero. */
    public java.util.OptionalDouble complianceRate() {
      long met = counts.get(Outcome.MET);
      long notMet = counts.get(Outcome.NOT_MET);
      return met + notMet == 0 ? java.util.OptionalDouble.empty()
          : java.util.OptionalDouble.of((double) met / (met + notMet));
    }
  }
}
