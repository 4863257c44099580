package org.perfspecs.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.perfspecs.checks.time.BusinessCalendar;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.ImmutableCaseRecord;
import org.perfspecs.model.ImmutableEpisode;

/** Adds documentation to a record: what a clinician might chart on top of what is there. */
final class Documentation {
  private Documentation() {}

  /**
   * {@code record} with one to five more contacts, documents, consultations or appointments of any
   * kind, each dated within the stay (admission to discharge, or to {@code asOf} while open) and
   * not after {@code asOf}. Deterministic in {@code seed}.
   */
  static CaseRecord added(CaseRecord record, Instant asOf, long seed) {
    Random random = new Random(seed);
    Episode e = record.episode();
    Instant from = e.admittedAt().orElse(e.referral().map(r -> r.at()).orElse(asOf));
    Instant to = e.dischargedAt().filter(d -> d.isBefore(asOf)).orElse(asOf);
    if (to.isBefore(from)) {
      return record;
    }
    long span = Duration.between(from, to).toMinutes();
    List<Contact> contacts = new ArrayList<>(e.contacts());
    List<Document> documents = new ArrayList<>(e.documents());
    List<Consultation> consultations = new ArrayList<>(e.consultations());
    List<Appointment> appointments = new ArrayList<>(e.appointments());
    int n = 1 + random.nextInt(5);
    for (int i = 0; i < n; i++) {
      Instant at = from.plus(Duration.ofMinutes(span == 0 ? 0 : (long) (random.nextDouble() * span)));
      LocalDate day = at.atZone(BusinessCalendar.NEW_YORK).toLocalDate();
      switch (random.nextInt(4)) {
        case 0 -> {
          ContactMode mode = pick(random, ContactMode.values());
          contacts.add(Contact.builder().id("added-contact-" + i).at(at).mode(mode)
              .minutes(mode == ContactMode.TEXT ? 0 : 15 + random.nextInt(60)).kind(pick(random, ContactKind.values()))
              .memberEngaged(random.nextBoolean()).build());
        }
        case 1 -> documents.add(Document.builder().id("added-document-" + i).kind(pick(random, DocumentKind.values()))
            .date(day).build());
        case 2 -> consultations.add(Consultation.builder().id("added-consultation-" + i)
            .kind(pick(random, ConsultationKind.values())).arrangedAt(at).build());
        default -> appointments.add(Appointment.builder().id("added-appointment-" + i)
            .kind(pick(random, AppointmentKind.values())).scheduledAt(at).at(at.plus(Duration.ofDays(random.nextInt(10))))
            .build());
      }
    }
    Episode more = ImmutableEpisode.copyOf(e).withContacts(contacts).withDocuments(documents)
        .withConsultations(consultations).withAppointments(appointments);
    return ImmutableCaseRecord.copyOf(record).withEpisode(more);
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
