package org.perfspecs.model;

import org.apiguardian.api.API;

/** What a contact was. {@link #CASE_RELATED_WORK} is work on the case without the member present (it never counts as a connection with the member). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ContactKind {
  INDIVIDUAL,
  GROUP,
  FAMILY,
  EDUCATION,
  PROGRAM_DAY,
  OUTREACH_ATTEMPT,
  CASE_MANAGEMENT,
  CRISIS_INTERVENTION,
  MEDICATION_MANAGEMENT,
  PEER_SUPPORT,
  TRANSPORTATION,
  ACCOMPANIMENT,
  CASE_RELATED_WORK,
  TEAM_MEETING,
  /** An adjunctive therapy session (life planning skills, expressive therapies), IOP covered services. */
  ADJUNCTIVE_THERAPY,
  OTHER
}
