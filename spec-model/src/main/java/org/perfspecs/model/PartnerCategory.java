package org.perfspecs.model;

import org.apiguardian.api.API;

/** Kinds of organisation a program has an agreement with. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum PartnerCategory {
  MEDICATION_FOR_ADDICTION_TREATMENT,
  MEDICATION_MANAGEMENT,
  EMERGENCY_SERVICE_PROGRAM,
  PREGNANT_WOMENS_ACCESS_LINE,
  OBSTETRIC_PRACTICE,
  BIRTHING_HOSPITAL,
  EARLY_INTERVENTION,
  HOME_VISITING,
  OUTPATIENT_PROVIDER,
  ADDICTION_NON_24_HOUR,
  ADDICTION_24_HOUR,
  BEHAVIORAL_HEALTH_COMMUNITY_PARTNER,
  LICENSED_MENTAL_HEALTH_CENTER,
  PARTIAL_HOSPITALIZATION,
  EMERGENCY_DEPARTMENT,
  PRIMARY_CARE_PRACTICE,
  HOSPITAL,
  OB_GYN_PRACTICE,
  COMMUNITY_HEALTH_CENTER,
  CRIMINAL_JUSTICE_PROGRAM,
  SPECIALTY_DRUG_COURT,
  FAITH_BASED_ORGANIZATION,
  RECOVERY_SUPPORT_CENTER,
  SUPPORTIVE_SOBER_HOUSING,
  /** Inpatient mental health facility. */
  INPATIENT_MENTAL_HEALTH,
  /** ASAM Level 4 detoxification services. */
  DETOXIFICATION_LEVEL_4,
  /** Acute Treatment Services (ATS) for substance use, ASAM Level 3.7. */
  ACUTE_TREATMENT_SERVICES,
  /** Enhanced ATS (E-ATS) for individuals with co-occurring mental health and substance use disorders. */
  ENHANCED_ACUTE_TREATMENT_SERVICES,
  /** Structured Outpatient Addiction Program (SOAP). */
  STRUCTURED_OUTPATIENT_ADDICTION_PROGRAM,
  /** Regional court clinic. */
  REGIONAL_COURT_CLINIC,
  /** Residential Rehabilitation Services (RRS). */
  RESIDENTIAL_REHABILITATION_SERVICES,
  /** Residential Support Services (halfway house). */
  RESIDENTIAL_SUPPORT_SERVICES,
  /** Opioid replacement therapy (opioid treatment program). */
  OPIOID_TREATMENT_PROGRAM,
  /** Department of Mental Health (DMH) residential program. */
  DMH_RESIDENTIAL,
  /** Transitional supportive housing. */
  TRANSITIONAL_SUPPORTIVE_HOUSING,
  /** Transitional Support Services (TSS) for substance use. */
  TRANSITIONAL_SUPPORT_SERVICES,
  /** Shelter program. */
  SHELTER,
  /** Recovery Learning Community (RLC). */
  RECOVERY_LEARNING_COMMUNITY,
  OTHER
}
