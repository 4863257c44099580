package org.perfspecs.checks.specifications.iop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.Program;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.Training;
import org.perfspecs.model.TrainingTopic;

/** What the IOP program-level requirements read from the program profile, each defined once. */
final class IopProgram {
  private IopProgram() {}

  /** "Ongoing" and "regularly" trained: a training completed within the 365 days up to the as-of date. */
  static final int RECENT_TRAINING_DAYS = 365;

  /** Written agreements that are affiliation agreements or memoranda of understanding. */
  static final Set<AgreementKind> AFFILIATION_OR_MOU = EnumSet.of(AgreementKind.AFFILIATION,
      AgreementKind.MEMORANDUM_OF_UNDERSTANDING);

  /** MET when the program holds every one of {@code kinds} as written procedures. */
  static Judgment procedures(Program p, String what, ProcedureKind... kinds) {
    List<ProcedureKind> missing = new ArrayList<>();
    for (ProcedureKind k : kinds) {
      if (!p.writtenProcedures().contains(k)) {
        missing.add(k);
      }
    }
    Evidence[] held = p.writtenProcedures().stream().filter(k -> List.of(kinds).contains(k))
        .map(k -> Evidence.of("procedure", k.name(), "written procedure held")).toArray(Evidence[]::new);
    return missing.isEmpty()
        ? Judgment.met("the program holds written " + what, held)
        : Judgment.notMet("the program profile holds no written " + what + " (missing: " + missing + ")", held);
  }

  /** Staff holding any of {@code roles}. */
  static List<StaffMember> withRole(Program p, Set<StaffRole> roles) {
    return p.staff().stream().filter(s -> RecordLists.anyIn(s.roles(), roles)).toList();
  }

  /** MET when a staff member holds one of {@code roles}. */
  static Judgment role(Program p, String what, Set<StaffRole> roles) {
    List<StaffMember> holders = withRole(p, roles);
    return holders.isEmpty()
        ? Judgment.notMet("the staff roster has no " + what)
        : Judgment.met("the staff roster has " + holders.size() + " " + what,
            holders.stream().map(s -> Evidence.of("staff", s.id(), "holds " + s.roles())).toArray(Evidence[]::new));
  }

  /** Active agreements of {@code kinds} (any kind when empty) with a partner of {@code category}. */
  static List<Agreement> agreements(Program p, EvaluationContext ctx, Set<AgreementKind> kinds, PartnerCategory category) {
    return p.agreements().stream()
        .filter(a -> a.partnerCategory() == category && (kinds.isEmpty() || kinds.contains(a.kind()))
            && a.isActiveOn(ctx.today()))
        .toList();
  }

  static Evidence evidence(Agreement a) {
    return Evidence.onDate("agreement", a.id(), a.signedOn(), a.kind() + " with " + a.partnerCategory());
  }

  /**
   * MET when the roster is not empty and every staff member has completed a training on every one
   * of {@code topics} on or before the as-of date, within the last {@link #RECENT_TRAINING_DAYS}
   * days when {@code recent}.
   */
  static Judgment allStaffTrained(Program p, EvaluationContext ctx, boolean recent, Set<TrainingTopic> topics) {
    if (p.staff().isEmpty()) {
      return Judgment.notMet("the staff roster is empty, so no staff training on " + topics + " is shown");
    }
    LocalDate today = ctx.today();
    LocalDate from = today.minusDays(RECENT_TRAINING_DAYS);
    List<String> untrained = new ArrayList<>();
    for (StaffMember s : p.staff()) {
      for (TrainingTopic t : topics) {
        Optional<Training> done = s.trainings().stream()
            .filter(tr -> tr.topic() == t && !tr.completedOn().isAfter(today) && (!recent || !tr.completedOn().isBefore(from)))
            .findFirst();
        if (done.isEmpty()) {
          untrained.add(s.id() + " (" + t + ")");
        }
      }
    }
    String window = recent ? " completed from " + from + " to " + today : " completed by " + today;
    Evidence[] staff = p.staff().stream().map(s -> Evidence.of("staff", s.id(), "roster entry")).toArray(Evidence[]::new);
    return untrained.isEmpty()
        ? Judgment.met("every staff member has training on " + topics + window, staff)
        : Judgment.notMet(untrained.size() + " staff training(s) on " + topics + window + " missing: "
            + untrained.stream().collect(Collectors.joining(", ")), staff);
  }
}
