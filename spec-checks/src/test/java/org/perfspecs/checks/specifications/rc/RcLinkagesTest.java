package org.perfspecs.checks.specifications.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.ImmutableAgreement;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

/** RC.LINK: written affiliation agreements, what they include, and the settings listed. As of 2024-06-03. */
class RcLinkagesTest {
  private static final Instant AS_OF = ny("2024-06-03T12:00");

  private static ImmutableAgreement agreement(String id, AgreementKind kind, PartnerCategory category) {
    return Agreement.builder().id(id).kind(kind).partnerCategory(category).partnerName("Partner " + id)
        .signedOn(LocalDate.of(2023, 1, 1))
        .addProcesses(ProcedureKind.REFERRAL, ProcedureKind.TRANSITION, ProcedureKind.AFTERCARE, ProcedureKind.DISCHARGE)
        .build();
  }

  private static Finding evaluate(ProgramRequirement r, Agreement... agreements) {
    Program p = program(ServiceType.RC).addAgreements(agreements).build();
    return FindingChecks.evaluate(r, p, AS_OF);
  }

  @ParameterizedTest
  @EnumSource(value = AgreementKind.class, names = {"AFFILIATION", "QUALIFIED_SERVICE_ORGANIZATION", "MEMORANDUM_OF_UNDERSTANDING", "BUSINESS_ASSOCIATE", "LINKAGE"})
  @Verifies("RC.LINK.1.a")
  void aWrittenAffiliationAgreementInForceIsMet(AgreementKind kind) {
    assertThat(evaluate(RcLinkages.WRITTEN_AGREEMENTS, agreement("a-1", kind, PartnerCategory.HOSPITAL)).outcome())
        .isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.LINK.1.a")
  void otherKindsExpiredOrNoAgreementsAreNotMet() {
    assertThat(evaluate(RcLinkages.WRITTEN_AGREEMENTS, agreement("a-1", AgreementKind.CONTRACT, PartnerCategory.HOSPITAL))
        .outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcLinkages.WRITTEN_AGREEMENTS, agreement("a-1", AgreementKind.AFFILIATION, PartnerCategory.HOSPITAL)
        .withExpiresOn(LocalDate.of(2024, 6, 2))).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcLinkages.WRITTEN_AGREEMENTS, agreement("a-1", AgreementKind.AFFILIATION, PartnerCategory.HOSPITAL)
        .withExpiresOn(LocalDate.of(2024, 6, 3))).outcome()).as("last day in force").isEqualTo(Outcome.MET);
    Finding none = evaluate(RcLinkages.WRITTEN_AGREEMENTS);
    assertThat(none.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(none.reason()).contains("no written affiliation agreement in force on 2024-06-03");
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> processes() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(RcLinkages.AGREEMENTS_INCLUDE_REFERRAL, ProcedureKind.REFERRAL),
        org.junit.jupiter.params.provider.Arguments.of(RcLinkages.AGREEMENTS_INCLUDE_TRANSITION, ProcedureKind.TRANSITION),
        org.junit.jupiter.params.provider.Arguments.of(RcLinkages.AGREEMENTS_INCLUDE_AFTERCARE, ProcedureKind.AFTERCARE),
        org.junit.jupiter.params.provider.Arguments.of(RcLinkages.AGREEMENTS_INCLUDE_DISCHARGE, ProcedureKind.DISCHARGE));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("processes")
  @Verifies({"RC.LINK.1.b.1", "RC.LINK.1.b.2", "RC.LINK.1.b.3", "RC.LINK.1.b.4"})
  void everyAgreementInForceMustIncludeTheProcess(ProgramRequirement r, ProcedureKind process) {
    ImmutableAgreement full = agreement("a-1", AgreementKind.AFFILIATION, PartnerCategory.HOSPITAL);
    assertThat(evaluate(r, full).outcome()).isEqualTo(Outcome.MET);
    ImmutableAgreement lacking = agreement("a-2", AgreementKind.LINKAGE, PartnerCategory.PRIMARY_CARE_PRACTICE)
        .withProcesses(full.processes().stream().filter(p -> p != process).toList());
    Finding f = evaluate(r, full, lacking);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("1 of 2").endsWith(": a-2");
    // an expired agreement lacking it does not count against the program
    assertThat(evaluate(r, full, lacking.withExpiresOn(LocalDate.of(2024, 1, 1))).outcome()).isEqualTo(Outcome.MET);
    Finding none = evaluate(r);
    assertThat(none.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(none.reason()).contains("so none includes");
  }

  static Stream<ProgramRequirement> settings() {
    return RcLinkages.SETTINGS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  @Verifies({"RC.LINK.2.1.1.1", "RC.LINK.2.1.1.2", "RC.LINK.2.1.1.3", "RC.LINK.2.1.2.1", "RC.LINK.2.1.2.2", "RC.LINK.2.1.2.3",
      "RC.LINK.2.1.2.4", "RC.LINK.2.2.1", "RC.LINK.2.2.2", "RC.LINK.2.2.3", "RC.LINK.2.2.4", "RC.LINK.2.3.1", "RC.LINK.2.3.2",
      "RC.LINK.2.3.3", "RC.LINK.2.3.4", "RC.LINK.2.3.5", "RC.LINK.2.3.6", "RC.LINK.2.4.1", "RC.LINK.2.4.2", "RC.LINK.2.4.3",
      "RC.LINK.2.4.4", "RC.LINK.2.4.5"})
  void eachSettingNeedsAnAgreementInForceWithThatCategory(ProgramRequirement r) {
    assertThat(r.strength()).isEqualTo(Strength.SHOULD);
    PartnerCategory category = categoryOf(r);
    assertThat(evaluate(r, agreement("a-1", AgreementKind.AFFILIATION, category)).outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(r, agreement("a-1", AgreementKind.OPERATIONAL, category)).outcome())
        .as("not a written affiliation agreement").isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(r, agreement("a-1", AgreementKind.AFFILIATION, category).withSignedOn(LocalDate.of(2024, 6, 4)))
        .outcome()).as("signed after the as-of date").isEqualTo(Outcome.NOT_MET);
    PartnerCategory other = category == PartnerCategory.OTHER ? PartnerCategory.HOSPITAL : PartnerCategory.OTHER;
    Finding f = evaluate(r, agreement("a-1", AgreementKind.AFFILIATION, other));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).startsWith("no written affiliation agreement with " + r.citation().text());
  }

  /** The category a setting is met by: the one whose agreement meets it. */
  private static PartnerCategory categoryOf(ProgramRequirement r) {
    for (PartnerCategory c : PartnerCategory.values()) {
      if (evaluate(r, agreement("probe", AgreementKind.AFFILIATION, c)).outcome() == Outcome.MET) {
        return c;
      }
    }
    throw new AssertionError("no category meets " + r.id());
  }

  @Test
  @Verifies({"RC.LINK.2.1.1.1", "RC.LINK.2.1.2.4", "RC.LINK.2.2.3", "RC.LINK.2.3.3"})
  void theSettingsMapToTheirCategories() {
    assertThat(categoryOf(RcLinkages.SETTINGS.get(0))).isEqualTo(PartnerCategory.STRUCTURED_OUTPATIENT_ADDICTION_PROGRAM);
    assertThat(categoryOf(RcLinkages.SETTINGS.get(6))).isEqualTo(PartnerCategory.RESIDENTIAL_REHABILITATION_SERVICES);
    assertThat(categoryOf(RcLinkages.SETTINGS.get(9))).isEqualTo(PartnerCategory.LICENSED_MENTAL_HEALTH_CENTER);
    assertThat(categoryOf(RcLinkages.SETTINGS.get(13))).isEqualTo(PartnerCategory.LICENSED_MENTAL_HEALTH_CENTER);
    assertThat(RcLinkages.SETTINGS).extracting(ProgramRequirement::id).hasSize(22).doesNotHaveDuplicates();
  }
}
