package org.perfspecs.model;

import org.apiguardian.api.API;

/** The five services the specifications describe; an {@link Episode} is a stay in one of them. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ServiceType {
  /** Enhanced Structured Outpatient Addiction Program for Pregnant and Postpartum Members. */ ESOAP,
  /** Residential Rehabilitation Services for Pregnant and Post-Partum Women. */ RRS_PPW,
  /** Intensive Outpatient Program. */ IOP,
  /** Community Support Programs. */ CSP,
  /** Recovery Coach. */ RC
}
