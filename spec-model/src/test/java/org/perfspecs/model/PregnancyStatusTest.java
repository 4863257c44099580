package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The postpartum period: the delivery date through the same date one year later, both inclusive;
 * and the pregnancy before it: the 42 weeks before the delivery date.
 */
class PregnancyStatusTest {
  private static final LocalDate DELIVERED = LocalDate.of(2024, 2, 14);

  private static PregnancyStatus postpartum(LocalDate delivered) {
    return PregnancyStatus.builder().state(PregnancyState.POSTPARTUM).deliveryDate(delivered).build();
  }

  @ParameterizedTest(name = "delivered 2024-02-14, on {0}: {1}")
  @CsvSource({
      "2023-04-25, false", // 42 weeks and a day before delivery
      "2023-04-26, true",  // 42 weeks before delivery: pregnant
      "2024-02-13, true",  // the day before delivery: pregnant
      "2024-02-14, true",  // the delivery date
      "2024-08-01, true",
      "2025-02-13, true",
      "2025-02-14, true",  // delivery date + 1 year
      "2025-02-15, false", // delivery date + 1 year + 1 day
      "2026-01-01, false"})
  void postpartumPeriodIsDeliveryThroughOneYearLaterInclusive(LocalDate day, boolean expected) {
    assertThat(postpartum(DELIVERED).isPregnantOrPostpartumOn(day)).isEqualTo(expected);
  }

  @Test
  void boundaryIsComputedFromTheDeliveryDate() {
    PregnancyStatus status = postpartum(DELIVERED);
    LocalDate lastDay = DELIVERED.plusYears(PregnancyStatus.POSTPARTUM_PERIOD_YEARS);

    assertThat(status.isPregnantOrPostpartumOn(lastDay)).isTrue();
    assertThat(status.isPregnantOrPostpartumOn(lastDay.plusDays(1))).isFalse();
    assertThat(status.isPregnantOrPostpartumOn(DELIVERED.minusDays(1))).isTrue();
    LocalDate firstPregnantDay = DELIVERED.minusWeeks(PregnancyStatus.MAX_PREGNANCY_WEEKS);
    assertThat(status.isPregnantOrPostpartumOn(firstPregnantDay)).isTrue();
    assertThat(status.isPregnantOrPostpartumOn(firstPregnantDay.minusDays(1))).isFalse();
  }

  @Test
  void deliveryOnLeapDayEndsOnTheLastDayOfFebruary() {
    // LocalDate.plusYears clamps 2024-02-29 + 1 year to 2025-02-28
    PregnancyStatus status = postpartum(LocalDate.of(2024, 2, 29));

    assertThat(status.isPregnantOrPostpartumOn(LocalDate.of(2025, 2, 28))).isTrue();
    assertThat(status.isPregnantOrPostpartumOn(LocalDate.of(2025, 3, 1))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"2020-01-01", "2024-06-01", "2030-12-31"})
  void pregnantIsTrueOnAnyDay(LocalDate day) {
    PregnancyStatus withDueDate = PregnancyStatus.builder()
        .state(PregnancyState.PREGNANT).estimatedDueDate(LocalDate.of(2024, 9, 1)).build();
    PregnancyStatus withoutDueDate = PregnancyStatus.builder().state(PregnancyState.PREGNANT).build();

    assertThat(withDueDate.isPregnantOrPostpartumOn(day)).isTrue();
    assertThat(withoutDueDate.isPregnantOrPostpartumOn(day)).isTrue();
  }

  @Test
  void postpartumRequiresADeliveryDate() {
    ModelInvariantException e = catchThrowableOfType(ModelInvariantException.class,
        () -> PregnancyStatus.builder().state(PregnancyState.POSTPARTUM).build());

    assertThat(e).isNotNull();
    assertThat(e.property()).isEqualTo("deliveryDate");
    assertThat(e.rule()).isEqualTo("is required when state is POSTPARTUM");
  }
}
