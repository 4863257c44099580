package org.perfspecs.checks.spec.iop;

import static org.perfspecs.checks.Strength.MUST;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Conditions;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;

/** IOP "DISCHARGE PLANNING, COMMUNITY AND COLLATERAL LINKAGES". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopDischargePlanning extends Section {
  static final String HEADING = "DISCHARGE PLANNING, COMMUNITY AND COLLATERAL LINKAGES:";

  /**
   * "At least one after-care appointment is scheduled within 7 days of the Members discharge from
   * the IOP." Met by an after-care appointment (general or psychiatric), booked as of the
   * evaluation time and before it took place (a booking entered afterwards does not count), whose
   * date is the discharge date or one of the 7 calendar days after it.
   * Pending until the end of the 7th day; not applicable until the member is discharged.
   */
  public static final EpisodeRequirement AFTERCARE_WITHIN_7_DAYS = EpisodeRequirement.of(
      "IOP.DISCH.6.b", MUST,
      cite("bullet 6, second sentence",
          "At least one after-care appointment is scheduled within 7 days of the Members discharge from the IOP."),
      IopDischargePlanning::aftercareWithin7Days)
      .when(Conditions.discharged());

  /**
   * "If a member is discharged on medication, then at least one psychiatric after-care appointment
   * must be scheduled within 14 days of discharge from the IOP." Met by a psychiatric after-care
   * appointment dated from the discharge date through 14 calendar days after it.
   */
  public static final EpisodeRequirement PSYCHIATRIC_AFTERCARE_WITHIN_14_DAYS = EpisodeRequirement.of(
      "IOP.DISCH.6.c", MUST,
      cite("bullet 6, third sentence",
          "If a member is discharged on medication, then at least one psychiatric after-care appointment must be scheduled within 14 days of discharge from the IOP"),
      IopDischargePlanning::psychiatricAftercareWithin14Days)
      .when(Conditions.dischargedOnMedication());

  IopDischargePlanning() {
    super("DISCH", HEADING, List.of(AFTERCARE_WITHIN_7_DAYS, PSYCHIATRIC_AFTERCARE_WITHIN_14_DAYS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

  private static Judgment aftercareWithin7Days(CaseRecord record, EvaluationContext ctx) {
    return appointmentWithin(record, ctx, Set.of(AppointmentKind.AFTERCARE, AppointmentKind.PSYCHIATRIC_AFTERCARE),
        7, "after-care appointment");
  }

  private static Judgment psychiatricAftercareWithin14Days(CaseRecord record, EvaluationContext ctx) {
    return appointmentWithin(record, ctx, Set.of(AppointmentKind.PSYCHIATRIC_AFTERCARE), 14,
        "psychiatric after-care appointment");
  }

  private static Judgment appointmentWithin(CaseRecord record, EvaluationContext ctx, Set<AppointmentKind> kinds,
      int days, String what) {
    Episode e = record.episode();
    Instant discharged = e.dischargedAt().orElseThrow();
    LocalDate dischargeDate = ctx.dateOf(discharged);
    Deadline due = Deadline.calendarDaysAfter(dischargeDate, days, ctx.zone());
    Evidence discharge = Evidence.of("episode", e.id(), discharged, "discharge");
    List<Appointment> booked = e.appointments().stream()
        .filter(a -> kinds.contains(a.kind()) && ctx.hasHappened(a.scheduledAt()) && !a.scheduledAt().isAfter(a.at()))
        .sorted(Comparator.comparing(Appointment::at))
        .toList();
    Optional<Appointment> inWindow = booked.stream()
        .filter(a -> {
          LocalDate d = ctx.dateOf(a.at());
          return !d.isBefore(dischargeDate) && !d.isAfter(dischargeDate.plusDays(days));
        })
        .findFirst();
    String window = "the discharge date " + dischargeDate + " through " + dischargeDate.plusDays(days);
    if (inWindow.isPresent()) {
      Appointment a = inWindow.get();
      return Judgment.metBy(due, what + " on " + Times.format(a.at(), ctx.zone()) + ", within " + window,
          discharge, Evidence.of("appointment", a.id(), a.at(), a.kind() + " appointment"));
    }
    Evidence[] outside = booked.stream()
        .map(a -> Evidence.of("appointment", a.id(), a.at(), a.kind() + " appointment outside the window"))
        .toArray(Evidence[]::new);
    if (due.isOpenAt(ctx.asOf())) {
      return Judgment.pending(due, "no " + what + " dated " + window + " is scheduled yet", discharge);
    }
    Evidence[] all = new Evidence[outside.length + 1];
    all[0] = discharge;
    System.arraycopy(outside, 0, all, 1, outside.length);
    return Judgment.missed(due, "no " + what + " was scheduled for " + window
        + (outside.length == 0 ? "" : " (" + outside.length + " scheduled outside it)"), all);
  }
}
