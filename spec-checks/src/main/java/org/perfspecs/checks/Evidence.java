package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A record that decided a finding, by kind, id and time, with a short note. Evidence names records;
 * it never copies member data.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Evidence {
  private final String kind;
  private final String id;
  private final Instant at;
  private final LocalDate date;
  private final String note;

  private Evidence(String kind, String id, Instant at, LocalDate date, String note) {
    this.kind = requireNonNull(kind, "kind");
    this.id = requireNonNull(id, "id");
    this.at = at;
    this.date = date;
    this.note = requireNonNull(note, "note");
  }

  /** A record with a clock time, e.g. {@code of("consultation", "c-1", t, "obstetric consultation arranged")}. */
  public static Evidence of(String kind, String id, Instant at, String note) {
    return new Evidence(kind, id, requireNonNull(at, "at"), null, note);
  }

  /** A record with a date. */
  public static Evidence onDate(String kind, String id, LocalDate date, String note) {
    return new Evidence(kind, id, null, requireNonNull(date, "date"), note);
  }

  /** A record without a time (a program profile entry, a plan's content). */
  public static Evidence of(String kind, String id, String note) {
    return new Evidence(kind, id, null, null, note);
  }

  /** The kind of record: episode, contact, document, consultation, appointment, referral, location, ... */
  public String kind() {
    return kind;
  }

  /** The record's id. */
  public String id() {
    return id;
  }

  /** The record's time, when it has one. */
  public Optional<Instant> at() {
    return Optional.ofNullable(at);
  }

  /** The record's date, when it is date-only. */
  public Optional<LocalDate> date() {
    return Optional.ofNullable(date);
  }

  /** What the record shows. */
  public String note() {
    return note;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Evidence e && e.kind.equals(kind) && e.id.equals(id)
        && Objects.equals(e.at, at) && Objects.equals(e.date, date) && e.note.equals(note);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, id, at, date, note);
  }

  @Override
  public String toString() {
    String when = at != null ? " @" + at : date != null ? " @" + date : "";
    return kind + " " + id + when + ": " + note;
  }
}
