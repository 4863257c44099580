package org.perfspecs.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;
import org.apiguardian.api.API;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.Contact;
import org.perfspecs.model.Document;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Incident;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.Topic;
import org.perfspecs.model.WellnessPlan;

/**
 * Generators of valid {@link Episode}s. Defaults: any service; referral, evaluation and admission
 * at minute-resolution clock times from 2021 to 2025 in America/New_York (so weekends, holidays
 * and daylight-saving changes all occur); stays of one day to eighteen months, open or
 * discharged; within the stay 0 to 300 contacts, up to 12 documents, 4 consultations, 6
 * appointments, 3 referrals made and 2 incidents; maybe a wellness plan, a Plan of Safe Care and a
 * service plan; needs, consents and contraindications marked at random.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Episodes {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDateTime FIRST = LocalDateTime.of(2021, 1, 1, 0, 0);
  private static final long SPAN_MINUTES = Duration.ofDays(5 * 365).toMinutes();
  private static final long MAX_STAY_MINUTES = Duration.ofDays(548).toMinutes();

  private Episodes() {}

  /** Any valid episode. */
  public static EpisodeArbitrary episodes() {
    return new EpisodeArbitrary(null, null, null, 300);
  }

  /** A fluent arbitrary of episodes. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class EpisodeArbitrary extends ArbitraryDecorator<Episode> {
    private final ServiceType service;
    private final Instant openAsOf;
    private final Boolean discharged;
    private final int maxContacts;

    EpisodeArbitrary(ServiceType service, Instant openAsOf, Boolean discharged, int maxContacts) {
      this.service = service;
      this.openAsOf = openAsOf;
      this.discharged = discharged;
      this.maxContacts = maxContacts;
    }

    /** Only episodes of {@code service}. */
    public EpisodeArbitrary forService(ServiceType service) {
      return new EpisodeArbitrary(service, openAsOf, discharged, maxContacts);
    }

    /** Only episodes admitted before {@code asOf} and not discharged (nothing after {@code asOf} recorded). */
    public EpisodeArbitrary openAsOf(Instant asOf) {
      return new EpisodeArbitrary(service, asOf, false, maxContacts);
    }

    /** Only discharged episodes. */
    public EpisodeArbitrary discharged() {
      return new EpisodeArbitrary(service, null, true, maxContacts);
    }

    /** At most {@code max} contacts (default 300). */
    public EpisodeArbitrary withAtMostContacts(int max) {
      return new EpisodeArbitrary(service, openAsOf, discharged, max);
    }

    @Override
    protected Arbitrary<Episode> arbitrary() {
      Arbitrary<ServiceType> services = service == null ? Arbitraries.of(ServiceType.class) : Arbitraries.just(service);
      Arbitrary<Long> stays = Arbitraries.longs().between(Duration.ofDays(1).toMinutes(), MAX_STAY_MINUTES);
      Arbitrary<Instant> admissions = openAsOf == null
          ? Arbitraries.longs().between(0, SPAN_MINUTES).map(m -> FIRST.plusMinutes(m).atZone(NEW_YORK).toInstant())
          : Arbitraries.longs().between(1, MAX_STAY_MINUTES).map(m -> openAsOf.minus(Duration.ofMinutes(m)));
      Arbitrary<Boolean> isDischarged = discharged == null ? Arbitraries.of(true, false) : Arbitraries.just(discharged);
      Arbitrary<Long> referralLead = Arbitraries.longs().between(0, Duration.ofDays(10).toMinutes());
      Arbitrary<Integer> evaluationShare = Arbitraries.integers().between(0, 100);
      Arbitrary<String> ids = Arbitraries.strings().withCharRange('0', '9').ofLength(8).map(s -> "E-" + s);
      return Combinators.combine(services, admissions, stays, isDischarged, referralLead, evaluationShare, ids,
              Arbitraries.of(ReferralSource.class))
          .as(Frame::new)
          .flatMap(this::filled);
    }

    private record Frame(ServiceType service, Instant admitted, long stayMinutes, boolean discharged, long leadMinutes,
        int evaluationShare, String id, ReferralSource source) {
      Instant referred() {
        return admitted.minus(Duration.ofMinutes(leadMinutes));
      }

      Instant evaluated() {
        return referred().plus(Duration.ofMinutes(leadMinutes * evaluationShare / 100));
      }

      Optional<Instant> dischargedAt() {
        return discharged ? Optional.of(admitted.plus(Duration.ofMinutes(stayMinutes))) : Optional.empty();
      }
    }

    private Arbitrary<Episode> filled(Frame f) {
      Instant from = f.admitted();
      Instant to = f.dischargedAt().orElse(openAsOf != null ? openAsOf : f.admitted().plus(Duration.ofMinutes(f.stayMinutes())));
      LocalDate first = Parts.dateOf(from);
      LocalDate last = Parts.dateOf(to);
      List<Arbitrary<Object>> parts = List.of(
          Parts.contacts(from, to, maxContacts).asGeneric(),
          Parts.documents(first, last, 12).asGeneric(),
          Parts.consultations(from, to, 4).asGeneric(),
          Parts.appointments(from, to, 6).asGeneric(),
          Parts.referralsMade(from, to, 3).asGeneric(),
          Parts.incidents(from, to, 2).asGeneric(),
          Parts.wellnessPlans(first, last).optional().asGeneric(),
          Parts.wellnessPlans(first, last).map(p -> org.perfspecs.model.ImmutableWellnessPlan.copyOf(p).withId("posc-1")).optional().asGeneric(),
          Parts.servicePlans(first, last).optional().asGeneric(),
          Arbitraries.of(Topic.class).set().ofMaxSize(3).asGeneric(),
          Arbitraries.of(ServiceCategory.class).set().ofMaxSize(3).asGeneric(),
          Arbitraries.of(Party.class).set().ofMaxSize(3).asGeneric(),
          Arbitraries.of(Optional.<Boolean>empty(), Optional.of(true), Optional.of(false)).asGeneric(),
          Parts.consentRefusals(from, to, 1).asGeneric(),
          Parts.necessityDeterminations(from, to, 2).asGeneric());
      return Combinators.combine(parts).as(v -> build(f, v));
    }

    @SuppressWarnings("unchecked")
    private Episode build(Frame f, List<Object> v) {
      var b = Episode.builder()
          .id(f.id())
          .service(f.service())
          .programId("P-" + f.service().name())
          .referral(Referral.builder().id("ref-1").source(f.source()).at(f.referred()).build())
          .evaluatedAt(f.evaluated())
          .admittedAt(f.admitted())
          .dischargedAt(f.dischargedAt())
          .contacts((List<Contact>) v.get(0))
          .documents((List<Document>) v.get(1))
          .consultations((List<Consultation>) v.get(2))
          .appointments((List<Appointment>) v.get(3))
          .referralsMade((List<Referral>) v.get(4))
          .incidents((List<Incident>) v.get(5))
          .wellnessPlan((Optional<WellnessPlan>) v.get(6))
          .planOfSafeCare((Optional<WellnessPlan>) v.get(7))
          .servicePlan((Optional<ServicePlan>) v.get(8))
          .counselingNeeds((Set<Topic>) v.get(9))
          .serviceNeeds((Set<ServiceCategory>) v.get(10))
          .consentToShareWith((Set<Party>) v.get(11))
          .consentRefusals((List<org.perfspecs.model.ConsentRefusal>) v.get(13))
          .necessityDeterminations((List<org.perfspecs.model.NecessityDetermination>) v.get(14))
          .addTreatmentTeam("s-1", "s-2")
          .primaryStaffId("s-1");
      if (f.discharged()) {
        b.dischargedOnMedication((Optional<Boolean>) v.get(12));
      }
      return b.build();
    }
  }
}
