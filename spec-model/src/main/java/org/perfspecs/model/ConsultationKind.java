package org.perfspecs.model;

import org.apiguardian.api.API;

/** Kinds of consultation a program arranges. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ConsultationKind {
  MEDICAL,
  OBSTETRIC,
  PSYCHIATRIC,
  PEDIATRIC,
  OTHER
}
