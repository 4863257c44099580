package org.perfspecs.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.perfspecs.checks.time.BusinessCalendar;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.Member;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

/** Builders and times shared by the tests. Every wall time is America/New_York. */
public final class Fixtures {
  /** America/New_York. */
  public static final ZoneId NY = BusinessCalendar.NEW_YORK;

  /** A date of birth no rule has reason to print; {@link FindingChecks} checks it never appears. */
  public static final LocalDate DATE_OF_BIRTH = LocalDate.of(1990, 5, 17);

  private Fixtures() {}

  /** {@code ny("2024-04-12T10:00")}: a New York wall time. */
  public static Instant ny(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NY).toInstant();
  }

  /** The last nanosecond of {@code date} in New York. */
  public static Instant endOfDay(String date) {
    return ny(date + "T23:59:59.999999999");
  }

  /** The first instant of {@code date} in New York. */
  public static Instant startOfDay(String date) {
    return LocalDate.parse(date).atStartOfDay(NY).toInstant();
  }

  /** A member who is neither pregnant nor postpartum. */
  public static ImmutableMember.Builder member() {
    return Member.builder().id("m-1").dateOfBirth(DATE_OF_BIRTH).product(InsuranceProduct.OTHER);
  }

  /** An episode of {@code service} with ids set and nothing else. */
  public static ImmutableEpisode.Builder episode(ServiceType service) {
    return Episode.builder().id("e-1").service(service).programId("p-1");
  }

  /** A record of the default member and {@code episode}. */
  public static CaseRecord record(ImmutableEpisode.Builder episode) {
    return record(member(), episode);
  }

  /** A record of {@code member} and {@code episode}. */
  public static CaseRecord record(ImmutableMember.Builder member, ImmutableEpisode.Builder episode) {
    return CaseRecord.builder().member(member.build()).episode(episode.build()).build();
  }

  /** A program profile providing {@code services}. */
  public static org.perfspecs.model.ImmutableProgram.Builder program(ServiceType... services) {
    return Program.builder().id("p-1").name("Test program").addServices(services);
  }
}
