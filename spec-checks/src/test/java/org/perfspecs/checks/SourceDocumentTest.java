package org.perfspecs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.catalog.Catalog;

/** The bundled documents' titles, publishers and revisions are the documents' own. */
class SourceDocumentTest {
  private static String text(SourceDocument d) throws IOException {
    try (InputStream in = SourceDocument.class.getResourceAsStream("sources/" + d.file())) {
      assertThat(in).as(d.file()).isNotNull();
      return normalise(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String normalise(String s) {
    return s.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  @Test
  void eachTitlePublisherAndRevisionIsReadFromTheDocument() throws IOException {
    for (SourceDocument d : SourceDocument.bundled()) {
      String text = text(d);
      // the IOP title is printed as "Intensive Outpatient Program (IOP) PERFORMANCE SPECIFICATIONS" and "PS #: 014"
      String title = d.title().replace(", PS #014", "");
      assertThat(text).as(d.file()).contains(normalise(title));
      assertThat(text).as(d.file()).contains(normalise(d.publisher()));
      assertThat(text).as(d.file()).contains(normalise(d.revision().replace("revised ", "")));
    }
    assertThat(text(SourceDocument.bundled("002_93c8a0f5b5c02304.txt").orElseThrow())).contains("ps #: 014")
        .contains("last revised date: 4/19/2023");
  }

  @Test
  void citationsNameTheDocumentByTitleAndRevisionNotByFile() {
    Specification csp = Catalog.standard().specification("CSP").orElseThrow();
    assertThat(csp.documentName())
        .isEqualTo("Community Support Programs (CSP) Performance Specifications, Tufts Health Plan, January 2024");
    assertThat(SourceDocument.bundled("001_bda47ff7bfcff29a.txt").orElseThrow().name())
        .isEqualTo("Residential Rehabilitation Services (RRS) for Pregnant and Post-Partum Women, Optum");
    for (Requirement r : Catalog.standard().requirements()) {
      assertThat(r.citation().documentName()).doesNotEndWith(".txt");
      assertThat(r.citation().reference()).startsWith(r.citation().documentName() + "; ")
          .endsWith("; item " + r.citation().label()).doesNotContain(r.citation().document());
    }
    assertThat(Citation.of("mine.txt", "S", "1", "text").documentName()).isEqualTo("mine.txt");
    assertThat(SourceDocument.bundled()).extracting(SourceDocument::file)
        .containsExactlyElementsOf(Catalog.standard().specifications().stream().map(Specification::sourceFile).toList());
  }
}
