package org.perfspecs.fhir;

import static org.perfspecs.fhir.Values.concept;
import static org.perfspecs.fhir.Values.ext;
import static org.perfspecs.fhir.Values.ref;
import static org.perfspecs.fhir.Values.setId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.perfspecs.model.OpeningHours;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;

/**
 * Programs (perfspecs' program profiles) as FHIR: an {@code Organization} (its parent by {@code
 * partOf}), a {@code HealthcareService} per service, a {@code Location} per location (with its
 * {@code hoursOfOperation}), and a {@code PractitionerRole} and {@code Practitioner} per staff
 * member (roles, credentials as qualifications, supervisor). Reading is part of {@link
 * FhirCaseRecords#read(org.hl7.fhir.r4.model.Bundle)} and {@link FhirSources} ({@link
 * FhirReadResult#programs()}).
 *
 * <p>What no R4 resource carries as a structured fact stays in the program profile and is not
 * written: licenses, the on-call arrangement, agreements, the quality plan, capacity updates,
 * written procedures, attestations, and staff members' education, experience, lived experience,
 * education exceptions and trainings ({@link #carried(Program)} is the part FHIR carries).
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FhirPrograms {
  private FhirPrograms() {}

  /**
   * The program as a FHIR collection Bundle (see the class comment); reading it gives back {@link
   * #carried(Program)}.
   *
   * @param program the program; not {@code null}
   * @return a new Bundle of type collection, its id the program's
   */
  public static Bundle toBundle(Program program) {
    Objects.requireNonNull(program, "program");
    Bundle b = new Bundle();
    b.setType(Bundle.BundleType.COLLECTION);
    b.setId(Values.fhirId(program.id()));
    for (Resource r : resources(program)) {
      b.addEntry().setFullUrl(CaseRecordWriter.FULL_URL_BASE + r.fhirType() + "/" + r.getIdElement().getIdPart())
          .setResource(r);
    }
    return b;
  }

  /**
   * The part of {@code program} FHIR carries: the program without licenses, on-call arrangement,
   * agreements, quality plan, capacity updates, written procedures and attestations, its staff
   * without education, experience, lived experience, education exception and trainings.
   *
   * @param program the program; not {@code null}
   * @return a new program (equal to {@code program} when it has none of those)
   */
  public static Program carried(Program program) {
    Objects.requireNonNull(program, "program");
    var b = Program.builder().id(program.id()).name(program.name()).services(program.services())
        .parentOrganization(program.parentOrganization()).locations(program.locations());
    for (StaffMember s : program.staff()) {
      b.addStaff(StaffMember.builder().id(s.id()).roles(s.roles()).credentials(s.credentials())
          .credentialsInProgress(s.credentialsInProgress()).supervisorId(s.supervisorId()).build());
    }
    return b.build();
  }

  /** The resources of {@link #toBundle(Program)}, in that order. */
  static List<Resource> resources(Program program) {
    List<Resource> out = new ArrayList<>();
    Reference self = ref("Organization", program.id());
    Organization o = new Organization();
    setId(o, program.id());
    o.setActive(true);
    o.setName(program.name());
    Organization parent = null;
    if (program.parentOrganization().isPresent()) {
      parent = new Organization();
      parent.setId(Values.fhirId(program.id() + "-parent"));
      parent.setActive(true);
      parent.setName(program.parentOrganization().get());
      o.setPartOf(new Reference("Organization/" + parent.getIdElement().getIdPart()));
    }
    out.add(o);
    if (parent != null) {
      out.add(parent);
    }
    for (ServiceType service : program.services()) {
      HealthcareService h = new HealthcareService();
      h.setId(Values.fhirId(program.id() + "-" + service.name().toLowerCase(Locale.ROOT).replace('_', '-')));
      h.setActive(true);
      h.setProvidedBy(self.copy());
      h.addType(concept(service));
      h.setName(service.name());
      out.add(h);
    }
    for (org.perfspecs.model.Location l : program.locations()) {
      Location loc = new Location();
      setId(loc, l.id());
      loc.setStatus(Location.LocationStatus.ACTIVE);
      loc.setManagingOrganization(self.copy());
      if (l.inMassachusetts()) {
        loc.setAddress(new Address().setState("MA").setCountry("US"));
      }
      for (OpeningHours h : l.hours()) {
        loc.addHoursOfOperation().addDaysOfWeek(Location.DaysOfWeek.fromCode(
                h.day().name().substring(0, 3).toLowerCase(Locale.ROOT)))
            .setOpeningTime(h.opens().toString().length() == 5 ? h.opens() + ":00" : h.opens().toString())
            .setClosingTime(h.closes().toString().length() == 5 ? h.closes() + ":00" : h.closes().toString());
      }
      if (!l.onsiteServices()) {
        loc.addExtension(ext("onsite-services", new BooleanType(false)));
      }
      if (l.communityServices()) {
        loc.addExtension(ext("community-services", new BooleanType(true)));
      }
      out.add(loc);
    }
    for (StaffMember s : program.staff()) {
      Practitioner p = new Practitioner();
      setId(p, s.id());
      p.setActive(true);
      s.credentials().forEach(c -> p.addQualification().setCode(new CodeableConcept().setText(c)));
      s.credentialsInProgress().forEach(c -> p.addQualification().setCode(new CodeableConcept().setText(c))
          .addExtension(ext("in-progress", new BooleanType(true))));
      PractitionerRole pr = new PractitionerRole();
      pr.setId(Values.fhirId(s.id() + "-role"));
      pr.setActive(true);
      pr.setPractitioner(ref("Practitioner", s.id()));
      pr.setOrganization(self.copy());
      for (StaffRole role : s.roles()) {
        pr.addCode(concept(role));
      }
      s.supervisorId().ifPresent(sup -> pr.addExtension(ext("supervisor", ref("Practitioner", sup))));
      out.add(pr);
      out.add(p);
    }
    return out;
  }
}
