package org.perfspecs.fhir;

/** Standard code systems and codes the mapping uses (see MAPPING.md). */
final class Std {
  private Std() {}

  static final String LOINC = "http://loinc.org";
  static final String SNOMED = "http://snomed.info/sct";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String PARTICIPATION_MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";
  static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  static final String COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";
  static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
  static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String UCUM = "http://unitsofmeasure.org";

  /** LOINC 82810-3 Pregnancy status (US Core's pregnancy status Observation). */
  static final String PREGNANCY_STATUS = "82810-3";
  /** LOINC 11778-8 Delivery date Estimated. */
  static final String ESTIMATED_DUE_DATE = "11778-8";
  /** LOINC 93857-1 Date and time of obstetric delivery. */
  static final String DELIVERY_DATE = "93857-1";
  /** SNOMED 77386006 Pregnant. */
  static final String PREGNANT = "77386006";
  /** SNOMED 60001007 Not pregnant. */
  static final String NOT_PREGNANT = "60001007";
  /** SNOMED 5880005 Physical examination procedure. */
  static final String PHYSICAL_EXAM = "5880005";
  /** SNOMED 3457005 Patient referral (the category of a referral ServiceRequest, as the SDOH Clinical Care guide uses it). */
  static final String PATIENT_REFERRAL = "3457005";
  /** SNOMED 11429006 Consultation. */
  static final String CONSULTATION = "11429006";
  /** LOINC 59284-0 Consent Document (Consent.category). */
  static final String CONSENT_DOCUMENT = "59284-0";

  static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  /** Condition clinical statuses that mean the condition holds. */
  static final java.util.List<String> ACTIVE_CLINICAL_STATUSES = java.util.List.of("active", "recurrence", "relapse");
  /** SNOMED 72892002 Normal pregnancy, 47200007 Non-low risk pregnancy (Synthea's), 77386006 Pregnant. */
  static final java.util.List<String> PREGNANCY_CONDITIONS = java.util.List.of("72892002", "47200007", "77386006");
  /**
   * SNOMED 66348005 Childbirth, 236974004 Instrumental delivery, 11466000 Cesarean section, 65588006
   * Premature birth of newborn (Synthea's delivery procedures), 236973005 Delivery procedure.
   */
  static final java.util.List<String> DELIVERY_PROCEDURES = java.util.List.of("66348005", "236974004", "11466000",
      "65588006", "236973005");
}
