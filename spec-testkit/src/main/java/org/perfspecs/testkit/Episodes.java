package org.perfspecs.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;
import org.apiguardian.api.API;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceType;

/**
 * Generators of valid {@link Episode}s. Defaults: any service; referral, evaluation and admission
 * at clock times between 2021 and 2025 in America/New_York (so weekends, holidays and daylight-
 * saving changes all occur); stays of one day to eighteen months, open or discharged; 0 to 300
 * contacts within the stay.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Episodes {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDateTime FIRST = LocalDateTime.of(2021, 1, 1, 0, 0);
  private static final int SPAN_DAYS = 5 * 365;
  private static final long MAX_STAY_MINUTES = Duration.ofDays(548).toMinutes();

  private Episodes() {}

  /** Any valid episode. */
  public static EpisodeArbitrary episodes() {
    return new EpisodeArbitrary(null, null, 300);
  }

  /** A fluent arbitrary of episodes. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class EpisodeArbitrary extends ArbitraryDecorator<Episode> {
    private final ServiceType service;
    private final Instant openAsOf;
    private final int maxContacts;

    EpisodeArbitrary(ServiceType service, Instant openAsOf, int maxContacts) {
      this.service = service;
      this.openAsOf = openAsOf;
      this.maxContacts = maxContacts;
    }

    /** Only episodes of {@code service}. */
    public EpisodeArbitrary forService(ServiceType service) {
      return new EpisodeArbitrary(service, openAsOf, maxContacts);
    }

    /** Only episodes admitted before {@code asOf} and not discharged by then. */
    public EpisodeArbitrary openAsOf(Instant asOf) {
      return new EpisodeArbitrary(service, asOf, maxContacts);
    }

    /** At most {@code max} contacts (default 300). */
    public EpisodeArbitrary withAtMostContacts(int max) {
      return new EpisodeArbitrary(service, openAsOf, max);
    }

    @Override
    protected Arbitrary<Episode> arbitrary() {
      Arbitrary<ServiceType> services = service == null ? Arbitraries.of(ServiceType.class) : Arbitraries.just(service);
      Arbitrary<Instant> admissions = openAsOf == null
          ? Arbitraries.integers().between(0, SPAN_DAYS * 24 * 4).map(q -> FIRST.plusMinutes(15L * q).atZone(NEW_YORK).toInstant())
          : Arbitraries.longs().between(1, MAX_STAY_MINUTES).map(m -> openAsOf.minus(Duration.ofMinutes(m)));
      Arbitrary<Long> stays = Arbitraries.longs().between(Duration.ofDays(1).toMinutes(), MAX_STAY_MINUTES);
      Arbitrary<Boolean> discharged = openAsOf == null ? Arbitraries.of(true, false) : Arbitraries.just(false);
      Arbitrary<Long> referralLead = Arbitraries.longs().between(0, Duration.ofDays(10).toMinutes());
      Arbitrary<Long> evaluationLag = Arbitraries.longs().between(0, Duration.ofDays(3).toMinutes());
      Arbitrary<List<Long>> contactOffsets = Arbitraries.longs().between(0, MAX_STAY_MINUTES).list().ofMaxSize(maxContacts);
      Arbitrary<List<ContactMode>> modes = Arbitraries.of(ContactMode.class).list().ofSize(maxContacts);
      Arbitrary<List<Boolean>> engaged = Arbitraries.of(true, true, true, false).list().ofSize(maxContacts);
      Arbitrary<String> ids = Arbitraries.strings().withCharRange('0', '9').ofLength(8).map(s -> "E-" + s);
      List<Arbitrary<Object>> parts = List.of(services.asGeneric(), admissions.asGeneric(), stays.asGeneric(),
          discharged.asGeneric(), referralLead.asGeneric(), evaluationLag.asGeneric(), contactOffsets.asGeneric(),
          modes.asGeneric(), engaged.asGeneric(), ids.asGeneric());
      return Combinators.combine(parts).as(this::build);
    }

    @SuppressWarnings("unchecked")
    private Episode build(List<Object> v) {
      ServiceType svc = (ServiceType) v.get(0);
      Instant admitted = (Instant) v.get(1);
      long stay = (Long) v.get(2);
      boolean isDischarged = (Boolean) v.get(3);
      Instant referred = admitted.minus(Duration.ofMinutes((Long) v.get(4)));
      Instant evaluated = referred.plus(Duration.ofMinutes(Math.min((Long) v.get(5),
          Duration.between(referred, admitted).toMinutes())));
      Optional<Instant> dischargedAt = isDischarged ? Optional.of(admitted.plus(Duration.ofMinutes(stay))) : Optional.empty();
      Instant end = dischargedAt.orElse(openAsOf != null ? openAsOf : admitted.plus(Duration.ofMinutes(stay)));
      long span = Math.max(1, Duration.between(admitted, end).toMinutes());
      List<Long> offsets = (List<Long>) v.get(6);
      List<ContactMode> modes = (List<ContactMode>) v.get(7);
      List<Boolean> engaged = (List<Boolean>) v.get(8);
      List<Contact> contacts = new ArrayList<>();
      for (int i = 0; i < offsets.size(); i++) {
        contacts.add(Contact.builder().id("c-" + i).at(admitted.plus(Duration.ofMinutes(offsets.get(i) % span)))
            .minutes(modes.get(i) == ContactMode.TEXT ? 0 : 30).mode(modes.get(i))
            .kind(engaged.get(i) ? ContactKind.INDIVIDUAL : ContactKind.OUTREACH_ATTEMPT)
            .memberEngaged(engaged.get(i)).build());
      }
      return Episode.builder()
          .id((String) v.get(9))
          .service(svc)
          .programId("P-" + svc.name())
          .referral(Referral.builder().id("ref-1").source(ReferralSource.BEHAVIORAL_HEALTH_PROVIDER).at(referred).build())
          .evaluatedAt(evaluated)
          .admittedAt(admitted)
          .dischargedAt(dischargedAt)
          .contacts(contacts)
          .build();
    }
  }
}
