package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a requirement comes from: the source document (file name in the bundled sources, named by
 * its title, publisher and revision through {@link #documentName()}), the section heading as the
 * document prints it, the item's label (e.g. {@code 4, second bullet}) and the verbatim text of the
 * obligation. {@link #reference()} is the short form findings carry.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Citation {
  private final String document;
  private final String section;
  private final String label;
  private final String text;

  private Citation(String document, String section, String label, String text) {
    this.document = requireNonNull(document, "document");
    this.section = requireNonNull(section, "section");
    this.label = requireNonNull(label, "label");
    this.text = requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("citation text must not be blank");
    }
  }

  /**
   * A citation.
   *
   * @param document source file name, e.g. {@code 002_93c8a0f5b5c02304.txt}
   * @param section the section heading as printed
   * @param label the item's label within the section
   * @param text the verbatim text (whitespace may differ; words may not)
   */
  public static Citation of(String document, String section, String label, String text) {
    return new Citation(document, section, label, text);
  }

  /** Source file name (see {@link #documentName()} for the document's own name). */
  public String document() {
    return document;
  }

  /**
   * The document by its title, publisher and revision ({@code Community Support Programs (CSP)
   * Performance Specifications, Tufts Health Plan, January 2024}); the file name for a document
   * that is not bundled.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public String documentName() {
    return SourceDocument.nameOf(document);
  }

  /**
   * The short reference findings carry: document name, section heading and item label, e.g.
   * {@code Community Support Programs (CSP) Performance Specifications, Tufts Health Plan, January
   * 2024; Process Specifications; item 2.b}. Never the verbatim text (see {@link #text()}).
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public String reference() {
    return documentName() + "; " + section + "; item " + label;
  }

  /** Section heading. */
  public String section() {
    return section;
  }

  /** Item label within the section. */
  public String label() {
    return label;
  }

  /** Verbatim text. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Citation c && c.document.equals(document) && c.section.equals(section)
        && c.label.equals(label) && c.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(document, section, label, text);
  }

  @Override
  public String toString() {
    return section + ", " + label + ": \"" + text + "\"";
  }
}
