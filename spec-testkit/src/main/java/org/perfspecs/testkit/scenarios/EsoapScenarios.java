package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.Cases.withEpisode;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ServiceType;

/** Scenario generators for the episode requirements of {@code ESOAP}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EsoapScenarios implements ScenarioSource {
  private static final ServiceType ESOAP = ServiceType.ESOAP;
  private static final Duration H48 = Duration.ofHours(48);
  private static final Duration MONTH = Duration.ofDays(30);

  @Override
  public String specification() {
    return "ESOAP";
  }

  @Override
  public void register(Registrar r) {
    consultationsWithin48Hours(r);
  }

  /**
   * COMP.4.2 "arranges all necessary medical and obstetric consultations within 48 hours of
   * admission", for members pregnant or postpartum at admission.
   */
  private static void consultationsWithin48Hours(Registrar r) {
    String id = "ESOAP.COMP.4.2";
    Arbitrary<CaseRecord> admitted = Cases.admittedPregnantOrPostpartum(ESOAP);
    r.meeting(id, Combinators.combine(admitted, Cases.upTo(H48), Cases.upTo(H48), Cases.upTo(MONTH))
        .as((rec, medical, obstetric, wait) -> {
          Instant a = admission(rec);
          Instant later = a.plus(medical.compareTo(obstetric) > 0 ? medical : obstetric);
          return Case.of(consulted(rec, a.plus(medical), a.plus(obstetric)), later.plus(wait));
        }));
    // One of the two arranged after 48 hours (the other at any time up to 10 days), judged once
    // both are arranged; or one never arranged, judged after the 48 hours.
    Arbitrary<Case> late = Combinators.combine(admitted, Cases.longerThan(H48, Duration.ofDays(10)),
            Cases.upTo(Duration.ofDays(10)), Arbitraries.of(true, false), Cases.upTo(MONTH))
        .as((rec, lateBy, otherBy, medicalLate, wait) -> {
          Instant a = admission(rec);
          Instant lateAt = a.plus(lateBy);
          Instant otherAt = a.plus(otherBy);
          CaseRecord c = medicalLate ? consulted(rec, lateAt, otherAt) : consulted(rec, otherAt, lateAt);
          return Case.of(c, (lateAt.isAfter(otherAt) ? lateAt : otherAt).plus(wait));
        });
    Arbitrary<Case> missing = Combinators.combine(admitted, Cases.upTo(H48), Arbitraries.of(true, false),
            Cases.longerThan(H48, MONTH))
        .as((rec, by, onlyMedical, asOf) -> {
          Instant a = admission(rec);
          Consultation only = consultation(onlyMedical ? ConsultationKind.MEDICAL : ConsultationKind.OBSTETRIC, a.plus(by));
          return Case.of(withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withConsultations(only)), a.plus(asOf));
        });
    r.violating(id, Arbitraries.oneOf(late, missing));
    // Neither arranged yet (or only one), judged within the 48 hours.
    r.pending(id, Combinators.combine(admitted, Cases.upTo(H48), Arbitraries.of(ConsultationKind.MEDICAL,
            ConsultationKind.OBSTETRIC, ConsultationKind.PSYCHIATRIC))
        .as((rec, asOf, kind) -> {
          Instant a = admission(rec);
          return Case.of(withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withConsultations(consultation(kind, a))),
              a.plus(asOf));
        }));
    // Not pregnant or postpartum at admission: not applicable, whatever the consultations.
    r.notApplicable(id, Combinators.combine(Cases.admittedNeitherPregnantNorPostpartum(ESOAP), Cases.upTo(MONTH))
        .as((rec, asOf) -> Case.of(rec, admission(rec).plus(asOf))));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static Consultation consultation(ConsultationKind kind, Instant at) {
    return Consultation.builder().id("cons-" + kind.name().toLowerCase(java.util.Locale.ROOT)).kind(kind).arrangedAt(at).build();
  }

  private static CaseRecord consulted(CaseRecord rec, Instant medicalAt, Instant obstetricAt) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withConsultations(
        consultation(ConsultationKind.MEDICAL, medicalAt), consultation(ConsultationKind.OBSTETRIC, obstetricAt)));
  }
}
