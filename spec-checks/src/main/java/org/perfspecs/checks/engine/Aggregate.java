package org.perfspecs.checks.engine;

import com.google.common.collect.ImmutableList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.catalog.Catalog;

/**
 * Counts of each outcome per requirement and program, rolled up per section and specification.
 * Memory grows with the number of (requirement, program) pairs, not with the number of records.
 * Not thread-safe: use one per thread and {@link #merge} them.
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
    /** One requirement at one program. */
    PROGRAM
  }

  private final Catalog catalog;
  // requirement id -> program id -> counts by outcome ordinal
  private final Map<String, Map<String, long[]>> counts = new TreeMap<>();

  /** An empty aggregate over {@code catalog}. */
  public Aggregate(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Counts one finding. */
  public void add(Finding finding) {
    counts.computeIfAbsent(finding.requirementId(), k -> new TreeMap<>())
        .computeIfAbsent(finding.programId(), k -> new long[Outcome.values().length])[finding.outcome().ordinal()]++;
  }

  /** Adds every count of {@code other} to this one. */
  public void merge(Aggregate other) {
    other.counts.forEach((req, byProgram) -> byProgram.forEach((program, c) -> {
      long[] mine = counts.computeIfAbsent(req, k -> new TreeMap<>())
          .computeIfAbsent(program, k -> new long[Outcome.values().length]);
      for (int i = 0; i < c.length; i++) {
        mine[i] += c[i];
      }
    }));
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
          byProgram.forEach((program, c) -> {
            add(reqTotal, c);
            programRows.add(new Row(Level.PROGRAM, r.id() + "@" + program, spec.key(), section.key(), r.id(), program, r.strength().name(), c));
          });
          sectionRows.add(new Row(Level.REQUIREMENT, r.id(), spec.key(), section.key(), r.id(), "", r.strength().name(), reqTotal));
          sectionRows.addAll(programRows);
          add(sectionTotal, reqTotal);
        }
        if (!sectionRows.isEmpty()) {
          specRows.add(new Row(Level.SECTION, spec.key() + "." + section.key(), spec.key(), section.key(), "", "", "", sectionTotal));
          specRows.addAll(sectionRows);
          add(specTotal, sectionTotal);
        }
      });
      if (!specRows.isEmpty()) {
        out.add(new Row(Level.SPECIFICATION, spec.key(), spec.key(), "", "", "", "", specTotal));
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
    private final String strength;
    private final Map<Outcome, Long> counts;

    Row(Level level, String key, String spec, String section, String requirementId, String programId,
        String strength, long[] c) {
      this.level = level;
      this.key = key;
      this.spec = spec;
      this.section = section;
      this.requirementId = requirementId;
      this.programId = programId;
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

    /** A unique key: {@code IOP}, {@code IOP.COMP}, {@code IOP.COMP.4.a}, {@code IOP.COMP.4.a@P-1}. */
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

    /** Program id, or empty above program level. */
    public String programId() {
      return programId;
    }

    /** MUST / SHOULD / MAY for requirement and program rows, empty above. */
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
