package org.perfspecs.model;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * The instant or date lies in the plausible range of the model: from {@link #FIRST_DAY}
 * (1900-01-01) through {@link #LAST_DAY} (2100-12-31), both inclusive; an instant from
 * 1900-01-01T00:00:00Z (inclusive) to 2101-01-01T00:00:00Z (exclusive). Every instant and date of
 * the model carries it, so a record from the year 1000 or -999999999 is refused at the boundary
 * (with its JSON path) instead of reaching the requirements. {@code null} is valid (absence is a
 * separate rule).
 *
 * <p>The JSON Schemas state the same range on the written year ({@code 1900} to {@code 2100});
 * an instant written with an offset within a day of a bound can fall on the other side in UTC,
 * where this constraint decides.
 *
 * @since 0.2
 */
@Documented
@Constraint(validatedBy = {Plausible.InstantInRange.class, Plausible.DateInRange.class})
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public @interface Plausible {
  /** The first plausible day, 1900-01-01. */
  LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
  /** The last plausible day, 2100-12-31. */
  LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
  /** The first plausible instant, 1900-01-01T00:00:00Z. */
  Instant FIRST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
  /** The first instant after the plausible range, 2101-01-01T00:00:00Z. */
  Instant END_INSTANT = Instant.parse("2101-01-01T00:00:00Z");

  /** The message: names the range, never the value. */
  String message() default "must be between 1900-01-01 and 2100-12-31";

  /** Bean Validation groups. */
  Class<?>[] groups() default {};

  /** Bean Validation payload. */
  Class<? extends Payload>[] payload() default {};

  /** Checks an {@link Instant}. */
  @API(status = API.Status.INTERNAL, since = "0.2")
  final class InstantInRange implements ConstraintValidator<Plausible, Instant> {
    /** For Bean Validation. */
    public InstantInRange() {}

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
      return value == null || (!value.isBefore(FIRST_INSTANT) && value.isBefore(END_INSTANT));
    }
  }

  /** Checks a {@link LocalDate}. */
  @API(status = API.Status.INTERNAL, since = "0.2")
  final class DateInRange implements ConstraintValidator<Plausible, LocalDate> {
    /** For Bean Validation. */
    public DateInRange() {}

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null || (!value.isBefore(FIRST_DAY) && !value.isAfter(LAST_DAY));
    }
  }
}
