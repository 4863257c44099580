package org.perfspecs.checks.specifications.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.csp;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.dischargedStay;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.openStay;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.document;
import static org.perfspecs.checks.specifications.csp.CspTestSupport.evaluate;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Goal;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StateAgency;

class CspLinkagesTest {
  @Test
  @Verifies("CSP.LINK.1")
  void dentistLinkageOverTheStay() {
    var r = CspLinkages.DENTIST_LINKAGE;
    // open episode: judged over the stay so far
    assertThat(evaluate(r, record(openStay())).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, record(openStay().addReferralsMade(Referral.builder().id("r-1").target(ServiceCategory.DENTIST)
        .at(ny("2024-03-20T10:00")).build()))).outcome()).isEqualTo(Outcome.MET);
    // a referral before admission is not one made during the stay
    assertThat(evaluate(r, record(openStay().addReferralsMade(Referral.builder().id("r-1").target(ServiceCategory.DENTIST)
        .at(ny("2024-03-01T10:00")).build()))).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, record(csp())).outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(evaluate(r, record(dischargedStay())).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, record(dischargedStay().addReferralsMade(Referral.builder().id("r-1").target(ServiceCategory.DENTIST)
        .at(ny("2024-03-20T10:00")).build()))).outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(r, record(dischargedStay().addAppointments(Appointment.builder().id("a-1").kind(AppointmentKind.DENTAL)
        .scheduledAt(ny("2024-03-20T10:00")).at(ny("2024-05-20T10:00")).build()))).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("CSP.LINK.2.a")
  void interagencyServicePlanWhenAgenciesAreInvolvedAndConsentIsGiven() {
    var r = CspLinkages.INTERAGENCY_SERVICE_PLAN;
    var dmh = member().addStateAgencies(StateAgency.DMH);
    assertThat(evaluate(r, record(dischargedStay().addConsentToShareWith(Party.STATE_AGENCY))).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(r, record(dmh, dischargedStay())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(r, record(dmh, csp().addConsentToShareWith(Party.DMH_CLINICIAN))).outcome()).isEqualTo(Outcome.UNDETERMINED);
    // open episode: judged over the stay so far
    assertThat(evaluate(r, record(dmh, openStay().addConsentToShareWith(Party.DMH_CLINICIAN))).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, record(dmh, openStay().addConsentToShareWith(Party.DMH_CLINICIAN)
        .addDocuments(document("d-1", DocumentKind.INTERAGENCY_SERVICE_PLAN, "2024-03-20")))).outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(r, record(dmh, dischargedStay().addConsentToShareWith(Party.DMH_CLINICIAN))).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, record(dmh, dischargedStay().addConsentToShareWith(Party.DMH_CLINICIAN)
        .addDocuments(document("d-1", DocumentKind.INTERAGENCY_SERVICE_PLAN, "2024-03-20")))).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("CSP.LINK.2.b")
  void interagencyPlanSignedByTheCspProvider() {
    var r = CspLinkages.INTERAGENCY_PLAN_SIGNED;
    assertThat(r.strength()).isEqualTo(Strength.SHOULD);
    assertThat(evaluate(r, record(csp())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(r, record(csp().addDocuments(document("d-1", DocumentKind.INTERAGENCY_SERVICE_PLAN, "2024-03-20")))).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, record(csp().addDocuments(document("d-1", DocumentKind.INTERAGENCY_SERVICE_PLAN, "2024-03-20")
        .withStaffSignatures("s-1")))).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("CSP.LINK.3")
  void naturalSupportsInTheCarePlan() {
    var r = CspLinkages.NATURAL_SUPPORTS_IN_CARE_PLAN;
    var plan = ServicePlan.builder().id("sp-1").completedOn(LocalDate.of(2024, 4, 10))
        .addGoals(Goal.builder().description("g").measurable(true).build()).addDevelopedWith(Party.MEMBER).build();
    assertThat(evaluate(r, record(csp())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(r, record(csp().servicePlan(plan))).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, record(csp().servicePlan(plan.withDevelopedWith(Party.MEMBER, Party.NATURAL_SUPPORTS)))).outcome())
        .isEqualTo(Outcome.MET);
  }

  private static Agreement agreement(AgreementKind kind, PartnerCategory partner, String signed, String expires) {
    var b = Agreement.builder().id("ag-1").kind(kind).partnerCategory(partner).partnerName("Metro ESP")
        .signedOn(LocalDate.parse(signed));
    if (expires != null) {
      b.expiresOn(LocalDate.parse(expires));
    }
    return b.build();
  }

  @Test
  @Verifies("CSP.LINK.4")
  void espAffiliationInForceOnTheAsOfDate() {
    var r = CspLinkages.ESP_AFFILIATION;
    assertThat(evaluate(r, program(ServiceType.CSP).addAgreements(agreement(AgreementKind.AFFILIATION,
        PartnerCategory.EMERGENCY_SERVICE_PROGRAM, "2023-01-01", "2024-05-01")).build()).outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(r, program(ServiceType.CSP).addAgreements(agreement(AgreementKind.AFFILIATION,
        PartnerCategory.EMERGENCY_SERVICE_PROGRAM, "2023-01-01", "2024-04-30")).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, program(ServiceType.CSP).addAgreements(agreement(AgreementKind.AFFILIATION,
        PartnerCategory.EMERGENCY_SERVICE_PROGRAM, "2024-05-02", null)).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, program(ServiceType.CSP).addAgreements(agreement(AgreementKind.CONTRACT,
        PartnerCategory.EMERGENCY_SERVICE_PROGRAM, "2023-01-01", null)).build()).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, program(ServiceType.CSP).addAgreements(agreement(AgreementKind.AFFILIATION,
        PartnerCategory.HOSPITAL, "2023-01-01", null)).build()).outcome()).isEqualTo(Outcome.NOT_MET);
  }
}
