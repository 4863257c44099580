package org.perfspecs.testkit;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.BusinessCalendar;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.EducationLevel;
import org.perfspecs.model.Goal;
import org.perfspecs.model.Incident;
import org.perfspecs.model.License;
import org.perfspecs.model.Location;
import org.perfspecs.model.OnCallArrangement;
import org.perfspecs.model.OpeningHours;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Party;
import org.perfspecs.model.PlanReview;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.QualityPlan;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.Topic;
import org.perfspecs.model.Training;
import org.perfspecs.model.TrainingTopic;
import org.perfspecs.model.WellnessPlan;

/**
 * Arbitraries for the parts of an episode and of a program, each valid by construction and dated
 * within a window: {@code contacts(from, to)} are stamped between {@code from} and {@code to},
 * {@code documents(first, last)} dated between two dates (New York), and so on. {@link Episodes}
 * and {@link Programs} assemble them; use them directly to build records of your own.
 *
 * <p>Lists come with ids unique within their list and a prefix per list ({@code c-}, {@code d-},
 * {@code cons-}, {@code a-}, {@code rm-}, {@code inc-}), so an episode's record ids never collide.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Parts {
  private Parts() {}

  /** Instants from {@code from} to {@code to} inclusive, at whole minutes after {@code from}. */
  public static Arbitrary<Instant> between(Instant from, Instant to) {
    long minutes = Math.max(0, Duration.between(from, to).toMinutes());
    return Arbitraries.longs().between(0, minutes).map(m -> from.plus(Duration.ofMinutes(m)));
  }

  /** Dates from {@code first} to {@code last} inclusive. */
  public static Arbitrary<LocalDate> dates(LocalDate first, LocalDate last) {
    long days = Math.max(0, ChronoUnit.DAYS.between(first, last));
    return Arbitraries.longs().between(0, days).map(first::plusDays);
  }

  /** Up to {@code max} contacts stamped from {@code from} to {@code to}, of every kind and mode. */
  public static Arbitrary<List<Contact>> contacts(Instant from, Instant to, int max) {
    Arbitrary<Contact> one = Combinators.combine(between(from, to), Arbitraries.of(ContactMode.class),
            Arbitraries.of(ContactKind.class), Arbitraries.of(Topic.class).set().ofMaxSize(3),
            Arbitraries.of(true, true, true, false), Arbitraries.of(Party.class).set().ofMaxSize(2),
            Arbitraries.integers().between(5, 120))
        .as((at, mode, kind, topics, engaged, parties, minutes) -> Contact.builder().id("-").at(at).mode(mode)
            .kind(kind).topics(topics).memberEngaged(engaged && kind != ContactKind.OUTREACH_ATTEMPT)
            .parties(parties).minutes(mode == ContactMode.TEXT ? 0 : minutes).build());
    return numbered(one.list().ofMaxSize(max), "c-", (c, id) -> org.perfspecs.model.ImmutableContact.copyOf(c).withId(id));
  }

  /** Up to {@code max} documents dated from {@code first} to {@code last}, of every kind. */
  public static Arbitrary<List<Document>> documents(LocalDate first, LocalDate last, int max) {
    Arbitrary<Document> one = Combinators.combine(dates(first, last), Arbitraries.of(DocumentKind.class),
            Arbitraries.of(ContentElement.class).set().ofMaxSize(6), Arbitraries.of(Party.class).set().ofMaxSize(3),
            Arbitraries.integers().between(-1, 14), Arbitraries.integers().between(0, 2),
            Arbitraries.of(Party.class).set().ofMaxSize(2))
        .as((date, kind, elements, with, signedAfter, signatures, given) -> {
          var b = Document.builder().id("-").kind(kind).date(date).elements(elements).developedWith(with)
              .givenTo(given);
          if (signedAfter >= 0) {
            b.memberSignedOn(date.plusDays(signedAfter));
          }
          if (!given.isEmpty()) {
            b.givenOn(date);
          }
          for (int i = 0; i < signatures; i++) {
            b.addStaffSignatures("staff-" + (i + 1));
          }
          return b.build();
        });
    return numbered(one.list().ofMaxSize(max), "d-", (d, id) -> org.perfspecs.model.ImmutableDocument.copyOf(d).withId(id));
  }

  /** Up to {@code max} consultations arranged from {@code from} to {@code to}. */
  public static Arbitrary<List<Consultation>> consultations(Instant from, Instant to, int max) {
    Arbitrary<Consultation> one = Combinators.combine(between(from, to), Arbitraries.of(ConsultationKind.class),
            Arbitraries.integers().between(-1, 14 * 24), Arbitraries.of(Optional.<Boolean>empty(), Optional.of(true), Optional.of(false)))
        .as((at, kind, hoursToVisit, completed) -> {
          var b = Consultation.builder().id("-").kind(kind).arrangedAt(at).completed(completed);
          if (hoursToVisit >= 0) {
            b.scheduledFor(at.plus(Duration.ofHours(hoursToVisit)));
          }
          return b.build();
        });
    return numbered(one.list().ofMaxSize(max), "cons-", (c, id) -> org.perfspecs.model.ImmutableConsultation.copyOf(c).withId(id));
  }

  /**
   * Up to {@code max} documented refusals of consent from {@code from} to {@code to}: by the member
   * or a guardian, for up to two parties and one kind of referral (both empty: a refusal of
   * everything).
   *
   * @since 0.2
   */
  public static Arbitrary<List<org.perfspecs.model.ConsentRefusal>> consentRefusals(Instant from, Instant to, int max) {
    Arbitrary<org.perfspecs.model.ConsentRefusal> one = Combinators.combine(between(from, to),
            Arbitraries.of(Party.MEMBER, Party.GUARDIAN), Arbitraries.of(Party.class).set().ofMaxSize(2),
            Arbitraries.of(ServiceCategory.class).set().ofMaxSize(1))
        .as((at, by, parties, referrals) -> org.perfspecs.model.ConsentRefusal.builder().id("-").refusedBy(by).at(at)
            .parties(parties).referrals(referrals).build());
    return numbered(one.list().ofMaxSize(max), "cr-",
        (r, id) -> org.perfspecs.model.ImmutableConsentRefusal.copyOf(r).withId(id));
  }

  /**
   * Up to {@code max} determinations from {@code from} to {@code to} that a kind of consultation
   * or of service is, or is not, necessary, by a staff id.
   *
   * @since 0.2
   */
  public static Arbitrary<List<org.perfspecs.model.NecessityDetermination>> necessityDeterminations(Instant from, Instant to,
      int max) {
    Arbitrary<org.perfspecs.model.NecessityDetermination> one = Combinators.combine(between(from, to),
            Arbitraries.of(ConsultationKind.class).optional(), Arbitraries.of(ServiceCategory.class),
            Arbitraries.of(true, false), Arbitraries.of("s-1", "s-2"))
        .as((at, consultation, service, necessary, by) -> {
          var b = org.perfspecs.model.NecessityDetermination.builder().id("-").necessary(necessary).assessedBy(by).at(at);
          return (consultation.isPresent() ? b.consultation(consultation.get()) : b.service(service)).build();
        });
    return numbered(one.list().ofMaxSize(max), "nd-",
        (d, id) -> org.perfspecs.model.ImmutableNecessityDetermination.copyOf(d).withId(id));
  }

  /** Up to {@code max} appointments booked from {@code from} to {@code to}, each 0 to 30 days ahead. */
  public static Arbitrary<List<Appointment>> appointments(Instant from, Instant to, int max) {
    Arbitrary<Appointment> one = Combinators.combine(between(from, to), Arbitraries.of(AppointmentKind.class),
            Arbitraries.integers().between(0, 30 * 24), Arbitraries.of(Optional.<Boolean>empty(), Optional.of(true), Optional.of(false)),
            Arbitraries.of(true, false), Arbitraries.integers().between(-1, 72))
        .as((booked, kind, hoursAhead, kept, assisted, verifiedAfter) -> {
          Instant at = booked.plus(Duration.ofHours(hoursAhead));
          var b = Appointment.builder().id("-").kind(kind).scheduledAt(booked).at(at).kept(kept).assistedByProgram(assisted);
          if (kept.isPresent() && verifiedAfter >= 0) {
            b.keptVerifiedAt(at.plus(Duration.ofHours(verifiedAfter)));
          }
          return b.build();
        });
    return numbered(one.list().ofMaxSize(max), "a-", (a, id) -> org.perfspecs.model.ImmutableAppointment.copyOf(a).withId(id));
  }

  /** Up to {@code max} referrals made out of the service from {@code from} to {@code to}. */
  public static Arbitrary<List<Referral>> referralsMade(Instant from, Instant to, int max) {
    Arbitrary<Referral> one = Combinators.combine(between(from, to), Arbitraries.of(ServiceCategory.class),
            Arbitraries.of(Optional.<Boolean>empty(), Optional.of(true), Optional.of(false)),
            Arbitraries.of(ReferralOutcome.class).optional(), Arbitraries.integers().between(-1, 30 * 24))
        .as((at, target, consented, outcome, followUpHours) -> {
          var b = Referral.builder().id("-").target(target).at(at).memberConsented(consented).outcome(outcome);
          if (followUpHours >= 0) {
            b.followedUpAt(at.plus(Duration.ofHours(followUpHours)));
          }
          return b.build();
        });
    return numbered(one.list().ofMaxSize(max), "rm-", (r, id) -> org.perfspecs.model.ImmutableReferral.copyOf(r).withId(id));
  }

  /** Up to {@code max} incidents from {@code from} to {@code to}, reportable or not, reported or not. */
  public static Arbitrary<List<Incident>> incidents(Instant from, Instant to, int max) {
    Arbitrary<Incident> one = Combinators.combine(between(from, to), Arbitraries.of(true, false),
            Arbitraries.integers().between(-1, 72 * 60))
        .as((at, reportable, reportedAfter) -> {
          var b = Incident.builder().id("-").occurredAt(at).reportable(reportable);
          if (reportedAfter >= 0) {
            b.reportedAt(at.plus(Duration.ofMinutes(reportedAfter)));
          }
          return b.build();
        });
    return numbered(one.list().ofMaxSize(max), "inc-", (i, id) -> org.perfspecs.model.ImmutableIncident.copyOf(i).withId(id));
  }

  /** A wellness plan (or Plan of Safe Care) created from {@code first} to {@code last}, maybe updated later. */
  public static Arbitrary<WellnessPlan> wellnessPlans(LocalDate first, LocalDate last) {
    return Combinators.combine(dates(first, last), Arbitraries.of(true, false), Arbitraries.of(true, false),
            Arbitraries.of("reduce use", "stable housing", "prenatal visits", "return to work").list().ofMaxSize(3),
            Arbitraries.of(ServiceCategory.class).set().ofMaxSize(4), Arbitraries.integers().between(-1, 120))
        .as((created, inPerson, directed, goals, needs, updatedAfter) -> {
          var b = WellnessPlan.builder().id("wp-1").createdOn(created).createdInPerson(inPerson).memberDirected(directed)
              .goals(goals).needsIdentified(needs);
          if (updatedAfter >= 0) {
            b.lastUpdatedOn(created.plusDays(updatedAfter));
          }
          return b.build();
        });
  }

  /** A service plan completed from {@code first} to {@code last}, with goals and reviews after it. */
  public static Arbitrary<ServicePlan> servicePlans(LocalDate first, LocalDate last) {
    Arbitrary<Goal> goals = Combinators.combine(Arbitraries.of("abstinence", "employment", "housing", "parenting"),
            Arbitraries.of(true, false), Arbitraries.integers().between(-1, 180))
        .as((d, measurable, inDays) -> {
          var b = Goal.builder().description(d).measurable(measurable);
          if (inDays >= 0) {
            b.targetDate(last.plusDays(inDays));
          }
          return b.build();
        });
    Arbitrary<List<Integer>> reviews = Arbitraries.integers().between(1, 365).list().ofMaxSize(4);
    return Combinators.combine(dates(first, last), goals.list().ofMaxSize(4), Arbitraries.of(Party.class).set().ofMaxSize(3),
            reviews, Arbitraries.of(true, false), Arbitraries.integers().between(0, 2))
        .as((completed, gs, with, reviewDays, full, signatures) -> {
          var b = ServicePlan.builder().id("sp-1").completedOn(completed).goals(gs).developedWith(with);
          if (full) {
            b.addProblemsAndNeeds("substance use").addStrengths("motivated").addInterventions("weekly counseling")
                .addStaffResponsibilities("clinician: counseling");
          }
          for (int i = 0; i < signatures; i++) {
            b.addStaffSignatures("staff-" + (i + 1));
          }
          LocalDate lastReview = null;
          for (int days : reviewDays.stream().sorted().distinct().toList()) {
            lastReview = completed.plusDays(days);
            b.addReviews(PlanReview.builder().reviewedOn(lastReview).revised(days % 2 == 0).build());
          }
          if (lastReview != null) {
            b.lastReviewedOn(lastReview);
          }
          return b.build();
        });
  }

  /** A named care provider (PCC, obstetric provider, dentist). */
  public static Arbitrary<CareProvider> careProviders() {
    return Combinators.combine(Arbitraries.of("Dr. Lee", "Harbor Health", "Dr. Okafor", "Family Dental"),
            Arbitraries.strings().numeric().ofLength(10).optional())
        .as((name, npi) -> CareProvider.builder().name(name).identifier(npi).build());
  }

  // ---- program parts

  /** A license (Massachusetts or not), maybe held by the parent organization, maybe expiring. */
  public static Arbitrary<License> licenses(LocalDate around) {
    return Combinators.combine(Arbitraries.of("DPH BSAS", "DMH", "DPH"), Arbitraries.of("105 CMR 164", "clinic", "outpatient"),
            Arbitraries.of(true, false), Arbitraries.of(true, true, false), Arbitraries.integers().between(-400, 800))
        .as((issuer, kind, parent, ma, days) -> License.builder().issuer(issuer).kind(kind).heldByParentOrganization(parent)
            .massachusetts(ma).validThrough(days < -300 ? Optional.empty() : Optional.of(around.plusDays(days))).build());
  }

  /** Opening hours on one day: opens on the hour or half hour between 06:00 and 12:00, for 1 to 11 hours. */
  public static Arbitrary<OpeningHours> openingHours() {
    return Combinators.combine(Arbitraries.of(DayOfWeek.class), Arbitraries.integers().between(12, 24),
            Arbitraries.integers().between(2, 22))
        .as((day, opensHalfHours, lengthHalfHours) -> {
          LocalTime opens = LocalTime.MIDNIGHT.plusMinutes(30L * opensHalfHours);
          LocalTime closes = opens.plusMinutes(30L * lengthHalfHours);
          return OpeningHours.builder().day(day).opens(opens).closes(closes).build();
        });
  }

  /** Up to {@code max} locations, in Massachusetts or not, with opening hours. */
  public static Arbitrary<List<Location>> locations(int max) {
    Arbitrary<Location> one = Combinators.combine(Arbitraries.of(true, true, false), openingHours().list().ofMaxSize(7),
            Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((ma, hours, onsite, community) -> Location.builder().id("-").inMassachusetts(ma).hours(hours)
            .onsiteServices(onsite).communityServices(community).build());
    return numbered(one.list().ofMaxSize(max), "loc-", (l, id) -> org.perfspecs.model.ImmutableLocation.copyOf(l).withId(id));
  }

  /** An on-call arrangement. */
  public static Arbitrary<OnCallArrangement> onCallArrangements() {
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((covers, triages) -> OnCallArrangement.builder().coversClosedHours(covers).triagesAndRefers(triages).build());
  }

  /** Trainings completed from {@code first} to {@code last}. */
  public static Arbitrary<Training> trainings(LocalDate first, LocalDate last) {
    return Combinators.combine(Arbitraries.of(TrainingTopic.class), dates(first, last), Arbitraries.of(true, false))
        .as((topic, on, approved) -> Training.builder().topic(topic).completedOn(on).eohhsApproved(approved).build());
  }

  /** Up to {@code max} staff members (unique ids), trained between {@code first} and {@code last}. */
  public static Arbitrary<List<StaffMember>> staff(LocalDate first, LocalDate last, int max) {
    Arbitrary<StaffMember> one = Combinators.combine(Arbitraries.of(StaffRole.class).set().ofMinSize(1).ofMaxSize(2),
            Arbitraries.of("LICSW", "LMHC", "CADC", "LADC I", "RN", "MD", "CARC").set().ofMaxSize(2),
            Arbitraries.of(EducationLevel.class).optional(), Arbitraries.integers().between(0, 25),
            Arbitraries.of(true, false), trainings(first, last).list().ofMaxSize(5), Arbitraries.of(true, false))
        .as((roles, credentials, education, years, lived, trainings, supervised) -> {
          var b = StaffMember.builder().id("-").roles(roles).credentials(credentials).education(education)
              .relevantExperienceYears(years).livedExperience(lived).trainings(trainings);
          if (supervised) {
            b.supervisorId("s-1");
          }
          return b.build();
        });
    return numbered(one.list().ofMaxSize(max), "s-", (s, id) -> org.perfspecs.model.ImmutableStaffMember.copyOf(s).withId(id));
  }

  /** Up to {@code max} agreements signed from {@code first} to {@code last}, maybe expiring. */
  public static Arbitrary<List<Agreement>> agreements(LocalDate first, LocalDate last, int max) {
    Arbitrary<Agreement> one = Combinators.combine(Arbitraries.of(AgreementKind.class), Arbitraries.of(PartnerCategory.class),
            Arbitraries.of("Harbor Health", "County Hospital", "Recovery Center", "Shelter Network"),
            Arbitraries.of(ProcedureKind.class).set().ofMaxSize(3), dates(first, last), Arbitraries.integers().between(-1, 1000))
        .as((kind, partner, name, processes, signed, expiresAfter) -> Agreement.builder().id("-").kind(kind)
            .partnerCategory(partner).partnerName(name).processes(processes).signedOn(signed)
            .expiresOn(expiresAfter < 0 ? Optional.empty() : Optional.of(signed.plusDays(expiresAfter))).build());
    return numbered(one.list().ofMaxSize(max), "ag-", (a, id) -> org.perfspecs.model.ImmutableAgreement.copyOf(a).withId(id));
  }

  /** A quality plan adopted from {@code first} to {@code last}. */
  public static Arbitrary<QualityPlan> qualityPlans(LocalDate first, LocalDate last) {
    return Combinators.combine(dates(first, last), Arbitraries.of(true, false), Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as((adopted, improvement, outcomes, surveys) -> QualityPlan.builder().adoptedOn(adopted)
            .continuousImprovement(improvement).outcomeMeasures(outcomes).satisfactionSurveys(surveys).build());
  }

  /** Attestations of the given requirement ids, dated from {@code first} to {@code last}. */
  public static Arbitrary<Attestation> attestations(List<String> requirementIds, LocalDate first, LocalDate last) {
    return Combinators.combine(Arbitraries.of(requirementIds), Arbitraries.of("Program director", "QM lead"), dates(first, last))
        .as((id, by, on) -> Attestation.builder().requirementId(id).attestedBy(by).attestedOn(on).build());
  }

  /** Weekly-ish capacity update dates from {@code first} to {@code last}: gaps of 1 to 10 days. */
  public static Arbitrary<List<LocalDate>> capacityUpdates(LocalDate first, LocalDate last) {
    return Arbitraries.integers().between(1, 10).list().ofMaxSize(60).map(gaps -> {
      List<LocalDate> out = new ArrayList<>();
      LocalDate d = first;
      for (int gap : gaps) {
        if (d.isAfter(last)) {
          break;
        }
        out.add(d);
        d = d.plusDays(gap);
      }
      return out;
    });
  }

  static LocalDate dateOf(Instant t) {
    return t.atZone(BusinessCalendar.NEW_YORK).toLocalDate();
  }

  private static <T> Arbitrary<List<T>> numbered(Arbitrary<List<T>> lists, String prefix, BiFunction<T, String, T> withId) {
    return lists.map(list -> {
      List<T> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(withId.apply(list.get(i), prefix + (i + 1)));
      }
      return out;
    });
  }
}
