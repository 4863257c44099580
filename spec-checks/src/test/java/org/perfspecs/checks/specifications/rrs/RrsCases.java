package org.perfspecs.checks.specifications.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.Topic;

/** Records and shared outcome checks for the RRS_PPW tests. Wall times are America/New_York. */
final class RrsCases {
  /** Admission: Monday 2024-04-15 09:00 EDT. */
  static final Instant ADMITTED = ny("2024-04-15T09:00");
  /** Discharge: Monday 2024-05-20 10:00 EDT. */
  static final Instant DISCHARGED = ny("2024-05-20T10:00");
  /** An as-of after the stay. */
  static final Instant AS_OF = ny("2024-06-01T12:00");
  /** A time inside the stay. */
  static final Instant DURING = ny("2024-04-22T14:00");

  private RrsCases() {}

  static ImmutableMember.Builder pregnant() {
    return member().pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT).build());
  }

  static ImmutableMember.Builder deliveredOn(String date) {
    return member().pregnancy(PregnancyStatus.builder().state(PregnancyState.POSTPARTUM)
        .deliveryDate(LocalDate.parse(date)).build());
  }

  /** Admitted and discharged. */
  static ImmutableEpisode.Builder stay() {
    return episode(ServiceType.RRS_PPW).admittedAt(ADMITTED).dischargedAt(DISCHARGED);
  }

  /** Admitted, not discharged. */
  static ImmutableEpisode.Builder open() {
    return episode(ServiceType.RRS_PPW).admittedAt(ADMITTED);
  }

  /** No admission recorded. */
  static ImmutableEpisode.Builder notAdmitted() {
    return episode(ServiceType.RRS_PPW);
  }

  static Referral referral(String id, ServiceCategory target, Instant at) {
    return Referral.builder().id(id).target(target).at(at).build();
  }

  static Contact contact(String id, Instant at, ContactKind kind, boolean engaged, Topic... topics) {
    return Contact.builder().id(id).at(at).minutes(45).mode(ContactMode.IN_PERSON).kind(kind)
        .memberEngaged(engaged).addTopics(topics).build();
  }

  static Appointment appointment(String id, AppointmentKind kind, Instant scheduledAt, Instant at) {
    return Appointment.builder().id(id).kind(kind).scheduledAt(scheduledAt).at(at).build();
  }

  static Finding eval(EpisodeRequirement r, ImmutableMember.Builder m, ImmutableEpisode.Builder e, Instant asOf) {
    return FindingChecks.evaluate(r, record(m, e), asOf);
  }

  static Finding eval(ProgramRequirement r, Program p, Instant asOf) {
    return FindingChecks.evaluate(r, p, asOf);
  }

  static Attestation attestation(String id, String date) {
    return Attestation.builder().requirementId(id).attestedBy("program director").attestedOn(LocalDate.parse(date)).build();
  }

  /**
   * Every outcome of an attested requirement: MET with an attestation dated on the as-of date (and
   * before it), NOT_MET without, with one dated the day after the as-of, or with one for another id.
   */
  static void assertAttested(ProgramRequirement r) {
    assertThat(r.basis()).isEqualTo(Basis.PROGRAM);
    Instant asOf = ny("2024-05-01T00:00");
    Finding onTheDay = eval(r, program(ServiceType.RRS_PPW).addAttestations(attestation(r.id(), "2024-05-01")).build(), asOf);
    assertThat(onTheDay.outcome()).as(r.id()).isEqualTo(Outcome.MET);
    assertThat(onTheDay.evidence()).extracting(Evidence::id).containsExactly(r.id());
    assertThat(eval(r, program(ServiceType.RRS_PPW).addAttestations(attestation(r.id(), "2024-01-02")).build(), asOf)
        .outcome()).isEqualTo(Outcome.MET);
    Finding none = eval(r, program(ServiceType.RRS_PPW).build(), asOf);
    assertThat(none.outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
    assertThat(none.reason()).contains("no attestation for " + r.id());
    assertThat(eval(r, program(ServiceType.RRS_PPW).addAttestations(attestation(r.id(), "2024-05-02")).build(), asOf)
        .outcome()).as("attested after the as-of date").isEqualTo(Outcome.NOT_MET);
    assertThat(eval(r, program(ServiceType.RRS_PPW).addAttestations(attestation("RRS_PPW.OVW.9", "2024-01-02")).build(), asOf)
        .outcome()).as("another id's attestation").isEqualTo(Outcome.NOT_MET);
  }

  /** An external requirement: NOT_EVALUATED naming {@code document}, with or without an attestation. */
  static void assertExternal(ProgramRequirement r, String document) {
    assertThat(r.basis()).isEqualTo(Basis.EXTERNAL);
    assertThat(r.externalDocument()).hasValue(document);
    Finding f = eval(r, program(ServiceType.RRS_PPW).build(), AS_OF);
    assertThat(f.outcome()).as(r.id()).isEqualTo(Outcome.NOT_EVALUATED);
    assertThat(f.reason()).contains(document);
    assertThat(eval(r, program(ServiceType.RRS_PPW).addAttestations(attestation(r.id(), "2024-01-02")).build(), AS_OF)
        .outcome()).isEqualTo(Outcome.NOT_EVALUATED);
  }

  /**
   * The outcomes of a requirement judged over the stay: MET by a record stamped at exactly the
   * admission time and at exactly the discharge time; NOT_MET by one a minute before admission or a
   * minute after discharge, or by none; in an open stay, a record stamped after the as-of time has
   * not happened yet (NOT_MET a nanosecond before, MET at its time); UNDETERMINED without an
   * admission time.
   *
   * @param member the member (satisfying any member condition)
   * @param need marks the need on an episode (identity when the requirement has no need condition)
   * @param show adds the record that shows the obligation, stamped at the given time
   */
  static void assertJudgedOverTheStay(EpisodeRequirement r, Supplier<ImmutableMember.Builder> member,
      UnaryOperator<ImmutableEpisode.Builder> need,
      BiFunction<ImmutableEpisode.Builder, Instant, ImmutableEpisode.Builder> show) {
    Finding atAdmission = eval(r, member.get(), show.apply(need.apply(stay()), ADMITTED), AS_OF);
    assertThat(atAdmission.outcome()).as(r.id() + " at admission").isEqualTo(Outcome.MET);
    assertThat(atAdmission.evidence()).extracting(Evidence::id).contains("e-1");
    assertThat(eval(r, member.get(), show.apply(need.apply(stay()), DISCHARGED), AS_OF).outcome())
        .as(r.id() + " at discharge").isEqualTo(Outcome.MET);
    assertThat(eval(r, member.get(), show.apply(need.apply(stay()), ADMITTED.minus(Duration.ofMinutes(1))), AS_OF)
        .outcome()).as(r.id() + " before admission").isEqualTo(Outcome.NOT_MET);
    assertThat(eval(r, member.get(), show.apply(need.apply(stay()), DISCHARGED.plus(Duration.ofMinutes(1))), AS_OF)
        .outcome()).as(r.id() + " after discharge").isEqualTo(Outcome.NOT_MET);
    Finding none = eval(r, member.get(), need.apply(stay()), AS_OF);
    assertThat(none.outcome()).as(r.id() + " none").isEqualTo(Outcome.NOT_MET);
    assertThat(none.reason()).contains("the record shows no").contains("discharged");
    assertThat(none.due()).isEmpty();
    Finding openNone = eval(r, member.get(), show.apply(need.apply(open()), DURING), DURING.minusNanos(1));
    assertThat(openNone.outcome()).as(r.id() + " before it happened").isEqualTo(Outcome.NOT_MET);
    assertThat(openNone.reason()).contains("so far");
    assertThat(eval(r, member.get(), show.apply(need.apply(open()), DURING), DURING).outcome())
        .as(r.id() + " once it happened").isEqualTo(Outcome.MET);
    Finding undetermined = eval(r, member.get(), show.apply(need.apply(notAdmitted()), DURING), AS_OF);
    assertThat(undetermined.outcome()).as(r.id() + " no admission").isEqualTo(Outcome.UNDETERMINED);
    assertThat(undetermined.reason()).contains("no admission time is recorded");
    Finding admittedLater = eval(r, member.get(), show.apply(need.apply(stay()), DURING), ADMITTED.minusNanos(1));
    assertThat(admittedLater.outcome()).as(r.id() + " admission after the as-of").isEqualTo(Outcome.UNDETERMINED);
  }

  /** The need condition: NOT_APPLICABLE when the record does not mark the need, whatever else it shows. */
  static void assertNotApplicableWithoutNeed(EpisodeRequirement r, Supplier<ImmutableMember.Builder> member,
      BiFunction<ImmutableEpisode.Builder, Instant, ImmutableEpisode.Builder> show) {
    Finding f = eval(r, member.get(), show.apply(stay(), DURING), AS_OF);
    assertThat(f.outcome()).as(r.id()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(f.reason()).contains("does not mark");
    assertThat(eval(r, member.get(), notAdmitted(), AS_OF).outcome()).as(r.id() + " not admitted, no need")
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }
}
