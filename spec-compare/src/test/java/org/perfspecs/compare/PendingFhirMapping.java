package org.perfspecs.compare;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.perfspecs.fhir.FhirCaseRecords;
import org.perfspecs.fhir.FhirCodeSystems;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.NecessityDetermination;

/**
 * The FHIR form of a record for the agreement tests: spec-fhir's Bundle, plus what spec-fhir does
 * not write yet. PENDING MAPPING (issue 16): necessity determinations (issue 15's model) are not
 * mapped by spec-fhir yet; until they are, each consultation determination is added here in the
 * form the model documents ({@link NecessityDetermination}'s Javadoc, the form {@code
 * PerfspecsCommon."Determinations"} reads): an Observation coded with the consultation kind, {@code
 * valueBoolean} = necessary, {@code effectiveDateTime} = when. When spec-fhir writes any such
 * Observation itself, nothing is added (its own form is then the one compared).
 */
final class PendingFhirMapping {
  private PendingFhirMapping() {}

  static Bundle bundle(CaseRecord record) {
    Bundle bundle = FhirCaseRecords.toBundle(record);
    boolean written = bundle.getEntry().stream().anyMatch(e -> e.getResource() instanceof Observation o
        && o.getCode().getCoding().stream().anyMatch(c -> FhirCodeSystems.CONSULTATION_KIND.equals(c.getSystem())));
    if (written || record.episode().necessityDeterminations().isEmpty()) {
      return bundle;
    }
    String patient = bundle.getEntry().stream().filter(e -> e.getResource() instanceof Patient)
        .map(e -> e.getResource().getIdElement().getIdPart()).findFirst().orElseThrow();
    for (NecessityDetermination d : record.episode().necessityDeterminations()) {
      if (d.consultation().isEmpty()) {
        continue;
      }
      Observation o = new Observation();
      o.setId("Observation/" + record.episode().id() + "-necessity-" + d.id());
      o.setStatus(Observation.ObservationStatus.FINAL);
      o.setCode(new CodeableConcept(new Coding(FhirCodeSystems.CONSULTATION_KIND, d.consultation().get().name(), null)));
      o.setSubject(new Reference("Patient/" + patient));
      o.setEffective(new DateTimeType(java.util.Date.from(d.at()), ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI,
          java.util.TimeZone.getTimeZone("UTC")));
      o.setValue(new BooleanType(d.necessary()));
      bundle.addEntry().setFullUrl(o.getId()).setResource(o);
    }
    return bundle;
  }
}
