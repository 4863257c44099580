package org.perfspecs.model;

import org.apiguardian.api.API;

/** People and organisations a document can be developed with, given to, or forwarded to. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Party {
  MEMBER,
  FAMILY,
  GUARDIAN,
  CAREGIVER,
  SIGNIFICANT_OTHER,
  NATURAL_SUPPORTS,
  PCC,
  OBSTETRIC_PROVIDER,
  PSYCHIATRIST,
  PHYSICIAN,
  TREATMENT_TEAM,
  REFERRAL_SOURCE,
  DMH_CLINICIAN,
  DCF_CASEWORKER,
  STATE_AGENCY,
  OUTPATIENT_PROVIDER,
  SCHOOL,
  CRISIS_INTERVENTION_PROVIDER,
  PROBATION_OR_PAROLE,
  PAYER_CARE_TEAM,
  OTHER
}
