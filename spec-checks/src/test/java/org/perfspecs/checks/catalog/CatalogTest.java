package org.perfspecs.checks.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Specification;
import org.perfspecs.model.ServiceType;

class CatalogTest {
  private static final Catalog CATALOG = Catalog.standard();
  private static final Map<String, String> SOURCES = new HashMap<>();

  /** The bundled source document, whitespace runs collapsed to one space. */
  private static String source(String file) {
    return SOURCES.computeIfAbsent(file, f -> {
      try (InputStream in = CatalogTest.class.getResourceAsStream("/org/perfspecs/checks/sources/" + f)) {
        assertThat(in).as("bundled source %s", f).isNotNull();
        return collapse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static String collapse(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  /** Every requirement with its specification, walked through the specifications (not the id map). */
  static Stream<Arguments> requirements() {
    List<Arguments> out = new ArrayList<>();
    for (Specification spec : CATALOG.specifications()) {
      for (Section section : spec.sections()) {
        for (Requirement r : section.requirements()) {
          out.add(Arguments.of(r.id(), r, spec, section));
        }
      }
    }
    return out.stream();
  }

  static Stream<Arguments> sections() {
    return CATALOG.specifications().stream()
        .flatMap(spec -> spec.sections().stream().map(s -> Arguments.of(spec.key() + " " + s.key(), spec, s)));
  }

  @Test
  void theCatalogHasTheFiveSpecificationsOnePerService() {
    assertThat(CATALOG.specifications()).extracting(Specification::service)
        .containsExactlyInAnyOrder(ServiceType.values());
    for (ServiceType s : ServiceType.values()) {
      assertThat(CATALOG.specification(s)).get().extracting(Specification::key).isEqualTo(s.name());
      assertThat(CATALOG.specification(s.name())).get().extracting(Specification::service).isEqualTo(s);
    }
  }

  @Test
  void requirementIdsAreUnique() {
    List<String> ids = requirements().map(a -> (String) a.get()[0]).toList();
    Set<String> seen = new HashSet<>();
    List<String> duplicates = ids.stream().filter(id -> !seen.add(id)).toList();
    assertThat(duplicates).as("duplicate requirement ids").isEmpty();
    assertThat(CATALOG.requirements()).extracting(Requirement::id).containsExactlyElementsOf(ids);
    assertThat(ids).isNotEmpty();
  }

  @Test
  void aCatalogWithADuplicateIdIsRejected() {
    Specification iop = CATALOG.specification(ServiceType.IOP).orElseThrow();
    Section comp = iop.sections().stream().filter(s -> s.key().equals("COMP")).findFirst().orElseThrow();
    Specification copy = Specification.builder(ServiceType.IOP).title("copy").issuer("x").revision("x")
        .sourceFile(iop.sourceFile()).sections(comp).build();
    Specification other = Specification.builder(ServiceType.IOP).title("other").issuer("x").revision("x")
        .sourceFile(iop.sourceFile()).sections(comp).build();
    assertThatThrownBy(() -> Catalog.of(List.of(copy, other))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("(?s).*IOP\\.COMP\\.[0-9].*");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requirements")
  void idMatchesTheIdPattern(String id, Requirement r, Specification spec, Section section) {
    assertThat(id).matches(Requirement.ID);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requirements")
  void specAndSectionKeysMatchTheSpecificationAndSection(String id, Requirement r, Specification spec, Section section) {
    assertThat(r.specKey()).isEqualTo(spec.key());
    assertThat(r.specKey()).isEqualTo(spec.service().name());
    assertThat(r.sectionKey()).isEqualTo(section.key());
    assertThat(id).startsWith(spec.key() + "." + section.key() + ".");
    assertThat(CATALOG.requirement(id)).containsSame(r);
    assertThat(CATALOG.sectionOf(id)).containsSame(section);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requirements")
  void citationTextAppearsVerbatimInItsSourceDocument(String id, Requirement r, Specification spec, Section section) {
    assertThat(r.citation().document()).isEqualTo(spec.sourceFile());
    assertThat(source(r.citation().document())).as("source of %s", id).contains(collapse(r.citation().text()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requirements")
  void citationNamesItsSectionAndLabel(String id, Requirement r, Specification spec, Section section) {
    assertThat(r.citation().section()).isEqualTo(section.heading());
    assertThat(r.citation().label()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requirements")
  void basisMatchesTheKindOfRequirement(String id, Requirement r, Specification spec, Section section) {
    if (r instanceof EpisodeRequirement) {
      assertThat(r.basis()).isEqualTo(Basis.EPISODE);
      assertThat(r.externalDocument()).isEmpty();
    } else {
      assertThat(r).isInstanceOf(ProgramRequirement.class);
      assertThat(r.basis()).isIn(Basis.PROGRAM, Basis.EXTERNAL);
      assertThat(r.externalDocument().isPresent()).isEqualTo(r.basis() == Basis.EXTERNAL);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sections")
  void sectionHeadingAppearsInItsDocument(String name, Specification spec, Section section) {
    assertThat(source(spec.sourceFile())).contains(collapse(section.heading()));
    assertThat(section.requirements()).isNotEmpty();
  }

  @Test
  void sourceFilesAreDistinct() {
    assertThat(CATALOG.specifications()).extracting(Specification::sourceFile).doesNotHaveDuplicates();
  }
}
