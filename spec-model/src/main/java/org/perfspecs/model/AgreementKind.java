package org.perfspecs.model;

import org.apiguardian.api.API;

/** Kinds of written agreement a program holds. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum AgreementKind {
  AFFILIATION,
  OPERATIONAL,
  MEMORANDUM_OF_UNDERSTANDING,
  QUALIFIED_SERVICE_ORGANIZATION,
  BUSINESS_ASSOCIATE,
  LINKAGE,
  CONTRACT,
  OTHER
}
