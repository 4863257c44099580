package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.ServiceType;

/**
 * One source document as code: its key, title, issuer, the products it applies to, its revision,
 * the documents it inherits from, and its sections in document order.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Specification {
  private final ServiceType service;
  private final String title;
  private final String issuer;
  private final String revision;
  private final String sourceFile;
  private final Set<InsuranceProduct> products;
  private final List<String> inheritsFrom;
  private final List<Section> sections;

  private Specification(Builder b) {
    this.service = requireNonNull(b.service, "service");
    this.title = requireNonNull(b.title, "title");
    this.issuer = requireNonNull(b.issuer, "issuer");
    this.revision = requireNonNull(b.revision, "revision");
    this.sourceFile = requireNonNull(b.sourceFile, "sourceFile");
    this.products = b.products.build();
    this.inheritsFrom = b.inheritsFrom.build();
    this.sections = b.sections.build();
    for (Section s : sections) {
      for (Requirement r : s.requirements()) {
        if (!r.specKey().equals(key())) {
          throw new IllegalArgumentException(r.id() + " does not belong in specification " + key());
        }
        if (!r.citation().document().equals(sourceFile)) {
          throw new IllegalArgumentException(r.id() + " cites " + r.citation().document() + ", not " + sourceFile);
        }
      }
    }
  }

  /** A builder for the specification of {@code service}. */
  public static Builder builder(ServiceType service) {
    return new Builder(service);
  }

  /** The key, e.g. {@code IOP} (the service's name). */
  public String key() {
    return service.name();
  }

  /** The service whose episodes it judges. */
  public ServiceType service() {
    return service;
  }

  /** The document's title. */
  public String title() {
    return title;
  }

  /** Who issued it. */
  public String issuer() {
    return issuer;
  }

  /** Revision dates as the document states them. */
  public String revision() {
    return revision;
  }

  /**
   * How citations name the document: title, publisher and revision ({@code Community Support
   * Programs (CSP) Performance Specifications, Tufts Health Plan, January 2024}); see {@link
   * SourceDocument}. The source file name for a document that is not bundled.
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public String documentName() {
    return SourceDocument.nameOf(sourceFile);
  }

  /** The bundled source file it cites. */
  public String sourceFile() {
    return sourceFile;
  }

  /** The insurance products it applies to. */
  public Set<InsuranceProduct> products() {
    return products;
  }

  /** Documents it inherits from or defers to. */
  public List<String> inheritsFrom() {
    return inheritsFrom;
  }

  /** Sections in document order. */
  public List<Section> sections() {
    return sections;
  }

  /** Every requirement, section by section, in document order. */
  public List<Requirement> requirements() {
    return sections.stream().flatMap(s -> s.requirements().stream()).collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    return key() + ": " + title;
  }

  /** Builds a {@link Specification}. */
  public static final class Builder {
    private final ServiceType service;
    private String title;
    private String issuer;
    private String revision;
    private String sourceFile;
    private final ImmutableSet.Builder<InsuranceProduct> products = ImmutableSet.builder();
    private final ImmutableList.Builder<String> inheritsFrom = ImmutableList.builder();
    private final ImmutableList.Builder<Section> sections = ImmutableList.builder();

    private Builder(ServiceType service) {
      this.service = requireNonNull(service, "service");
    }

    /** The title. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** The issuer. */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** The revision. */
    public Builder revision(String revision) {
      this.revision = revision;
      return this;
    }

    /** The bundled source file name. */
    public Builder sourceFile(String sourceFile) {
      this.sourceFile = sourceFile;
      return this;
    }

    /** Products it applies to. */
    public Builder products(InsuranceProduct... products) {
      this.products.add(products);
      return this;
    }

    /** Documents it inherits from. */
    public Builder inheritsFrom(String... documents) {
      this.inheritsFrom.add(documents);
      return this;
    }

    /** Sections, in document order. */
    public Builder sections(Section... sections) {
      this.sections.add(sections);
      return this;
    }

    /** The specification. */
    public Specification build() {
      return new Specification(this);
    }
  }
}
