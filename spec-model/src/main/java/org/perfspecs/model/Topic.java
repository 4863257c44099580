package org.perfspecs.model;

import org.apiguardian.api.API;

/** Education and counselling topics a contact can cover, and counselling needs a record can mark. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Topic {
  PRENATAL_CARE,
  POSTPARTUM_CARE,
  HIV_AIDS,
  HEPATITIS,
  SEXUALLY_TRANSMITTED_INFECTIONS,
  OTHER_HEALTH_ISSUES,
  INFECTIOUS_DISEASE_TESTING,
  NUTRITION,
  EARLY_CHILDCARE,
  NEONATAL_ABSTINENCE_SYNDROME,
  DCF,
  BREASTFEEDING,
  LACTATION,
  SMOKING_EFFECTS,
  FAMILY_PRESERVATION,
  PARENTING_SKILLS,
  CHILD_DEVELOPMENT,
  BUDGETING,
  ACCESS_TO_RESOURCES,
  FAMILY_PLANNING,
  MENTAL_ILLNESS,
  SUBSTANCE_USE,
  RECOVERY,
  PSYCHOTROPIC_MEDICATIONS,
  MEDICATIONS_FOR_PHYSICAL_DISORDERS,
  SAFE_RELATIONSHIPS,
  VIOLENCE,
  DAILY_LIVING_SKILLS,
  CRISIS_PREVENTION,
  SAFETY_PLANNING,
  WELLNESS_PLAN_GOALS,
  /** Encouragement to undergo HIV testing (ESOAP Components of Service 6.e). */
  HIV_TESTING,
  /** Encouragement to undergo syphilis testing. */
  SYPHILIS_TESTING,
  /** Encouragement to undergo hepatitis B testing. */
  HEPATITIS_B_TESTING,
  /** Encouragement to undergo hepatitis C testing. */
  HEPATITIS_C_TESTING,
  /** Encouragement to undergo chlamydia testing. */
  CHLAMYDIA_TESTING,
  /** Encouragement to undergo gonorrhea testing. */
  GONORRHEA_TESTING,
  /** Encouragement to undergo PAP testing. */
  PAP_TESTING,
  OTHER
}
