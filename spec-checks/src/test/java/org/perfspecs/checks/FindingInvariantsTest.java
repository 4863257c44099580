package org.perfspecs.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Goal;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableLocation;
import org.perfspecs.model.Location;
import org.perfspecs.model.OpeningHours;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.ServiceType;

/**
 * The finding invariants of {@link FindingChecks}, checked for every catalog requirement over a
 * corpus of records (empty, partial, complete, discharged; every service) at as-of instants before,
 * during and after every window; and a check that the helper itself rejects findings that break
 * them.
 */
class FindingInvariantsTest {
  private static final List<Instant> AS_OFS = List.of(
      ny("2024-01-01T09:00"), ny("2024-01-01T10:00"), ny("2024-01-02T12:00"), ny("2024-01-03T10:00"),
      ny("2024-01-03T10:01"), ny("2024-01-20T12:00"), ny("2024-01-30T23:59"), ny("2024-02-01T00:00"),
      ny("2024-02-10T12:00"), ny("2024-03-15T12:00"), ny("2025-01-01T12:00"));

  private static ImmutableEpisode.Builder timeline(ServiceType s, boolean discharged) {
    ImmutableEpisode.Builder e = episode(s)
        .referral(Referral.builder().id("ref").source(ReferralSource.SELF).at(ny("2023-12-29T16:00")).build())
        .evaluatedAt(ny("2023-12-29T17:00"))
        .admittedAt(ny("2024-01-01T10:00"));
    for (int i = 0; i < 4; i++) {
      e.addContacts(Contact.builder().id("c-" + i).at(ny("2024-01-0" + (2 + i) + "T12:00")).minutes(30)
          .mode(ContactMode.PHONE).kind(ContactKind.PEER_SUPPORT).memberEngaged(true).build());
    }
    e.addConsultations(Consultation.builder().id("k-med").kind(ConsultationKind.MEDICAL).arrangedAt(ny("2024-01-01T12:00")).build());
    if (discharged) {
      e.dischargedAt(ny("2024-02-05T10:00"));
      e.addAppointments(Appointment.builder().id("a-1").kind(AppointmentKind.AFTERCARE)
          .scheduledAt(ny("2024-02-04T10:00")).at(ny("2024-02-20T10:00")).build());
    }
    return e;
  }

  private static List<CaseRecord> corpus() {
    List<CaseRecord> out = new ArrayList<>();
    PregnancyStatus pregnant = PregnancyStatus.builder().state(PregnancyState.PREGNANT).build();
    for (ServiceType s : ServiceType.values()) {
      out.add(record(episode(s)));
      out.add(record(member().pregnancy(pregnant), episode(s)));
      out.add(record(member().pregnancy(pregnant), timeline(s, false)));
      out.add(record(member().pregnancy(pregnant), timeline(s, true)));
      out.add(record(member().pregnancy(pregnant), timeline(s, true).dischargedOnMedication(true)));
      out.add(record(timeline(s, true).dischargedOnMedication(false).determinedIneligibleAt(ny("2023-12-29T18:00"))));
      out.add(record(member().pregnancy(pregnant), timeline(s, false)
          .addConsultations(Consultation.builder().id("k-ob").kind(ConsultationKind.OBSTETRIC).arrangedAt(ny("2024-01-03T10:00")).build())
          .addContacts(Contact.builder().id("c-9").at(ny("2024-01-29T12:00")).minutes(0).mode(ContactMode.TEXT)
              .kind(ContactKind.PEER_SUPPORT).memberEngaged(true).build())
          .servicePlan(ServicePlan.builder().id("sp").completedOn(LocalDate.of(2024, 1, 15))
              .addProblemsAndNeeds("x").addGoals(Goal.builder().description("g").measurable(false).build()).build())));
    }
    return out;
  }

  private static List<Program> programs() {
    ImmutableLocation open40 = Location.builder().id("loc").inMassachusetts(true).communityServices(true)
        .addHours(OpeningHours.builder().day(DayOfWeek.MONDAY).opens(LocalTime.of(0, 0)).closes(LocalTime.of(23, 0)).build())
        .addHours(OpeningHours.builder().day(DayOfWeek.TUESDAY).opens(LocalTime.of(0, 0)).closes(LocalTime.of(17, 0)).build())
        .build();
    ServiceType[] all = ServiceType.values();
    return List.of(program(all).build(), program(all).addLocations(open40).build(),
        program(all).addLocations(open40.withInMassachusetts(false)).build());
  }

  @Test
  void everyFindingOfEveryCatalogRequirementSatisfiesTheInvariants() {
    Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
    int checked = 0;
    for (Requirement r : Catalog.standard().requirements()) {
      for (Instant asOf : AS_OFS) {
        if (r instanceof EpisodeRequirement er) {
          for (CaseRecord rec : corpus()) {
            seen.add(FindingChecks.evaluate(er, rec, asOf).outcome());
            checked++;
          }
        } else if (r instanceof ProgramRequirement pr) {
          for (Program p : programs()) {
            seen.add(FindingChecks.evaluate(pr, p, asOf).outcome());
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
    // the corpus reaches every outcome a catalog requirement can produce
    assertThat(seen).containsExactlyInAnyOrder(Outcome.MET, Outcome.NOT_MET, Outcome.PENDING,
        Outcome.NOT_APPLICABLE, Outcome.UNDETERMINED, Outcome.NOT_EVALUATED);
  }

  @Test
  void theEngineGivesEveryRecordOfAServiceTheSameNumberOfFindings() {
    Engine engine = Engine.standard();
    for (Instant asOf : AS_OFS) {
      EvaluationContext ctx = EvaluationContext.asOf(asOf);
      for (CaseRecord rec : corpus()) {
        List<Finding> findings = engine.evaluate(rec, ctx);
        long expected = engine.catalog().specification(rec.episode().service()).orElseThrow().requirements().stream()
            .filter(r -> r instanceof EpisodeRequirement).count();
        assertThat(findings).hasSize((int) expected);
        for (Finding f : findings) {
          FindingChecks.check(engine.catalog().requirement(f.requirementId()).orElseThrow(), f, ctx);
        }
      }
    }
  }

  // -- the helper rejects findings that break the invariants --------------------------------

  private static final Citation CITATION = Citation.of("test.txt", "TEST", "1", "The provider does the thing.");

  private static Judgment vagueUndetermined(CaseRecord record, EvaluationContext ctx) {
    return Judgment.undetermined("cannot tell");
  }

  private static Judgment pendingPastItsDue(CaseRecord record, EvaluationContext ctx) {
    return Judgment.pending(Deadline.hoursAfter(ny("2024-01-01T10:00"), 1), "still waiting");
  }

  @Test
  void theHelperRejectsAnUndeterminedFindingThatDoesNotNameTheMissingFact() {
    EpisodeRequirement r = EpisodeRequirement.of("IOP.TEST.1", Strength.MUST, CITATION, FindingInvariantsTest::vagueUndetermined);
    assertThatThrownBy(() -> FindingChecks.evaluate(r, record(episode(ServiceType.IOP)), ny("2024-05-01T12:00")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("missing fact");
  }

  @Test
  void theHelperRejectsAPendingFindingWhoseDueHasPassed() {
    EpisodeRequirement r = EpisodeRequirement.of("IOP.TEST.2", Strength.MUST, CITATION, FindingInvariantsTest::pendingPastItsDue);
    assertThatThrownBy(() -> FindingChecks.evaluate(r, record(episode(ServiceType.IOP)), ny("2024-05-01T12:00")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("due of PENDING");
    // and accepts it while the due is open
    assertThat(FindingChecks.evaluate(r, record(episode(ServiceType.IOP)), ny("2024-01-01T10:30")).outcome())
        .isEqualTo(Outcome.PENDING);
  }

  @Test
  void judgmentsRefuseABlankReasonAndPendingRefusesAMissingDue() {
    assertThatThrownBy(() -> Judgment.notMet(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Judgment.undetermined("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Judgment.pending(null, "waiting")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Citation.of("d", "s", "l", "  ")).isInstanceOf(IllegalArgumentException.class);
  }
}
