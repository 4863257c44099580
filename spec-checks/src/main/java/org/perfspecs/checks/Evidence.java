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
  // the record's time: an Instant, a LocalDate (date-only) or null; one field for both keeps an
  // evidence small
  private final Object when;
  // id and note, or (for evidence made in bulk by the library) the parts they are made of (a Text,
  // in id, which keeps the text it makes) and a null note; four fields keep an evidence at 32 bytes
  private final Object id;
  private final String note;

  /**
   * The parts of an id and a note, made into text only when first read and kept: a benign race, as
   * String.hashCode's, since the text is the same whichever thread makes it and a String is safely
   * published.
   */
  abstract static class Text {
    private String madeId;
    private String madeNote;

    /** The id's text. */
    abstract String makeId();

    /** The note's text. */
    abstract String makeNote();

    final String id() {
      String made = madeId;
      if (made == null) {
        made = requireNonNull(makeId(), "id");
        madeId = made;
      }
      return made;
    }

    final String note() {
      String made = madeNote;
      if (made == null) {
        made = requireNonNull(makeNote(), "note");
        madeNote = made;
      }
      return made;
    }
  }

  private Evidence(String kind, String id, Object when, String note) {
    this.kind = requireNonNull(kind, "kind");
    this.id = requireNonNull(id, "id");
    this.when = when;
    this.note = requireNonNull(note, "note");
  }

  private Evidence(String kind, LocalDate date, Text text) {
    this.kind = requireNonNull(kind, "kind");
    this.id = requireNonNull(text, "text");
    this.when = requireNonNull(date, "date");
    this.note = null;
  }

  private Evidence(String kind, Text text) {
    this.kind = requireNonNull(kind, "kind");
    this.id = requireNonNull(text, "text");
    this.when = null;
    this.note = null;
  }

  /**
   * {@link #of(String, String, String)} with the note made from {@code note} when first read (most
   * findings are counted, never printed): for the specifications' rules. {@code note} must give the
   * same text, never null, whenever it is asked.
   *
   * @since 0.2
   */
  @API(status = API.Status.INTERNAL, since = "0.2")
  public static Evidence lazy(String kind, String id, java.util.function.Supplier<String> note) {
    return new Evidence(kind, new SuppliedNote(requireNonNull(id, "id"), requireNonNull(note, "note")));
  }

  /** An id as it is and a note from a supplier. */
  private static final class SuppliedNote extends Text {
    private final String id;
    private final java.util.function.Supplier<String> note;

    SuppliedNote(String id, java.util.function.Supplier<String> note) {
      this.id = id;
      this.note = note;
    }

    @Override
    String makeId() {
      return id;
    }

    @Override
    String makeNote() {
      return note.get();
    }
  }

  /** {@link #onDate}, its id and note made from {@code text} when first read. */
  static Evidence onDate(String kind, LocalDate date, Text text) {
    return new Evidence(kind, date, text);
  }

  /** A record with a clock time, e.g. {@code of("consultation", "c-1", t, "obstetric consultation arranged")}. */
  public static Evidence of(String kind, String id, Instant at, String note) {
    return new Evidence(kind, id, requireNonNull(at, "at"), note);
  }

  /** A record with a date. */
  public static Evidence onDate(String kind, String id, LocalDate date, String note) {
    return new Evidence(kind, id, requireNonNull(date, "date"), note);
  }

  /** A record without a time (a program profile entry, a plan's content). */
  public static Evidence of(String kind, String id, String note) {
    return new Evidence(kind, id, null, note);
  }

  /** The kind of record: episode, contact, document, consultation, appointment, referral, location, ... */
  public String kind() {
    return kind;
  }

  /** The record's id. */
  public String id() {
    Object i = id;
    return i instanceof String text ? text : ((Text) i).id();
  }

  /** The record's time, when it has one. */
  public Optional<Instant> at() {
    return when instanceof Instant at ? Optional.of(at) : Optional.empty();
  }

  /** The record's date, when it is date-only. */
  public Optional<LocalDate> date() {
    return when instanceof LocalDate date ? Optional.of(date) : Optional.empty();
  }

  /** What the record shows. */
  public String note() {
    String n = note;
    return n != null ? n : ((Text) id).note();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Evidence e && e.kind.equals(kind) && e.id().equals(id())
        && Objects.equals(e.when, when) && e.note().equals(note());
  }

  @Override
  public int hashCode() {
    Object at = when instanceof Instant ? when : null;
    Object date = when instanceof LocalDate ? when : null;
    return Objects.hash(kind, id(), at, date, note());
  }

  @Override
  public String toString() {
    String at = when != null ? " @" + when : "";
    return kind + " " + id() + at + ": " + note();
  }
}
