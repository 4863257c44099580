package org.perfspecs.model;

import org.apiguardian.api.API;

/** Whether a member is pregnant or postpartum. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum PregnancyState {
  PREGNANT,
  POSTPARTUM
}
