package org.perfspecs.checks.specifications.esoap;

import static org.perfspecs.checks.Strength.MUST;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Conditions;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Member;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;

/**
 * ESOAP "PROCESS SPECIFICATIONS", sub-heading "Discharge Planning and Documentation". Every
 * requirement applies once the member has been discharged (as of the evaluation time).
 *
 * <p>A "connection" at discharge (item 2) is, for each listed kind of care or resource, a referral
 * made out of the service to it, or an appointment of the matching kind booked, at or before the
 * discharge time; for obstetrics and primary care, a provider already on the member's record also
 * counts. Referrals and bookings after discharge do not count.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EsoapDischargePlanning extends Section {
  static final String HEADING = "Discharge Planning and Documentation";

  /**
   * {@index ESOAP.DISCH.1}: Item 1: reasonable efforts toward a stable and safe living situation, documented. MET when a
   * document completed by the as-of date covers {@link ContentElement#STABLE_SAFE_LIVING_SITUATION},
   * or a referral to housing was made at or before discharge; NOT_MET otherwise.
   */
  public static final EpisodeRequirement STABLE_SAFE_LIVING = EpisodeRequirement.of(
      "ESOAP.DISCH.1", MUST,
      cite("1", "The Enhanced SOAP (ASAM Intensive Outpatient Program) for Pregnant Members makes reasonable efforts to discharge members to stable and safe living situations. Such efforts are documented in the Member's health record."),
      EsoapDischargePlanning::stableSafeLiving)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(Conditions.discharged());

  private static final String CONNECTIONS = "The Enhanced SOAP for Pregnant Members ensures that members are discharged with connections to obstetrics, pediatrics, and primary care clinicians.";
  private static final String RESOURCES = "They must also connect members to resources including but not limited to mental health support, lactation support, and community resources for families (home visiting, WIC, diaper banks, etc.)";

  /**
   * {@index ESOAP.DISCH.2.a.1}: Item 2, first sentence: obstetrics (referral to an obstetric
   * provider or prenatal care, an obstetric/prenatal/postpartum appointment, or an obstetric
   * provider on record).
   */
  public static final EpisodeRequirement CONNECTED_TO_OBSTETRICS = connection("2.a.1", "first sentence, obstetrics", CONNECTIONS,
      "obstetrics", EnumSet.of(ServiceCategory.OBSTETRIC_PROVIDER, ServiceCategory.PRENATAL_CARE),
      EnumSet.of(AppointmentKind.OBSTETRIC, AppointmentKind.PRENATAL, AppointmentKind.POSTPARTUM), Member::obstetricProvider);

  /**
   * {@index ESOAP.DISCH.2.a.2}: Item 2, first sentence: pediatrics (referral to pediatrics or
   * specialized pediatrics, or a pediatric appointment).
   */
  public static final EpisodeRequirement CONNECTED_TO_PEDIATRICS = connection("2.a.2", "first sentence, pediatrics", CONNECTIONS,
      "pediatrics", EnumSet.of(ServiceCategory.PEDIATRICS, ServiceCategory.SPECIALIZED_PEDIATRICS),
      EnumSet.of(AppointmentKind.PEDIATRIC, AppointmentKind.SPECIALIZED_PEDIATRIC), m -> Optional.empty());

  /**
   * {@index ESOAP.DISCH.2.a.3}: Item 2, first sentence: primary care (referral to a PCC or primary
   * health, a primary-care or physical-exam appointment, or a PCC on record).
   */
  public static final EpisodeRequirement CONNECTED_TO_PRIMARY_CARE = connection("2.a.3", "first sentence, primary care clinicians", CONNECTIONS,
      "a primary care clinician", EnumSet.of(ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH),
      EnumSet.of(AppointmentKind.PRIMARY_CARE, AppointmentKind.PHYSICAL_EXAM), Member::primaryCareClinician);

  /**
   * {@index ESOAP.DISCH.2.b.1}: Item 2, second sentence: mental health support (referral to mental
   * health, outpatient behavioral health or psychiatry, or a mental-health or psychiatric
   * after-care appointment).
   */
  public static final EpisodeRequirement CONNECTED_TO_MENTAL_HEALTH = connection("2.b.1", "second sentence, mental health support", RESOURCES,
      "mental health support", EnumSet.of(ServiceCategory.MENTAL_HEALTH, ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH, ServiceCategory.PSYCHIATRY),
      EnumSet.of(AppointmentKind.MENTAL_HEALTH, AppointmentKind.PSYCHIATRIC_AFTERCARE), m -> Optional.empty());

  /** {@index ESOAP.DISCH.2.b.2}: Item 2, second sentence: lactation support (referral to lactation support). */
  public static final EpisodeRequirement CONNECTED_TO_LACTATION_SUPPORT = connection("2.b.2", "second sentence, lactation support", RESOURCES,
      "lactation support", EnumSet.of(ServiceCategory.LACTATION_SUPPORT), EnumSet.noneOf(AppointmentKind.class), m -> Optional.empty());

  /**
   * {@index ESOAP.DISCH.2.b.3}: Item 2, second sentence: community resources for families (referral
   * to home visiting, WIC/nutrition, a diaper bank or Healthy Start).
   */
  public static final EpisodeRequirement CONNECTED_TO_FAMILY_RESOURCES = connection("2.b.3", "second sentence, community resources for families", RESOURCES,
      "community resources for families", EnumSet.of(ServiceCategory.HOME_VISITING, ServiceCategory.WIC_NUTRITION,
          ServiceCategory.DIAPER_BANK, ServiceCategory.HEALTHY_START),
      EnumSet.noneOf(AppointmentKind.class), m -> Optional.empty());

  EsoapDischargePlanning() {
    super("DISCH", HEADING, List.of(STABLE_SAFE_LIVING, CONNECTED_TO_OBSTETRICS, CONNECTED_TO_PEDIATRICS,
        CONNECTED_TO_PRIMARY_CARE, CONNECTED_TO_MENTAL_HEALTH, CONNECTED_TO_LACTATION_SUPPORT, CONNECTED_TO_FAMILY_RESOURCES));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Esoap.SOURCE, HEADING, label, text);
  }

  private static EpisodeRequirement connection(String path, String label, String text, String what,
      Set<ServiceCategory> targets, Set<AppointmentKind> kinds, Function<Member, Optional<CareProvider>> onRecord) {
    return EpisodeRequirement.of("ESOAP.DISCH." + path, MUST, cite("2, " + label, text),
        new Connection(what, targets, kinds, onRecord)::judge)
        .when(Conditions.pregnantOrPostpartumAtAdmission())
        .when(Conditions.discharged());
  }

  private static final Set<ServiceCategory> HOUSING =
      org.perfspecs.checks.RecordLists.constant(EnumSet.of(ServiceCategory.HOUSING));

  private static Judgment stableSafeLiving(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Document> documented = e.documents().stream()
        .filter(d -> ctx.hasBegun(d.date()) && d.elements().contains(ContentElement.STABLE_SAFE_LIVING_SITUATION))
        .min(java.util.Comparator.comparing(Document::date));
    if (documented.isPresent()) {
      return Judgment.met("efforts toward a stable and safe living situation are documented", EsoapRecords.evidence(documented.get()));
    }
    Instant discharged = e.dischargedAt().orElseThrow();
    Referral housing = EsoapRecords.firstReferralTo(e, HOUSING, discharged, ctx);
    return housing != null
        ? Judgment.met("the member was referred for housing before discharge", EsoapRecords.evidence(housing))
        : Judgment.notMet("the record documents no effort toward a stable and safe living situation at discharge",
            Evidence.of("episode", e.id(), discharged, "discharge"));
  }

  /** A connection at discharge to one kind of care or resource. */
  private static final class Connection {
    private final Set<ServiceCategory> targets;
    private final Set<AppointmentKind> kinds;
    private final Function<Member, Optional<CareProvider>> onRecord;
    // the reasons depend on nothing but the requirement: made once
    private final String byReferral;
    private final String byAppointment;
    private final String named;
    private final String without;

    Connection(String what, Set<ServiceCategory> targets, Set<AppointmentKind> kinds,
        Function<Member, Optional<CareProvider>> onRecord) {
      this.targets = targets;
      this.kinds = kinds;
      this.onRecord = onRecord;
      this.byReferral = "the member was connected to " + what + " by referral before discharge";
      this.byAppointment = "the member was connected to " + what + " by an appointment booked before discharge";
      this.named = "the member's record already names her provider for " + what;
      this.without = "the member was discharged without a connection to " + what;
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Episode e = record.episode();
      Instant discharged = e.dischargedAt().orElseThrow();
      Evidence discharge = EsoapRecords.discharge(e, discharged);
      Referral referral = EsoapRecords.firstReferralTo(e, targets, discharged, ctx);
      if (referral != null) {
        return Judgment.met(byReferral, discharge, EsoapRecords.evidence(referral));
      }
      Appointment appointment = EsoapRecords.firstAppointmentOf(e, kinds, a -> !a.scheduledAt().isAfter(discharged), ctx);
      if (appointment != null) {
        return Judgment.met(byAppointment, discharge, EsoapRecords.evidence(appointment));
      }
      if (onRecord.apply(record.member()).isPresent()) {
        return Judgment.met(named, discharge);
      }
      return Judgment.notMet(without, discharge);
    }
  }
}
