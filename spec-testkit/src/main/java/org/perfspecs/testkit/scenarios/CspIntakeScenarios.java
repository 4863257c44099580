package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.Cases.dateOf;
import static org.perfspecs.testkit.scenarios.Cases.endOfDay;
import static org.perfspecs.testkit.scenarios.Cases.startOfDay;
import static org.perfspecs.testkit.scenarios.CspCases.SPAN;
import static org.perfspecs.testkit.scenarios.CspCases.TEN_DAYS;
import static org.perfspecs.testkit.scenarios.CspCases.episode;
import static org.perfspecs.testkit.scenarios.CspCases.later;
import static org.perfspecs.testkit.scenarios.CspCases.referred;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Incident;
import org.perfspecs.model.Party;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.Topic;
import org.perfspecs.testkit.scenarios.CspCases.At;
import org.perfspecs.testkit.scenarios.CspCases.Fact;

/**
 * CSP scenarios with a stated deadline around intake (Components of Service 3, Process
 * specifications 2.a and 2.b.1), incident reports (QM.4) and referral outcomes (2.e).
 */
final class CspIntakeScenarios {
  private static final Trait TIME = Trait.STAYS_MET_AS_TIME_PASSES;
  private static final Trait DOCS = Trait.STAYS_MET_WITH_MORE_DOCUMENTATION;
  private static final Duration H24 = Duration.ofHours(24);
  private static final Duration H48 = Duration.ofHours(48);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private CspIntakeScenarios() {}

  static void register(Registrar r) {
    contactAttempt(r);
    appointmentWithin48Hours(r);
    Set<ReferralSource> notSelf = EnumSet.complementOf(EnumSet.of(ReferralSource.SELF));
    referralSourceContact(r, "CSP.PROC.2.a.1.a", notSelf, Arbitraries.of(ContactKind.class), null);
    Set<ReferralSource> twentyFour = EnumSet.of(ReferralSource.INPATIENT_24_HOUR, ReferralSource.DIVERSIONARY_24_HOUR);
    referralSourceContact(r, "CSP.PROC.2.a.2", twentyFour, Arbitraries.just(ContactKind.TEAM_MEETING),
        Arbitraries.of(ContactKind.class).filter(k -> k != ContactKind.TEAM_MEETING));
    documentAppropriateness(r);
    referralsWhenIneligible(r);
    needsAssessmentWithinTwoWeeks(r);
    incidentsReported(r);
    referralsCompleted(r);
    referralsConnect(r);
  }

  private static Arbitrary<Set<Topic>> anyTopics() {
    return CspCases.topicsWithout(Set.of());
  }

  /** Contacts that are attempts to reach the member: outreach attempts (answered or not), or any contact the member took part in. */
  private static Arbitrary<Fact> attempts() {
    return Arbitraries.oneOf(
        CspCases.contact(Arbitraries.just(ContactKind.OUTREACH_ATTEMPT), Arbitraries.of(true, false),
            CspCases.partiesWithout(Set.of()), anyTopics()),
        CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.just(true), CspCases.partiesWithout(Set.of()),
            anyTopics()));
  }

  /** Contacts with other parties only (not outreach attempts, the member not taking part). */
  private static Arbitrary<Fact> otherPartiesOnly() {
    return CspCases.contact(Arbitraries.of(ContactKind.class).filter(k -> k != ContactKind.OUTREACH_ATTEMPT),
        Arbitraries.just(false), CspCases.partiesWithOneOf(EnumSet.of(Party.REFERRAL_SOURCE, Party.FAMILY, Party.PCC)),
        anyTopics());
  }

  /** COMP.3.1 "Initial contact attempt must be made within 24 hours of the referral". */
  private static void contactAttempt(Registrar r) {
    String id = "CSP.COMP.3.1";
    Arbitrary<CaseRecord> base = CspCases.admitted();
    // Sometimes a contact with other parties only, within the 24 hours: it is not an attempt.
    Arbitrary<CaseRecord> withOthers = Combinators.combine(base, otherPartiesOnly(), CspCases.within(H24), Arbitraries.of(true, false))
        .as((rec, other, by, add) -> add ? other.at(rec, referred(rec).plus(by)) : rec);
    r.meeting(id, Combinators.combine(withOthers, attempts(), CspCases.within(H24), CspCases.within(SPAN))
        .as((rec, attempt, by, wait) -> {
          Instant t = referred(rec).plus(by);
          return Case.of(attempt.at(rec, t), t.plus(wait));
        }));
    Arbitrary<Case> late = Combinators.combine(withOthers, attempts(), CspCases.beyond(H24, TEN_DAYS), CspCases.within(SPAN))
        .as((rec, attempt, by, wait) -> {
          Instant t = referred(rec).plus(by);
          return Case.of(attempt.at(rec, t), t.plus(wait));
        });
    // None by the as-of (past the 24 hours): none at all, one before the referral, or one after the as-of.
    Arbitrary<Case> missing = Combinators.combine(withOthers, attempts(), CspCases.beyond(H24, SPAN), CspCases.within(TEN_DAYS),
            Arbitraries.integers().between(0, 2))
        .as((rec, attempt, off, gap, where) -> {
          Instant asOf = referred(rec).plus(off);
          CaseRecord c = switch (where) {
            case 1 -> attempt.at(rec, referred(rec).minus(gap).minus(MINUTE));
            case 2 -> attempt.at(rec, asOf.plus(gap).plus(MINUTE));
            default -> rec;
          };
          return Case.of(c, asOf);
        });
    r.violating(id, Arbitraries.oneOf(late, missing));
    r.pending(id, Combinators.combine(withOthers, attempts(), CspCases.within(H24), CspCases.within(TEN_DAYS), Arbitraries.of(true, false))
        .as((rec, attempt, off, gap, later) -> {
          Instant asOf = referred(rec).plus(off);
          return Case.of(later ? attempt.at(rec, asOf.plus(gap).plus(MINUTE)) : rec, asOf);
        }));
    r.traits(id, TIME, DOCS);
  }

  /** Contacts the member took part in. */
  private static Arbitrary<Fact> engaged() {
    return CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.just(true), CspCases.partiesWithout(Set.of()),
        anyTopics());
  }

  private static Arbitrary<Fact> notEngaged() {
    return CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.just(false), CspCases.partiesWithout(Set.of()),
        anyTopics());
  }

  /**
   * The initial contact (the first the member took part in, at or after the referral) 0 to 10
   * days after the referral, sometimes after a contact the member did not take part in.
   */
  private static Arbitrary<At> initialContacts() {
    return Combinators.combine(CspCases.admitted(), engaged(), CspCases.within(TEN_DAYS), notEngaged(), CspCases.percents(),
            Arbitraries.of(true, false))
        .as((rec, contact, by, before, percent, addBefore) -> {
          Instant c = referred(rec).plus(by);
          CaseRecord out = contact.at(rec, c);
          if (addBefore) {
            out = before.at(out, CspCases.between(referred(rec), c, percent));
          }
          return new At(out, c);
        });
  }

  /** COMP.3.2 "Initial appointments must be made available within 48 hours of initial contact." */
  private static void appointmentWithin48Hours(Registrar r) {
    String id = "CSP.COMP.3.2";
    AppointmentKind initial = AppointmentKind.INITIAL;
    // Booked between the contact and the appointment, judged once booked (before or after it takes place).
    r.meeting(id, Combinators.combine(initialContacts(), CspCases.within(H48), CspCases.percents(),
            CspCases.within(SPAN), Arbitraries.of(Optional.of(true), Optional.of(false), Optional.<Boolean>empty()))
        .as((at, by, percent, wait, kept) -> {
          Instant appt = at.t().plus(by);
          Instant booked = CspCases.between(at.t(), appt, percent);
          return Case.of(CspCases.appointmentAt(at.record(), initial, booked, appt, kept), booked.plus(wait));
        }));
    Arbitrary<Case> late = Combinators.combine(initialContacts(), CspCases.beyond(H48, TEN_DAYS), CspCases.percents(),
            CspCases.beyond(H48, SPAN))
        .as((at, by, percent, off) -> {
          Instant appt = at.t().plus(by);
          return Case.of(CspCases.appointmentAt(at.record(), initial, CspCases.between(at.t(), appt, percent), appt,
              Optional.empty()), at.t().plus(off));
        });
    Arbitrary<Case> none = Combinators.combine(initialContacts(), CspCases.beyond(H48, SPAN))
        .as((at, off) -> Case.of(at.record(), at.t().plus(off)));
    Arbitrary<Case> otherKind = Combinators.combine(initialContacts(), Arbitraries.of(AppointmentKind.class).filter(k -> k != initial),
            CspCases.within(H48), CspCases.beyond(H48, SPAN))
        .as((at, kind, by, off) -> Case.of(CspCases.appointmentAt(at.record(), kind, at.t(), at.t().plus(by), Optional.empty()),
            at.t().plus(off)));
    r.violating(id, Arbitraries.oneOf(late, none, otherKind));
    // Within the 48 hours, nothing booked yet (or booked only after the as-of).
    r.pending(id, Combinators.combine(initialContacts(), CspCases.within(H48), Arbitraries.of(true, false), CspCases.within(TEN_DAYS),
            CspCases.within(H48))
        .as((at, off, bookLater, gap, lead) -> {
          Instant asOf = at.t().plus(off);
          Instant booked = asOf.plus(gap).plus(MINUTE);
          return Case.of(bookLater ? CspCases.appointmentAt(at.record(), initial, booked, booked.plus(lead), Optional.empty())
              : at.record(), asOf);
        }));
    // No initial contact yet: contacts the member did not take part in, one before the referral, or one after the as-of.
    r.notApplicable(id, Combinators.combine(CspCases.admitted(), engaged(), notEngaged(), CspCases.within(SPAN), CspCases.within(TEN_DAYS),
            Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
        .as((rec, contact, other, off, gap, where, booked) -> {
          Instant ref = referred(rec);
          Instant asOf = ref.plus(off);
          CaseRecord c = switch (where) {
            case 1 -> contact.at(rec, ref.minus(gap).minus(MINUTE));
            case 2 -> contact.at(rec, asOf.plus(gap).plus(MINUTE));
            case 3 -> other.at(rec, CspCases.between(ref, asOf, 50));
            default -> rec;
          };
          return Case.of(booked ? CspCases.appointmentAt(c, initial, ref, ref.plus(gap), Optional.empty()) : c, asOf);
        }));
    r.traits(id, TIME);
  }

  /**
   * PROC.2.a.1.a ("initiate service planning immediately by communicating with the referral
   * source") and PROC.2.a.2 ("participate ... in member discharge planning at the referring
   * provider" for 24-hour levels of care): a contact of {@code kinds} with the referral source, at
   * or after the referral and by the end of the day of admission.
   */
  private static void referralSourceContact(Registrar r, String id, Set<ReferralSource> sources, Arbitrary<ContactKind> kinds,
      Arbitrary<ContactKind> wrongKinds) {
    Arbitrary<CaseRecord> applies = CspCases.referredBy(sources);
    Set<Party> source = EnumSet.of(Party.REFERRAL_SOURCE);
    Arbitrary<Fact> contacts = CspCases.contact(kinds, Arbitraries.of(true, false), CspCases.partiesWithOneOf(source), anyTopics());
    // Contacts without the referral source, or (when only some kinds count) of another kind.
    Arbitrary<Fact> withoutSource = CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.of(true, false),
        CspCases.partiesWithout(source), anyTopics());
    Arbitrary<Fact> nearMisses = wrongKinds == null ? withoutSource : Arbitraries.oneOf(withoutSource,
        CspCases.contact(wrongKinds, Arbitraries.of(true, false), CspCases.partiesWithOneOf(source), anyTopics()));
    r.meeting(id, Combinators.combine(applies, contacts, CspCases.percents(), CspCases.within(SPAN))
        .as((rec, contact, percent, wait) -> {
          Instant t = CspCases.between(referred(rec), endOfDay(dateOf(admission(rec))), percent);
          return Case.of(contact.at(rec, t), later(t, admission(rec)).plus(wait));
        }));
    Arbitrary<Case> late = Combinators.combine(applies, contacts, CspCases.within(TEN_DAYS), CspCases.within(SPAN))
        .as((rec, contact, by, wait) -> {
          Instant t = startOfDay(dateOf(admission(rec)).plusDays(1)).plus(by);
          return Case.of(contact.at(rec, t), t.plus(wait));
        });
    Arbitrary<Case> missing = Combinators.combine(applies, contacts, nearMisses, CspCases.within(SPAN), CspCases.within(TEN_DAYS),
            Arbitraries.integers().between(0, 3), CspCases.percents())
        .as((rec, contact, miss, off, gap, where, percent) -> {
          Instant asOf = startOfDay(dateOf(admission(rec)).plusDays(1)).plus(off);
          CaseRecord c = switch (where) {
            case 1 -> contact.at(rec, referred(rec).minus(gap).minus(MINUTE));
            case 2 -> contact.at(rec, asOf.plus(gap).plus(MINUTE));
            case 3 -> miss.at(rec, CspCases.between(referred(rec), endOfDay(dateOf(admission(rec))), percent));
            default -> rec;
          };
          return Case.of(c, asOf);
        });
    r.violating(id, Arbitraries.oneOf(late, missing));
    r.pending(id, Combinators.combine(applies, contacts, nearMisses, CspCases.percents(), CspCases.within(TEN_DAYS),
            Arbitraries.integers().between(0, 2))
        .as((rec, contact, miss, percent, gap, where) -> {
          Instant asOf = CspCases.between(admission(rec), endOfDay(dateOf(admission(rec))), percent);
          CaseRecord c = switch (where) {
            case 1 -> contact.at(rec, asOf.plus(gap).plus(MINUTE));
            case 2 -> miss.at(rec, referred(rec));
            default -> rec;
          };
          return Case.of(c, asOf);
        }));
    Arbitrary<Case> otherSource = Combinators.combine(CspCases.referredBy(EnumSet.complementOf(EnumSet.copyOf(sources))),
            contacts, CspCases.within(SPAN))
        .as((rec, contact, wait) -> Case.of(contact.at(rec, referred(rec)), admission(rec).plus(wait)));
    r.notApplicable(id, Arbitraries.oneOf(otherSource, CspCases.ineligibleCases(applies, contacts)));
    r.traits(id, TIME, DOCS);
  }

  /** PROC.2.a.1.b "and document appropriateness of services": an intake assessment dated no later than the admission date. */
  private static void documentAppropriateness(Registrar r) {
    String id = "CSP.PROC.2.a.1.b";
    Arbitrary<CaseRecord> base = CspCases.admitted();
    r.meeting(id, Combinators.combine(base, CspCases.days(0, 10), CspCases.within(SPAN), Arbitraries.of(true, false))
        .as((rec, early, wait, second) -> {
          LocalDate day = dateOf(admission(rec));
          CaseRecord c = CspCases.documentOn(rec, day.minusDays(early), DocumentKind.ASSESSMENT, d -> d);
          if (second) {
            c = CspCases.documentOn(c, day.plusDays(early), DocumentKind.ASSESSMENT, d -> d);
          }
          return Case.of(c, admission(rec).plus(wait));
        }));
    Arbitrary<Case> late = Combinators.combine(base, CspCases.days(1, 30), CspCases.within(SPAN))
        .as((rec, days, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          return Case.of(CspCases.documentOn(rec, day, DocumentKind.ASSESSMENT, d -> d), startOfDay(day).plus(wait));
        });
    Arbitrary<Case> missing = Combinators.combine(base, Arbitraries.of(DocumentKind.class).filter(k -> k != DocumentKind.ASSESSMENT),
            Arbitraries.of(true, false), CspCases.within(SPAN))
        .as((rec, kind, other, wait) -> {
          LocalDate day = dateOf(admission(rec));
          CaseRecord c = other ? CspCases.documentOn(rec, day, kind, d -> d) : rec;
          return Case.of(c, startOfDay(day.plusDays(1)).plus(wait));
        });
    r.violating(id, Arbitraries.oneOf(late, missing));
    r.pending(id, Combinators.combine(base, CspCases.percents(), CspCases.days(0, 30))
        .as((rec, percent, days) -> {
          LocalDate day = dateOf(admission(rec));
          CaseRecord c = days == 0 ? rec : CspCases.documentOn(rec, day.plusDays(days), DocumentKind.ASSESSMENT, d -> d);
          return Case.of(c, CspCases.between(admission(rec), endOfDay(day), percent));
        }));
    r.notApplicable(id, CspCases.ineligibleCases(base, Arbitraries.just(CspCases.document(DocumentKind.ASSESSMENT, d -> d))));
    r.traits(id, TIME, DOCS);
  }

  /**
   * PROC.2.a.3 "If, during intake, the member is determined to be ineligible ... the program must
   * provide referrals to alternative services": a referral made by the end of the day of the
   * determination.
   */
  private static void referralsWhenIneligible(Registrar r) {
    String id = "CSP.PROC.2.a.3";
    Arbitrary<CaseRecord> ineligible = CspCases.admitted().map(CspCases::ineligible);
    Arbitrary<Fact> referrals = CspCases.referralTo(EnumSet.allOf(ServiceCategory.class));
    r.meeting(id, Combinators.combine(ineligible, referrals, CspCases.percents(), CspCases.within(SPAN))
        .as((rec, referral, percent, wait) -> {
          Instant det = determined(rec);
          Instant t = CspCases.between(det, endOfDay(dateOf(det)), percent);
          return Case.of(referral.at(rec, t), t.plus(wait));
        }));
    Arbitrary<Case> late = Combinators.combine(ineligible, referrals, CspCases.within(TEN_DAYS), CspCases.within(SPAN))
        .as((rec, referral, by, wait) -> {
          Instant t = startOfDay(dateOf(determined(rec)).plusDays(1)).plus(by);
          return Case.of(referral.at(rec, t), t.plus(wait));
        });
    Arbitrary<Case> missing = Combinators.combine(ineligible, referrals, CspCases.within(SPAN), CspCases.within(Duration.ofDays(1)),
            Arbitraries.integers().between(0, 2))
        .as((rec, referral, off, gap, where) -> {
          Instant asOf = startOfDay(dateOf(determined(rec)).plusDays(1)).plus(off);
          CaseRecord c = switch (where) {
            case 1 -> referral.at(rec, determined(rec).minus(gap).minus(MINUTE));
            case 2 -> referral.at(rec, asOf.plus(gap).plus(MINUTE));
            default -> rec;
          };
          return Case.of(c, asOf);
        });
    r.violating(id, Arbitraries.oneOf(late, missing));
    r.pending(id, Combinators.combine(ineligible, referrals, CspCases.percents(), CspCases.within(TEN_DAYS),
            Arbitraries.of(true, false))
        .as((rec, referral, percent, gap, later) -> {
          Instant det = determined(rec);
          Instant asOf = CspCases.between(det, endOfDay(dateOf(det)), percent);
          return Case.of(later ? referral.at(rec, asOf.plus(gap).plus(MINUTE)) : rec, asOf);
        }));
    r.notApplicable(id, CspCases.shownDuringStay(CspCases.admitted(), referrals));
    r.traits(id, TIME, DOCS);
  }

  private static Instant determined(CaseRecord rec) {
    return rec.episode().determinedIneligibleAt().orElseThrow();
  }

  /**
   * The start of the needs-assessment clock: the admission (no initial appointment has taken
   * place), or the first initial appointment that took place (not recorded as missed), 0 to 10
   * days after admission; sometimes after a missed one.
   */
  private static Arbitrary<At> assessmentClocks() {
    Arbitrary<At> admissions = CspCases.admitted().map(rec -> new At(rec, admission(rec)));
    Arbitrary<At> appointments = Combinators.combine(CspCases.admitted(), CspCases.within(TEN_DAYS), CspCases.within(TEN_DAYS),
            Arbitraries.of(Optional.of(true), Optional.<Boolean>empty()), Arbitraries.of(true, false))
        .as((rec, by, lead, kept, missedFirst) -> {
          Instant at = admission(rec).plus(by);
          CaseRecord c = CspCases.appointmentAt(rec, AppointmentKind.INITIAL, at.minus(lead), at, kept);
          if (missedFirst) {
            Instant missed = CspCases.between(admission(rec), at, 50);
            c = CspCases.appointmentAt(c, AppointmentKind.INITIAL, missed.minus(lead), missed, Optional.of(false));
          }
          return new At(c, at);
        });
    return Arbitraries.oneOf(admissions, appointments);
  }

  /** PROC.2.b.1 "The needs assessment must be completed within two (2) weeks of the initial appointment." */
  private static void needsAssessmentWithinTwoWeeks(Registrar r) {
    String id = "CSP.PROC.2.b.1";
    DocumentKind na = DocumentKind.NEEDS_ASSESSMENT;
    r.meeting(id, Combinators.combine(assessmentClocks(), CspCases.days(0, 14), CspCases.within(SPAN))
        .as((at, days, wait) -> {
          LocalDate day = dateOf(at.t()).plusDays(days);
          return Case.of(CspCases.documentOn(at.record(), day, na, d -> d), later(at.t(), startOfDay(day)).plus(wait));
        }));
    Arbitrary<Case> late = Combinators.combine(assessmentClocks(), CspCases.days(15, 60), CspCases.within(SPAN))
        .as((at, days, wait) -> {
          LocalDate day = dateOf(at.t()).plusDays(days);
          return Case.of(CspCases.documentOn(at.record(), day, na, d -> d), startOfDay(day).plus(wait));
        });
    Arbitrary<Case> missing = Combinators.combine(assessmentClocks(), CspCases.within(SPAN))
        .as((at, off) -> Case.of(at.record(), startOfDay(dateOf(at.t()).plusDays(15)).plus(off)));
    r.violating(id, Arbitraries.oneOf(late, missing));
    r.pending(id, Combinators.combine(assessmentClocks(), CspCases.percents(), CspCases.days(1, 30),
            Arbitraries.of(true, false))
        .as((at, percent, days, later) -> {
          Instant asOf = CspCases.between(at.t(), endOfDay(dateOf(at.t()).plusDays(14)), percent);
          return Case.of(later ? CspCases.documentOn(at.record(), dateOf(asOf).plusDays(days), na, d -> d) : at.record(), asOf);
        }));
    r.notApplicable(id, CspCases.ineligibleCases(CspCases.admitted(), Arbitraries.just(CspCases.document(na, d -> d))));
    r.traits(id, TIME);
  }

  private static Incident incident(int n, Instant at, boolean reportable, Optional<Instant> reported) {
    return Incident.builder().id("i-" + n).occurredAt(at).reportable(reportable).reportedAt(reported).build();
  }

  /** A reportable incident at {@code at} reported on time ({@code percent} of the way to the end of the next business day). */
  private static Incident onTime(int n, Instant at, int percent) {
    return incident(n, at, true, Optional.of(CspCases.between(at, Cases.endOfBusinessDay(at, 1), percent)));
  }

  /**
   * QM.4 "All Reportable Adverse Incidents will be reported ... within 1 business day of their
   * occurrence": by the end of the next business day.
   */
  private static void incidentsReported(Registrar r) {
    String id = "CSP.QM.4";
    Arbitrary<CaseRecord> base = CspCases.admitted();
    // One or two incidents, each reported on time, judged once every report is made; sometimes a
    // non-reportable incident never reported.
    r.meeting(id, Combinators.combine(base, CspCases.within(Duration.ofDays(30)), CspCases.within(Duration.ofDays(30)),
            CspCases.percents(), CspCases.percents(), Arbitraries.integers().between(1, 3),
            CspCases.within(SPAN))
        .as((rec, first, second, p1, p2, shape, wait) -> {
          Instant a = admission(rec);
          Incident i1 = onTime(0, a.plus(first), p1);
          List<Incident> list = shape == 1 ? List.of(i1)
              : shape == 2 ? List.of(i1, onTime(1, a.plus(second), p2))
              : List.of(i1, incident(1, a.plus(second), false, Optional.empty()));
          Instant asOf = list.stream().flatMap(i -> i.reportedAt().stream()).max(Instant::compareTo).orElseThrow();
          return Case.of(episode(rec, e -> e.withIncidents(list)), asOf.plus(wait));
        }));
    // One reported late, or not reported by the end of the next business day; sometimes another on time.
    Arbitrary<Case> late = Combinators.combine(base, CspCases.within(Duration.ofDays(30)), CspCases.beyond(Duration.ZERO, TEN_DAYS),
            CspCases.within(SPAN), Arbitraries.of(true, false), CspCases.percents())
        .as((rec, first, by, wait, other, percent) -> {
          Instant at = admission(rec).plus(first);
          Instant reported = Cases.endOfBusinessDay(at, 1).plus(by);
          Incident bad = incident(0, at, true, Optional.of(reported));
          List<Incident> list = other ? List.of(onTime(1, admission(rec), percent), bad) : List.of(bad);
          return Case.of(episode(rec, e -> e.withIncidents(list)), reported.plus(wait));
        });
    Arbitrary<Case> unreported = Combinators.combine(base, CspCases.within(Duration.ofDays(30)), CspCases.beyond(Duration.ZERO, SPAN),
            Arbitraries.of(true, false), CspCases.within(TEN_DAYS))
        .as((rec, first, off, reportedLater, gap) -> {
          Instant at = admission(rec).plus(first);
          Instant asOf = Cases.endOfBusinessDay(at, 1).plus(off);
          Incident bad = incident(0, at, true, reportedLater ? Optional.of(asOf.plus(gap).plus(MINUTE)) : Optional.empty());
          return Case.of(episode(rec, e -> e.withIncidents(bad)), asOf);
        });
    r.violating(id, Arbitraries.oneOf(late, unreported));
    // Not reported yet, before the end of the next business day; sometimes an earlier one reported on time.
    r.pending(id, Combinators.combine(base, CspCases.within(Duration.ofDays(30)), CspCases.percents(),
            Arbitraries.of(true, false), CspCases.within(TEN_DAYS), Arbitraries.of(true, false))
        .as((rec, first, percent, reportedLater, gap, earlier) -> {
          Instant at = admission(rec).plus(first);
          Instant asOf = CspCases.between(at, Cases.endOfBusinessDay(at, 1), percent);
          Incident open = incident(0, at, true, reportedLater ? Optional.of(asOf.plus(gap).plus(MINUTE)) : Optional.empty());
          List<Incident> list = earlier ? List.of(incident(1, admission(rec), true, Optional.of(admission(rec))), open) : List.of(open);
          return Case.of(episode(rec, e -> e.withIncidents(list)), asOf);
        }));
    // No reportable incident by the as-of: none, only non-reportable ones, or one occurring later.
    r.notApplicable(id, Combinators.combine(base, CspCases.within(SPAN), Arbitraries.integers().between(0, 2), CspCases.within(TEN_DAYS))
        .as((rec, off, shape, gap) -> {
          Instant asOf = admission(rec).plus(off);
          CaseRecord c = switch (shape) {
            case 1 -> episode(rec, e -> e.withIncidents(incident(0, admission(rec), false, Optional.empty())));
            case 2 -> episode(rec, e -> e.withIncidents(incident(0, asOf.plus(gap).plus(MINUTE), true, Optional.empty())));
            default -> rec;
          };
          return Case.of(c, asOf);
        }));
    r.traits(id, DOCS);
  }

  private static final Set<ReferralOutcome> DONE = EnumSet.complementOf(EnumSet.of(ReferralOutcome.PENDING));

  /** One to three referrals at the instant, each with a recorded outcome (not pending). */
  private static Arbitrary<Fact> completedReferrals() {
    return Combinators.combine(Arbitraries.of(ServiceCategory.class), Arbitraries.of(DONE)).as((target, outcome) ->
        CspCases.referral(target, Optional.of(outcome))).list().ofMinSize(1).ofMaxSize(3)
        .map(facts -> (rec, t) -> {
          CaseRecord out = rec;
          for (Fact f : facts) {
            out = f.at(out, t);
          }
          return out;
        });
  }

  /** A referral whose completion is not recorded: no outcome, or pending. */
  private static Arbitrary<Fact> openReferrals() {
    return Combinators.combine(Arbitraries.of(ServiceCategory.class), Arbitraries.of(Optional.<ReferralOutcome>empty(),
        Optional.of(ReferralOutcome.PENDING))).as(CspCases::referral);
  }

  /** PROC.2.e.2.b "ensure that the referral process is completed successfully and documented". */
  private static void referralsCompleted(Registrar r) {
    String id = "CSP.PROC.2.e.2.b";
    Arbitrary<CaseRecord> base = CspCases.admitted();
    r.meeting(id, CspCases.shownDuringStay(base, completedReferrals()));
    r.violating(id, CspCases.shownDuringStay(base, Combinators.combine(completedReferrals(), openReferrals(),
        Arbitraries.of(true, false)).as((done, open, both) -> (rec, t) -> open.at(both ? done.at(rec, t) : rec, t))));
    r.notApplicable(id, Arbitraries.oneOf(CspCases.notShownDuringStay(base, openReferrals(), null),
        CspCases.ineligibleCases(base, openReferrals())));
    r.traits(id, DOCS);
  }

  private static final Set<ServiceCategory> COMMUNITY = EnumSet.of(ServiceCategory.HOUSING, ServiceCategory.EMPLOYMENT,
      ServiceCategory.RECREATION, ServiceCategory.TRANSPORTATION, ServiceCategory.VOCATIONAL_EDUCATIONAL,
      ServiceCategory.SOCIAL_SERVICES, ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH, ServiceCategory.WALK_IN_MEDICAL,
      ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH, ServiceCategory.LEGAL);

  /** Referrals that 2.e.3 does not judge: to another kind of service, or to a community resource without a final outcome. */
  private static Arbitrary<Fact> unjudgedReferrals() {
    return Arbitraries.oneOf(CspCases.referralTo(CspCases.categoriesExcept(COMMUNITY)),
        Combinators.combine(Arbitraries.of(COMMUNITY), Arbitraries.of(Optional.<ReferralOutcome>empty(),
            Optional.of(ReferralOutcome.PENDING))).as(CspCases::referral));
  }

  /**
   * PROC.2.e.3 (SHOULD) "Referrals should result in the member being directly connected to and in
   * communication with community resources": each such referral with an outcome connected or
   * attended.
   */
  private static void referralsConnect(Registrar r) {
    String id = "CSP.PROC.2.e.3";
    Arbitrary<Fact> connected = Combinators.combine(Arbitraries.of(COMMUNITY),
        Arbitraries.of(ReferralOutcome.CONNECTED, ReferralOutcome.ATTENDED)).as((t, o) -> CspCases.referral(t, Optional.of(o)));
    Arbitrary<Fact> notConnected = Combinators.combine(Arbitraries.of(COMMUNITY),
        Arbitraries.of(ReferralOutcome.NOT_ATTENDED, ReferralOutcome.DECLINED)).as((t, o) -> CspCases.referral(t, Optional.of(o)));
    Arbitrary<CaseRecord> base = CspCases.admitted();
    Arbitrary<Case> withOthers = CspCases.plus(CspCases.shownDuringStay(base, connected), Arbitraries.oneOf(unjudgedReferrals(),
        connected, Arbitraries.just(CspCases.NOTHING)));
    r.meeting(id, withOthers);
    r.violating(id, CspCases.plus(Arbitraries.oneOf(withOthers, CspCases.anyTime(base)), notConnected));
    r.notApplicable(id, Arbitraries.oneOf(CspCases.anyTime(base), CspCases.plus(CspCases.anyTime(base), unjudgedReferrals()),
        Combinators.combine(base, notConnected, CspCases.within(SPAN), CspCases.within(TEN_DAYS))
            .as((rec, f, off, gap) -> {
              Instant asOf = admission(rec).plus(off);
              return Case.of(f.at(rec, asOf.plus(gap).plus(MINUTE)), asOf);
            })));
    r.traits(id, DOCS);
  }
}
