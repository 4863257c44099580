package org.perfspecs.model;

import org.apiguardian.api.API;

/** Kinds of appointment a record holds. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum AppointmentKind {
  INITIAL,
  AFTERCARE,
  PSYCHIATRIC_AFTERCARE,
  PRIMARY_CARE,
  PHYSICAL_EXAM,
  OBSTETRIC,
  PRENATAL,
  POSTPARTUM,
  MEDICAL,
  PEDIATRIC,
  SPECIALIZED_PEDIATRIC,
  MENTAL_HEALTH,
  DENTAL,
  WALK_IN_MEDICAL,
  OTHER
}
