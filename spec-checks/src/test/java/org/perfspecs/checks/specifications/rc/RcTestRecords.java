package org.perfspecs.checks.specifications.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;

import java.time.Instant;
import java.time.LocalDate;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableWellnessPlan;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.Topic;
import org.perfspecs.model.WellnessPlan;

/**
 * Shared RC test records. Admitted Monday 2024-01-01 10:00 EST: day 7 (end of the onset) is
 * 2024-01-07, day 30 is 2024-01-30.
 */
final class RcTestRecords {
  static final Instant ADMITTED = ny("2024-01-01T10:00");
  static final String DAY_7 = "2024-01-07";
  static final String DAY_8 = "2024-01-08";
  static final String DAY_30 = "2024-01-30";
  static final String DAY_31 = "2024-01-31";

  private static int nextId;

  private RcTestRecords() {}

  static ImmutableEpisode.Builder admitted() {
    return org.perfspecs.checks.Fixtures.episode(ServiceType.RC).admittedAt(ADMITTED);
  }

  static String id(String prefix) {
    return prefix + "-" + (++nextId);
  }

  static Contact contact(Instant at, ContactMode mode, ContactKind kind, boolean engaged, Topic... topics) {
    return Contact.builder().id(id("c")).at(at).minutes(30).mode(mode).kind(kind).memberEngaged(engaged)
        .addTopics(topics).build();
  }

  /** An in-person peer-support connection with the member engaged. */
  static Contact connection(Instant at, Topic... topics) {
    return contact(at, ContactMode.IN_PERSON, ContactKind.PEER_SUPPORT, true, topics);
  }

  /** A member-directed Wellness Plan created in person on {@code day}, with one goal. */
  static ImmutableWellnessPlan plan(String day) {
    return WellnessPlan.builder().id("wp-1").createdOn(LocalDate.parse(day)).createdInPerson(true).memberDirected(true)
        .addGoals("attend two mutual-aid meetings a week").build();
  }

  /** A member-directed Plan of Safe Care created on {@code day}, identifying {@code needs}. */
  static ImmutableWellnessPlan planOfSafeCare(String day, ServiceCategory... needs) {
    return WellnessPlan.builder().id("posc-1").createdOn(LocalDate.parse(day)).createdInPerson(true).memberDirected(true)
        .addNeedsIdentified(needs).build();
  }

  static Referral referralMade(ServiceCategory target, Instant at) {
    return Referral.builder().id(id("r")).target(target).at(at).build();
  }

  static Attestation attestation(String requirementId, String on) {
    return Attestation.builder().requirementId(requirementId).attestedBy("program director")
        .attestedOn(LocalDate.parse(on)).build();
  }

  /** An attested requirement: MET with an attestation dated on the as-of date, NOT_MET without or with a later one. */
  static void assertAttested(ProgramRequirement r) {
    Instant asOf = ny("2024-06-03T12:00");
    Finding met = FindingChecks.evaluate(r, org.perfspecs.checks.Fixtures.program(ServiceType.RC)
        .addAttestations(attestation(r.id(), "2024-06-03")).build(), asOf);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    Finding none = FindingChecks.evaluate(r, org.perfspecs.checks.Fixtures.program(ServiceType.RC).build(), asOf);
    assertThat(none.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(none.reason()).contains("no attestation for " + r.id());
    Finding later = FindingChecks.evaluate(r, org.perfspecs.checks.Fixtures.program(ServiceType.RC)
        .addAttestations(attestation(r.id(), "2024-06-04")).build(), asOf);
    assertThat(later.outcome()).isEqualTo(Outcome.NOT_MET);
  }
}
