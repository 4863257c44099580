package org.perfspecs.testkit;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;
import org.apiguardian.api.API;
import java.util.Optional;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Member;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;

/**
 * Generators of valid {@link Member}s. Defaults: ages 16 to 80 on {@link #REFERENCE_DATE}, any
 * product, pregnant, postpartum (delivered within the year before the reference date) or neither
 * in equal measure; every generated value passes {@link org.perfspecs.model.ModelValidator}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Members {
  /** The date generated ages and postpartum periods are relative to, unless set otherwise. */
  public static final LocalDate REFERENCE_DATE = LocalDate.of(2024, 6, 1);

  private Members() {}

  /** Any valid member. */
  public static MemberArbitrary members() {
    return new MemberArbitrary(Pregnancy.ANY, REFERENCE_DATE);
  }

  enum Pregnancy { ANY, PREGNANT, POSTPARTUM, NEITHER }

  /** A fluent arbitrary of members. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class MemberArbitrary extends ArbitraryDecorator<Member> {
    private final Pregnancy pregnancy;
    private final LocalDate reference;

    MemberArbitrary(Pregnancy pregnancy, LocalDate reference) {
      this.pregnancy = pregnancy;
      this.reference = reference;
    }

    /** Only pregnant members. */
    public MemberArbitrary pregnant() {
      return new MemberArbitrary(Pregnancy.PREGNANT, reference);
    }

    /** Only members who delivered within the year up to the reference date. */
    public MemberArbitrary postpartum() {
      return new MemberArbitrary(Pregnancy.POSTPARTUM, reference);
    }

    /** Only members neither pregnant nor postpartum. */
    public MemberArbitrary neitherPregnantNorPostpartum() {
      return new MemberArbitrary(Pregnancy.NEITHER, reference);
    }

    /** Ages and postpartum periods relative to {@code day} (e.g. the admission date). */
    public MemberArbitrary asOf(LocalDate day) {
      return new MemberArbitrary(pregnancy, day);
    }

    @Override
    protected Arbitrary<Member> arbitrary() {
      Arbitrary<String> ids = Arbitraries.strings().withCharRange('0', '9').ofLength(6).map(s -> "M-" + s);
      Arbitrary<LocalDate> births = Arbitraries.integers().between(16 * 365, 80 * 365).map(reference::minusDays);
      Arbitrary<InsuranceProduct> products = Arbitraries.of(InsuranceProduct.class);
      Arbitrary<Pregnancy> kinds = pregnancy == Pregnancy.ANY
          ? Arbitraries.of(Pregnancy.PREGNANT, Pregnancy.POSTPARTUM, Pregnancy.NEITHER) : Arbitraries.just(pregnancy);
      Arbitrary<Integer> offsets = Arbitraries.integers().between(0, 365);
      Arbitrary<Member> base = Combinators.combine(ids, births, products, kinds, offsets, Arbitraries.of(true, false))
          .as((id, born, product, kind, offset, parenting) -> {
            var b = Member.builder().id(id).dateOfBirth(born).product(product).parenting(parenting);
            if (kind == Pregnancy.PREGNANT) {
              b.pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT)
                  .estimatedDueDate(reference.plusDays(offset % 270 + 1)).build());
            } else if (kind == Pregnancy.POSTPARTUM) {
              b.pregnancy(PregnancyStatus.builder().state(PregnancyState.POSTPARTUM)
                  .deliveryDate(reference.minusDays(offset)).build());
            }
            return b.build();
          });
      // What else a chart may hold: care providers, the last physical exam, state agencies.
      return Combinators.combine(base, Parts.careProviders().optional(), Parts.careProviders().optional(),
              Parts.careProviders().optional(), Arbitraries.integers().between(-1, 900),
              Arbitraries.of(StateAgency.class).set().ofMaxSize(2), Arbitraries.of(true, false, false),
              Arbitraries.of(true, false, false))
          .as((m, pcc, ob, dentist, examDaysAgo, agencies, dmh, dcf) -> ImmutableMember.copyOf(m)
              .withPrimaryCareClinician(pcc).withObstetricProvider(ob).withDentist(dentist)
              .withLastCompletePhysicalExam(examDaysAgo < 0 ? Optional.empty() : Optional.of(reference.minusDays(examDaysAgo)))
              .withStateAgencies(agencies).withDmhContinuingCareEligible(dmh).withDcfCaseOpen(dcf));
    }
  }
}
