package org.perfspecs.compare;

import org.apiguardian.api.API;
import org.perfspecs.model.ServiceType;

/**
 * The five timed rules compared: the perfspecs requirement id, the service whose records it
 * judges, and the CQL library (in {@code org/perfspecs/compare/cql/}) that expresses it.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public enum Rule {
  /** Initial contact attempt within 24 hours of the referral. */
  CSP_INITIAL_CONTACT("CSP.COMP.3.1", ServiceType.CSP, "CspInitialContact"),
  /** Evaluation within one business day of the referral. */
  IOP_EVALUATION("IOP.COMP.4.a", ServiceType.IOP, "IopEvaluation"),
  /** Medical and obstetric consultations within 48 hours of admission. */
  ESOAP_CONSULTATIONS("ESOAP.COMP.4.2", ServiceType.ESOAP, "EsoapConsultations"),
  /** An after-care appointment within 7 days of discharge. */
  IOP_AFTERCARE("IOP.DISCH.6.b", ServiceType.IOP, "IopAftercare"),
  /** At least five connections per thirty-day period. */
  RC_CONNECTIONS("RC.CASE.2", ServiceType.RC, "RcConnections");

  private final String requirementId;
  private final ServiceType service;
  private final String library;

  Rule(String requirementId, ServiceType service, String library) {
    this.requirementId = requirementId;
    this.service = service;
    this.library = library;
  }

  /** The perfspecs requirement id. */
  public String requirementId() {
    return requirementId;
  }

  /** The service of the records the rule judges. */
  public ServiceType service() {
    return service;
  }

  /** The CQL library's name. */
  public String library() {
    return library;
  }

  /** The rules that judge records of {@code service}, in declaration order. */
  public static java.util.List<Rule> forService(ServiceType service) {
    return java.util.Arrays.stream(values()).filter(r -> r.service == service).toList();
  }
}
