package org.perfspecs.checks.specifications.esoap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.Training;
import org.perfspecs.model.TrainingTopic;

class EsoapStaffingRequirementsTest {
  @Test
  @Verifies("ESOAP.STAFF.1.a")
  void waiversReportedToThePayerAreAttested() {
    EsoapTestSupport.assertAttested(EsoapStaffingRequirements.WAIVERS_REPORTED_TO_PAYER);
  }

  @Test
  @Verifies("ESOAP.STAFF.1.b")
  void hardshipsReportedToThePayerAreAttested() {
    EsoapTestSupport.assertAttested(EsoapStaffingRequirements.HARDSHIPS_REPORTED_TO_PAYER);
  }

  @Test
  @Verifies("ESOAP.STAFF.2")
  void generalSpecificationsAreExternal() {
    EsoapTestSupport.assertExternal(EsoapStaffingRequirements.GENERAL_SPECIFICATIONS,
        Esoap.GENERAL_SPECIFICATIONS + ", Staffing Requirements");
  }

  @Test
  @Verifies("ESOAP.STAFF.3.a")
  void licensingBodyStaffingIsExternal() {
    EsoapTestSupport.assertExternal(EsoapStaffingRequirements.LICENSING_BODY_STAFFING, Esoap.CMR_105_164 + ", staffing requirements");
  }

  @Test
  @Verifies("ESOAP.STAFF.3.b")
  void soapStaffingIsExternal() {
    EsoapTestSupport.assertExternal(EsoapStaffingRequirements.SOAP_STAFFING, Esoap.SOAP_SPECIFICATIONS + ", staffing requirements");
  }

  @Test
  @Verifies("ESOAP.STAFF.3.c")
  void providerManualCredentialingIsExternal() {
    EsoapTestSupport.assertExternal(EsoapStaffingRequirements.PROVIDER_MANUAL_CREDENTIALING, Esoap.PROVIDER_MANUAL);
  }

  @Test
  @Verifies("ESOAP.STAFF.4.a")
  void knowledgeOfLocalResourcesIsAttested() {
    EsoapTestSupport.assertAttested(EsoapStaffingRequirements.KNOWLEDGE_OF_LOCAL_RESOURCES);
  }

  @Test
  @Verifies("ESOAP.STAFF.4.b")
  void knowledgeOfUniqueNeedsIsAttested() {
    EsoapTestSupport.assertAttested(EsoapStaffingRequirements.KNOWLEDGE_OF_UNIQUE_NEEDS);
  }

  private static StaffMember staff(String id, String trainedOn, TrainingTopic topic) {
    var b = StaffMember.builder().id(id);
    if (trainedOn != null) {
      b.addTrainings(Training.builder().topic(topic).completedOn(LocalDate.parse(trainedOn)).build());
    }
    return b.build();
  }

  private static Finding evaluate(StaffMember... staff) {
    return FindingChecks.evaluate(EsoapStaffingRequirements.PREGNANCY_TRAINING_FOR_ALL_STAFF,
        program(ServiceType.ESOAP).addStaff(staff).build(), ny("2024-05-01T12:00"));
  }

  @Test
  @Verifies("ESOAP.STAFF.5")
  void metWhenEveryStaffMemberIsTrainedOnOrBeforeTheAsOfDate() {
    Finding f = evaluate(staff("s-1", "2024-01-01", TrainingTopic.PREGNANCY_AND_POSTPARTUM),
        staff("s-2", "2024-05-01", TrainingTopic.PREGNANCY_AND_POSTPARTUM));
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("ESOAP.STAFF.5")
  void notMetWhenAnyoneLacksItHasItLaterOrOnAnotherTopicOrThereIsNoStaff() {
    Finding f = evaluate(staff("s-1", "2024-01-01", TrainingTopic.PREGNANCY_AND_POSTPARTUM),
        staff("s-2", "2024-05-02", TrainingTopic.PREGNANCY_AND_POSTPARTUM),
        staff("s-3", "2024-01-01", TrainingTopic.TRAUMA_INFORMED_CARE), staff("s-4", null, null));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("3 of 4").contains("s-2, s-3, s-4");
    assertThat(evaluate().outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("ESOAP.STAFF.6.a")
  void coordinationIsAttested() {
    EsoapTestSupport.assertAttested(EsoapStaffingRequirements.COORDINATE_WITH_PCC_AND_OBSTETRIC_PROVIDER);
  }

  @Test
  @Verifies("ESOAP.STAFF.6.b")
  void consultationAsNeededIsAttested() {
    EsoapTestSupport.assertAttested(EsoapStaffingRequirements.CONSULT_AS_NEEDED);
  }
}
