package org.perfspecs.fhir;

import org.hl7.fhir.r4.model.Resource;

/**
 * A parsed resource and where it came from: the file, the 1-based line (0 when unknown), the
 * FHIRPath of the resource ({@code Bundle.entry[3].resource.ofType(Encounter)}, or {@code Encounter}
 * for a bulk-data line), and the Bundle entry's fullUrl when it had one.
 */
record Located(Resource resource, String file, long line, String path, String fullUrl) {
  String type() {
    return resource.fhirType();
  }

  /** {@code Type/id}, the key references resolve to. */
  String key() {
    return type() + "/" + resource.getIdElement().getIdPart();
  }
}
