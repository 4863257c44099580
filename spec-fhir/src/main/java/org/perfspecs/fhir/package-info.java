/**
 * FHIR R4 in and out: {@link org.perfspecs.fhir.FhirCaseRecords} reads Bundles (a file, an NDJSON
 * of Bundles, a bulk-data export directory) into {@link org.perfspecs.model.CaseRecord}s and writes
 * a record back as a Bundle; {@link org.perfspecs.fhir.FhirFindings} turns findings into Tasks,
 * DetectedIssues and a MeasureReport. The mapping, resource by resource and element by element,
 * is {@code spec-fhir/MAPPING.md}; the module's own code systems are {@link
 * org.perfspecs.fhir.FhirCodeSystems}.
 *
 * <p>Built on HAPI FHIR's R4 structures, with one {@code FhirContext} per JVM, created lazily.
 * Nothing here reads the clock, the default time zone or the default locale.
 */
package org.perfspecs.fhir;
