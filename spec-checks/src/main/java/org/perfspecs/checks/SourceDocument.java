package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One of the bundled source documents (in {@code org/perfspecs/checks/sources/}): its file name,
 * its title as the document prints it, who publishes it and its revision, each read from the
 * document itself (its first heading, its products list or body, and its document history or
 * revision table). {@link #name()} is how citations name it everywhere: {@code Community Support
 * Programs (CSP) Performance Specifications, Tufts Health Plan, January 2024}. Immutable.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SourceDocument {
  private static final List<SourceDocument> BUNDLED = List.of(
      new SourceDocument("000_4fd1008dbee64ccb.txt",
          "Non-24-Hour Diversionary Services Enhanced Structured Outpatient Addiction Program (SOAP) for Pregnant "
              + "and Postpartum Members Performance Specifications", "Tufts Health Plan", "January 2024"),
      new SourceDocument("001_bda47ff7bfcff29a.txt",
          "Residential Rehabilitation Services (RRS) for Pregnant and Post-Partum Women", "Optum", ""),
      new SourceDocument("002_93c8a0f5b5c02304.txt",
          "Intensive Outpatient Program (IOP) Performance Specifications, PS #014", "Commonwealth Care Alliance",
          "revised 4/19/2023"),
      new SourceDocument("003_6642615165961ed2.txt",
          "Community Support Programs (CSP) Performance Specifications", "Tufts Health Plan", "January 2024"),
      new SourceDocument("004_7e1eb527e4ad0cc9.txt",
          "Recovery Coach Performance Specifications", "Tufts Health Plan", "July 2020"));

  private final String file;
  private final String title;
  private final String publisher;
  private final String revision;

  private SourceDocument(String file, String title, String publisher, String revision) {
    this.file = requireNonNull(file, "file");
    this.title = requireNonNull(title, "title");
    this.publisher = requireNonNull(publisher, "publisher");
    this.revision = requireNonNull(revision, "revision");
  }

  /** The five bundled documents, in catalog order. */
  public static List<SourceDocument> bundled() {
    return BUNDLED;
  }

  /**
   * The bundled document stored as {@code file} (e.g. {@code 003_6642615165961ed2.txt}), or empty
   * when it is not one of the bundled five (a user's own document).
   */
  public static Optional<SourceDocument> bundled(String file) {
    for (SourceDocument d : BUNDLED) {
      if (d.file.equals(file)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /**
   * How a citation names the document {@code file}: the bundled document's {@link #name()}, or
   * {@code file} itself for a document that is not bundled. Never null.
   */
  public static String nameOf(String file) {
    return bundled(file).map(SourceDocument::name).orElse(file);
  }

  /** The bundled file name, e.g. {@code 003_6642615165961ed2.txt}. */
  public String file() {
    return file;
  }

  /** The title as the document prints it (its first heading). */
  public String title() {
    return title;
  }

  /** Who publishes it: {@code Tufts Health Plan}, {@code Optum}, {@code Commonwealth Care Alliance}. */
  public String publisher() {
    return publisher;
  }

  /** The revision as the document dates it ({@code January 2024}); empty for an undated document. */
  public String revision() {
    return revision;
  }

  /**
   * Title, publisher and revision: {@code Community Support Programs (CSP) Performance
   * Specifications, Tufts Health Plan, January 2024} (no revision for an undated document).
   */
  public String name() {
    return title + ", " + publisher + (revision.isEmpty() ? "" : ", " + revision);
  }

  @Override
  public String toString() {
    return name();
  }
}
