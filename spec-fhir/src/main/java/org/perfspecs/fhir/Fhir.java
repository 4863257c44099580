package org.perfspecs.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * The one HAPI {@link FhirContext} of this JVM, created on first use (scanning the R4 model takes
 * seconds and some 20 MB, so it is never created twice). Parsers are cheap and not thread-safe:
 * each reader makes its own with {@link #jsonParser()}.
 */
final class Fhir {
  private Fhir() {}

  /** Lazily initialised holder: the class is loaded, and the context built, on the first call. */
  private static final class Holder {
    // HAPI's own per-JVM R4 context, so other code in this JVM (the CQL engine) shares it
    static final FhirContext CONTEXT = FhirContext.forR4Cached();
  }

  /** The JVM's R4 context. */
  static FhirContext context() {
    return Holder.CONTEXT;
  }

  /** A new JSON parser (one per reader or writer; never HAPI's NDJSON parser, which builds one Bundle of everything). */
  static IParser jsonParser() {
    return context().newJsonParser();
  }
}
