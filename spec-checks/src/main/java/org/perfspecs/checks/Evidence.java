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
  private final Instant at;
  private final LocalDate date;
  // id and note, or (for evidence made in bulk by the library) null and the parts they are made of,
  // turned into text on first read into madeId/madeNote: a benign race, as String.hashCode's, since
  // the text is the same whichever thread makes it and a String is safely published
  private final String id;
  private final String note;
  private final Text text;
  private String madeId;
  private String madeNote;

  /** The parts of an id and a note, made into text only when read. */
  interface Text {
    String id();

    String note();
  }

  private Evidence(String kind, String id, Instant at, LocalDate date, String note) {
    this.kind = requireNonNull(kind, "kind");
    this.id = requireNonNull(id, "id");
    this.at = at;
    this.date = date;
    this.note = requireNonNull(note, "note");
    this.text = null;
  }

  private Evidence(String kind, LocalDate date, Text text) {
    this.kind = requireNonNull(kind, "kind");
    this.id = null;
    this.at = null;
    this.date = requireNonNull(date, "date");
    this.note = null;
    this.text = requireNonNull(text, "text");
  }

  /** {@link #onDate}, its id and note made from {@code text} when first read. */
  static Evidence onDate(String kind, LocalDate date, Text text) {
    return new Evidence(kind, date, text);
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
    if (id != null) {
      return id;
    }
    String i = madeId;
    if (i == null) {
      i = requireNonNull(text.id(), "id");
      madeId = i;
    }
    return i;
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
    if (note != null) {
      return note;
    }
    String n = madeNote;
    if (n == null) {
      n = requireNonNull(text.note(), "note");
      madeNote = n;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Evidence e && e.kind.equals(kind) && e.id().equals(id())
        && Objects.equals(e.at, at) && Objects.equals(e.date, date) && e.note().equals(note());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, id(), at, date, note());
  }

  @Override
  public String toString() {
    String when = at != null ? " @" + at : date != null ? " @" + date : "";
    return kind + " " + id() + when + ": " + note();
  }
}
