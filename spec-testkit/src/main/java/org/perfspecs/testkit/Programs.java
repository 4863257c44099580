package org.perfspecs.testkit;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;
import org.apiguardian.api.API;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.License;
import org.perfspecs.model.Location;
import org.perfspecs.model.OnCallArrangement;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.Program;
import org.perfspecs.model.QualityPlan;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffMember;

/**
 * Generators of valid {@link Program} profiles. Defaults: one to three services; up to three
 * licenses, three locations with opening hours, fifteen staff with roles, credentials and
 * trainings, six agreements, a quality plan, capacity updates and attestations of program
 * requirements, all dated in the two years before {@link #REFERENCE_DATE} (set another with
 * {@link ProgramArbitrary#asOf}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Programs {
  /** The date generated profiles are current on, unless set otherwise. */
  public static final LocalDate REFERENCE_DATE = LocalDate.of(2024, 6, 1);

  private static final List<String> PROGRAM_REQUIREMENT_IDS = Catalog.standard().requirements().stream()
      .filter(q -> q.basis() == Basis.PROGRAM).map(Requirement::id).toList();

  private Programs() {}

  /** Any valid program profile. */
  public static ProgramArbitrary programs() {
    return new ProgramArbitrary(null, REFERENCE_DATE);
  }

  /** A fluent arbitrary of program profiles. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class ProgramArbitrary extends ArbitraryDecorator<Program> {
    private final ServiceType service;
    private final LocalDate reference;

    ProgramArbitrary(ServiceType service, LocalDate reference) {
      this.service = service;
      this.reference = reference;
    }

    /** Only programs providing {@code service} (maybe among others). */
    public ProgramArbitrary forService(ServiceType service) {
      return new ProgramArbitrary(service, reference);
    }

    /** Profiles current on {@code day}: every date in them falls in the two years up to it. */
    public ProgramArbitrary asOf(LocalDate day) {
      return new ProgramArbitrary(service, day);
    }

    @Override
    protected Arbitrary<Program> arbitrary() {
      LocalDate first = reference.minusYears(2);
      Arbitrary<Set<ServiceType>> services = Arbitraries.of(ServiceType.class).set().ofMinSize(1).ofMaxSize(3)
          .map(s -> {
            Set<ServiceType> all = EnumSet.copyOf(s);
            if (service != null) {
              all.add(service);
            }
            return all;
          });
      Arbitrary<String> ids = Arbitraries.strings().withCharRange('0', '9').ofLength(4).map(s -> "P-" + s);
      List<Arbitrary<Object>> parts = List.of(
          ids.asGeneric(),
          services.asGeneric(),
          Arbitraries.of("Harbor Behavioral Health", "North Shore Recovery", "Valley Family Services").asGeneric(),
          Arbitraries.of("Harbor Health System", "Commonwealth Care Partners").optional().asGeneric(),
          Parts.licenses(reference).list().ofMaxSize(3).asGeneric(),
          Parts.locations(3).asGeneric(),
          Parts.onCallArrangements().optional().asGeneric(),
          Parts.staff(first, reference, 15).asGeneric(),
          Parts.agreements(first, reference, 6).asGeneric(),
          Parts.qualityPlans(first, reference).optional().asGeneric(),
          Parts.capacityUpdates(reference.minusDays(90), reference).asGeneric(),
          Arbitraries.of(ProcedureKind.class).set().ofMaxSize(6).asGeneric(),
          Parts.attestations(PROGRAM_REQUIREMENT_IDS, first, reference).list().ofMaxSize(10).asGeneric());
      return Combinators.combine(parts).as(this::build);
    }

    @SuppressWarnings("unchecked")
    private Program build(List<Object> v) {
      return Program.builder()
          .id((String) v.get(0))
          .services((Set<ServiceType>) v.get(1))
          .name((String) v.get(2))
          .parentOrganization((Optional<String>) v.get(3))
          .licenses((List<License>) v.get(4))
          .locations((List<Location>) v.get(5))
          .onCall((Optional<OnCallArrangement>) v.get(6))
          .staff((List<StaffMember>) v.get(7))
          .agreements((List<Agreement>) v.get(8))
          .qualityPlan((Optional<QualityPlan>) v.get(9))
          .capacityUpdates((List<java.time.LocalDate>) v.get(10))
          .writtenProcedures((Set<ProcedureKind>) v.get(11))
          .attestations((List<Attestation>) v.get(12))
          .build();
    }
  }
}
