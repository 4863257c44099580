package org.perfspecs.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import org.perfspecs.fhir.FhirProblem.Severity;

/**
 * Parses FHIR JSON one resource at a time with HAPI's JSON parser, so that a malformed resource is
 * rejected alone: with its file, line and the FHIRPath of the element at fault, never the value.
 * Bundles are split with Jackson and each entry's resource parsed on its own. Not thread-safe (one
 * per reader).
 */
final class ResourceParser {
  /** The one mapper: its trees, and {@link BulkExportLines#place}'s streaming scan, read JSON alike. */
  static final ObjectMapper JSON = new ObjectMapper();

  private final IParser parser = Fhir.jsonParser();
  private final Tally tally;
  private final List<FhirProblem> problems;
  private String file;
  private long line;
  private String path;
  private final List<FhirProblem> pendingWarnings = new java.util.ArrayList<>();

  ResourceParser(Tally tally, List<FhirProblem> problems) {
    this.tally = tally;
    this.problems = problems;
    parser.setParserErrorHandler(new Handler());
  }

  /** A line or document that is not a JSON object: rejected as a whole. */
  Optional<ObjectNode> object(String json, String file, long line, String what) {
    Optional<ObjectNode> o = object(json, file, line, what, problems);
    if (o.isEmpty()) {
      tally.linesRejected++;
    }
    return o;
  }

  /**
   * A line or document as a JSON object; else empty, with its problem (ERROR, {@code what} as the
   * location, never a value) added to {@code problems}. Thread-safe.
   */
  static Optional<ObjectNode> object(String json, String file, long line, String what, List<FhirProblem> problems) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node instanceof ObjectNode o) {
        return Optional.of(o);
      }
      problems.add(FhirProblem.of(Severity.ERROR, file, line, what, "is not a JSON object"));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      problems.add(FhirProblem.of(Severity.ERROR, file, line, what, "is not well-formed JSON"));
    }
    return Optional.empty();
  }

  private void reject(String file, long line, String what, String message) {
    tally.linesRejected++;
    problems.add(FhirProblem.of(Severity.ERROR, file, line, what, message));
  }

  /**
   * The resources of a Bundle object, each parsed alone; a malformed entry is rejected (counted, with
   * a problem) and the others kept.
   */
  void bundle(ObjectNode bundle, String file, long line, List<Located> out) {
    JsonNode type = bundle.get("resourceType");
    if (type == null || !"Bundle".equals(type.asText())) {
      reject(file, line, type == null ? "(resource)" : safeType(type.asText()),
          "is not a Bundle (give a Bundle, an NDJSON of Bundles, or a bulk-data export directory)");
      return;
    }
    JsonNode entries = bundle.get("entry");
    if (entries == null) {
      return;
    }
    if (!entries.isArray()) {
      reject(file, line, "Bundle.entry", "is not an array");
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      JsonNode resource = entry.get("resource");
      if (resource == null) {
        continue;
      }
      String rtype = resource.hasNonNull("resourceType") ? safeType(resource.get("resourceType").asText()) : "unknown";
      String where = "Bundle.entry[" + i + "].resource.ofType(" + rtype + ")";
      JsonNode fullUrl = entry.get("fullUrl");
      resource(resource, rtype, file, line, where, fullUrl != null && fullUrl.isTextual() ? fullUrl.asText() : null)
          .ifPresent(out::add);
    }
  }

  /** One resource (a bulk-data line, or a Bundle entry's resource); rejected alone when malformed. */
  Optional<Located> resource(JsonNode node, String type, String file, long line, String where, String fullUrl) {
    this.file = file;
    this.line = line;
    this.path = where;
    pendingWarnings.clear();
    try {
      Resource r = (Resource) parser.parseResource(node.toString());
      problems.addAll(pendingWarnings);
      return Optional.of(new Located(r, file, line, where, fullUrl));
    } catch (Rejected e) {
      problems.add(FhirProblem.of(Severity.ERROR, file, line, e.location, e.getMessage()));
    } catch (DataFormatException | ClassCastException e) {
      problems.add(FhirProblem.of(Severity.ERROR, file, line, where, "is not a FHIR R4 resource the JSON parser accepts"));
    }
    tally.rejected(type);
    return Optional.empty();
  }

  /** A resource type as given, when it is a plain name (else a placeholder, so no input text is echoed). */
  static String safeType(String type) {
    return type.matches("[A-Z][A-Za-z]{1,63}") ? type : "unknown";
  }

  private String at(IParserErrorHandler.IParseLocation location, String element) {
    StringBuilder b = new StringBuilder(path);
    String parent = location == null ? null : location.getParentElementName();
    if (parent != null && !parent.isEmpty() && parent.matches("[A-Za-z0-9_\\[\\].]+")) {
      b.append(" (in ").append(parent).append(')');
    }
    if (element != null && element.matches("[A-Za-z0-9_]+")) {
      b.append('.').append(element);
    }
    return b.toString();
  }

  /** Rejects a resource: value-free message, FHIRPath location. */
  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String location;

    Rejected(String location, String message) {
      super(message, null, false, false);
      this.location = location;
    }
  }

  private final class Handler implements IParserErrorHandler {
    private void warn(IParseLocation l, String element, String message) {
      pendingWarnings.add(FhirProblem.of(Severity.WARNING, file, line, at(l, element), message));
    }

    @Override
    public void containedResourceWithNoId(IParseLocation l) {
      warn(l, null, "a contained resource has no id (ignored)");
    }

    @Override
    public void incorrectJsonType(IParseLocation l, String element, BaseJsonLikeValue.ValueType expected,
        BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
        BaseJsonLikeValue.ScalarType foundScalar) {
      if (element != null && element.startsWith("_")) {
        // the id/extension slot of an element: only that extension data is lost (HL7's own R4 examples
        // have such an _event on ActivityDefinition and PlanDefinition)
        warn(l, null, "has an extension slot of the wrong JSON type (ignored)");
        return;
      }
      throw new Rejected(at(l, element), "has the wrong JSON type (expected " + expected
          + (expectedScalar == null ? "" : " " + expectedScalar) + ")");
    }

    @Override
    public void invalidValue(IParseLocation l, String value, String error) {
      throw new Rejected(at(l, null), "has a value that is not valid for its FHIR datatype");
    }

    @Override
    public void missingRequiredElement(IParseLocation l, String element) {
      warn(l, element, "a required element is missing");
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation l, String element) {
      throw new Rejected(at(l, element), "repeats an element that may occur once");
    }

    @Override
    public void unknownAttribute(IParseLocation l, String attribute) {
      warn(l, null, "has an unknown attribute (ignored)");
    }

    @Override
    public void unknownElement(IParseLocation l, String element) {
      warn(l, element, "is not an element of FHIR R4 (ignored)");
    }

    @Override
    public void unknownReference(IParseLocation l, String reference) {
      warn(l, null, "has a reference that cannot be resolved (ignored)");
    }

    @Override
    public void invalidInternalReference(IParseLocation l, String reference) {
      warn(l, null, "has an internal reference that cannot be resolved (ignored)");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation l) {
      throw new Rejected(at(l, null), "an extension has both a value and nested extensions");
    }
  }
}
