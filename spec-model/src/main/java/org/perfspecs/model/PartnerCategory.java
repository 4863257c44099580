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
  OTHER
}
