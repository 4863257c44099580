package org.perfspecs.model;

import org.apiguardian.api.API;

/** How a contact took place. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ContactMode {
  IN_PERSON,
  PHONE,
  TEXT,
  TELEHEALTH
}
