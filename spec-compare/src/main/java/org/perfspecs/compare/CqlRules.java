package org.perfspecs.compare;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Patient;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.perfspecs.fhir.FhirCodeSystems;
import org.perfspecs.model.ServiceType;

/**
 * The five rules in CQL, run by the reference engine over one member's FHIR Bundle. Each library
 * defines {@code Outcome} (a string, {@code null} when the record is not of the rule's service)
 * and {@code Due} (a DateTime); only those two expressions are evaluated. Libraries are compiled
 * once per instance. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class CqlRules {
  private static final List<String> EXPRESSIONS = List.of("Outcome", "Due");
  private final CqlRunner runner;

  /** Compiles nothing yet: each library is compiled on its first use and cached. */
  public CqlRules() {
    List<String> libraries = new java.util.ArrayList<>();
    libraries.add("PerfspecsCommon");
    Arrays.stream(Rule.values()).map(Rule::library).forEach(libraries::add);
    this.runner = new CqlRunner(libraries);
  }

  /**
   * The verdict of each rule for the record of {@code bundle} (its first Patient and
   * EpisodeOfCare) as of {@code asOf}: the rules of the episode's service only, in one engine.
   *
   * @throws IllegalArgumentException when the bundle has no Patient or no EpisodeOfCare with a service
   * @throws CqlRunner.CqlEvaluationException when the engine fails
   */
  public Map<Rule, Verdict> evaluate(Bundle bundle, Instant asOf) {
    requireNonNull(asOf, "asOf");
    String patientId = null;
    ServiceType service = null;
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      if (patientId == null && e.getResource() instanceof Patient p) {
        patientId = p.getIdElement().getIdPart();
      }
      if (service == null && e.getResource() instanceof EpisodeOfCare ep) {
        service = serviceOf(ep);
      }
    }
    if (patientId == null || service == null) {
      throw new IllegalArgumentException("the bundle has no Patient or no EpisodeOfCare with a perfspecs service type");
    }
    Map<String, Object> parameters = Map.of("AsOf", new DateTime(asOf.atOffset(ZoneOffset.UTC)));
    List<Rule> rules = Rule.forService(service);
    Map<String, List<String>> libraries = new java.util.HashMap<>();
    rules.forEach(r -> libraries.put(r.library(), EXPRESSIONS));
    Map<String, Map<String, Object>> values = runner.evaluate(bundle, patientId, libraries, parameters);
    Map<Rule, Verdict> out = new EnumMap<>(Rule.class);
    for (Rule rule : rules) {
      Map<String, Object> v = values.get(rule.library());
      Object outcome = v.get("Outcome");
      if (outcome == null) {
        throw new IllegalStateException(rule.library() + " gave no outcome for a " + service + " episode");
      }
      Object due = v.get("Due");
      out.put(rule, new Verdict((String) outcome,
          due instanceof DateTime d ? Optional.of(d.getDateTime().toInstant()) : Optional.empty()));
    }
    return out;
  }

  private static ServiceType serviceOf(EpisodeOfCare ep) {
    for (var type : ep.getType()) {
      for (var coding : type.getCoding()) {
        if (FhirCodeSystems.SERVICE_TYPE.equals(coding.getSystem())) {
          return ServiceType.valueOf(coding.getCode());
        }
      }
    }
    return null;
  }
}
