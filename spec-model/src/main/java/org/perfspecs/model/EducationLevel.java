package org.perfspecs.model;

import org.apiguardian.api.API;

/** Highest education a staff member has completed. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum EducationLevel {
  NONE,
  HIGH_SCHOOL_OR_GED,
  BACHELORS_RELATED_FIELD,
  BACHELORS_OTHER,
  MASTERS,
  DOCTORATE
}
