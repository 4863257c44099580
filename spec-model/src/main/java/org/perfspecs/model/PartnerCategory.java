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
  /** Social services organisations (ESOAP Linkages 2.a: CBHI, the Behavioral Health Helpline, mobile crisis, domestic violence shelters and violence prevention, housing assistance, legal services). */
  SOCIAL_SERVICES_ORGANIZATION,
  /** Family services organisations (ESOAP Linkages 2.b: home visiting, diaper banks and baby supplies, Healthy Start, WIC and nutrition, high-risk infant/family support, early intervention, childcare). */
  FAMILY_SERVICES_ORGANIZATION,
  /** Perinatal medical services (ESOAP Linkages 2.c: family/reproductive health, doula care, prenatal care, lactation and infant feeding support). */
  PERINATAL_MEDICAL_SERVICES,
  /** Non-24 hour addiction treatment: a Structured Outpatient Addiction Program (SOAP). */
  STRUCTURED_OUTPATIENT_ADDICTION_PROGRAM,
  /** Non-24 hour addiction treatment: a Substance Use Disorder outpatient clinic. */
  SUBSTANCE_USE_DISORDER_OUTPATIENT_CLINIC,
  /** Non-24 hour addiction treatment: an Opioid Treatment Program (OTP). */
  OPIOID_TREATMENT_PROGRAM,
  /** 24 hour addiction treatment: Acute Treatment Services (ASAM Level 3.7). */
  ACUTE_TREATMENT_SERVICES,
  /** 24 hour addiction treatment: Clinical Stabilization Services (ASAM Level 3.5). */
  CLINICAL_STABILIZATION_SERVICES,
  /** 24 hour addiction treatment: Transitional Support Services (ASAM Level 3.1). */
  TRANSITIONAL_SUPPORT_SERVICES,
  /** 24 hour addiction treatment: Residential Rehabilitation Services (ASAM Level 3.1). */
  RESIDENTIAL_REHABILITATION_SERVICES,
  /** A local Department of Children and Families (DCF) area office and its staff. */
  DCF_AREA_OFFICE,
  /** Inpatient mental health facility. */
  INPATIENT_MENTAL_HEALTH,
  /** ASAM Level 4 detoxification services. */
  DETOXIFICATION_LEVEL_4,
  /** Enhanced ATS (E-ATS) for individuals with co-occurring mental health and substance use disorders. */
  ENHANCED_ACUTE_TREATMENT_SERVICES,
  /** Regional court clinic. */
  REGIONAL_COURT_CLINIC,
  /** Residential Support Services (halfway house). */
  RESIDENTIAL_SUPPORT_SERVICES,
  /** Department of Mental Health (DMH) residential program. */
  DMH_RESIDENTIAL,
  /** Transitional supportive housing. */
  TRANSITIONAL_SUPPORTIVE_HOUSING,
  /** Shelter program. */
  SHELTER,
  /** Recovery Learning Community (RLC). */
  RECOVERY_LEARNING_COMMUNITY,
  OTHER
}
