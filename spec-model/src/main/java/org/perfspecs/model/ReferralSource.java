package org.perfspecs.model;

import org.apiguardian.api.API;

/** Who referred a member into a service. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ReferralSource {
  MEDICAL_PROVIDER,
  BEHAVIORAL_HEALTH_PROVIDER,
  COMMUNITY_PARTNER,
  CARE_MANAGER,
  INPATIENT_24_HOUR,
  DIVERSIONARY_24_HOUR,
  EMERGENCY_SERVICES,
  STATE_AGENCY,
  COURT,
  SELF,
  FAMILY,
  OTHER
}
