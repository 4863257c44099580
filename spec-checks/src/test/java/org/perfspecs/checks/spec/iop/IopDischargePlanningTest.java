package org.perfspecs.checks.spec.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.spec.iop.IopDischargePlanning.AFTERCARE_WITHIN_7_DAYS;
import static org.perfspecs.checks.spec.iop.IopDischargePlanning.PSYCHIATRIC_AFTERCARE_WITHIN_14_DAYS;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ServiceType;

class IopDischargePlanningTest {
  /** Discharged Monday 2024-04-01 11:00: day 7 is 2024-04-08, day 14 is 2024-04-15. */
  private static final Instant DISCHARGED = ny("2024-04-01T11:00");
  private static final Instant LATER = ny("2024-06-01T12:00");

  private static ImmutableEpisode.Builder discharged() {
    return episode(ServiceType.IOP).admittedAt(ny("2024-03-01T09:00")).dischargedAt(DISCHARGED);
  }

  private static Appointment appointment(String id, AppointmentKind kind, Instant at) {
    return appointment(id, kind, at, ny("2024-03-29T10:00"));
  }

  private static Appointment appointment(String id, AppointmentKind kind, Instant at, Instant scheduledAt) {
    return Appointment.builder().id(id).kind(kind).at(at).scheduledAt(scheduledAt).build();
  }

  /** IOP.DISCH.6.b: an after-care appointment within 7 days of discharge. */
  @Nested
  class AftercareWithin7Days {
    private Finding evaluate(CaseRecord r, Instant asOf) {
      return FindingChecks.evaluate(AFTERCARE_WITHIN_7_DAYS, r, asOf);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void anAppointmentBookedAfterItTookPlaceDoesNotCount() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-05T10:00"), ny("2024-05-01T09:00")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void metByAnAppointmentOnDay7() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-08T15:00")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-08"));
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("e-1", "a-1");
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void metAtTheLastNanosecondOfDay7AndNotMetAtTheFirstInstantOfDay8() {
      Finding lastNano = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, endOfDay("2024-04-08")))), LATER);
      Finding day8 = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, startOfDay("2024-04-09")))), LATER);

      assertThat(lastNano.outcome()).isEqualTo(Outcome.MET);
      assertThat(day8.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void notMetByAnAppointmentOnDay8() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-09T09:00")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("2024-04-01 through 2024-04-08").contains("1 scheduled outside it");
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("e-1", "a-1");
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void notMetWithNoAppointmentOnceTheWindowCloses() {
      CaseRecord r = record(discharged());
      Finding f = evaluate(r, startOfDay("2024-04-09"));

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("no after-care appointment was scheduled");
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-08"));
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void metByAnAppointmentOnTheDischargeDate() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-01T16:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void anAppointmentBeforeTheDischargeDateDoesNotCount() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-03-31T16:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void aPsychiatricAftercareAppointmentCounts() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.PSYCHIATRIC_AFTERCARE, ny("2024-04-05T10:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
    }

    @ParameterizedTest
    @EnumSource(value = AppointmentKind.class, names = {"AFTERCARE", "PSYCHIATRIC_AFTERCARE"}, mode = EnumSource.Mode.EXCLUDE)
    @Verifies("IOP.DISCH.6.b")
    void otherKindsOfAppointmentDoNotCount(AppointmentKind kind) {
      Finding f = evaluate(record(discharged().addAppointments(appointment("a-1", kind, ny("2024-04-05T10:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void notApplicableWhileTheEpisodeIsOpen() {
      Finding f = evaluate(record(episode(ServiceType.IOP).admittedAt(ny("2024-03-01T09:00"))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(f.reason()).contains("has not been discharged");
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void notApplicableWhenTheDischargeIsStampedAfterTheAsOf() {
      Finding f = evaluate(record(discharged()), ny("2024-04-01T10:59"));
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void pendingWhileTheWindowIsOpen() {
      CaseRecord r = record(discharged());
      Finding f = evaluate(r, ny("2024-04-03T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-08"));
      assertThat(evaluate(r, DISCHARGED).outcome()).as("at the discharge instant").isEqualTo(Outcome.PENDING);
      assertThat(evaluate(r, endOfDay("2024-04-08")).outcome()).as("last nanosecond of day 7").isEqualTo(Outcome.PENDING);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void anAppointmentBookedAfterTheAsOfIsIgnored() {
      CaseRecord r = record(discharged().addAppointments(
          appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-06T10:00"), ny("2024-04-04T09:00"))));

      assertThat(evaluate(r, ny("2024-04-03T12:00")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(evaluate(r, ny("2024-04-04T09:00")).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void aBookedAppointmentStillToComeMeetsTheRequirement() {
      // "is scheduled": booked before the as-of, taking place on day 6, judged on day 2
      CaseRecord r = record(discharged().addAppointments(
          appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-07T10:00"), ny("2024-04-01T10:00"))));
      assertThat(evaluate(r, ny("2024-04-02T12:00")).outcome()).isEqualTo(Outcome.MET);
    }
  }

  /** IOP.DISCH.6.c: discharged on medication, a psychiatric after-care appointment within 14 days. */
  @Nested
  class PsychiatricAftercareWithin14Days {
    private Finding evaluate(CaseRecord r, Instant asOf) {
      return FindingChecks.evaluate(PSYCHIATRIC_AFTERCARE_WITHIN_14_DAYS, r, asOf);
    }

    private ImmutableEpisode.Builder onMedication() {
      return discharged().dischargedOnMedication(true);
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void metByAPsychiatricAppointmentOnDay14() {
      Finding f = evaluate(record(onMedication().addAppointments(
          appointment("a-1", AppointmentKind.PSYCHIATRIC_AFTERCARE, endOfDay("2024-04-15")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-15"));
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void notMetByAPsychiatricAppointmentOnDay15() {
      Finding f = evaluate(record(onMedication().addAppointments(
          appointment("a-1", AppointmentKind.PSYCHIATRIC_AFTERCARE, startOfDay("2024-04-16")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("psychiatric after-care appointment").contains("2024-04-01 through 2024-04-15");
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void aGeneralAftercareAppointmentDoesNotCount() {
      Finding f = evaluate(record(onMedication().addAppointments(
          appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-05T10:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void pendingWhileTheWindowIsOpen() {
      Finding f = evaluate(record(onMedication()), ny("2024-04-10T12:00"));
      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-15"));
      assertThat(evaluate(record(onMedication()), startOfDay("2024-04-16")).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void notApplicableWhenNotDischargedOnMedication() {
      Finding f = evaluate(record(discharged().dischargedOnMedication(false)), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(f.reason()).contains("not discharged on medication");
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void undeterminedWhenTheRecordDoesNotSay() {
      Finding f = evaluate(record(discharged()), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(f.reason()).contains("does not say whether the member was discharged on medication");
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void notApplicableBeforeDischargeEvenOnMedication() {
      Finding f = evaluate(record(episode(ServiceType.IOP).admittedAt(ny("2024-03-01T09:00"))
          .dischargedOnMedication(true)), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(f.reason()).contains("has not been discharged");
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void anAppointmentBookedAfterTheAsOfIsIgnored() {
      CaseRecord r = record(onMedication().addAppointments(
          appointment("a-1", AppointmentKind.PSYCHIATRIC_AFTERCARE, ny("2024-04-12T10:00"), ny("2024-04-10T09:00"))));
      assertThat(evaluate(r, ny("2024-04-10T08:59")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(evaluate(r, ny("2024-04-10T09:00")).outcome()).isEqualTo(Outcome.MET);
    }
  }
}
