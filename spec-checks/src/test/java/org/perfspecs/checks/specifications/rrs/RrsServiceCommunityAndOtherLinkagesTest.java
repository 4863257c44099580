package org.perfspecs.checks.specifications.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.specifications.rrs.RrsCases.AS_OF;
import static org.perfspecs.checks.specifications.rrs.RrsCases.DURING;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertAttested;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertExternal;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertJudgedOverTheStay;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertNotApplicableWithoutNeed;
import static org.perfspecs.checks.specifications.rrs.RrsCases.eval;
import static org.perfspecs.checks.specifications.rrs.RrsCases.pregnant;
import static org.perfspecs.checks.specifications.rrs.RrsCases.referral;
import static org.perfspecs.checks.specifications.rrs.RrsCases.stay;
import static org.perfspecs.checks.specifications.rrs.RrsServiceCommunityAndOtherLinkages.ACCESS_LINE_AGREEMENT;
import static org.perfspecs.checks.specifications.rrs.RrsServiceCommunityAndOtherLinkages.EARLY_INTERVENTION_COLLABORATION;
import static org.perfspecs.checks.specifications.rrs.RrsServiceCommunityAndOtherLinkages.HOME_VISITING_COLLABORATION;
import static org.perfspecs.checks.specifications.rrs.RrsServiceCommunityAndOtherLinkages.OBSTETRIC_AGREEMENT;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServiceType;

/** RRS_PPW SERVICE, COMMUNITY AND OTHER LINKAGES. */
class RrsServiceCommunityAndOtherLinkagesTest {
  private static final java.time.Instant PROGRAM_AS_OF = org.perfspecs.checks.Fixtures.ny("2024-05-01T12:00");

  private static Agreement agreement(AgreementKind kind, PartnerCategory partner, String signed, String expires) {
    var b = Agreement.builder().id("a-1").kind(kind).partnerCategory(partner).partnerName("Partner")
        .signedOn(LocalDate.parse(signed));
    if (expires != null) {
      b.expiresOn(LocalDate.parse(expires));
    }
    return b.build();
  }

  private static Outcome judge(ProgramRequirement r, Agreement... agreements) {
    return eval(r, program(ServiceType.RRS_PPW).addAgreements(agreements).build(), PROGRAM_AS_OF).outcome();
  }

  @Test
  @Verifies("RRS_PPW.LINK.1")
  void item1IsExternal() {
    assertExternal(RrsServiceCommunityAndOtherLinkages.LICENSURE_LINKAGES,
        RrsPpw.CMR_105_164 + ", provisions on community connections and collateral linkages");
  }

  @Test
  @Verifies("RRS_PPW.LINK.2.a")
  void anActiveOperationalAgreementWithTheAccessLineMeets2a() {
    PartnerCategory pwal = PartnerCategory.PREGNANT_WOMENS_ACCESS_LINE;
    assertThat(judge(ACCESS_LINE_AGREEMENT, agreement(AgreementKind.OPERATIONAL, pwal, "2024-05-01", null))).isEqualTo(Outcome.MET);
    assertThat(judge(ACCESS_LINE_AGREEMENT, agreement(AgreementKind.OPERATIONAL, pwal, "2023-01-01", "2024-05-01"))).isEqualTo(Outcome.MET);
    assertThat(judge(ACCESS_LINE_AGREEMENT, agreement(AgreementKind.OPERATIONAL, pwal, "2023-01-01", "2024-04-30")))
        .as("expired the day before").isEqualTo(Outcome.NOT_MET);
    assertThat(judge(ACCESS_LINE_AGREEMENT, agreement(AgreementKind.OPERATIONAL, pwal, "2024-05-02", null)))
        .as("signed the day after").isEqualTo(Outcome.NOT_MET);
    assertThat(judge(ACCESS_LINE_AGREEMENT, agreement(AgreementKind.AFFILIATION, pwal, "2023-01-01", null)))
        .as("not operational").isEqualTo(Outcome.NOT_MET);
    assertThat(judge(ACCESS_LINE_AGREEMENT, agreement(AgreementKind.OPERATIONAL, PartnerCategory.HOSPITAL, "2023-01-01", null)))
        .as("another partner").isEqualTo(Outcome.NOT_MET);
    assertThat(judge(ACCESS_LINE_AGREEMENT)).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RRS_PPW.LINK.2.b")
  void sharingAvailabilityIsAttested() {
    assertAttested(RrsServiceCommunityAndOtherLinkages.ACCESS_LINE_SHARING);
  }

  @ParameterizedTest
  @EnumSource(value = PartnerCategory.class, names = {"OBSTETRIC_PRACTICE", "OB_GYN_PRACTICE", "BIRTHING_HOSPITAL"})
  @Verifies("RRS_PPW.LINK.3")
  void anActiveOperationalAgreementWithAnObstetricalPartnerMeets3(PartnerCategory partner) {
    assertThat(judge(OBSTETRIC_AGREEMENT, agreement(AgreementKind.OPERATIONAL, partner, "2024-05-01", null))).isEqualTo(Outcome.MET);
    assertThat(judge(OBSTETRIC_AGREEMENT, agreement(AgreementKind.OPERATIONAL, partner, "2023-01-01", "2024-04-30")))
        .isEqualTo(Outcome.NOT_MET);
    assertThat(judge(OBSTETRIC_AGREEMENT, agreement(AgreementKind.LINKAGE, partner, "2023-01-01", null))).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RRS_PPW.LINK.3")
  void otherPartnersDoNotMeet3() {
    assertThat(judge(OBSTETRIC_AGREEMENT, agreement(AgreementKind.OPERATIONAL, PartnerCategory.HOSPITAL, "2023-01-01", null)))
        .isEqualTo(Outcome.NOT_MET);
    assertThat(judge(OBSTETRIC_AGREEMENT)).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies({"RRS_PPW.LINK.4.a", "RRS_PPW.LINK.4.b"})
  void collaborationIsAnActiveAgreementOfAnyKindWithThePartner() {
    for (var c : List.of(Arguments.of(EARLY_INTERVENTION_COLLABORATION, PartnerCategory.EARLY_INTERVENTION),
        Arguments.of(HOME_VISITING_COLLABORATION, PartnerCategory.HOME_VISITING))) {
      ProgramRequirement r = (ProgramRequirement) c.get()[0];
      PartnerCategory p = (PartnerCategory) c.get()[1];
      assertThat(judge(r, agreement(AgreementKind.MEMORANDUM_OF_UNDERSTANDING, p, "2024-05-01", null))).as(r.id()).isEqualTo(Outcome.MET);
      assertThat(judge(r, agreement(AgreementKind.LINKAGE, p, "2023-01-01", "2024-05-01"))).as(r.id()).isEqualTo(Outcome.MET);
      assertThat(judge(r, agreement(AgreementKind.LINKAGE, p, "2023-01-01", "2024-04-30"))).as(r.id()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(r, agreement(AgreementKind.LINKAGE, p, "2024-05-02", null))).as(r.id()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(r, agreement(AgreementKind.LINKAGE, PartnerCategory.OUTPATIENT_PROVIDER, "2023-01-01", null)))
          .as(r.id()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(r)).as(r.id()).isEqualTo(Outcome.NOT_MET);
    }
  }

  static Stream<Arguments> linkages() {
    return Stream.of(
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_PRENATAL_CARE, ServiceCategory.PRENATAL_CARE),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_FAMILY_REPRODUCTIVE_HEALTH, ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_EARLY_INTERVENTION, ServiceCategory.EARLY_INTERVENTION),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_HIGH_RISK_INFANT, ServiceCategory.HIGH_RISK_INFANT_FAMILY_SUPPORT),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_HEALTHY_START, ServiceCategory.HEALTHY_START),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_WIC, ServiceCategory.WIC_NUTRITION),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_MAT, ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_INTIMATE_PARTNER_VIOLENCE, ServiceCategory.INTIMATE_PARTNER_VIOLENCE),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_VIOLENCE_PREVENTION, ServiceCategory.VIOLENCE_PREVENTION),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_CHILDCARE, ServiceCategory.CHILDCARE),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_HOUSING, ServiceCategory.HOUSING),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_TRANSPORTATION, ServiceCategory.TRANSPORTATION),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_LEGAL, ServiceCategory.LEGAL),
        Arguments.of(RrsServiceCommunityAndOtherLinkages.LINK_TRANSITIONAL_ASSISTANCE, ServiceCategory.TRANSITIONAL_ASSISTANCE));
  }

  private static final String[] LINK_5 = {"RRS_PPW.LINK.5.a", "RRS_PPW.LINK.5.b", "RRS_PPW.LINK.5.c", "RRS_PPW.LINK.5.d",
      "RRS_PPW.LINK.5.e", "RRS_PPW.LINK.5.f", "RRS_PPW.LINK.5.g", "RRS_PPW.LINK.5.h", "RRS_PPW.LINK.5.i", "RRS_PPW.LINK.5.j",
      "RRS_PPW.LINK.5.k", "RRS_PPW.LINK.5.l", "RRS_PPW.LINK.5.m", "RRS_PPW.LINK.5.n"};

  @ParameterizedTest(name = "{0}")
  @MethodSource("linkages")
  @Verifies({"RRS_PPW.LINK.5.a", "RRS_PPW.LINK.5.b", "RRS_PPW.LINK.5.c", "RRS_PPW.LINK.5.d", "RRS_PPW.LINK.5.e",
      "RRS_PPW.LINK.5.f", "RRS_PPW.LINK.5.g", "RRS_PPW.LINK.5.h", "RRS_PPW.LINK.5.i", "RRS_PPW.LINK.5.j",
      "RRS_PPW.LINK.5.k", "RRS_PPW.LINK.5.l", "RRS_PPW.LINK.5.m", "RRS_PPW.LINK.5.n"})
  void aNeededLinkageIsAReferralMadeDuringTheStay(EpisodeRequirement r, ServiceCategory need) {
    assertJudgedOverTheStay(r, RrsCases::pregnant, e -> e.addServiceNeeds(need),
        (e, at) -> e.addReferralsMade(referral("r-1", need, at)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("linkages")
  @Verifies({"RRS_PPW.LINK.5.a", "RRS_PPW.LINK.5.b", "RRS_PPW.LINK.5.c", "RRS_PPW.LINK.5.d", "RRS_PPW.LINK.5.e",
      "RRS_PPW.LINK.5.f", "RRS_PPW.LINK.5.g", "RRS_PPW.LINK.5.h", "RRS_PPW.LINK.5.i", "RRS_PPW.LINK.5.j",
      "RRS_PPW.LINK.5.k", "RRS_PPW.LINK.5.l", "RRS_PPW.LINK.5.m", "RRS_PPW.LINK.5.n"})
  void notApplicableWhenTheNeedIsNotMarked(EpisodeRequirement r, ServiceCategory need) {
    assertNotApplicableWithoutNeed(r, RrsCases::pregnant, (e, at) -> e.addReferralsMade(referral("r-1", need, at)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("linkages")
  @Verifies({"RRS_PPW.LINK.5.a", "RRS_PPW.LINK.5.b", "RRS_PPW.LINK.5.c", "RRS_PPW.LINK.5.d", "RRS_PPW.LINK.5.e",
      "RRS_PPW.LINK.5.f", "RRS_PPW.LINK.5.g", "RRS_PPW.LINK.5.h", "RRS_PPW.LINK.5.i", "RRS_PPW.LINK.5.j",
      "RRS_PPW.LINK.5.k", "RRS_PPW.LINK.5.l", "RRS_PPW.LINK.5.m", "RRS_PPW.LINK.5.n"})
  void aReferralToAnotherServiceDoesNotCount(EpisodeRequirement r, ServiceCategory need) {
    Finding f = eval(r, pregnant(), stay().addServiceNeeds(need)
        .addReferralsMade(referral("r-1", ServiceCategory.OTHER, DURING)), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RRS_PPW.LINK.5.a")
  void anObstetricProviderReferralIsAPrenatalCareLinkage() {
    assertThat(eval(RrsServiceCommunityAndOtherLinkages.LINK_PRENATAL_CARE, pregnant(), stay()
        .addServiceNeeds(ServiceCategory.PRENATAL_CARE)
        .addReferralsMade(referral("r-1", ServiceCategory.OBSTETRIC_PROVIDER, DURING)), AS_OF).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies({"RRS_PPW.LINK.1", "RRS_PPW.LINK.2.a", "RRS_PPW.LINK.2.b", "RRS_PPW.LINK.3", "RRS_PPW.LINK.4.a",
      "RRS_PPW.LINK.4.b", "RRS_PPW.LINK.5.a", "RRS_PPW.LINK.5.n"})
  void theSectionListsItsRequirementsInDocumentOrder() {
    List<String> ids = new RrsServiceCommunityAndOtherLinkages().requirements().stream().map(Requirement::id).toList();
    assertThat(ids).startsWith("RRS_PPW.LINK.1", "RRS_PPW.LINK.2.a", "RRS_PPW.LINK.2.b", "RRS_PPW.LINK.3",
        "RRS_PPW.LINK.4.a", "RRS_PPW.LINK.4.b").endsWith(LINK_5).hasSize(20);
  }
}
