package org.perfspecs.checks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.ServiceType;

class AggregateTest {
  static final EvaluationContext CTX = EvaluationContext.asOf(Instant.parse("2024-06-03T16:00:00Z"));

  static CaseRecord discharged(String id, String program, boolean withAftercare) {
    CaseRecord base = EngineTest.record(ServiceType.IOP, id);
    org.perfspecs.model.ImmutableEpisode.Builder e = Episode.builder().from(base.episode()).programId(program)
        .dischargedAt(Instant.parse("2024-05-10T19:00:00Z")).dischargedOnMedication(false);
    if (withAftercare) {
      e.addAppointments(Appointment.builder().id("a-" + id).kind(AppointmentKind.AFTERCARE)
          .scheduledAt(Instant.parse("2024-05-09T15:00:00Z")).at(Instant.parse("2024-05-14T14:00:00Z")).build());
    }
    return CaseRecord.builder().from(base).episode(e.build()).build();
  }

  @Test
  void countsPerRequirementAndProgramRollUpToSectionAndSpecification() {
    Engine engine = Engine.standard();
    Aggregate aggregate = new Aggregate(engine.catalog());
    for (CaseRecord r : List.of(discharged("E-1", "P-A", true), discharged("E-2", "P-A", false),
        discharged("E-3", "P-B", true))) {
      engine.evaluate(r, CTX).forEach(aggregate::add);
    }
    List<Aggregate.Row> rows = aggregate.rows();
    Aggregate.Row aftercare = rows.stream().filter(r -> r.key().equals("IOP.DISCH.6.b")).findFirst().orElseThrow();
    assertThat(aftercare.level()).isEqualTo(Aggregate.Level.REQUIREMENT);
    assertThat(aftercare.counts().get(Outcome.MET)).isEqualTo(2);
    assertThat(aftercare.counts().get(Outcome.NOT_MET)).isEqualTo(1);
    assertThat(aftercare.complianceRate().getAsDouble()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(aftercare.strength()).isEqualTo("MUST");
    Aggregate.Row atA = rows.stream().filter(r -> r.key().equals("IOP.DISCH.6.b@P-A")).findFirst().orElseThrow();
    assertThat(atA.counts().get(Outcome.MET)).isEqualTo(1);
    assertThat(atA.complianceRate().getAsDouble()).isEqualTo(0.5);
    Aggregate.Row psychiatric = rows.stream().filter(r -> r.key().equals("IOP.DISCH.6.c")).findFirst().orElseThrow();
    assertThat(psychiatric.counts().get(Outcome.NOT_APPLICABLE)).isEqualTo(3);
    assertThat(psychiatric.complianceRate()).isEmpty();
    Aggregate.Row spec = rows.get(0);
    assertThat(spec.level()).isEqualTo(Aggregate.Level.SPECIFICATION);
    assertThat(spec.key()).isEqualTo("IOP");
    long iopEpisodeRequirements = Catalog.standard().specification(ServiceType.IOP).orElseThrow().requirements()
        .stream().filter(r -> r instanceof org.perfspecs.checks.EpisodeRequirement).count();
    assertThat(spec.total()).isEqualTo(3 * iopEpisodeRequirements);
    assertThat(rows).extracting(Aggregate.Row::key).containsSubsequence("IOP", "IOP.COMP", "IOP.COMP.4.a",
        "IOP.COMP.4.a@P-A", "IOP.COMP.4.a@P-B", "IOP.COMP.4.b", "IOP.DISCH", "IOP.DISCH.6.b");
    assertThat(aggregate.total(Outcome.NOT_APPLICABLE)).isEqualTo(
        rows.stream().filter(r -> r.level() == Aggregate.Level.SPECIFICATION).mapToLong(r -> r.counts().get(Outcome.NOT_APPLICABLE)).sum());
  }

  @Test
  void mergingTwoAggregatesEqualsCountingEverythingInOne() {
    Engine engine = Engine.standard();
    Aggregate one = new Aggregate(Catalog.standard());
    Aggregate a = new Aggregate(Catalog.standard());
    Aggregate b = new Aggregate(Catalog.standard());
    engine.evaluate(discharged("E-1", "P-A", true), CTX).forEach(f -> { one.add(f); a.add(f); });
    engine.evaluate(discharged("E-2", "P-B", false), CTX).forEach(f -> { one.add(f); b.add(f); });
    a.merge(b);
    assertThat(a.rows()).extracting(Aggregate.Row::key, Aggregate.Row::counts)
        .containsExactlyElementsOf(one.rows().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.key(), r.counts())).toList());
  }

  @Test
  void findingsAreCountedByMonthOfAdmissionInNewYorkAndProgramFindingsHaveTheirOwnMonth() {
    Engine engine = Engine.standard();
    Aggregate aggregate = new Aggregate(engine.catalog());
    CaseRecord may = discharged("E-1", "P-A", true);
    // admitted 2024-05-01T03:00Z: still April 30 in New York
    CaseRecord lateMay = CaseRecord.builder().from(may).episode(Episode.builder().from(may.episode()).id("E-2")
        .admittedAt(Instant.parse("2024-05-01T03:00:00Z")).build()).build();
    CaseRecord noAdmission = CaseRecord.builder().from(may).episode(Episode.builder().from(may.episode()).id("E-3")
        .admittedAt(java.util.Optional.empty()).dischargedAt(java.util.Optional.empty()).build()).build();
    assertThat(Aggregate.admissionMonth(lateMay)).isEqualTo("2024-04");
    assertThat(Aggregate.admissionMonth(noAdmission)).isEqualTo(Aggregate.UNKNOWN_MONTH);
    for (CaseRecord r : List.of(may, lateMay, noAdmission)) {
      aggregate.add(r, engine.evaluate(r, CTX));
    }
    org.perfspecs.model.Program program = org.perfspecs.model.Program.builder().id("P-A")
        .name("A").addServices(ServiceType.IOP).build();
    engine.evaluate(program, CTX).forEach(aggregate::add);
    assertThat(Aggregate.admissionMonth(may)).isEqualTo("2024-05");
    assertThat(aggregate.months()).containsExactly("2024-04", "2024-05", Aggregate.UNKNOWN_MONTH, Aggregate.PROGRAM_LEVEL);
    assertThat(aggregate.programs()).containsExactly("P-A");
    List<Aggregate.Row> months = aggregate.monthRows();
    assertThat(months).allMatch(r -> r.level() == Aggregate.Level.MONTH);
    long iopEpisodeRequirements = Catalog.standard().specification(ServiceType.IOP).orElseThrow().requirements()
        .stream().filter(r -> r instanceof org.perfspecs.checks.EpisodeRequirement).count();
    assertThat(months.stream().filter(r -> r.key().equals("IOP#2024-04")).findFirst().orElseThrow().total())
        .isEqualTo(iopEpisodeRequirements);
    assertThat(months).extracting(Aggregate.Row::key).startsWith("IOP#2024-04", "IOP#2024-05",
        "IOP#unknown", "IOP#program-level");
    assertThat(months).extracting(Aggregate.Row::key).contains("IOP.DISCH.6.b#2024-04");
    long specTotal = aggregate.rows().get(0).total();
    assertThat(months.stream().filter(r -> r.requirementId().isEmpty()).mapToLong(Aggregate.Row::total).sum())
        .as("every finding in exactly one month").isEqualTo(specTotal);
    assertThat(aggregate.programRows()).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("IOP@P-A");
      assertThat(r.total()).isEqualTo(specTotal);
    });
    // episodes per month of admission: records only, never program findings
    assertThat(aggregate.episodesByMonth()).containsExactly(java.util.Map.entry("2024-04", 1L),
        java.util.Map.entry("2024-05", 1L), java.util.Map.entry(Aggregate.UNKNOWN_MONTH, 1L));
    Aggregate twice = new Aggregate(engine.catalog());
    twice.merge(aggregate);
    twice.merge(aggregate);
    assertThat(twice.episodesByMonth()).containsEntry("2024-05", 2L).hasSize(3);
  }

  @Test
  void countsAddedAsSumsGiveTheSameRowsAsTheFindingsAddedOneByOne() {
    Engine engine = Engine.standard();
    Aggregate oneByOne = new Aggregate(engine.catalog());
    Aggregate sums = new Aggregate(engine.catalog());
    java.util.Map<List<String>, long[]> cells = new java.util.TreeMap<>(java.util.Comparator.comparing(List::toString));
    java.util.Map<String, Long> episodes = new java.util.TreeMap<>();
    for (CaseRecord r : List.of(discharged("E-1", "P-A", true), discharged("E-2", "P-A", false),
        discharged("E-3", "P-B", true))) {
      List<org.perfspecs.checks.Finding> findings = engine.evaluate(r, CTX);
      oneByOne.add(r, findings);
      String month = Aggregate.admissionMonth(r);
      episodes.merge(month, 1L, Long::sum);
      for (org.perfspecs.checks.Finding f : findings) {
        cells.computeIfAbsent(List.of(f.requirementId(), f.programId(), month), k -> new long[Outcome.values().length])
            [f.outcome().ordinal()]++;
      }
    }
    cells.forEach((key, c) -> {
      for (Outcome o : Outcome.values()) {
        sums.add(key.get(0), key.get(1), key.get(2), o, c[o.ordinal()]);
      }
    });
    episodes.forEach(sums::addEpisodes);

    assertThat(sums.rows()).usingRecursiveFieldByFieldElementComparator().isEqualTo(oneByOne.rows());
    assertThat(sums.programRows()).usingRecursiveFieldByFieldElementComparator().isEqualTo(oneByOne.programRows());
    assertThat(sums.monthRows()).usingRecursiveFieldByFieldElementComparator().isEqualTo(oneByOne.monthRows());
    assertThat(sums.episodesByMonth()).isEqualTo(oneByOne.episodesByMonth());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sums.add("IOP.COMP.4.a", "P-A", "2024-05", Outcome.MET, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A record's delta, made apart and added later, counts exactly what adding the record does. */
  @Test
  void deltasAddedInOrderGiveTheSameAggregateAsTheRecords() {
    Engine engine = Engine.standard();
    Aggregate records = new Aggregate(engine.catalog());
    Aggregate deltas = new Aggregate(engine.catalog());
    CaseRecord may = discharged("E-1", "P-A", true);
    CaseRecord lateMay = CaseRecord.builder().from(may).episode(Episode.builder().from(may.episode()).id("E-2")
        .programId("P-B").admittedAt(Instant.parse("2024-05-01T03:00:00Z")).build()).build();
    CaseRecord noAdmission = CaseRecord.builder().from(may).episode(Episode.builder().from(may.episode()).id("E-3")
        .admittedAt(java.util.Optional.empty()).dischargedAt(java.util.Optional.empty()).build()).build();
    List<Aggregate.Delta> made = new java.util.ArrayList<>();
    for (CaseRecord r : List.of(may, lateMay, noAdmission, discharged("E-4", "P-A", false))) {
      List<org.perfspecs.checks.Finding> findings = engine.evaluate(r, CTX);
      records.add(r, findings);
      Aggregate.Delta d = Aggregate.delta(r, findings);
      assertThat(d.month()).isEqualTo(Aggregate.admissionMonth(r));
      assertThat(d.findings()).isEqualTo(findings);
      made.add(d);
    }
    made.forEach(deltas::add);
    assertThat(deltas.rows()).extracting(Aggregate.Row::key, Aggregate.Row::counts).containsExactlyElementsOf(
        records.rows().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.key(), r.counts())).toList());
    assertThat(deltas.monthRows()).extracting(Aggregate.Row::key, Aggregate.Row::counts).containsExactlyElementsOf(
        records.monthRows().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.key(), r.counts())).toList());
    assertThat(deltas.programRows()).extracting(Aggregate.Row::key, Aggregate.Row::counts).containsExactlyElementsOf(
        records.programRows().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.key(), r.counts())).toList());
    assertThat(deltas.episodesByMonth()).isEqualTo(records.episodesByMonth()).hasSize(3);
  }
  /**
   * Counts added and then subtracted leave the aggregate that never saw them: no row, program,
   * month or episode month of theirs survives at zero, and the others are unchanged.
   */
  @Test
  void subtractingWhatWasAddedLeavesTheAggregateThatNeverSawIt() {
    Engine engine = Engine.standard();
    CaseRecord kept = discharged("E-1", "P-A", true);
    // a later record of another program, admitted in another month: every key of its own goes
    CaseRecord taken = CaseRecord.builder().from(discharged("E-2", "P-B", false)).episode(Episode.builder()
        .from(discharged("E-2", "P-B", false).episode()).admittedAt(Instant.parse("2024-03-04T15:00:00Z")).build())
        .build();
    Aggregate never = new Aggregate(engine.catalog());
    never.add(kept, engine.evaluate(kept, CTX));
    Aggregate both = new Aggregate(engine.catalog());
    both.add(kept, engine.evaluate(kept, CTX));
    Aggregate.Delta delta = Aggregate.delta(taken, engine.evaluate(taken, CTX));
    both.add(delta);
    Aggregate refused = new Aggregate(engine.catalog());
    refused.add(delta);
    assertThat(both.programs()).contains("P-B");
    assertThat(both.months()).contains("2024-03");

    both.subtract(refused);

    assertThat(both.programs()).isEqualTo(never.programs()).doesNotContain("P-B");
    assertThat(both.months()).isEqualTo(never.months()).doesNotContain("2024-03");
    assertThat(both.episodesByMonth()).isEqualTo(never.episodesByMonth());
    assertThat(both.rows()).extracting(Aggregate.Row::key, Aggregate.Row::counts).containsExactlyElementsOf(
        never.rows().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.key(), r.counts())).toList());
    assertThat(both.monthRows()).extracting(Aggregate.Row::key, Aggregate.Row::counts).containsExactlyElementsOf(
        never.monthRows().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.key(), r.counts())).toList());
    assertThat(both.programRows()).extracting(Aggregate.Row::key, Aggregate.Row::counts).containsExactlyElementsOf(
        never.programRows().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.key(), r.counts())).toList());
  }

  /** Subtracting counts an aggregate does not hold is refused, and changes nothing. */
  @Test
  void subtractingMoreThanWasAddedIsRefusedAndChangesNothing() {
    Engine engine = Engine.standard();
    CaseRecord r = discharged("E-1", "P-A", true);
    Aggregate once = new Aggregate(engine.catalog());
    once.add(r, engine.evaluate(r, CTX));
    Aggregate twice = new Aggregate(engine.catalog());
    twice.add(r, engine.evaluate(r, CTX));
    twice.add(r, engine.evaluate(r, CTX));
    List<Aggregate.Row> before = once.rows();
    assertThatThrownBy(() -> once.subtract(twice)).isInstanceOf(IllegalArgumentException.class);
    assertThat(once.rows()).extracting(Aggregate.Row::key, Aggregate.Row::counts).containsExactlyElementsOf(
        before.stream().map(x -> org.assertj.core.groups.Tuple.tuple(x.key(), x.counts())).toList());
    assertThat(once.episodesByMonth()).containsExactly(java.util.Map.entry("2024-05", 1L));
    Aggregate other = new Aggregate(engine.catalog());
    other.addEpisodes("2024-01", 1);
    assertThatThrownBy(() -> once.subtract(other)).isInstanceOf(IllegalArgumentException.class);
  }
}
