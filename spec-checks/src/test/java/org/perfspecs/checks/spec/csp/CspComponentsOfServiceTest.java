package org.perfspecs.checks.spec.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.spec.csp.CspComponentsOfService.LOCATION_OPEN_40_HOURS;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.ImmutableLocation;
import org.perfspecs.model.Location;
import org.perfspecs.model.OpeningHours;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

/** CSP.COMP.2: a Massachusetts location open at least 40 hours a week, onsite and community-based. */
class CspComponentsOfServiceTest {
  private static final Instant AS_OF = ny("2024-05-01T12:00");

  private static OpeningHours open(DayOfWeek day, String opens, String closes) {
    return OpeningHours.builder().day(day).opens(LocalTime.parse(opens)).closes(LocalTime.parse(closes)).build();
  }

  /** Monday to Friday 09:00-17:00: exactly 40 hours; in Massachusetts, onsite and community-based. */
  private static ImmutableLocation fortyHours(String id) {
    ImmutableLocation.Builder b = Location.builder().id(id).inMassachusetts(true).onsiteServices(true).communityServices(true);
    for (DayOfWeek d : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
      b.addHours(open(d, "09:00", "17:00"));
    }
    return b.build();
  }

  /** Forty hours less one minute: Monday to Thursday 09:00-17:00, Friday 09:00-16:59. */
  private static ImmutableLocation oneMinuteShort(String id) {
    ImmutableLocation full = fortyHours(id);
    return full.withHours(java.util.stream.Stream.concat(full.hours().subList(0, 4).stream(),
        java.util.stream.Stream.of(open(DayOfWeek.FRIDAY, "09:00", "16:59"))).toList());
  }

  private static Finding evaluate(Program p) {
    return FindingChecks.evaluate(LOCATION_OPEN_40_HOURS, p, AS_OF);
  }

  @Test
  @Verifies("CSP.COMP.2")
  void exactly40HoursIsMet() {
    Location l = fortyHours("loc-1");
    assertThat(l.weeklyMinutes()).isEqualTo(CspComponentsOfService.MINIMUM_WEEKLY_MINUTES);

    Finding f = evaluate(program(ServiceType.CSP).addLocations(l).build());
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.reason()).contains("loc-1").contains("40h");
    assertThat(f.evidence()).extracting(Evidence::id).containsExactly("loc-1");
    assertThat(LOCATION_OPEN_40_HOURS.basis()).isEqualTo(Basis.PROGRAM);
  }

  @Test
  @Verifies("CSP.COMP.2")
  void thirtyNineHoursFiftyNineMinutesIsNotMet() {
    Location l = oneMinuteShort("loc-1");
    assertThat(l.weeklyMinutes()).isEqualTo(40 * 60 - 1);

    Finding f = evaluate(program(ServiceType.CSP).addLocations(l).build());
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("is open 39h59m");
  }

  @Test
  @Verifies("CSP.COMP.2")
  void aLocationOutsideMassachusettsIsNotMet() {
    Finding f = evaluate(program(ServiceType.CSP).addLocations(fortyHours("loc-ri").withInMassachusetts(false)).build());
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("outside Massachusetts");
    assertThat(f.evidence()).extracting(Evidence::note).containsExactly("40h a week, outside Massachusetts");
  }

  @Test
  @Verifies("CSP.COMP.2")
  void noLocationsIsNotMet() {
    Finding f = evaluate(program(ServiceType.CSP).build());
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("no location");
  }

  @Test
  @Verifies("CSP.COMP.2")
  void aLocationWithoutBothOnsiteAndCommunityServicesIsNotMet() {
    Finding noCommunity = evaluate(program(ServiceType.CSP).addLocations(fortyHours("loc-1").withCommunityServices(false)).build());
    Finding noOnsite = evaluate(program(ServiceType.CSP).addLocations(fortyHours("loc-1").withOnsiteServices(false)).build());

    assertThat(noCommunity.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(noCommunity.reason()).contains("without both onsite and community-based services");
    assertThat(noOnsite.outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("CSP.COMP.2")
  void oneQualifyingLocationAmongOthersIsEnough() {
    Finding f = evaluate(program(ServiceType.CSP)
        .addLocations(oneMinuteShort("loc-short"), fortyHours("loc-ri").withInMassachusetts(false), fortyHours("loc-ok"))
        .build());
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.evidence()).extracting(Evidence::id).containsExactly("loc-ok");
  }

  @Test
  @Verifies("CSP.COMP.2")
  void hoursSplitAcrossDaysAndPeriodsAddUp() {
    ImmutableLocation.Builder b = Location.builder().id("loc-1").inMassachusetts(true).communityServices(true);
    for (DayOfWeek d : DayOfWeek.values()) {
      b.addHours(open(d, "08:00", "11:00"), open(d, "13:00", "15:50")); // 5h50m a day, 7 days = 40h50m
    }
    Finding f = evaluate(program(ServiceType.CSP).addLocations(b.build()).build());
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.reason()).contains("40h50m");
  }
}
