package org.perfspecs.checks.spec.csp;

import static org.perfspecs.checks.Strength.MUST;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Location;
import org.perfspecs.model.Program;

/** CSP "Components of Service". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspComponentsOfService extends Section {
  static final String HEADING = "Components of Service";

  /** Weekly opening time required, in minutes (40 hours). */
  public static final long MINIMUM_WEEKLY_MINUTES = 40 * 60;

  /**
   * Item 2: at least one Massachusetts location whose weekly opening hours total at least 40
   * hours (40:00 exactly is enough), providing both onsite and community-based services.
   */
  public static final ProgramRequirement LOCATION_OPEN_40_HOURS = ProgramRequirement.of(
      "CSP.COMP.2", MUST,
      cite("2", "The CSP must operate at least one location that is open and operated at least 40 hours per week within the Commonwealth of Massachusetts with the ability to provide onsite and community-based services."),
      CspComponentsOfService::locationOpen40Hours);

  CspComponentsOfService() {
    super("COMP", HEADING, List.of(LOCATION_OPEN_40_HOURS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Csp.SOURCE, HEADING, label, text);
  }

  private static Judgment locationOpen40Hours(Program program, EvaluationContext ctx) {
    if (program.locations().isEmpty()) {
      return Judgment.notMet("the program profile records no location");
    }
    Optional<Location> qualifying = program.locations().stream()
        .filter(l -> l.inMassachusetts() && l.onsiteServices() && l.communityServices()
            && l.weeklyMinutes() >= MINIMUM_WEEKLY_MINUTES)
        .findFirst();
    if (qualifying.isPresent()) {
      Location l = qualifying.get();
      return Judgment.met("location " + l.id() + " in Massachusetts is open " + hours(l.weeklyMinutes())
          + " a week with onsite and community-based services", evidence(l));
    }
    Location best = program.locations().stream().max(Comparator.comparingLong(Location::weeklyMinutes)).get();
    return Judgment.notMet("no Massachusetts location with onsite and community-based services is open 40 hours a week"
        + " (the longest-open location, " + best.id() + ", is open " + hours(best.weeklyMinutes())
        + (best.inMassachusetts() ? "" : ", outside Massachusetts")
        + (best.onsiteServices() && best.communityServices() ? "" : ", without both onsite and community-based services")
        + ")", program.locations().stream().map(CspComponentsOfService::evidence).toArray(Evidence[]::new));
  }

  private static Evidence evidence(Location l) {
    return Evidence.of("location", l.id(), hours(l.weeklyMinutes()) + " a week"
        + (l.inMassachusetts() ? ", in Massachusetts" : ", outside Massachusetts"));
  }

  private static String hours(long minutes) {
    return minutes / 60 + "h" + (minutes % 60 == 0 ? "" : String.format("%02dm", minutes % 60));
  }
}
