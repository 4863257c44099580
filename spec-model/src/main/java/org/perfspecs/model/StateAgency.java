package org.perfspecs.model;

import org.apiguardian.api.API;

/** State agencies and offices a member can be involved with. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum StateAgency {
  DMH,
  DCF,
  DYS,
  DPH,
  DESE,
  DDS,
  PROBATION,
  PAROLE,
  COURTS
}
