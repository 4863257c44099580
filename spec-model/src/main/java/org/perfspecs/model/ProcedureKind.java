package org.perfspecs.model;

import org.apiguardian.api.API;

/** Written policies and procedures a program can hold. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ProcedureKind {
  MEDICAL_PSYCHIATRIC_EMERGENCIES,
  ADMISSION_CRITERIA,
  DISCHARGE_CRITERIA,
  REFERRAL,
  CREDENTIALING,
  SUPERVISION,
  STAFFING_PLAN,
  CONFLICT_OF_INTEREST,
  CRISIS_RESPONSE,
  BEHAVIORAL_HEALTH_NEEDS,
  /** The transition process (e.g. one an affiliation agreement includes). */
  TRANSITION,
  /** The aftercare process (e.g. one an affiliation agreement includes). */
  AFTERCARE,
  /** The discharge process (e.g. one an affiliation agreement includes). */
  DISCHARGE,
  OTHER
}
