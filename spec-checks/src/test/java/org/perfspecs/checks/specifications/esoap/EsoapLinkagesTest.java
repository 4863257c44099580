package org.perfspecs.checks.specifications.esoap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.LATER;
import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.admitted;
import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.pregnant;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ImmutableReferral;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServiceType;

class EsoapLinkagesTest {
  private static final Instant AS_OF = ny("2024-05-01T12:00");

  @Test
  @Verifies("ESOAP.LINK.1")
  void generalSpecificationsAreExternal() {
    EsoapTestSupport.assertExternal(EsoapLinkages.GENERAL_SPECIFICATIONS,
        Esoap.GENERAL_SPECIFICATIONS + ", Service, Community and Collateral Linkages");
  }

  private static Program withAgreement(PartnerCategory partner, String expires) {
    var a = Agreement.builder().id("a-1").kind(AgreementKind.MEMORANDUM_OF_UNDERSTANDING).partnerCategory(partner)
        .partnerName("Partner").signedOn(LocalDate.of(2023, 1, 1));
    if (expires != null) {
      a.expiresOn(LocalDate.parse(expires));
    }
    return program(ServiceType.ESOAP).addAgreements(a.build()).build();
  }

  @ParameterizedTest(name = "{0} by {1}")
  @CsvSource({"ESOAP.LINK.2, HOME_VISITING", "ESOAP.LINK.2.a, SOCIAL_SERVICES_ORGANIZATION",
      "ESOAP.LINK.2.b, FAMILY_SERVICES_ORGANIZATION", "ESOAP.LINK.2.c, PERINATAL_MEDICAL_SERVICES"})
  @Verifies({"ESOAP.LINK.2", "ESOAP.LINK.2.a", "ESOAP.LINK.2.b", "ESOAP.LINK.2.c"})
  void aWorkingRelationshipByAnActiveAgreementOrAnAttestation(String id, PartnerCategory partner) {
    ProgramRequirement r = (ProgramRequirement) Esoap.specification().requirements().stream()
        .filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    assertThat(r.strength()).isEqualTo(id.equals("ESOAP.LINK.2") ? Strength.MUST : Strength.MAY);
    Finding met = FindingChecks.evaluate(r, withAgreement(partner, "2024-05-01"), AS_OF);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(FindingChecks.evaluate(r, withAgreement(partner, "2024-04-30"), AS_OF).outcome())
        .as("expired the day before").isEqualTo(Outcome.NOT_MET);
    assertThat(FindingChecks.evaluate(r, withAgreement(PartnerCategory.OTHER, null), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    Finding attested = FindingChecks.evaluate(r, EsoapTestSupport.programWithAttestation(id, LocalDate.of(2024, 5, 1)), AS_OF);
    assertThat(attested.outcome()).isEqualTo(Outcome.MET);
    assertThat(FindingChecks.evaluate(r, EsoapTestSupport.programWithAttestation(id, LocalDate.of(2024, 5, 2)), AS_OF).outcome())
        .isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"ESOAP.LINK.2.a", "ESOAP.LINK.2.b"})
  void aPartnerOfAnotherLetterDoesNotCount() {
    assertThat(FindingChecks.evaluate(EsoapLinkages.SOCIAL_SERVICES, withAgreement(PartnerCategory.HOME_VISITING, null), AS_OF)
        .outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(FindingChecks.evaluate(EsoapLinkages.FAMILY_SERVICES, withAgreement(PartnerCategory.HOME_VISITING, null), AS_OF)
        .outcome()).isEqualTo(Outcome.MET);
  }

  private static ImmutableReferral.Builder referral(String id, ServiceCategory target) {
    return Referral.builder().id(id).target(target).at(ny("2024-04-16T10:00"));
  }

  private static CaseRecord needing(Referral... referrals) {
    return record(pregnant(), admitted().addServiceNeeds(ServiceCategory.WIC_NUTRITION, ServiceCategory.HOUSING,
        ServiceCategory.TRANSPORTATION).addReferralsMade(referrals));
  }

  @Test
  @Verifies("ESOAP.LINK.3.a")
  void aReferralForEveryNeededCommunityService() {
    Finding met = FindingChecks.evaluate(EsoapLinkages.REFERRALS_TO_COMMUNITY_PROGRAMS,
        needing(referral("r-1", ServiceCategory.WIC_NUTRITION).build(), referral("r-2", ServiceCategory.HOUSING).build()), LATER);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    Finding missing = FindingChecks.evaluate(EsoapLinkages.REFERRALS_TO_COMMUNITY_PROGRAMS,
        needing(referral("r-1", ServiceCategory.WIC_NUTRITION).build()), LATER);
    assertThat(missing.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(missing.reason()).contains("HOUSING").doesNotContain("WIC").doesNotContain("TRANSPORTATION");
    assertThat(FindingChecks.evaluate(EsoapLinkages.REFERRALS_TO_COMMUNITY_PROGRAMS,
        needing(referral("r-1", ServiceCategory.WIC_NUTRITION).build(), referral("r-2", ServiceCategory.HOUSING).build()),
        ny("2024-04-16T09:59")).outcome()).as("referrals after the as-of").isEqualTo(Outcome.NOT_MET);
    // a referral made after the member left is not the program's linkage: discharged at 10:00, referred at 10:00 counts, 10:01 does not
    CaseRecord dischargedAtTen = record(pregnant(), admitted().addServiceNeeds(ServiceCategory.WIC_NUTRITION)
        .dischargedAt(ny("2024-04-16T10:00")).addReferralsMade(referral("r-1", ServiceCategory.WIC_NUTRITION).build()));
    assertThat(FindingChecks.evaluate(EsoapLinkages.REFERRALS_TO_COMMUNITY_PROGRAMS, dischargedAtTen, LATER).outcome())
        .isEqualTo(Outcome.MET);
    CaseRecord referredAfter = record(pregnant(), admitted().addServiceNeeds(ServiceCategory.WIC_NUTRITION)
        .dischargedAt(ny("2024-04-16T10:00")).addReferralsMade(referral("r-1", ServiceCategory.WIC_NUTRITION)
            .at(ny("2024-04-16T10:01")).build()));
    assertThat(FindingChecks.evaluate(EsoapLinkages.REFERRALS_TO_COMMUNITY_PROGRAMS, referredAfter, LATER).outcome())
        .isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"ESOAP.LINK.3.a", "ESOAP.LINK.3.b"})
  void notApplicableWithoutACommunityNeedOrWhenNotPregnant() {
    CaseRecord transportOnly = record(pregnant(), admitted().addServiceNeeds(ServiceCategory.TRANSPORTATION));
    assertThat(FindingChecks.evaluate(EsoapLinkages.REFERRALS_TO_COMMUNITY_PROGRAMS, transportOnly, LATER).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(FindingChecks.evaluate(EsoapLinkages.LINKING_ASSISTANCE, transportOnly, LATER).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
    CaseRecord notPregnant = record(member(), admitted().addServiceNeeds(ServiceCategory.HOUSING));
    assertThat(FindingChecks.evaluate(EsoapLinkages.LINKING_ASSISTANCE, notPregnant, LATER).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("ESOAP.LINK.3.b")
  void linkingShownByAFollowUpOrAConnectedOutcome() {
    Referral followed = referral("r-1", ServiceCategory.WIC_NUTRITION).followedUpAt(ny("2024-04-20T10:00")).build();
    Referral connected = referral("r-2", ServiceCategory.HOUSING).outcome(ReferralOutcome.CONNECTED).build();
    assertThat(FindingChecks.evaluate(EsoapLinkages.LINKING_ASSISTANCE, needing(followed, connected), LATER).outcome())
        .isEqualTo(Outcome.MET);
    Referral declined = referral("r-2", ServiceCategory.HOUSING).outcome(ReferralOutcome.DECLINED).build();
    Finding f = FindingChecks.evaluate(EsoapLinkages.LINKING_ASSISTANCE, needing(followed, declined), LATER);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("HOUSING");
    assertThat(FindingChecks.evaluate(EsoapLinkages.LINKING_ASSISTANCE, needing(followed, connected), ny("2024-04-19T10:00"))
        .outcome()).as("the follow-up has not happened yet").isEqualTo(Outcome.NOT_MET);
  }

  @org.junit.jupiter.api.Test
  @Verifies({"ESOAP.LINK.3.a", "ESOAP.LINK.3.b"})
  void everyEpisodeRequirementAppliesOnlyToAMemberPregnantOrPostpartumAtAdmission() {
    assertThat(EsoapTestSupport.assertPregnancyCondition("LINK")).containsExactlyInAnyOrder("ESOAP.LINK.3.a", "ESOAP.LINK.3.b");
  }
}
