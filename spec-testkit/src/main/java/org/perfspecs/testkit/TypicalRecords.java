package org.perfspecs.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Goal;
import org.perfspecs.model.ImmutableDocument;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.Incident;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.Member;
import org.perfspecs.model.Party;
import org.perfspecs.model.PlanReview;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;
import org.perfspecs.model.WellnessPlan;

/**
 * Typical, valid case records drawn from a plain seeded {@link Random}, for benchmarks and bulk
 * data: no jqwik lifecycle, and the same {@code (seed, index)} always gives the same record, on
 * every machine and JVM ({@link Random}'s algorithm is specified).
 *
 * <p>A typical record is an episode of about {@value #CONTACTS} contacts, {@value #DOCUMENTS}
 * documents and {@value #APPOINTMENTS} appointments, with the referrals made, consultations and
 * plans its service has (a Wellness Plan and, for a pregnant or parenting member, a Plan of Safe
 * Care for RC; a service plan with reviews for CSP). ESOAP and RRS_PPW members are pregnant or
 * postpartum. Records are mostly, not always, compliant: about one element in eight is dropped or
 * late, so the findings mix every outcome. Every event lies between 2024-01-02 and
 * {@link #AS_OF}; about a third of the episodes are still open at {@link #AS_OF}.
 *
 * <p>Record {@code i} of a sequence is of service {@code ServiceType.values()[i % 5]}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TypicalRecords {
  /** The as-of time the records are built for: 2024-06-03 12:00 America/New_York. */
  public static final Instant AS_OF = Instant.parse("2024-06-03T16:00:00Z");

  static final int CONTACTS = 60;
  static final int DOCUMENTS = 10;
  static final int APPOINTMENTS = 5;

  private static final ZoneId NY = ZoneId.of("America/New_York");
  private static final LocalDate FIRST_ADMISSION = LocalDate.of(2024, 1, 2);
  private static final int PROGRAMS_PER_SERVICE = 8;

  private TypicalRecords() {}

  /** Record {@code index} of the sequence drawn from {@code seed}. */
  public static CaseRecord record(long seed, long index) {
    ServiceType service = ServiceType.values()[(int) (index % ServiceType.values().length)];
    return record(service, seed, index);
  }

  /** A typical record of {@code service}, drawn from {@code (seed, index)}. */
  public static CaseRecord record(ServiceType service, long seed, long index) {
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + index * 1_000_003L + service.ordinal());
    return new Draw(service, random, index).build();
  }

  /** One record drawn from one {@link Random}. */
  private static final class Draw {
    private final ServiceType service;
    private final Random random;
    private final long index;
    private final String staffPrefix;
    private Instant admitted;
    private Instant end; // discharge, or the as-of for an open episode
    private boolean discharged;
    private boolean pregnantOrPostpartum;
    private boolean parenting;

    Draw(ServiceType service, Random random, long index) {
      this.service = service;
      this.random = random;
      this.index = index;
      this.staffPrefix = "S-" + service.name().replace("_PPW", "") + "-";
    }

    CaseRecord build() {
      int stayDays = switch (service) {
        case ESOAP -> 35 + random.nextInt(30);
        case RRS_PPW -> 60 + random.nextInt(60);
        case IOP -> 25 + random.nextInt(20);
        case CSP, RC -> 60 + random.nextInt(40);
      };
      discharged = random.nextInt(3) != 0;
      LocalDate admissionDay = FIRST_ADMISSION.plusDays(random.nextInt(150 - Math.min(stayDays, 120)));
      admitted = at(admissionDay, 9 + random.nextInt(6), 15 * random.nextInt(4));
      Instant planned = admitted.plus(Duration.ofDays(stayDays));
      if (planned.isAfter(AS_OF)) {
        discharged = false;
      }
      end = planned.isAfter(AS_OF) ? AS_OF : planned;

      Member member = member(admissionDay);
      ImmutableEpisode.Builder e = Episode.builder()
          .id(service.name() + "-" + index)
          .service(service)
          .programId("P-" + service.name() + "-" + (1 + random.nextInt(PROGRAMS_PER_SERVICE)))
          .referral(Referral.builder()
              .id("ref-in")
              .source(pick(ReferralSource.values()))
              .at(admitted.minus(Duration.ofHours(24 + random.nextInt(120))))
              .build());
      if (service == ServiceType.ESOAP || service == ServiceType.IOP) {
        e.evaluatedAt(admitted.minus(Duration.ofHours(2 + random.nextInt(20))));
      }
      e.admittedAt(admitted);
      if (discharged) {
        e.dischargedAt(end);
        e.dischargedOnMedication(random.nextBoolean());
      }
      if (service != ServiceType.RC && service != ServiceType.CSP) {
        List<String> team = new ArrayList<>();
        for (int i = 1; i <= 2 + random.nextInt(3); i++) {
          team.add(staffPrefix + "0" + i);
        }
        e.treatmentTeam(team);
      }
      e.primaryStaffId(staffPrefix + "01");
      contacts(e);
      documents(e);
      appointments(e);
      consultations(e);
      referralsAndNeeds(e);
      plans(e, admissionDay);
      if (service == ServiceType.RRS_PPW && random.nextInt(4) == 0) {
        Instant occurred = during();
        e.addIncidents(Incident.builder().id("inc-1").occurredAt(occurred).reportable(true)
            .reportedAt(occurred.plus(Duration.ofHours(1 + random.nextInt(30)))).build());
      }
      e.consentToShareWith(subset(EnumSet.of(Party.PCC, Party.OBSTETRIC_PROVIDER, Party.FAMILY,
          Party.OUTPATIENT_PROVIDER, Party.REFERRAL_SOURCE, Party.PAYER_CARE_TEAM), 2, 4));
      return CaseRecord.builder().member(member).episode(e.build()).build();
    }

    private Member member(LocalDate admissionDay) {
      ImmutableMember.Builder m = Member.builder()
          .id("M-" + index)
          .dateOfBirth(admissionDay.minusYears(19 + random.nextInt(40)).minusDays(random.nextInt(365)))
          .product(pick(products()));
      pregnantOrPostpartum = switch (service) {
        case ESOAP, RRS_PPW -> true;
        case RC -> random.nextInt(3) == 0;
        case CSP, IOP -> false;
      };
      parenting = random.nextInt(3) == 0 || (pregnantOrPostpartum && random.nextBoolean());
      if (pregnantOrPostpartum) {
        if (random.nextInt(3) == 0) {
          m.pregnancy(PregnancyStatus.builder().state(PregnancyState.POSTPARTUM)
              .deliveryDate(admissionDay.minusDays(10 + random.nextInt(200))).build());
        } else {
          m.pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT)
              .estimatedDueDate(admissionDay.plusDays(30 + random.nextInt(200))).build());
        }
        if (random.nextInt(4) != 0) {
          m.obstetricProvider(CareProvider.builder().name("Community OB Group " + random.nextInt(20)).build());
        }
      }
      m.parenting(parenting);
      if (random.nextInt(5) != 0) {
        m.primaryCareClinician(CareProvider.builder().name("Family Health Center " + random.nextInt(50)).build());
      }
      if (random.nextBoolean()) {
        m.preferredName("Alex");
      }
      if (random.nextInt(3) == 0) {
        m.pronouns(pick(new String[] {"she/her", "he/him", "they/them"}));
      }
      if (random.nextBoolean()) {
        m.lastCompletePhysicalExam(admissionDay.minusDays(30 + random.nextInt(700)));
      }
      if (random.nextInt(4) == 0) {
        m.addStateAgencies(pick(StateAgency.values()));
        m.dcfCaseOpen(parenting && random.nextBoolean());
      }
      if (service == ServiceType.CSP) {
        m.dmhContinuingCareEligible(random.nextInt(4) == 0);
      }
      return m.build();
    }

    /** Products the service's specification applies to (a member of another product is not judged against it). */
    private InsuranceProduct[] products() {
      java.util.Set<InsuranceProduct> covered = org.perfspecs.checks.catalog.Catalog.standard().specification(service)
          .orElseThrow().products();
      InsuranceProduct[] usual = usualProducts();
      InsuranceProduct[] kept = java.util.Arrays.stream(usual).filter(covered::contains).toArray(InsuranceProduct[]::new);
      return kept.length > 0 ? kept : usual;
    }

    private InsuranceProduct[] usualProducts() {
      return switch (service) {
        case IOP -> new InsuranceProduct[] {InsuranceProduct.CCA_ONE_CARE, InsuranceProduct.CCA_SCO,
            InsuranceProduct.CCA_MA_MEDICARE_VALUE};
        // the RRS_PPW specification is MassHealth's (Optum): its members are MassHealth members
        case RRS_PPW -> new InsuranceProduct[] {InsuranceProduct.MASSHEALTH};
        default -> new InsuranceProduct[] {InsuranceProduct.TUFTS_HEALTH_TOGETHER,
            InsuranceProduct.TUFTS_HEALTH_DIRECT, InsuranceProduct.TUFTS_HEALTH_PLAN_COMMERCIAL,
            InsuranceProduct.TUFTS_HEALTH_ONE_CARE};
      };
    }

    private void contacts(ImmutableEpisode.Builder e) {
      ContactKind[] kinds = switch (service) {
        case ESOAP -> new ContactKind[] {ContactKind.GROUP, ContactKind.GROUP, ContactKind.EDUCATION,
            ContactKind.EDUCATION, ContactKind.INDIVIDUAL, ContactKind.CASE_MANAGEMENT, ContactKind.FAMILY,
            ContactKind.TRANSPORTATION};
        case RRS_PPW -> new ContactKind[] {ContactKind.GROUP, ContactKind.EDUCATION, ContactKind.INDIVIDUAL,
            ContactKind.MEDICATION_MANAGEMENT, ContactKind.CASE_MANAGEMENT, ContactKind.FAMILY};
        case IOP -> new ContactKind[] {ContactKind.PROGRAM_DAY, ContactKind.PROGRAM_DAY, ContactKind.PROGRAM_DAY,
            ContactKind.INDIVIDUAL, ContactKind.MEDICATION_MANAGEMENT, ContactKind.CASE_MANAGEMENT,
            ContactKind.FAMILY, ContactKind.PEER_SUPPORT, ContactKind.GROUP, ContactKind.CRISIS_INTERVENTION};
        case CSP -> new ContactKind[] {ContactKind.INDIVIDUAL, ContactKind.INDIVIDUAL, ContactKind.CASE_MANAGEMENT,
            ContactKind.TEAM_MEETING, ContactKind.FAMILY, ContactKind.ACCOMPANIMENT, ContactKind.OUTREACH_ATTEMPT,
            ContactKind.CRISIS_INTERVENTION};
        case RC -> new ContactKind[] {ContactKind.PEER_SUPPORT, ContactKind.PEER_SUPPORT, ContactKind.PEER_SUPPORT,
            ContactKind.CASE_RELATED_WORK, ContactKind.ACCOMPANIMENT, ContactKind.TRANSPORTATION,
            ContactKind.OUTREACH_ATTEMPT};
      };
      Topic[] topics = switch (service) {
        case ESOAP, RRS_PPW -> new Topic[] {Topic.SUBSTANCE_USE, Topic.RECOVERY, Topic.PRENATAL_CARE,
            Topic.POSTPARTUM_CARE, Topic.NUTRITION, Topic.HIV_AIDS, Topic.HEPATITIS,
            Topic.SEXUALLY_TRANSMITTED_INFECTIONS, Topic.INFECTIOUS_DISEASE_TESTING, Topic.NEONATAL_ABSTINENCE_SYNDROME,
            Topic.BREASTFEEDING, Topic.LACTATION, Topic.PARENTING_SKILLS, Topic.SMOKING_EFFECTS,
            Topic.FAMILY_PLANNING, Topic.SAFE_RELATIONSHIPS, Topic.CRISIS_PREVENTION, Topic.DCF,
            Topic.CHILD_DEVELOPMENT, Topic.BUDGETING, Topic.HIV_TESTING, Topic.HEPATITIS_C_TESTING};
        case IOP -> new Topic[] {Topic.MENTAL_ILLNESS, Topic.RECOVERY, Topic.SUBSTANCE_USE, Topic.SAFETY_PLANNING,
            Topic.PSYCHOTROPIC_MEDICATIONS, Topic.CRISIS_PREVENTION};
        case CSP -> new Topic[] {Topic.MENTAL_ILLNESS, Topic.RECOVERY, Topic.CRISIS_PREVENTION,
            Topic.PSYCHOTROPIC_MEDICATIONS, Topic.DAILY_LIVING_SKILLS, Topic.BUDGETING, Topic.SAFETY_PLANNING,
            Topic.ACCESS_TO_RESOURCES, Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS};
        case RC -> new Topic[] {Topic.RECOVERY, Topic.WELLNESS_PLAN_GOALS, Topic.SUBSTANCE_USE,
            Topic.ACCESS_TO_RESOURCES, Topic.PARENTING_SKILLS, Topic.FAMILY_PRESERVATION, Topic.BUDGETING};
      };
      long span = Math.max(Duration.between(admitted, end).toMinutes() - 240, 60);
      for (int i = 0; i < CONTACTS; i++) {
        // spread over the stay, the first on the admission day
        Instant at = admitted.plus(Duration.ofMinutes(i == 0 ? 0 : span * i / CONTACTS + random.nextInt(120)));
        ContactKind kind = i == 0 ? kinds[0] : pick(kinds);
        ContactMode mode = switch (kind) {
          case CASE_MANAGEMENT, CASE_RELATED_WORK, OUTREACH_ATTEMPT, CRISIS_INTERVENTION ->
              random.nextBoolean() ? ContactMode.PHONE : ContactMode.TELEHEALTH;
          case PEER_SUPPORT -> random.nextInt(3) == 0 ? ContactMode.TEXT : ContactMode.IN_PERSON;
          default -> random.nextInt(10) == 0 ? ContactMode.TELEHEALTH : ContactMode.IN_PERSON;
        };
        var c = Contact.builder()
            .id("c" + (i + 1))
            .at(at)
            .minutes(kind == ContactKind.PROGRAM_DAY ? 180 : 15 + 5 * random.nextInt(12))
            .mode(mode)
            .kind(kind)
            .topics(subset(topics, 1, 3))
            .memberEngaged(kind != ContactKind.OUTREACH_ATTEMPT && random.nextInt(12) != 0)
            .staffId(staffPrefix + "0" + (1 + random.nextInt(3)));
        if (kind == ContactKind.FAMILY || kind == ContactKind.TEAM_MEETING) {
          c.addParties(pick(new Party[] {Party.FAMILY, Party.SIGNIFICANT_OTHER, Party.TREATMENT_TEAM,
              Party.PSYCHIATRIST, Party.OUTPATIENT_PROVIDER}));
        }
        e.addContacts(c.build());
      }
    }

    private void documents(ImmutableEpisode.Builder e) {
      LocalDate admissionDay = day(admitted);
      int n = 0;
      n = doc(e, n, DocumentKind.ASSESSMENT, admissionDay.plusDays(random.nextInt(3)), assessmentElements());
      if (service == ServiceType.IOP) {
        n = doc(e, n, DocumentKind.PSYCHIATRIC_ADMISSION_REVIEW, admissionDay.plusDays(random.nextInt(2)),
            EnumSet.of(ContentElement.MENTAL_STATUS_EXAM, ContentElement.DIAGNOSIS_AND_FORMULATION));
        n = doc(e, n, DocumentKind.PROVISIONAL_TREATMENT_PLAN, admissionDay,
            EnumSet.of(ContentElement.MEASURABLE_GOALS_WITH_TIME_FRAMES));
      }
      if (service == ServiceType.CSP) {
        n = doc(e, n, DocumentKind.NEEDS_ASSESSMENT, admissionDay.plusDays(random.nextInt(5)),
            subset(new ContentElement[] {ContentElement.HOUSING, ContentElement.FOOD_SECURITY,
                ContentElement.FINANCES, ContentElement.HEALTH_CARE, ContentElement.TRANSPORTATION,
                ContentElement.SOCIAL_SUPPORTS, ContentElement.OCCUPATIONAL_AND_EDUCATION}, 4, 7));
        n = doc(e, n, DocumentKind.CRISIS_PREVENTION_PLAN, admissionDay.plusDays(random.nextInt(10)),
            EnumSet.of(ContentElement.CRISIS_PREVENTION, ContentElement.EMERGENCY_AND_CRISIS_INFORMATION));
      }
      if (service != ServiceType.RC && service != ServiceType.CSP) {
        n = doc(e, n, DocumentKind.TREATMENT_PLAN, admissionDay.plusDays(2 + random.nextInt(6)),
            subset(new ContentElement[] {ContentElement.MEASURABLE_GOALS_WITH_TIME_FRAMES,
                ContentElement.PEER_AND_RECOVERY_SUPPORTS, ContentElement.MEDICATION_EVALUATION_AND_MANAGEMENT,
                ContentElement.COUNSELING_MIX, ContentElement.STATE_AGENCY_INVOLVEMENT,
                ContentElement.DISCHARGE_AND_AFTERCARE_PLAN, ContentElement.STRENGTHS}, 5, 7));
      } else {
        n = doc(e, n, DocumentKind.CONSENT, admissionDay, EnumSet.noneOf(ContentElement.class));
      }
      if (random.nextBoolean()) {
        n = doc(e, n, DocumentKind.SAFETY_PLAN, admissionDay.plusDays(random.nextInt(14)),
            EnumSet.of(ContentElement.SAFETY_PLANNING));
      }
      boolean withDischargePlan = discharged && random.nextInt(8) != 0;
      int notes = DOCUMENTS - n - (withDischargePlan ? 1 : 0);
      long stayDays = Math.max(1, Duration.between(admitted, end).toDays());
      for (int i = 0; i < notes; i++) {
        n = doc(e, n, DocumentKind.PROGRESS_NOTE, admissionDay.plusDays(1 + stayDays * i / Math.max(1, notes)),
            EnumSet.noneOf(ContentElement.class));
      }
      if (withDischargePlan) {
        doc(e, n, service == ServiceType.RRS_PPW ? DocumentKind.AFTERCARE_PLAN : DocumentKind.DISCHARGE_PLAN,
            day(end), subset(new ContentElement[] {ContentElement.REFERRALS,
                ContentElement.APPOINTMENT_TIMES_AND_LOCATIONS, ContentElement.MEDICATION_INFORMATION,
                ContentElement.EMERGENCY_AND_CRISIS_INFORMATION, ContentElement.CRISIS_PREVENTION,
                ContentElement.STABLE_SAFE_LIVING_SITUATION, ContentElement.SOCIAL_SUPPORTS}, 5, 7));
      }
    }

    private Set<ContentElement> assessmentElements() {
      ContentElement[] all = {ContentElement.HISTORY_OF_PRESENTING_PROBLEM,
          ContentElement.CHIEF_COMPLAINTS_AND_SYMPTOMS, ContentElement.PAST_BH_SUD_HISTORY,
          ContentElement.PAST_MEDICAL_HISTORY, ContentElement.FAMILY_SOCIAL_LINGUISTIC_CULTURAL_BACKGROUND,
          ContentElement.CURRENT_SUBSTANCE_USE, ContentElement.MENTAL_STATUS_EXAM,
          ContentElement.MEDICATION_TRIALS_CURRENT_MEDICATIONS_ALLERGIES, ContentElement.DIAGNOSIS_AND_FORMULATION,
          ContentElement.LEVEL_OF_FUNCTIONING, ContentElement.STRENGTHS, ContentElement.NAME_OF_PCP,
          ContentElement.TRAUMA_SCREENING};
      Set<ContentElement> s = subset(all, 10, all.length);
      if (pregnantOrPostpartum) {
        s.addAll(subset(new ContentElement[] {ContentElement.LACTATION,
            ContentElement.MEDICATIONS_IN_PREGNANCY_OR_POSTPARTUM, ContentElement.MOOD_AND_ANXIETY_DISORDERS,
            ContentElement.NEWBORN_CARE_SUPPORTS, ContentElement.PREGNANCY_SERVICES_UTILIZATION}, 3, 5));
      }
      return s;
    }

    private int doc(ImmutableEpisode.Builder e, int n, DocumentKind kind, LocalDate date, Set<ContentElement> elements) {
      LocalDate last = day(end);
      if (date.isAfter(last)) {
        date = last;
      }
      ImmutableDocument.Builder d = Document.builder()
          .id("d" + (n + 1))
          .kind(kind)
          .date(date)
          .elements(elements)
          .addStaffSignatures(staffPrefix + "0" + (1 + random.nextInt(3)));
      boolean plan = kind == DocumentKind.TREATMENT_PLAN || kind == DocumentKind.DISCHARGE_PLAN
          || kind == DocumentKind.AFTERCARE_PLAN || kind == DocumentKind.CRISIS_PREVENTION_PLAN
          || kind == DocumentKind.SAFETY_PLAN || kind == DocumentKind.PROVISIONAL_TREATMENT_PLAN;
      if (plan) {
        d.addDevelopedWith(Party.MEMBER);
        if (random.nextBoolean()) {
          d.addDevelopedWith(pick(new Party[] {Party.FAMILY, Party.PCC, Party.OUTPATIENT_PROVIDER}));
        }
        if (random.nextInt(8) != 0) {
          d.memberSignedOn(date);
        } else if (random.nextBoolean()) {
          d.memberRefusedToSign(true);
        }
      }
      if (kind == DocumentKind.DISCHARGE_PLAN || kind == DocumentKind.AFTERCARE_PLAN) {
        if (random.nextInt(6) != 0) {
          d.addGivenTo(Party.MEMBER).givenOn(date);
        }
        if (random.nextBoolean()) {
          d.addForwardedTo(Party.PCC);
        }
      }
      e.addDocuments(d.build());
      return n + 1;
    }

    private void appointments(ImmutableEpisode.Builder e) {
      AppointmentKind[] kinds = switch (service) {
        case ESOAP, RRS_PPW -> new AppointmentKind[] {AppointmentKind.PRENATAL, AppointmentKind.OBSTETRIC,
            AppointmentKind.PRIMARY_CARE, AppointmentKind.PEDIATRIC, AppointmentKind.MENTAL_HEALTH,
            AppointmentKind.POSTPARTUM};
        case IOP -> new AppointmentKind[] {AppointmentKind.AFTERCARE, AppointmentKind.PSYCHIATRIC_AFTERCARE,
            AppointmentKind.PRIMARY_CARE};
        case CSP -> new AppointmentKind[] {AppointmentKind.INITIAL, AppointmentKind.PSYCHIATRIC_AFTERCARE,
            AppointmentKind.DENTAL, AppointmentKind.PRIMARY_CARE};
        case RC -> new AppointmentKind[] {AppointmentKind.MEDICAL, AppointmentKind.PRIMARY_CARE,
            AppointmentKind.MENTAL_HEALTH, AppointmentKind.PEDIATRIC, AppointmentKind.PRENATAL};
      };
      for (int i = 0; i < APPOINTMENTS; i++) {
        Instant scheduled = during();
        Instant at = scheduled.plus(Duration.ofDays(1 + random.nextInt(20)));
        var a = Appointment.builder()
            .id("a" + (i + 1))
            .kind(i == 0 && service == ServiceType.CSP ? AppointmentKind.INITIAL : pick(kinds))
            .scheduledAt(scheduled)
            .at(at);
        if (!at.isAfter(AS_OF) && random.nextInt(4) != 0) {
          boolean kept = random.nextInt(5) != 0;
          a.kept(kept);
          if (kept && random.nextBoolean()) {
            Instant verified = at.plus(Duration.ofHours(2 + random.nextInt(48)));
            if (!verified.isAfter(AS_OF)) {
              a.keptVerifiedAt(verified);
            }
          }
        }
        if (service == ServiceType.RRS_PPW) {
          a.assistedByProgram(random.nextInt(5) != 0);
        }
        e.addAppointments(a.build());
      }
    }

    private void consultations(ImmutableEpisode.Builder e) {
      List<ConsultationKind> kinds = switch (service) {
        case ESOAP -> List.of(ConsultationKind.MEDICAL, ConsultationKind.OBSTETRIC);
        case RRS_PPW -> parenting ? List.of(ConsultationKind.PEDIATRIC) : List.of();
        case IOP -> random.nextBoolean() ? List.of(ConsultationKind.PSYCHIATRIC) : List.of();
        case CSP, RC -> List.of();
      };
      int i = 0;
      for (ConsultationKind kind : kinds) {
        if (random.nextInt(8) == 0) {
          continue;
        }
        Instant arranged = admitted.plus(Duration.ofHours(2 + random.nextInt(60)));
        if (arranged.isAfter(end)) {
          arranged = end;
        }
        var k = Consultation.builder().id("k" + (++i)).kind(kind).arrangedAt(arranged);
        Instant when = arranged.plus(Duration.ofDays(1 + random.nextInt(6)));
        k.scheduledFor(when);
        if (!when.isAfter(AS_OF)) {
          k.completed(random.nextInt(6) != 0);
        }
        e.addConsultations(k.build());
      }
    }

    private void referralsAndNeeds(ImmutableEpisode.Builder e) {
      ServiceCategory[] targets = switch (service) {
        case ESOAP -> new ServiceCategory[] {ServiceCategory.OBSTETRIC_PROVIDER, ServiceCategory.WIC_NUTRITION,
            ServiceCategory.HOME_VISITING, ServiceCategory.TRANSPORTATION, ServiceCategory.LACTATION_SUPPORT,
            ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH, ServiceCategory.DIAPER_BANK, ServiceCategory.HOUSING};
        case RRS_PPW -> new ServiceCategory[] {ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT,
            ServiceCategory.PRENATAL_CARE, ServiceCategory.WIC_NUTRITION, ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH,
            ServiceCategory.EARLY_INTERVENTION, ServiceCategory.PRIMARY_HEALTH, ServiceCategory.PEDIATRICS,
            ServiceCategory.HOUSING, ServiceCategory.CHILDCARE, ServiceCategory.HIV_HEPATITIS_STI_TESTING};
        case IOP -> new ServiceCategory[] {ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH, ServiceCategory.PSYCHIATRY,
            ServiceCategory.PEER_SUPPORT, ServiceCategory.CRISIS_SERVICES, ServiceCategory.TRANSPORTATION};
        case CSP -> new ServiceCategory[] {ServiceCategory.PSYCHIATRY, ServiceCategory.HOUSING,
            ServiceCategory.BENEFITS, ServiceCategory.PEER_SUPPORT, ServiceCategory.DENTIST, ServiceCategory.PCC,
            ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH, ServiceCategory.EMPLOYMENT};
        case RC -> new ServiceCategory[] {ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT,
            ServiceCategory.SELF_HELP, ServiceCategory.HOUSING, ServiceCategory.BENEFITS,
            ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH, ServiceCategory.PEDIATRICS, ServiceCategory.WIC_NUTRITION};
      };
      Set<ServiceCategory> needs = subset(targets, 2, 5);
      e.serviceNeeds(needs);
      int i = 0;
      for (ServiceCategory target : needs) {
        if (random.nextInt(6) == 0) {
          continue; // a need with no referral
        }
        Instant at = admitted.plus(Duration.ofHours(4 + random.nextInt(24 * 10)));
        if (at.isAfter(end)) {
          at = end;
        }
        var r = Referral.builder().id("r" + (++i)).target(target).at(at).memberConsented(random.nextInt(10) != 0);
        if (service != ServiceType.RRS_PPW && service != ServiceType.IOP) {
          r.outcome(pick(ReferralOutcome.values()));
          Instant followed = at.plus(Duration.ofDays(1 + random.nextInt(10)));
          if (!followed.isAfter(AS_OF) && random.nextInt(4) != 0) {
            r.followedUpAt(followed);
          }
        }
        e.addReferralsMade(r.build());
      }
      if (service == ServiceType.ESOAP || service == ServiceType.RRS_PPW || service == ServiceType.CSP) {
        Topic[] counselling = service == ServiceType.CSP
            ? new Topic[] {Topic.DAILY_LIVING_SKILLS, Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS, Topic.BUDGETING}
            : new Topic[] {Topic.PRENATAL_CARE, Topic.NUTRITION, Topic.BREASTFEEDING, Topic.HIV_AIDS,
                Topic.NEONATAL_ABSTINENCE_SYNDROME, Topic.SMOKING_EFFECTS, Topic.FAMILY_PLANNING,
                Topic.INFECTIOUS_DISEASE_TESTING, Topic.HEPATITIS_C_TESTING};
        e.counselingNeeds(subset(counselling, 1, 4));
      }
    }

    private void plans(ImmutableEpisode.Builder e, LocalDate admissionDay) {
      if (service == ServiceType.RC) {
        LocalDate created = admissionDay.plusDays(2 + random.nextInt(12));
        e.wellnessPlan(WellnessPlan.builder()
            .id("wp-1")
            .createdOn(created)
            .createdInPerson(random.nextInt(8) != 0)
            .memberDirected(true)
            .addGoals("Attend two mutual-aid meetings a week", "Keep every medication appointment")
            .lastUpdatedOn(created.plusDays(20 + random.nextInt(20)).isAfter(day(end)) ? created
                : created.plusDays(20 + random.nextInt(20)))
            .build());
        if (pregnantOrPostpartum || parenting) {
          e.planOfSafeCare(WellnessPlan.builder()
              .id("posc-1")
              .createdOn(created.plusDays(random.nextInt(7)))
              .createdInPerson(true)
              .memberDirected(true)
              .addGoals("Well-child visits kept")
              .needsIdentified(subset(new ServiceCategory[] {ServiceCategory.WIC_NUTRITION,
                  ServiceCategory.EARLY_INTERVENTION, ServiceCategory.PEDIATRICS, ServiceCategory.HOUSING}, 1, 3))
              .build());
        }
      }
      if (service == ServiceType.CSP) {
        LocalDate completed = admissionDay.plusDays(3 + random.nextInt(14));
        var plan = ServicePlan.builder()
            .id("sp-1")
            .completedOn(completed)
            .addProblemsAndNeeds("Unstable housing", "Missed psychiatric appointments")
            .addStrengths("Supportive sister", "Motivated to keep an apartment")
            .addGoals(Goal.builder().description("Attend 4 of 4 psychiatric appointments").measurable(true)
                .targetDate(completed.plusDays(90)).build())
            .addGoals(Goal.builder().description("Sign a lease").measurable(random.nextInt(4) != 0).build())
            .addInterventions("Housing search", "Appointment reminders")
            .addStaffResponsibilities(staffPrefix + "01 (case manager): housing")
            .addStaffSignatures(staffPrefix + "01")
            .addDevelopedWith(Party.MEMBER);
        LocalDate reviewed = completed.plusDays(25 + random.nextInt(10));
        if (!reviewed.isAfter(day(end))) {
          plan.addReviews(PlanReview.builder().reviewedOn(reviewed).revised(random.nextBoolean()).build());
          plan.lastReviewedOn(reviewed);
        } else {
          plan.lastReviewedOn(completed);
        }
        e.servicePlan(plan.build());
      }
    }

    /** An instant between admission and the end of the stay. */
    private Instant during() {
      long minutes = Math.max(1, Duration.between(admitted, end).toMinutes());
      return admitted.plus(Duration.ofMinutes((long) (random.nextDouble() * minutes)));
    }

    private static Instant at(LocalDate day, int hour, int minute) {
      return ZonedDateTime.of(day.atTime(hour, minute), NY).toInstant();
    }

    private static LocalDate day(Instant instant) {
      return instant.atZone(NY).toLocalDate();
    }

    private <T> T pick(T[] values) {
      return values[random.nextInt(values.length)];
    }

    /** Between {@code min} and {@code max} distinct values, in the array's order. */
    private <T extends Enum<T>> Set<T> subset(T[] values, int min, int max) {
      int n = min + random.nextInt(Math.min(max, values.length) - min + 1);
      boolean[] chosen = new boolean[values.length];
      int left = n;
      while (left > 0) {
        int i = random.nextInt(values.length);
        if (!chosen[i]) {
          chosen[i] = true;
          left--;
        }
      }
      Set<T> out = EnumSet.noneOf(values[0].getDeclaringClass());
      for (int i = 0; i < values.length; i++) {
        if (chosen[i]) {
          out.add(values[i]);
        }
      }
      return out;
    }

    private <T extends Enum<T>> Set<T> subset(Set<T> values, int min, int max) {
      @SuppressWarnings("unchecked")
      T[] array = (T[]) values.toArray(new Enum<?>[0]);
      return subset(array, min, max);
    }
  }
}
