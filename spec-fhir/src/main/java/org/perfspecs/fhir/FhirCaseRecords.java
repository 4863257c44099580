package org.perfspecs.fhir;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Bundle;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;

/**
 * Case records from and to FHIR R4, as {@code spec-fhir/MAPPING.md} states element by element.
 *
 * <p>Reading: every Patient becomes a {@link org.perfspecs.model.Member} and every EpisodeOfCare of
 * a service the specifications cover (its type in the service-type code system) a {@link
 * CaseRecord}, from the resources linked to it; each record passes {@link ModelValidator} or is
 * rejected with its problems. Every resource is counted as used, ignored or rejected. Writing: a
 * record becomes a collection Bundle that reads back to an equal record.
 *
 * <p>Stateless and thread-safe. For files (a Bundle, an NDJSON of Bundles, a bulk-data export
 * directory), see {@link FhirSources}.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FhirCaseRecords {
  private FhirCaseRecords() {}

  private static final class Validator {
    static final ModelValidator INSTANCE = ModelValidator.create();
  }

  /** The shared validator (thread-safe, built once). */
  static ModelValidator validator() {
    return Validator.INSTANCE;
  }

  /**
   * Reads the members and case records of a Bundle (collection, transaction, searchset, ...; any
   * number of patients).
   *
   * @param bundle the Bundle; not {@code null}
   * @return the records, members, problems (located by FHIRPath, e.g. {@code
   *     Bundle.entry[3].resource.ofType(Encounter).period.start}) and the summary of every resource
   * @throws NullPointerException if {@code bundle} is null
   */
  public static FhirReadResult read(Bundle bundle) {
    java.util.Objects.requireNonNull(bundle, "bundle");
    List<Located> resources = new ArrayList<>();
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      var entry = bundle.getEntry().get(i);
      if (entry.hasResource()) {
        resources.add(new Located(entry.getResource(), null, 0,
            "Bundle.entry[" + i + "].resource.ofType(" + entry.getResource().fhirType() + ")",
            entry.hasFullUrl() ? entry.getFullUrl() : null));
      }
    }
    Tally tally = new Tally();
    List<FhirProblem> problems = new ArrayList<>();
    ResourceMapper mapper = new ResourceMapper(validator(), tally, problems);
    mapper.map(resources);
    return new FhirReadResult(mapper.records(), mapper.members(), mapper.programs(), problems, mapper.recordsRejected(), tally.snapshot());
  }

  /**
   * The record as a FHIR collection Bundle: Patient, Coverage, pregnancy Observations, Procedure,
   * PractitionerRole/Practitioner, EpisodeOfCare, CareTeam, Encounter/Communication, Composition,
   * ServiceRequest (+Task), Appointment, AdverseEvent, CarePlan (+Goal), Consent (permit, and deny for each
   * refusal), Observation (each necessity determination). {@link
   * #read(Bundle)} of it gives back an equal record.
   *
   * @param record the record; not {@code null}
   * @return a new Bundle of type collection, its id the episode's
   */
  public static Bundle toBundle(CaseRecord record) {
    java.util.Objects.requireNonNull(record, "record");
    return CaseRecordWriter.write(record);
  }

  /** {@link #toBundle(CaseRecord)} as compact FHIR JSON, one line (an NDJSON line). */
  public static String toJson(CaseRecord record) {
    return Fhir.jsonParser().encodeResourceToString(toBundle(record));
  }

  /**
   * Parses one FHIR JSON Bundle.
   *
   * @throws ca.uhn.fhir.parser.DataFormatException if it is not a valid FHIR JSON Bundle
   */
  public static Bundle parseBundle(String json) {
    return Fhir.jsonParser().parseResource(Bundle.class, json);
  }
}
