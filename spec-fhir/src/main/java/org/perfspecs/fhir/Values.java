package org.perfspecs.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Conversions between model values and FHIR datatypes: ids, references, instants and dates (in
 * America/New_York, never the default zone), codings of perfspecs' code systems, extensions.
 */
final class Values {
  private Values() {}

  /** Dates are taken in America/New_York, as everywhere in perfspecs. */
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  /** A valid FHIR id for a model id: the id itself when valid, else a name-based UUID of it. */
  static String fhirId(String modelId) {
    return FHIR_ID.matcher(modelId).matches() ? modelId
        : UUID.nameUUIDFromBytes(modelId.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Sets {@code r}'s id from a model id, keeping the model id as an identifier when it is not a valid FHIR id. */
  static void setId(Resource r, String modelId) {
    String id = fhirId(modelId);
    r.setId(id);
    if (!id.equals(modelId)) {
      Identifier identifier = new Identifier().setSystem(FhirCodeSystems.RECORD_ID).setValue(modelId);
      if (r instanceof org.hl7.fhir.r4.model.Patient p) {
        p.addIdentifier(identifier);
      } else if (r instanceof org.hl7.fhir.r4.model.EpisodeOfCare e) {
        e.addIdentifier(identifier);
      } else if (r instanceof org.hl7.fhir.r4.model.Encounter e) {
        e.addIdentifier(identifier);
      } else if (r instanceof org.hl7.fhir.r4.model.Communication c) {
        c.addIdentifier(identifier);
      } else if (r instanceof org.hl7.fhir.r4.model.Composition c) {
        c.setIdentifier(identifier);
      } else if (r instanceof org.hl7.fhir.r4.model.ServiceRequest s) {
        s.addIdentifier(identifier);
      } else if (r instanceof org.hl7.fhir.r4.model.Appointment a) {
        a.addIdentifier(identifier);
      } else if (r instanceof org.hl7.fhir.r4.model.AdverseEvent a) {
        a.setIdentifier(identifier);
      } else if (r instanceof org.hl7.fhir.r4.model.CarePlan c) {
        c.addIdentifier(identifier);
      } else if (r instanceof org.hl7.fhir.r4.model.Task t) {
        t.addIdentifier(identifier);
      } else {
        throw new IllegalArgumentException("no identifier for " + r.fhirType());
      }
    }
  }

  /** The model id of a resource: its perfspecs record-id identifier when it has one, else its id part. */
  static String modelId(Resource r, java.util.List<Identifier> identifiers) {
    for (Identifier i : identifiers) {
      if (FhirCodeSystems.RECORD_ID.equals(i.getSystem()) && i.hasValue()) {
        return i.getValue();
      }
    }
    return r.getIdElement().getIdPart();
  }

  /** A reference to {@code type/id} for a model id (with the model id as identifier when it had to change). */
  static Reference ref(String type, String modelId) {
    String id = fhirId(modelId);
    Reference ref = new Reference(type + "/" + id);
    if (!id.equals(modelId)) {
      ref.setIdentifier(new Identifier().setSystem(FhirCodeSystems.RECORD_ID).setValue(modelId));
    }
    return ref;
  }

  /** The model id a reference points at: its record-id identifier, else the id part; empty for no reference. */
  static Optional<String> refId(Reference ref) {
    if (ref == null) {
      return Optional.empty();
    }
    if (ref.hasIdentifier() && FhirCodeSystems.RECORD_ID.equals(ref.getIdentifier().getSystem())
        && ref.getIdentifier().hasValue()) {
      return Optional.of(ref.getIdentifier().getValue());
    }
    if (!ref.hasReference()) {
      return Optional.empty();
    }
    String part = ref.getReferenceElement().getIdPart();
    return Optional.ofNullable(part);
  }

  /** The resource type a reference names ({@code Patient} for {@code Patient/1}), or empty. */
  static Optional<String> refType(Reference ref) {
    if (ref == null || !ref.hasReference()) {
      return Optional.empty();
    }
    return Optional.ofNullable(ref.getReferenceElement().getResourceType());
  }

  /** An instant as a FHIR dateTime, in UTC ({@code 2024-05-01T13:00:00Z}). */
  static DateTimeType dateTime(Instant t) {
    return new DateTimeType(t.toString());
  }

  /** A date as a FHIR date. */
  static DateType date(LocalDate d) {
    return new DateType(d.toString());
  }

  /** A date as a FHIR dateTime of day precision. */
  static DateTimeType dateTimeOfDay(LocalDate d) {
    return new DateTimeType(d.toString());
  }

  /**
   * The instant of a FHIR date or dateTime: exact when it has a time (its offset applies); the start
   * of the day in America/New_York when it is a date (or a month, a year: their first day).
   */
  static Optional<Instant> instant(BaseDateTimeType t) {
    if (t == null || !t.hasValue()) {
      return Optional.empty();
    }
    if (t.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
      return localDate(t).map(d -> d.atStartOfDay(NEW_YORK).toInstant());
    }
    return Optional.of(t.getValue().toInstant());
  }

  /** The date of a FHIR date or dateTime: as written when it has no time, else its date in America/New_York. */
  static Optional<LocalDate> localDate(BaseDateTimeType t) {
    if (t == null || !t.hasValue()) {
      return Optional.empty();
    }
    if (t.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
      int month = t.getPrecision() == TemporalPrecisionEnum.YEAR ? 1 : t.getMonth() + 1;
      int day = t.getPrecision() == TemporalPrecisionEnum.DAY ? t.getDay() : 1;
      return Optional.of(LocalDate.of(t.getYear(), month, day));
    }
    return Optional.of(t.getValue().toInstant().atZone(NEW_YORK).toLocalDate());
  }

  /** A coding of perfspecs' code system for {@code value}'s enum. */
  static Coding coding(Enum<?> value) {
    return new Coding(FhirCodeSystems.systemOf(value.getDeclaringClass()), value.name(), FhirCodeSystems.display(value));
  }

  /** A CodeableConcept of one perfspecs coding. */
  static CodeableConcept concept(Enum<?> value) {
    return new CodeableConcept(coding(value));
  }

  /** A CodeableConcept of one standard coding. */
  static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept(new Coding(system, code, display));
  }

  /** A perfspecs extension {@code EXTENSION_BASE + name}. */
  static Extension ext(String name, org.hl7.fhir.r4.model.Type value) {
    return new Extension(FhirCodeSystems.EXTENSION_BASE + name, value);
  }

  /** The perfspecs extensions named {@code name} on {@code r}. */
  static java.util.List<Extension> exts(org.hl7.fhir.r4.model.Element e, String name) {
    return e.getExtensionsByUrl(FhirCodeSystems.EXTENSION_BASE + name);
  }

  /** The perfspecs extensions named {@code name} on {@code r}. */
  static java.util.List<Extension> exts(DomainResource r, String name) {
    return r.getExtensionsByUrl(FhirCodeSystems.EXTENSION_BASE + name);
  }
}
