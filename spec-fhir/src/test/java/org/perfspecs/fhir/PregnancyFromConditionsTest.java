package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.perfspecs.model.Member;
import org.perfspecs.model.PregnancyState;

/**
 * Pregnancy as Synthea writes it (no US Core pregnancy-status Observation): a "Normal pregnancy"
 * Condition, ended at delivery, and a childbirth Procedure.
 */
class PregnancyFromConditionsTest {
  static Bundle patient() {
    Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
    Patient p = new Patient().setBirthDateElement(new DateType("1995-03-02"));
    p.setId("p1");
    b.addEntry().setResource(p);
    return b;
  }

  static Condition pregnancy(String onset, String abated) {
    Condition c = new Condition().setSubject(new Reference("Patient/p1"))
        .setCode(Values.concept(Std.SNOMED, "72892002", "Normal pregnancy"))
        .setOnset(new DateTimeType(onset));
    c.setClinicalStatus(Values.concept(Std.CONDITION_CLINICAL, abated == null ? "active" : "resolved", null));
    if (abated != null) {
      c.setAbatement(new DateTimeType(abated));
    }
    return c;
  }

  static Member read(Bundle b) {
    FhirReadResult r = FhirCaseRecords.read(b);
    assertThat(r.errors()).isEmpty();
    return r.members().get(0);
  }

  @Test
  void anActivePregnancyConditionIsPregnant() {
    Bundle b = patient();
    b.addEntry().setResource(pregnancy("2024-02-01T10:00:00-05:00", null));
    assertThat(read(b).pregnancy()).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(PregnancyState.PREGNANT));
  }

  @Test
  void anEndedPregnancyWithAChildbirthProcedureIsPostpartumFromTheDeliveryDate() {
    Bundle b = patient();
    b.addEntry().setResource(pregnancy("2023-06-01T10:00:00-04:00", "2024-02-20T03:00:00-05:00"));
    Procedure birth = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED)
        .setSubject(new Reference("Patient/p1")).setCode(Values.concept(Std.SNOMED, "66348005", "Childbirth"))
        .setPerformed(new DateTimeType("2024-02-20T01:00:00-05:00"));
    b.addEntry().setResource(birth);
    Member m = read(b);
    assertThat(m.pregnancy()).hasValueSatisfying(s -> {
      assertThat(s.state()).isEqualTo(PregnancyState.POSTPARTUM);
      assertThat(s.deliveryDate()).contains(LocalDate.of(2024, 2, 20));
    });
  }

  @Test
  void anEndedPregnancyWithoutDeliveryIsNoPregnancyAndARefutedOneIsNone() {
    Bundle b = patient();
    b.addEntry().setResource(pregnancy("2023-06-01T10:00:00-04:00", "2023-07-20T10:00:00-04:00")); // a miscarriage
    Condition refuted = pregnancy("2024-03-01T10:00:00-05:00", null);
    refuted.setVerificationStatus(new CodeableConcept().addCoding(
        new org.hl7.fhir.r4.model.Coding(Std.CONDITION_VERIFICATION, "refuted", null)));
    b.addEntry().setResource(refuted);
    assertThat(read(b).pregnancy()).isEmpty();
  }
}
