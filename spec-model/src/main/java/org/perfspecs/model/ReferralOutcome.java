package org.perfspecs.model;

import org.apiguardian.api.API;

/** What became of a referral made out of the service. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ReferralOutcome {
  PENDING,
  ATTENDED,
  NOT_ATTENDED,
  CONNECTED,
  DECLINED
}
