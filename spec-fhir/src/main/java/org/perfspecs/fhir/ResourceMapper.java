package org.perfspecs.fhir;

import static org.perfspecs.fhir.Values.exts;
import static org.perfspecs.fhir.Values.refId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.perfspecs.fhir.FhirCodeSystems.CareProviderRole;
import org.perfspecs.fhir.FhirCodeSystems.PlanKind;
import org.perfspecs.fhir.FhirProblem.Severity;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ConsentRefusal;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Incident;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.Member;
import org.perfspecs.model.ModelInvariantException;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.NecessityDetermination;
import org.perfspecs.model.Party;
import org.perfspecs.model.PlanReview;
import org.perfspecs.model.Program;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;
import org.perfspecs.model.Violation;
import org.perfspecs.model.WellnessPlan;

/**
 * FHIR resources (of any number of patients) to members and case records, as MAPPING.md states.
 * One mapper per read; not thread-safe.
 */
final class ResourceMapper {
  private final ModelValidator validator;
  private final Tally tally;
  private final List<FhirProblem> problems;
  private final List<CaseRecord> records = new ArrayList<>();
  private final List<Member> members = new ArrayList<>();
  private final List<Program> programs = new ArrayList<>();
  private long recordsRejected;

  // per call of map()
  private final Map<String, Located> byKey = new HashMap<>();
  private final Map<String, String> fullUrlToKey = new HashMap<>();
  private final Set<Located> used = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Located> rejected = Collections.newSetFromMap(new IdentityHashMap<>());

  ResourceMapper(ModelValidator validator, Tally tally, List<FhirProblem> problems) {
    this.validator = validator;
    this.tally = tally;
    this.problems = problems;
  }

  List<CaseRecord> records() {
    return records;
  }

  List<Member> members() {
    return members;
  }

  List<Program> programs() {
    return programs;
  }

  long recordsRejected() {
    return recordsRejected;
  }

  /** Maps one group of resources (a Bundle, or one patient's resources of a bulk export), counting every one. */
  void map(List<Located> resources) {
    byKey.clear();
    fullUrlToKey.clear();
    used.clear();
    rejected.clear();
    for (Located l : resources) {
      byKey.putIfAbsent(l.key(), l);
      if (l.fullUrl() != null) {
        fullUrlToKey.put(l.fullUrl(), l.key());
      }
    }
    Map<String, List<Located>> byPatient = new LinkedHashMap<>();
    List<Located> patients = new ArrayList<>();
    for (Located l : resources) {
      if (l.resource() instanceof Patient) {
        patients.add(l);
        byPatient.computeIfAbsent(l.key(), k -> new ArrayList<>());
      }
    }
    for (Located l : resources) {
      if (l.resource() instanceof Patient) {
        continue;
      }
      patientRef(l).map(this::resolve).ifPresent(p -> byPatient.computeIfAbsent(p, k -> new ArrayList<>()).add(l));
    }
    Set<String> seen = new java.util.HashSet<>();
    for (Located p : patients) {
      if (seen.add(p.key())) {
        patient(p, byPatient.get(p.key()));
      }
    }
    programs(resources);
    for (Located l : resources) {
      if (rejected.contains(l)) {
        tally.rejected(l.type());
      } else if (used.contains(l)) {
        tally.used(l.type());
      } else {
        tally.ignored(l.type());
      }
    }
  }

  // ---------------------------------------------------------------- references

  /** The key ({@code Type/id}) a reference resolves to, through fullUrls for {@code urn:uuid:} references. */
  private String resolve(Reference ref) {
    String r = ref.getReference();
    if (r == null) {
      return null;
    }
    String viaUrl = fullUrlToKey.get(r);
    if (viaUrl != null) {
      return viaUrl;
    }
    var id = ref.getReferenceElement();
    if (id.getResourceType() == null || id.getIdPart() == null) {
      return r;
    }
    return id.getResourceType() + "/" + id.getIdPart();
  }

  private Optional<Located> lookup(Reference ref) {
    String key = resolve(ref);
    return Optional.ofNullable(key == null ? null : byKey.get(key));
  }

  private static Optional<Reference> patientRef(Located l) {
    var r = l.resource();
    Reference ref = null;
    if (r instanceof Coverage c) {
      ref = c.getBeneficiary();
    } else if (r instanceof Observation o) {
      ref = o.getSubject();
    } else if (r instanceof EpisodeOfCare e) {
      ref = e.getPatient();
    } else if (r instanceof ServiceRequest s) {
      ref = s.getSubject();
    } else if (r instanceof Task t) {
      ref = t.getFor();
    } else if (r instanceof Encounter e) {
      ref = e.getSubject();
    } else if (r instanceof Communication c) {
      ref = c.getSubject();
    } else if (r instanceof Appointment a) {
      ref = a.getParticipant().stream().map(Appointment.AppointmentParticipantComponent::getActor)
          .filter(x -> x.getReference() != null && (x.getReference().startsWith("Patient/")
              || x.getReference().startsWith("urn:"))).findFirst().orElse(null);
    } else if (r instanceof CarePlan c) {
      ref = c.getSubject();
    } else if (r instanceof Goal g) {
      ref = g.getSubject();
    } else if (r instanceof Composition c) {
      ref = c.getSubject();
    } else if (r instanceof DocumentReference d) {
      ref = d.getSubject();
    } else if (r instanceof Consent c) {
      ref = c.getPatient();
    } else if (r instanceof AdverseEvent a) {
      ref = a.getSubject();
    } else if (r instanceof Procedure p) {
      ref = p.getSubject();
    } else if (r instanceof CareTeam c) {
      ref = c.getSubject();
    } else if (r instanceof Condition c) {
      ref = c.getSubject();
    }
    return ref == null || !ref.hasReference() ? Optional.empty() : Optional.of(ref);
  }

  // ---------------------------------------------------------------- problems

  private void warn(Located l, String path, String message) {
    problems.add(FhirProblem.of(Severity.WARNING, l.file(), l.line(), l.path() + path, message));
  }

  private void problem(boolean error, Located l, String path, String message) {
    if (error) {
      error(l, path, message);
    } else {
      warn(l, path, message);
    }
  }

  private void error(Located l, String path, String message) {
    problems.add(FhirProblem.of(Severity.ERROR, l.file(), l.line(), l.path() + path, message));
  }

  // ---------------------------------------------------------------- codes

  /** The first coding of {@code type}'s perfspecs system in {@code cc}; counts the codings as unmapped when none maps. */
  private <E extends Enum<E>> Optional<E> code(Class<E> type, CodeableConcept cc, boolean countUnmapped) {
    if (cc == null || cc.isEmpty()) {
      return Optional.empty();
    }
    String system = FhirCodeSystems.systemOf(type);
    for (Coding c : cc.getCoding()) {
      if (system.equals(c.getSystem())) {
        Optional<E> e = FhirCodeSystems.constant(type, c.getCode());
        if (e.isPresent()) {
          return e;
        }
      }
    }
    if (countUnmapped) {
      if (cc.getCoding().isEmpty()) {
        tally.unmapped("(text only)");
      }
      for (Coding c : cc.getCoding()) {
        tally.unmapped(c.getSystem());
      }
    }
    return Optional.empty();
  }

  private <E extends Enum<E>> Optional<E> code(Class<E> type, Coding c) {
    if (c != null && FhirCodeSystems.systemOf(type).equals(c.getSystem())) {
      return FhirCodeSystems.constant(type, c.getCode());
    }
    return Optional.empty();
  }

  private <E extends Enum<E>> Set<E> codes(Class<E> type, List<CodeableConcept> ccs) {
    Set<E> out = new LinkedHashSet<>();
    for (CodeableConcept cc : ccs) {
      code(type, cc, true).ifPresent(out::add);
    }
    return out;
  }

  private <E extends Enum<E>> Set<E> extCodes(Class<E> type, List<Extension> exts) {
    Set<E> out = new LinkedHashSet<>();
    for (Extension e : exts) {
      if (e.getValue() instanceof Coding c) {
        code(type, c).ifPresentOrElse(out::add, () -> tally.unmapped(c.getSystem()));
      } else if (e.getValue() instanceof CodeableConcept cc) {
        code(type, cc, true).ifPresent(out::add);
      }
    }
    return out;
  }

  private static boolean hasCoding(CodeableConcept cc, String system, String code) {
    return cc != null && cc.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
  }

  private static boolean hasCoding(List<CodeableConcept> ccs, String system, String code) {
    return ccs.stream().anyMatch(cc -> hasCoding(cc, system, code));
  }

  private static Optional<Boolean> bool(DomainResource r, String name) {
    return exts(r, name).stream().map(Extension::getValue).filter(v -> v instanceof BooleanType)
        .map(v -> ((BooleanType) v).getValue()).filter(v -> v != null).findFirst();
  }

  private static Optional<Instant> instantExt(DomainResource r, String name) {
    return exts(r, name).stream().map(Extension::getValue).filter(v -> v instanceof BaseDateTimeType)
        .map(v -> Values.instant((BaseDateTimeType) v)).flatMap(Optional::stream).findFirst();
  }

  private static List<LocalDate> dateExts(DomainResource r, String name) {
    return exts(r, name).stream().map(Extension::getValue).filter(v -> v instanceof BaseDateTimeType)
        .map(v -> Values.localDate((BaseDateTimeType) v)).flatMap(Optional::stream).toList();
  }

  private static List<String> stringExts(DomainResource r, String name) {
    return exts(r, name).stream().map(Extension::getValue).filter(v -> v instanceof StringType)
        .map(v -> ((StringType) v).getValue()).filter(v -> v != null && !v.isBlank()).toList();
  }

  // ---------------------------------------------------------------- patient

  private void patient(Located pl, List<Located> own) {
    Patient p = (Patient) pl.resource();
    List<Located> episodes = own.stream().filter(l -> l.resource() instanceof EpisodeOfCare).toList();
    // only episodes of a service the specifications cover become records
    List<Located> covered = new ArrayList<>();
    for (Located el : episodes) {
      EpisodeOfCare e = (EpisodeOfCare) el.resource();
      boolean inScope = e.getType().stream().anyMatch(t -> code(ServiceType.class, t, false).isPresent());
      if (inScope) {
        covered.add(el);
      } else {
        e.getType().forEach(t -> t.getCoding().forEach(c -> tally.unmapped(c.getSystem())));
        warn(el, ".type", "no type of the service-type code system (ESOAP, RRS_PPW, IOP, CSP, RC): not an episode "
            + "of a service the specifications cover (ignored)");
      }
    }
    Optional<Member> member = member(pl, p, own, !covered.isEmpty());
    if (member.isEmpty()) {
      if (!covered.isEmpty()) {
        rejected.add(pl);
        rejected.addAll(covered);
        recordsRejected += covered.size();
      }
      return;
    }
    members.add(member.get());
    used.add(pl);
    Map<Located, List<Located>> assigned = assign(episodes, own);
    for (Located el : covered) {
      episode(member.get(), el, assigned.getOrDefault(el, List.of()));
    }
  }

  /** The member of a Patient; a missing fact is an ERROR when a record needs the member ({@code needed}), else a WARNING. */
  private Optional<Member> member(Located pl, Patient p, List<Located> own, boolean needed) {
    String id = Values.modelId(p, p.getIdentifier());
    var b = Member.builder().id(id);
    Optional<LocalDate> dob = Values.localDate(p.getBirthDateElement());
    if (dob.isEmpty()) {
      problem(needed, pl, ".birthDate", "a Patient needs a birthDate to be a member (the specifications' age rules use it)");
      return Optional.empty();
    }
    b.dateOfBirth(dob.get());
    // product from Coverage
    Optional<InsuranceProduct> product = Optional.empty();
    for (Located l : own) {
      if (l.resource() instanceof Coverage c && product.isEmpty()) {
        used.add(l);
        for (var cls : c.getClass_()) {
          if (hasCoding(cls.getType(), Std.COVERAGE_CLASS, "plan")) {
            product = FhirCodeSystems.constant(InsuranceProduct.class, cls.getValue());
          }
        }
        if (product.isEmpty()) {
          product = code(InsuranceProduct.class, c.getType(), true);
        }
        if (product.isEmpty()) {
          warn(l, ".class", "no plan class or type of the insurance-product code system: product OTHER");
          product = Optional.of(InsuranceProduct.OTHER);
        }
      }
    }
    if (product.isEmpty()) {
      warn(pl, "", "no Coverage for this Patient: product OTHER");
    }
    b.product(product.orElse(InsuranceProduct.OTHER));
    for (HumanName n : p.getName()) {
      if (n.getUse() == HumanName.NameUse.USUAL) {
        String text = n.hasText() ? n.getText() : n.getNameAsSingleString();
        if (text != null && !text.isBlank()) {
          b.preferredName(text);
          break;
        }
      }
    }
    stringExts(p, "pronouns").stream().findFirst().ifPresent(b::pronouns);
    bool(p, "parenting").ifPresent(b::parenting);
    bool(p, "dmh-continuing-care-eligible").ifPresent(b::dmhContinuingCareEligible);
    bool(p, "dcf-case-open").ifPresent(b::dcfCaseOpen);
    b.stateAgencies(extCodes(StateAgency.class, exts(p, "state-agency")));
    providers(pl, p, b);
    pregnancy(own).ifPresent(b::pregnancy);
    physicalExam(own).ifPresent(b::lastCompletePhysicalExam);
    try {
      return Optional.of(b.build());
    } catch (RuntimeException e) {
      problem(needed, pl, "", "the Patient cannot be made a member: " + safeMessage(e));
      return Optional.empty();
    }
  }

  /** A reference from {@code container}: to one of its contained resources ({@code #id}), or through the group. */
  private Optional<Located> lookup(DomainResource container, Located where, Reference ref) {
    String r = ref.getReference();
    if (r != null && r.startsWith("#")) {
      for (var c : container.getContained()) {
        String id = c.getIdElement().getIdPart();
        if (id != null && (id.equals(r.substring(1)) || id.equals(r))) {
          return Optional.of(new Located(c, where.file(), where.line(), where.path() + ".contained", null));
        }
      }
      return Optional.empty();
    }
    return lookup(ref);
  }

  private void providers(Located pl, Patient p, org.perfspecs.model.ImmutableMember.Builder b) {
    boolean pcc = false;
    for (Reference gp : p.getGeneralPractitioner()) {
      Optional<Located> target = lookup(p, pl, gp);
      CareProviderRole role = CareProviderRole.PCC;
      Optional<CareProvider> provider = Optional.empty();
      if (target.isPresent() && target.get().resource() instanceof PractitionerRole pr) {
        used.add(target.get());
        role = pr.getCode().stream().map(cc -> code(CareProviderRole.class, cc, false)).flatMap(Optional::stream)
            .findFirst().orElse(CareProviderRole.PCC);
        Optional<Located> practitioner = lookup(p, pl, pr.getPractitioner());
        practitioner.ifPresent(used::add);
        provider = practitioner.flatMap(this::careProvider);
        if (provider.isEmpty()) {
          provider = lookup(p, pl, pr.getOrganization()).flatMap(this::careProvider);
        }
      } else if (target.isPresent()) {
        used.add(target.get());
        provider = careProvider(target.get());
      } else if (gp.hasDisplay() && !gp.getDisplay().isBlank()) {
        provider = Optional.of(CareProvider.builder().name(gp.getDisplay()).build());
      }
      if (provider.isEmpty()) {
        continue;
      }
      switch (role) {
        case PCC -> {
          if (!pcc) {
            b.primaryCareClinician(provider.get());
            pcc = true;
          }
        }
        case OBSTETRIC_PROVIDER -> b.obstetricProvider(provider.get());
        case DENTIST -> b.dentist(provider.get());
      }
    }
  }

  private Optional<CareProvider> careProvider(Located l) {
    String name = null;
    String identifier = null;
    if (l.resource() instanceof Practitioner pr) {
      for (HumanName n : pr.getName()) {
        name = n.hasText() ? n.getText() : n.getNameAsSingleString();
        if (name != null && !name.isBlank()) {
          break;
        }
      }
      identifier = pr.getIdentifier().stream().filter(i -> i.hasValue() && !i.getValue().isBlank())
          .map(i -> i.getValue()).findFirst().orElse(null);
    } else if (l.resource() instanceof Organization o) {
      name = o.getName();
      identifier = o.getIdentifier().stream().filter(i -> i.hasValue() && !i.getValue().isBlank())
          .map(i -> i.getValue()).findFirst().orElse(null);
    }
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    var cp = CareProvider.builder().name(name);
    if (identifier != null) {
      cp.identifier(identifier);
    }
    return Optional.of(cp.build());
  }

  /**
   * Pregnancy from the latest pregnancy-status Observation (LOINC 82810-3): Pregnant (with the
   * latest estimated due date, LOINC 11778-8) is PREGNANT; Not pregnant with a delivery date (LOINC
   * 93857-1) is POSTPARTUM; no status but a delivery date is POSTPARTUM. Without a status
   * Observation (as Synthea writes): an active pregnancy Condition (SNOMED 72892002 Normal pregnancy,
   * 47200007 Non-low risk pregnancy, 77386006 Pregnant) is PREGNANT. A completed delivery Procedure
   * (childbirth, instrumental delivery, caesarean section, premature birth, delivery procedure) gives
   * a delivery date as LOINC 93857-1 does.
   */
  private Optional<PregnancyStatus> pregnancy(List<Located> own) {
    Located status = null;
    Instant statusAt = null;
    Optional<LocalDate> due = Optional.empty();
    Optional<LocalDate> delivered = Optional.empty();
    boolean pregnancyCondition = false;
    for (Located l : own) {
      if (l.resource() instanceof Procedure p && p.getStatus() == Procedure.ProcedureStatus.COMPLETED
          && Std.DELIVERY_PROCEDURES.stream().anyMatch(c -> hasCoding(p.getCode(), Std.SNOMED, c))) {
        Optional<LocalDate> on = p.hasPerformedDateTimeType() ? Values.localDate(p.getPerformedDateTimeType())
            : p.hasPerformedPeriod() && p.getPerformedPeriod().hasStart()
                ? Values.localDate(p.getPerformedPeriod().getStartElement()) : Optional.empty();
        if (on.isPresent()) {
          used.add(l);
          delivered = latest(delivered, on);
        }
        continue;
      }
      if (l.resource() instanceof Condition c && Std.PREGNANCY_CONDITIONS.stream()
          .anyMatch(code -> hasCoding(c.getCode(), Std.SNOMED, code))) {
        boolean refuted = hasCoding(c.getVerificationStatus(), Std.CONDITION_VERIFICATION, "refuted")
            || hasCoding(c.getVerificationStatus(), Std.CONDITION_VERIFICATION, "entered-in-error");
        boolean active = c.hasClinicalStatus()
            ? Std.ACTIVE_CLINICAL_STATUSES.stream().anyMatch(x -> hasCoding(c.getClinicalStatus(), Std.CONDITION_CLINICAL, x))
            : !c.hasAbatement();
        if (!refuted) {
          used.add(l);
          pregnancyCondition |= active;
        }
        continue;
      }
      if (!(l.resource() instanceof Observation o)) {
        continue;
      }
      if (o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
          || o.getStatus() == Observation.ObservationStatus.CANCELLED) {
        continue;
      }
      if (hasCoding(o.getCode(), Std.LOINC, Std.PREGNANCY_STATUS)) {
        used.add(l);
        Instant at = o.hasEffectiveDateTimeType() ? Values.instant(o.getEffectiveDateTimeType()).orElse(null) : null;
        if (status == null || (at != null && (statusAt == null || at.isAfter(statusAt)))) {
          status = l;
          statusAt = at;
        }
      } else if (hasCoding(o.getCode(), Std.LOINC, Std.ESTIMATED_DUE_DATE) && o.getValue() instanceof BaseDateTimeType v) {
        used.add(l);
        due = latest(due, Values.localDate(v));
      } else if (hasCoding(o.getCode(), Std.LOINC, Std.DELIVERY_DATE) && o.getValue() instanceof BaseDateTimeType v) {
        used.add(l);
        delivered = latest(delivered, Values.localDate(v));
      }
    }
    PregnancyState state = null;
    if (status != null) {
      Observation o = (Observation) status.resource();
      if (o.getValue() instanceof CodeableConcept cc && hasCoding(cc, Std.SNOMED, Std.PREGNANT)) {
        state = PregnancyState.PREGNANT;
      } else if (o.getValue() instanceof CodeableConcept cc && hasCoding(cc, Std.SNOMED, Std.NOT_PREGNANT)) {
        state = delivered.isPresent() ? PregnancyState.POSTPARTUM : null;
      } else if (o.getValue() instanceof CodeableConcept cc) {
        cc.getCoding().forEach(c -> tally.unmapped(c.getSystem()));
      }
    } else if (pregnancyCondition) {
      state = PregnancyState.PREGNANT;
    } else if (delivered.isPresent()) {
      state = PregnancyState.POSTPARTUM;
    }
    if (state == null) {
      return Optional.empty();
    }
    var b = PregnancyStatus.builder().state(state);
    due.ifPresent(b::estimatedDueDate);
    delivered.ifPresent(b::deliveryDate);
    return Optional.of(b.build());
  }

  private static Optional<LocalDate> latest(Optional<LocalDate> a, Optional<LocalDate> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isAfter(b.get()) ? a : b;
  }

  private Optional<LocalDate> physicalExam(List<Located> own) {
    Optional<LocalDate> last = Optional.empty();
    for (Located l : own) {
      if (l.resource() instanceof Procedure p && hasCoding(p.getCode(), Std.SNOMED, Std.PHYSICAL_EXAM)
          && p.getStatus() == Procedure.ProcedureStatus.COMPLETED) {
        used.add(l);
        Optional<LocalDate> on = p.hasPerformedDateTimeType() ? Values.localDate(p.getPerformedDateTimeType())
            : p.hasPerformedPeriod() ? Values.localDate(p.getPerformedPeriod().getStartElement()) : Optional.empty();
        last = latest(last, on);
      }
    }
    return last;
  }

  // ---------------------------------------------------------------- episodes

  /** Assigns the patient's resources to episodes: by explicit link, else the only episode, else by time. */
  private Map<Located, List<Located>> assign(List<Located> episodes, List<Located> own) {
    Map<Located, List<Located>> out = new LinkedHashMap<>();
    if (episodes.isEmpty()) {
      return out;
    }
    Map<String, Located> byEpisodeKey = new HashMap<>();
    episodes.forEach(e -> byEpisodeKey.put(e.key(), e));
    for (Located l : own) {
      if (l.resource() instanceof EpisodeOfCare || l.resource() instanceof Patient) {
        continue;
      }
      Located target = null;
      Optional<String> link = episodeLink(l).map(this::resolve);
      if (link.isPresent()) {
        target = byEpisodeKey.get(link.get());
      }
      if (target == null && episodes.size() == 1) {
        target = episodes.get(0);
      }
      if (target == null) {
        Optional<Instant> at = timeOf(l.resource());
        if (at.isPresent()) {
          for (Located e : episodes) {
            if (within(at.get(), (EpisodeOfCare) e.resource())) {
              target = e;
              break;
            }
          }
        }
      }
      if (target != null) {
        out.computeIfAbsent(target, k -> new ArrayList<>()).add(l);
      }
    }
    return out;
  }

  private static Optional<Reference> episodeLink(Located l) {
    var r = l.resource();
    if (r instanceof Encounter e && e.hasEpisodeOfCare()) {
      return Optional.of(e.getEpisodeOfCareFirstRep());
    }
    if (r instanceof Composition c) {
      for (var ev : c.getEvent()) {
        for (Reference d : ev.getDetail()) {
          if (d.getReference() != null && d.getReference().startsWith("EpisodeOfCare/")) {
            return Optional.of(d);
          }
        }
      }
    }
    if (r instanceof DocumentReference d && d.getContext().hasEncounter()) {
      for (Reference x : d.getContext().getEncounter()) {
        if (x.getReference() != null && x.getReference().startsWith("EpisodeOfCare/")) {
          return Optional.of(x);
        }
      }
    }
    if (r instanceof DomainResource dr) {
      for (Extension e : exts(dr, "episode")) {
        if (e.getValue() instanceof Reference ref) {
          return Optional.of(ref);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean within(Instant at, EpisodeOfCare e) {
    Instant start = e.getPeriod().hasStart() ? Values.instant(e.getPeriod().getStartElement()).orElse(null) : null;
    Instant end = e.getPeriod().hasEnd() ? Values.instant(e.getPeriod().getEndElement()).orElse(null) : null;
    return (start == null || !at.isBefore(start)) && (end == null || !at.isAfter(end));
  }

  private static Optional<Instant> timeOf(org.hl7.fhir.r4.model.Resource r) {
    if (r instanceof Encounter e && e.getPeriod().hasStart()) {
      return Values.instant(e.getPeriod().getStartElement());
    }
    if (r instanceof Communication c && c.hasSent()) {
      return Values.instant(c.getSentElement());
    }
    if (r instanceof ServiceRequest s && s.hasAuthoredOn()) {
      return Values.instant(s.getAuthoredOnElement());
    }
    if (r instanceof Appointment a && a.hasCreated()) {
      return Values.instant(a.getCreatedElement());
    }
    if (r instanceof Composition c && c.hasDate()) {
      return Values.instant(c.getDateElement());
    }
    if (r instanceof DocumentReference d && d.hasDate()) {
      return Values.instant(d.getDateElement());
    }
    if (r instanceof AdverseEvent a && a.hasDate()) {
      return Values.instant(a.getDateElement());
    }
    if (r instanceof CarePlan c && c.hasCreated()) {
      return Values.instant(c.getCreatedElement());
    }
    if (r instanceof Consent c && c.hasDateTime()) {
      return Values.instant(c.getDateTimeElement());
    }
    if (r instanceof Observation o && o.hasEffectiveDateTimeType()) {
      return Values.instant(o.getEffectiveDateTimeType());
    }
    return Optional.empty();
  }

  private void episode(Member member, Located el, List<Located> own) {
    EpisodeOfCare e = (EpisodeOfCare) el.resource();
    var b = Episode.builder().id(Values.modelId(e, e.getIdentifier()));
    List<Located> parts = new ArrayList<>();
    Optional<ServiceType> service = Optional.empty();
    for (CodeableConcept t : e.getType()) {
      service = code(ServiceType.class, t, false);
      if (service.isPresent()) {
        break;
      }
    }
    if (service.isEmpty()) {
      return; // not reached: patient() passes only covered episodes
    }
    b.service(service.get());
    Optional<String> program = refId(e.getManagingOrganization());
    if (program.isEmpty()) {
      error(el, ".managingOrganization", "an EpisodeOfCare needs a managingOrganization (the program)");
      rejected.add(el);
      recordsRejected++;
      return;
    }
    b.programId(program.get());
    if (e.getPeriod().hasStart()) {
      Values.instant(e.getPeriod().getStartElement()).ifPresent(b::admittedAt);
    }
    if (e.getPeriod().hasEnd()) {
      Values.instant(e.getPeriod().getEndElement()).ifPresent(b::dischargedAt);
    }
    for (var h : e.getStatusHistory()) {
      if (h.getStatus() == EpisodeOfCare.EpisodeOfCareStatus.CANCELLED && h.getPeriod().hasStart()) {
        Values.instant(h.getPeriod().getStartElement()).ifPresent(b::determinedIneligibleAt);
      }
    }
    instantExt(e, "evaluated-at").ifPresent(b::evaluatedAt);
    bool(e, "discharged-on-medication").ifPresent(b::dischargedOnMedication);
    b.counselingNeeds(extCodes(Topic.class, exts(e, "counseling-need")));
    b.serviceNeeds(extCodes(ServiceCategory.class, exts(e, "service-need")));
    b.significantNeedsChangesOn(dateExts(e, "significant-needs-change"));
    b.involvementContraindicated(extCodes(Party.class, exts(e, "involvement-contraindicated")));
    refId(e.getCareManager()).ifPresent(b::primaryStaffId);

    // the referral in
    Set<String> referralIn = new LinkedHashSet<>();
    for (Reference r : e.getReferralRequest()) {
      String key = resolve(r);
      if (key != null) {
        referralIn.add(key);
      }
    }
    // tasks by the referral they are about
    Map<String, Located> outcomeTasks = new HashMap<>();
    for (Located l : own) {
      if (l.resource() instanceof Task t && t.hasFocus()) {
        String key = resolve(t.getFocus());
        if (key != null && key.startsWith("ServiceRequest/")) {
          outcomeTasks.putIfAbsent(key, l);
        }
      }
    }
    // care team
    List<String> team = new ArrayList<>();
    for (Reference tr : e.getTeam()) {
      lookup(tr).ifPresent(tl -> {
        if (tl.resource() instanceof CareTeam ct) {
          parts.add(tl);
          for (var p : ct.getParticipant()) {
            if ("Practitioner".equals(Values.refType(p.getMember()).orElse(null))) {
              refId(p.getMember()).ifPresent(team::add);
            }
          }
        }
      });
    }
    b.treatmentTeam(team);
    Map<String, Located> goals = new HashMap<>();
    for (Located l : own) {
      if (l.resource() instanceof Goal) {
        goals.put(l.key(), l);
      }
    }
    Set<Party> consent = new LinkedHashSet<>();
    for (Located l : own) {
      var r = l.resource();
      try {
        if (r instanceof Encounter enc) {
          b.addContacts(contact(l, enc));
          parts.add(l);
        } else if (r instanceof Communication c) {
          b.addContacts(contact(l, c));
          parts.add(l);
        } else if (r instanceof Composition c) {
          b.addDocuments(document(l, c));
          parts.add(l);
        } else if (r instanceof DocumentReference d) {
          Optional<Document> doc = document(l, d);
          if (doc.isPresent()) {
            b.addDocuments(doc.get());
            parts.add(l);
          }
        } else if (r instanceof ServiceRequest s) {
          boolean in = referralIn.contains(l.key());
          if (in) {
            b.referral(referral(l, s, outcomeTasks.get(l.key()), parts, true));
            parts.add(l);
          } else if (hasCoding(s.getCategory(), Std.SNOMED, Std.CONSULTATION)
              || code(ConsultationKind.class, s.getCode(), false).isPresent()) {
            b.addConsultations(consultation(l, s));
            parts.add(l);
          } else if (hasCoding(s.getCategory(), Std.SNOMED, Std.PATIENT_REFERRAL)
              || code(ServiceCategory.class, s.getPerformerType(), false).isPresent()) {
            b.addReferralsMade(referral(l, s, outcomeTasks.get(l.key()), parts, false));
            parts.add(l);
          }
        } else if (r instanceof Appointment a) {
          b.addAppointments(appointment(l, a));
          parts.add(l);
        } else if (r instanceof AdverseEvent a) {
          Optional<Incident> i = incident(l, a);
          if (i.isPresent()) {
            b.addIncidents(i.get());
            parts.add(l);
          }
        } else if (r instanceof CarePlan c) {
          Optional<PlanKind> kind = c.getCategory().stream().map(cc -> code(PlanKind.class, cc, false))
              .flatMap(Optional::stream).findFirst();
          if (kind.isEmpty()) {
            b.addDocuments(treatmentPlan(l, c));
          } else if (kind.get() == PlanKind.SERVICE_PLAN) {
            b.servicePlan(servicePlan(l, c, goals, parts));
          } else if (kind.get() == PlanKind.WELLNESS_PLAN) {
            b.wellnessPlan(wellnessPlan(l, c, goals, parts));
          } else {
            b.planOfSafeCare(wellnessPlan(l, c, goals, parts));
          }
          parts.add(l);
        } else if (r instanceof Observation o && isNecessity(o)) {
          b.addNecessityDeterminations(necessity(l, o));
          parts.add(l);
        } else if (r instanceof Consent c && c.getProvision().getType() == Consent.ConsentProvisionType.DENY
            && c.getStatus() == Consent.ConsentState.ACTIVE) {
          b.addConsentRefusals(refusal(l, c));
          parts.add(l);
        } else if (r instanceof Consent c) {
          if (c.getProvision().getType() == Consent.ConsentProvisionType.PERMIT
              && c.getStatus() == Consent.ConsentState.ACTIVE) {
            actors(c.getProvision(), consent::add);
            parts.add(l);
          }
        }
      } catch (MappingException ex) {
        error(l, ex.path, ex.getMessage());
        rejected.add(l);
      } catch (RuntimeException ex) {
        error(l, "", "cannot be mapped: " + safeMessage(ex));
        rejected.add(l);
      }
    }
    b.consentToShareWith(consent);
    CaseRecord record;
    try {
      record = CaseRecord.builder().member(member).episode(b.build()).build();
    } catch (RuntimeException ex) {
      error(el, "", "the episode cannot be made a record: " + safeMessage(ex));
      rejected.add(el);
      rejected.addAll(parts);
      recordsRejected++;
      return;
    }
    List<Violation> violations = validator.validate(record);
    if (!violations.isEmpty()) {
      for (Violation v : violations) {
        error(el, "", "the record fails validation at " + v.path() + ": " + v.message());
      }
      rejected.add(el);
      rejected.addAll(parts);
      recordsRejected++;
      return;
    }
    used.add(el);
    used.addAll(parts);
    records.add(record);
  }

  /** An exception's message when it is one of the model's (value-free) invariants, else its type. */
  static String safeMessage(RuntimeException e) {
    if (e instanceof ModelInvariantException) {
      return e.getMessage();
    }
    if (e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().startsWith("Cannot build")) {
      // Immutables: "Cannot build X, some of required attributes are not set [a, b]" names attributes, no values
      return e.getMessage();
    }
    return e.getClass().getSimpleName();
  }

  // ---------------------------------------------------------------- contacts

  private Contact contact(Located l, Encounter e) {
    var b = Contact.builder().id(Values.modelId(e, e.getIdentifier()));
    Instant at = e.getPeriod().hasStart() ? Values.instant(e.getPeriod().getStartElement()).orElse(null) : null;
    if (at == null) {
      throw new MappingException(".period.start", "an Encounter needs period.start to be a contact");
    }
    b.at(at);
    int minutes = 0;
    if (e.hasLength() && e.getLength().hasValue()) {
      double v = e.getLength().getValue().doubleValue();
      String unit = e.getLength().hasCode() ? e.getLength().getCode() : "min";
      minutes = (int) Math.round(switch (unit) {
        case "h" -> v * 60;
        case "d" -> v * 1440;
        case "s" -> v / 60;
        default -> v;
      });
    } else if (e.getPeriod().hasEnd()) {
      Instant end = Values.instant(e.getPeriod().getEndElement()).orElse(at);
      minutes = (int) Math.max(0, java.time.Duration.between(at, end).toMinutes());
    }
    b.minutes(minutes);
    String cls = e.getClass_().getCode();
    b.mode("VR".equals(cls) ? ContactMode.TELEHEALTH : ContactMode.IN_PERSON);
    b.kind(e.getType().stream().map(cc -> code(ContactKind.class, cc, false)).flatMap(Optional::stream).findFirst()
        .orElseGet(() -> {
          e.getType().forEach(t -> t.getCoding().forEach(c -> tally.unmapped(c.getSystem())));
          return ContactKind.OTHER;
        }));
    b.topics(codes(Topic.class, e.getReasonCode()));
    Set<Party> parties = new LinkedHashSet<>();
    for (var p : e.getParticipant()) {
      for (CodeableConcept t : p.getType()) {
        code(Party.class, t, false).ifPresent(parties::add);
      }
      if (p.hasIndividual() && "Practitioner".equals(Values.refType(p.getIndividual()).orElse(null))
          && hasCoding(p.getType(), Std.PARTICIPATION_TYPE, "PPRF")) {
        refId(p.getIndividual()).ifPresent(b::staffId);
      }
    }
    b.parties(parties);
    boolean engaged = bool(e, "member-engaged").orElse(e.getStatus() != Encounter.EncounterStatus.CANCELLED);
    b.memberEngaged(engaged);
    return b.build();
  }

  private Contact contact(Located l, Communication c) {
    var b = Contact.builder().id(Values.modelId(c, c.getIdentifier()));
    Optional<Instant> at = Values.instant(c.getSentElement());
    if (at.isEmpty()) {
      throw new MappingException(".sent", "a Communication needs sent to be a contact");
    }
    b.at(at.get());
    b.minutes(exts(c, "contact-minutes").stream().map(Extension::getValue).filter(v -> v instanceof IntegerType)
        .map(v -> ((IntegerType) v).getValue()).findFirst().orElse(0));
    ContactMode mode = ContactMode.TEXT;
    for (CodeableConcept m : c.getMedium()) {
      if (hasCoding(m, Std.PARTICIPATION_MODE, "PHONE")) {
        mode = ContactMode.PHONE;
      } else if (hasCoding(m, Std.PARTICIPATION_MODE, "VIDEOCONF")) {
        mode = ContactMode.TELEHEALTH;
      }
    }
    b.mode(mode);
    b.kind(c.getCategory().stream().map(cc -> code(ContactKind.class, cc, false)).flatMap(Optional::stream).findFirst()
        .orElse(c.getStatus() == Communication.CommunicationStatus.NOTDONE ? ContactKind.OUTREACH_ATTEMPT
            : ContactKind.OTHER));
    Set<Topic> topics = new LinkedHashSet<>(codes(Topic.class, c.getReasonCode()));
    if (c.hasTopic()) {
      code(Topic.class, c.getTopic(), true).ifPresent(topics::add);
    }
    b.topics(topics);
    b.parties(extCodes(Party.class, exts(c, "contact-party")));
    if (c.hasSender() && "Practitioner".equals(Values.refType(c.getSender()).orElse(null))) {
      refId(c.getSender()).ifPresent(b::staffId);
    }
    b.memberEngaged(c.getStatus() != Communication.CommunicationStatus.NOTDONE && !c.hasStatusReason());
    return b.build();
  }

  // ---------------------------------------------------------------- documents

  private Document document(Located l, Composition c) {
    var b = Document.builder().id(Values.modelId(c, c.hasIdentifier() ? List.of(c.getIdentifier()) : List.of()));
    b.kind(code(DocumentKind.class, c.getType(), true).orElse(DocumentKind.OTHER));
    b.date(Values.localDate(c.getDateElement())
        .orElseThrow(() -> new MappingException(".date", "a Composition needs a date to be a document")));
    Set<ContentElement> elements = new LinkedHashSet<>();
    sections(c.getSection(), elements);
    b.elements(elements);
    for (var a : c.getAttester()) {
      if (a.getMode() == Composition.CompositionAttestationMode.PERSONAL
          && "Patient".equals(Values.refType(a.getParty()).orElse(null))) {
        Values.localDate(a.getTimeElement()).ifPresent(b::memberSignedOn);
      } else if ("Practitioner".equals(Values.refType(a.getParty()).orElse(null))) {
        refId(a.getParty()).ifPresent(b::addStaffSignatures);
      }
    }
    bool(c, "member-refused-to-sign").ifPresent(b::memberRefusedToSign);
    b.developedWith(extCodes(Party.class, exts(c, "developed-with")));
    b.givenTo(extCodes(Party.class, exts(c, "given-to")));
    dateExts(c, "given-on").stream().findFirst().ifPresent(b::givenOn);
    b.forwardedTo(extCodes(Party.class, exts(c, "forwarded-to")));
    return b.build();
  }

  private void sections(List<Composition.SectionComponent> sections, Set<ContentElement> out) {
    for (var s : sections) {
      if (s.hasCode()) {
        code(ContentElement.class, s.getCode(), true).ifPresent(out::add);
      }
      sections(s.getSection(), out);
    }
  }

  private Optional<Document> document(Located l, DocumentReference d) {
    Optional<DocumentKind> kind = code(DocumentKind.class, d.getType(), true);
    if (kind.isEmpty() || !d.hasDate()) {
      return Optional.empty();
    }
    var b = Document.builder().id(Values.modelId(d, d.getIdentifier())).kind(kind.get());
    b.date(d.getDate().toInstant().atZone(Values.NEW_YORK).toLocalDate());
    return Optional.of(b.build());
  }

  private Document treatmentPlan(Located l, CarePlan c) {
    var b = Document.builder().id(Values.modelId(c, c.getIdentifier())).kind(DocumentKind.TREATMENT_PLAN);
    Optional<LocalDate> date = c.hasCreated() ? Values.localDate(c.getCreatedElement())
        : c.getPeriod().hasStart() ? Values.localDate(c.getPeriod().getStartElement()) : Optional.empty();
    b.date(date.orElseThrow(() -> new MappingException(".created",
        "a CarePlan needs created or period.start to be a treatment plan")));
    Set<ContentElement> elements = new LinkedHashSet<>();
    for (var a : c.getActivity()) {
      if (a.getDetail().hasCode()) {
        code(ContentElement.class, a.getDetail().getCode(), true).ifPresent(elements::add);
      }
    }
    b.elements(elements);
    return b.build();
  }

  // ---------------------------------------------------------------- requests

  private Referral referral(Located l, ServiceRequest s, Located task, List<Located> parts, boolean into) {
    var b = Referral.builder().id(Values.modelId(s, s.getIdentifier()));
    b.at(Values.instant(s.getAuthoredOnElement()).orElseThrow(() -> new MappingException(".authoredOn",
        "a referral ServiceRequest needs authoredOn")));
    Optional<ReferralSource> source = exts(s, "referral-source").stream().map(Extension::getValue)
        .filter(v -> v instanceof CodeableConcept).map(v -> code(ReferralSource.class, (CodeableConcept) v, true))
        .flatMap(Optional::stream).findFirst();
    if (source.isEmpty() && into) {
      String requester = Values.refType(s.getRequester()).orElse("");
      source = Optional.of(switch (requester) {
        case "Patient" -> ReferralSource.SELF;
        case "RelatedPerson" -> ReferralSource.FAMILY;
        case "Practitioner", "PractitionerRole" -> ReferralSource.MEDICAL_PROVIDER;
        default -> ReferralSource.OTHER;
      });
    }
    source.ifPresent(b::source);
    Optional<ServiceCategory> target = code(ServiceCategory.class, s.getPerformerType(), false);
    if (target.isEmpty() && !into) {
      target = code(ServiceCategory.class, s.getCode(), false);
      if (target.isEmpty()) {
        s.getPerformerType().getCoding().forEach(c -> tally.unmapped(c.getSystem()));
        s.getCode().getCoding().forEach(c -> tally.unmapped(c.getSystem()));
        warn(l, ".performerType", "no performerType or code of the service-category code system: target OTHER");
        target = Optional.of(ServiceCategory.OTHER);
      }
    }
    target.ifPresent(b::target);
    bool(s, "member-consented").ifPresent(b::memberConsented);
    if (task != null) {
      Task t = (Task) task.resource();
      Optional<ReferralOutcome> outcome = code(ReferralOutcome.class, t.getBusinessStatus(), false);
      if (outcome.isEmpty() && t.getStatus() != null) {
        outcome = switch (t.getStatus()) {
          case COMPLETED -> Optional.of(ReferralOutcome.CONNECTED);
          case REJECTED, CANCELLED -> Optional.of(ReferralOutcome.DECLINED);
          case FAILED -> Optional.of(ReferralOutcome.NOT_ATTENDED);
          default -> Optional.empty();
        };
      }
      outcome.ifPresent(b::outcome);
      Values.instant(t.getLastModifiedElement()).ifPresent(b::followedUpAt);
      parts.add(task);
    }
    return b.build();
  }

  private Consultation consultation(Located l, ServiceRequest s) {
    var b = Consultation.builder().id(Values.modelId(s, s.getIdentifier()));
    b.kind(code(ConsultationKind.class, s.getCode(), true).orElse(ConsultationKind.OTHER));
    b.arrangedAt(Values.instant(s.getAuthoredOnElement()).orElseThrow(() -> new MappingException(".authoredOn",
        "a consultation ServiceRequest needs authoredOn")));
    if (s.hasOccurrenceDateTimeType()) {
      Values.instant(s.getOccurrenceDateTimeType()).ifPresent(b::scheduledFor);
    } else if (s.hasOccurrencePeriod() && s.getOccurrencePeriod().hasStart()) {
      Values.instant(s.getOccurrencePeriod().getStartElement()).ifPresent(b::scheduledFor);
    }
    if (s.getStatus() == ServiceRequest.ServiceRequestStatus.COMPLETED) {
      b.completed(true);
    } else if (s.getStatus() == ServiceRequest.ServiceRequestStatus.REVOKED) {
      b.completed(false);
    }
    return b.build();
  }

  // ---------------------------------------------------------------- programs

  /**
   * Programs: every Organization that provides (HealthcareService.providedBy) a service of {@code
   * ps:service-type}, with its parent (partOf), Locations (managingOrganization) and staff
   * (PractitionerRole.organization, and the roles' Practitioners).
   */
  private void programs(List<Located> resources) {
    Map<String, List<Located>> services = new HashMap<>();
    Map<String, List<Located>> locations = new HashMap<>();
    Map<String, List<Located>> roles = new HashMap<>();
    for (Located l : resources) {
      if (l.resource() instanceof HealthcareService h && h.hasProvidedBy()) {
        put(services, h.getProvidedBy(), l);
      } else if (l.resource() instanceof org.hl7.fhir.r4.model.Location loc && loc.hasManagingOrganization()) {
        put(locations, loc.getManagingOrganization(), l);
      } else if (l.resource() instanceof PractitionerRole pr && pr.hasOrganization()) {
        put(roles, pr.getOrganization(), l);
      }
    }
    if (services.isEmpty()) {
      return;
    }
    Set<String> seen = new java.util.HashSet<>();
    for (Located l : resources) {
      if (!(l.resource() instanceof Organization o) || !seen.add(l.key()) || !services.containsKey(l.key())) {
        continue;
      }
      Set<ServiceType> types = new LinkedHashSet<>();
      for (Located h : services.get(l.key())) {
        for (CodeableConcept t : ((HealthcareService) h.resource()).getType()) {
          code(ServiceType.class, t, true).ifPresent(types::add);
        }
      }
      if (types.isEmpty()) {
        continue; // provides none of the five services: not a program (its resources are counted ignored)
      }
      List<Located> parts = new ArrayList<>(services.get(l.key()));
      try {
        Program p = program(l, o, types, locations.getOrDefault(l.key(), List.of()),
            roles.getOrDefault(l.key(), List.of()), parts);
        programs.add(p);
        used.add(l);
        used.addAll(parts);
      } catch (MappingException ex) {
        error(ex.at == null ? l : ex.at, ex.path, ex.getMessage());
        rejected.add(l);
        rejected.addAll(parts);
      } catch (RuntimeException ex) {
        error(l, "", "the program cannot be mapped: " + safeMessage(ex));
        rejected.add(l);
        rejected.addAll(parts);
      }
    }
  }

  private void put(Map<String, List<Located>> by, Reference ref, Located l) {
    String key = resolve(ref);
    if (key != null) {
      by.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
    }
  }

  private Program program(Located l, Organization o, Set<ServiceType> types, List<Located> locations, List<Located> roles,
      List<Located> parts) {
    if (!o.hasName() || o.getName().isBlank()) {
      throw new MappingException(".name", "a program Organization needs a name");
    }
    var b = Program.builder().id(Values.modelId(o, o.getIdentifier())).name(o.getName()).services(types);
    if (o.hasPartOf()) {
      Optional<Located> parent = lookup(o.getPartOf());
      if (parent.isPresent() && parent.get().resource() instanceof Organization po && po.hasName()
          && !po.getName().isBlank()) {
        b.parentOrganization(po.getName());
        parts.add(parent.get());
      } else if (o.getPartOf().hasDisplay() && !o.getPartOf().getDisplay().isBlank()) {
        b.parentOrganization(o.getPartOf().getDisplay());
      }
    }
    for (Located ll : locations) {
      parts.add(ll);
      try {
        b.addLocations(location(ll, (org.hl7.fhir.r4.model.Location) ll.resource()));
      } catch (MappingException ex) {
        throw new MappingException(ll, ex.path, ex.getMessage());
      } catch (RuntimeException ex) {
        throw new MappingException(ll, "", "the location cannot be mapped: " + safeMessage(ex));
      }
    }
    // staff: one member per Practitioner, in the order of their first PractitionerRole
    Map<String, StaffParts> staff = new LinkedHashMap<>();
    for (Located rl : roles) {
      PractitionerRole pr = (PractitionerRole) rl.resource();
      if (!pr.hasPractitioner()) {
        warn(rl, ".practitioner", "a PractitionerRole without a practitioner is no staff member; ignored");
        continue;
      }
      Optional<Located> practitioner = lookup(pr.getPractitioner());
      String id = practitioner.map(pl -> Values.modelId((DomainResource) pl.resource(),
              ((Practitioner) pl.resource()).getIdentifier()))
          .or(() -> refId(pr.getPractitioner())).orElse(null);
      if (id == null || (practitioner.isPresent() && !(practitioner.get().resource() instanceof Practitioner))) {
        warn(rl, ".practitioner", "the practitioner reference has no id; ignored");
        continue;
      }
      StaffParts sp = staff.computeIfAbsent(id, k -> new StaffParts());
      parts.add(rl);
      sp.roles.addAll(codes(StaffRole.class, pr.getCode()));
      for (Extension e : exts(pr, "supervisor")) {
        if (e.getValue() instanceof Reference r) {
          refId(r).ifPresent(s -> sp.supervisor = s);
        }
      }
      if (practitioner.isPresent() && sp.practitioner == null) {
        sp.practitioner = practitioner.get();
        parts.add(practitioner.get());
      }
    }
    staff.forEach((id, sp) -> {
      var sb = StaffMember.builder().id(id).roles(sp.roles);
      if (sp.supervisor != null) {
        sb.supervisorId(sp.supervisor);
      }
      if (sp.practitioner != null) {
        for (var q : ((Practitioner) sp.practitioner.resource()).getQualification()) {
          String credential = q.getCode().hasText() ? q.getCode().getText()
              : q.getCode().getCoding().stream().map(Coding::getCode).filter(c -> c != null && !c.isBlank())
                  .findFirst().orElse(null);
          if (credential == null || credential.isBlank()) {
            continue;
          }
          boolean inProgress = exts(q, "in-progress").stream().anyMatch(e -> e.getValue() instanceof BooleanType bt
              && Boolean.TRUE.equals(bt.getValue()));
          if (inProgress) {
            sb.addCredentialsInProgress(credential);
          } else {
            sb.addCredentials(credential);
          }
        }
      }
      b.addStaff(sb.build());
    });
    return b.build();
  }

  /** The staff parts gathered for one Practitioner. */
  private static final class StaffParts {
    final Set<StaffRole> roles = new LinkedHashSet<>();
    String supervisor;
    Located practitioner;
  }

  private org.perfspecs.model.Location location(Located ll, org.hl7.fhir.r4.model.Location loc) {
    var lb = org.perfspecs.model.Location.builder().id(Values.modelId(loc, loc.getIdentifier()));
    String state = loc.getAddress().getState();
    lb.inMassachusetts(state != null && (state.strip().equalsIgnoreCase("MA")
        || state.strip().equalsIgnoreCase("Massachusetts")));
    List<org.hl7.fhir.r4.model.Location.LocationHoursOfOperationComponent> hours = loc.getHoursOfOperation();
    for (int i = 0; i < hours.size(); i++) {
      var h = hours.get(i);
      String path = ".hoursOfOperation[" + i + "]";
      java.time.LocalTime opens;
      java.time.LocalTime closes;
      if (h.getAllDay()) {
        opens = java.time.LocalTime.MIDNIGHT;
        closes = java.time.LocalTime.MAX;
      } else {
        opens = time(h.getOpeningTime(), path + ".openingTime");
        closes = time(h.getClosingTime(), path + ".closingTime");
      }
      for (var d : h.getDaysOfWeek()) {
        if (d.getValue() == null) {
          continue;
        }
        java.time.DayOfWeek day = switch (d.getValue()) {
          case MON -> java.time.DayOfWeek.MONDAY;
          case TUE -> java.time.DayOfWeek.TUESDAY;
          case WED -> java.time.DayOfWeek.WEDNESDAY;
          case THU -> java.time.DayOfWeek.THURSDAY;
          case FRI -> java.time.DayOfWeek.FRIDAY;
          case SAT -> java.time.DayOfWeek.SATURDAY;
          case SUN -> java.time.DayOfWeek.SUNDAY;
          case NULL -> null;
        };
        if (day != null) {
          lb.addHours(org.perfspecs.model.OpeningHours.builder().day(day).opens(opens).closes(closes).build());
        }
      }
    }
    bool(loc, "onsite-services").ifPresent(lb::onsiteServices);
    bool(loc, "community-services").ifPresent(lb::communityServices);
    return lb.build();
  }

  private static java.time.LocalTime time(String value, String path) {
    if (value == null || value.isBlank()) {
      throw new MappingException(path, "opening hours need an opening and a closing time (or allDay)");
    }
    try {
      return java.time.LocalTime.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new MappingException(path, "not a time (hh:mm:ss)");
    }
  }

  // ---------------------------------------------------------------- refusals, necessity determinations

  /**
   * A Consent with provision {@code deny}: who refused from the performer (the Patient, or none:
   * MEMBER; a {@code ps:party} identifier: that party; a RelatedPerson: GUARDIAN), the refused
   * parties from {@code provision.actor} (as for a permit), the refused kinds of referral from
   * {@code provision.purpose} (and {@code provision.code}) in {@code ps:service-category}.
   */
  private ConsentRefusal refusal(Located l, Consent c) {
    var b = ConsentRefusal.builder().id(Values.modelId(c, c.getIdentifier()));
    b.at(Values.instant(c.getDateTimeElement()).orElseThrow(() -> new MappingException(".dateTime",
        "a Consent that denies needs a dateTime (when the refusal was documented)")));
    for (Reference performer : c.getPerformer()) {
      Optional<Party> by = Optional.empty();
      if (performer.hasIdentifier() && FhirCodeSystems.PARTY.equals(performer.getIdentifier().getSystem())) {
        by = FhirCodeSystems.constant(Party.class, performer.getIdentifier().getValue());
        if (by.isEmpty()) {
          tally.unmapped(FhirCodeSystems.PARTY);
        }
      } else if ("Patient".equals(Values.refType(performer).orElse(null))) {
        by = Optional.of(Party.MEMBER);
      } else if ("RelatedPerson".equals(Values.refType(performer).orElse(null))) {
        by = Optional.of(Party.GUARDIAN);
      }
      if (by.isPresent()) {
        b.refusedBy(by.get());
        break;
      }
    }
    Consent.ProvisionComponent provision = c.getProvision();
    actors(provision, b::addParties);
    for (Coding purpose : provision.getPurpose()) {
      code(ServiceCategory.class, purpose).ifPresentOrElse(b::addReferrals, () -> tally.unmapped(purpose.getSystem()));
    }
    for (CodeableConcept cc : provision.getCode()) {
      code(ServiceCategory.class, cc, true).ifPresent(b::addReferrals);
    }
    return b.build();
  }

  /** The parties of a Consent provision's actors: a {@code ps:party} identifier on the reference, else a {@code ps:party} role. */
  private void actors(Consent.ProvisionComponent provision, java.util.function.Consumer<Party> add) {
    for (var actor : provision.getActor()) {
      Reference ref = actor.getReference();
      if (ref.hasIdentifier() && FhirCodeSystems.PARTY.equals(ref.getIdentifier().getSystem())) {
        FhirCodeSystems.constant(Party.class, ref.getIdentifier().getValue()).ifPresentOrElse(add,
            () -> tally.unmapped(FhirCodeSystems.PARTY));
      } else {
        code(Party.class, actor.getRole(), false).ifPresentOrElse(add,
            () -> tally.unmapped(actor.getRole().getCodingFirstRep().getSystem()));
      }
    }
  }

  /** An Observation (not entered in error or cancelled) whose code is a consultation kind or a service category. */
  private boolean isNecessity(Observation o) {
    return o.getStatus() != Observation.ObservationStatus.ENTEREDINERROR
        && o.getStatus() != Observation.ObservationStatus.CANCELLED
        && (code(ConsultationKind.class, o.getCode(), false).isPresent()
            || code(ServiceCategory.class, o.getCode(), false).isPresent());
  }

  /**
   * A necessity determination: the kind from {@code code}, necessary from {@code valueBoolean},
   * when from {@code effectiveDateTime} (or {@code effectivePeriod.start}, or {@code issued}), the
   * assessor from the first performer: a Practitioner's id, a PractitionerRole's {@code ps:staff-role}
   * code, else its practitioner's id.
   */
  private NecessityDetermination necessity(Located l, Observation o) {
    var b = NecessityDetermination.builder().id(Values.modelId(o, o.getIdentifier()));
    Optional<ConsultationKind> consultation = code(ConsultationKind.class, o.getCode(), false);
    if (consultation.isPresent()) {
      b.consultation(consultation.get());
    } else {
      b.service(code(ServiceCategory.class, o.getCode(), false).orElseThrow());
    }
    if (!(o.getValue() instanceof BooleanType v) || v.getValue() == null) {
      throw new MappingException(".value", "a necessity determination Observation needs a valueBoolean");
    }
    b.necessary(v.getValue());
    Optional<Instant> at = Optional.empty();
    if (o.hasEffectiveDateTimeType()) {
      at = Values.instant(o.getEffectiveDateTimeType());
    } else if (o.hasEffectivePeriod() && o.getEffectivePeriod().hasStart()) {
      at = Values.instant(o.getEffectivePeriod().getStartElement());
    } else if (o.hasIssued()) {
      at = Values.instant(o.getIssuedElement());
    }
    b.at(at.orElseThrow(() -> new MappingException(".effective",
        "a necessity determination Observation needs effectiveDateTime (when it was documented)")));
    Optional<String> by = Optional.empty();
    for (Reference performer : o.getPerformer()) {
      Optional<Located> target = lookup(o, l, performer);
      if (target.isPresent() && target.get().resource() instanceof PractitionerRole pr) {
        used.add(target.get());
        by = pr.getCode().stream().map(cc -> code(StaffRole.class, cc, false)).flatMap(Optional::stream)
            .map(Enum::name).findFirst();
        if (by.isEmpty() && "Practitioner".equals(Values.refType(pr.getPractitioner()).orElse(null))) {
          by = refId(pr.getPractitioner());
        }
      } else if ("Practitioner".equals(Values.refType(performer).orElse(null))) {
        by = refId(performer);
      }
      if (by.isPresent()) {
        break;
      }
    }
    b.assessedBy(by.orElseThrow(() -> new MappingException(".performer",
        "a necessity determination Observation needs a performer (a Practitioner, or a PractitionerRole with a staff-role code)")));
    return b.build();
  }

  // ---------------------------------------------------------------- appointments, incidents

  private org.perfspecs.model.Appointment appointment(Located l, Appointment a) {
    var b = org.perfspecs.model.Appointment.builder().id(Values.modelId(a, a.getIdentifier()));
    b.kind(a.getServiceType().stream().map(cc -> code(AppointmentKind.class, cc, false)).flatMap(Optional::stream)
        .findFirst().orElseGet(() -> {
          a.getServiceType().forEach(t -> t.getCoding().forEach(c -> tally.unmapped(c.getSystem())));
          return AppointmentKind.OTHER;
        }));
    Instant start = a.hasStart() ? a.getStart().toInstant() : null;
    if (start == null) {
      throw new MappingException(".start", "an Appointment needs start to be an appointment");
    }
    b.at(start);
    b.scheduledAt(a.hasCreated() ? Values.instant(a.getCreatedElement()).orElse(start) : start);
    if (a.getStatus() == Appointment.AppointmentStatus.FULFILLED) {
      b.kept(true);
    } else if (a.getStatus() == Appointment.AppointmentStatus.NOSHOW) {
      b.kept(false);
    }
    instantExt(a, "kept-verified-at").ifPresent(b::keptVerifiedAt);
    bool(a, "assisted-by-program").ifPresent(b::assistedByProgram);
    return b.build();
  }

  private Optional<Incident> incident(Located l, AdverseEvent a) {
    if (a.getActuality() == AdverseEvent.AdverseEventActuality.POTENTIAL) {
      return Optional.empty();
    }
    var b = Incident.builder().id(Values.modelId(a, a.hasIdentifier() ? List.of(a.getIdentifier()) : List.of()));
    b.occurredAt(Values.instant(a.getDateElement()).orElseThrow(() -> new MappingException(".date",
        "an AdverseEvent needs date to be an incident")));
    b.reportable(bool(a, "reportable").orElse(a.hasSeriousness()
        && hasCoding(a.getSeriousness(), "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness", "serious")));
    instantExt(a, "reported-to-payer-at").ifPresent(b::reportedAt);
    return Optional.of(b.build());
  }

  // ---------------------------------------------------------------- plans

  private List<String> goalTexts(CarePlan c, Map<String, Located> goals, List<Located> parts, List<Goal> out) {
    List<String> texts = new ArrayList<>();
    for (Reference r : c.getGoal()) {
      Located g = goals.get(resolve(r));
      if (g == null) {
        continue;
      }
      Goal goal = (Goal) g.resource();
      String text = goal.getDescription().hasText() ? goal.getDescription().getText()
          : goal.getDescription().getCodingFirstRep().getDisplay();
      if (text == null || text.isBlank()) {
        continue;
      }
      parts.add(g);
      texts.add(text);
      out.add(goal);
    }
    return texts;
  }

  private WellnessPlan wellnessPlan(Located l, CarePlan c, Map<String, Located> goals, List<Located> parts) {
    var b = WellnessPlan.builder().id(Values.modelId(c, c.getIdentifier()));
    b.createdOn(Values.localDate(c.getCreatedElement()).orElseThrow(() -> new MappingException(".created",
        "a wellness plan CarePlan needs created")));
    b.createdInPerson(bool(c, "created-in-person").orElse(false));
    b.memberDirected("Patient".equals(Values.refType(c.getAuthor()).orElse(null)));
    b.goals(goalTexts(c, goals, parts, new ArrayList<>()));
    Set<ServiceCategory> needs = new LinkedHashSet<>();
    for (var a : c.getActivity()) {
      if (a.getDetail().hasCode()) {
        code(ServiceCategory.class, a.getDetail().getCode(), true).ifPresent(needs::add);
      }
    }
    b.needsIdentified(needs);
    dateExts(c, "last-updated-on").stream().findFirst().ifPresent(b::lastUpdatedOn);
    return b.build();
  }

  private ServicePlan servicePlan(Located l, CarePlan c, Map<String, Located> goals, List<Located> parts) {
    var b = ServicePlan.builder().id(Values.modelId(c, c.getIdentifier()));
    b.completedOn(Values.localDate(c.getCreatedElement()).orElseThrow(() -> new MappingException(".created",
        "a service plan CarePlan needs created")));
    b.problemsAndNeeds(stringExts(c, "problem-or-need"));
    b.strengths(stringExts(c, "strength"));
    b.staffResponsibilities(stringExts(c, "staff-responsibility"));
    dateExts(c, "last-reviewed-on").stream().findFirst().ifPresent(b::lastReviewedOn);
    b.developedWith(extCodes(Party.class, exts(c, "developed-with")));
    for (Extension review : exts(c, "review")) {
      var r = PlanReview.builder();
      Extension on = review.getExtensionByUrl("reviewedOn");
      if (on == null || !(on.getValue() instanceof DateType d)) {
        throw new MappingException(".extension", "a service plan review needs reviewedOn");
      }
      r.reviewedOn(Values.localDate(d).orElseThrow());
      Extension revised = review.getExtensionByUrl("revised");
      r.revised(revised != null && revised.getValue() instanceof BooleanType bt && Boolean.TRUE.equals(bt.getValue()));
      Extension after = review.getExtensionByUrl("afterSignificantChange");
      r.afterSignificantChange(after != null && after.getValue() instanceof BooleanType bt2
          && Boolean.TRUE.equals(bt2.getValue()));
      b.addReviews(r.build());
    }
    for (Reference contributor : c.getContributor()) {
      if ("Practitioner".equals(Values.refType(contributor).orElse(null))) {
        refId(contributor).ifPresent(b::addStaffSignatures);
      }
    }
    for (var a : c.getActivity()) {
      if (a.getDetail().hasDescription()) {
        b.addInterventions(a.getDetail().getDescription());
      }
    }
    List<Goal> read = new ArrayList<>();
    List<String> texts = goalTexts(c, goals, parts, read);
    for (int i = 0; i < texts.size(); i++) {
      Goal g = read.get(i);
      var gb = org.perfspecs.model.Goal.builder().description(texts.get(i));
      gb.measurable(bool(g, "measurable").orElse(g.getTarget().stream().anyMatch(t -> t.hasMeasure())));
      g.getTarget().stream().filter(t -> t.hasDueDateType()).findFirst()
          .flatMap(t -> Values.localDate(t.getDueDateType())).ifPresent(gb::targetDate);
      b.addGoals(gb.build());
    }
    return b.build();
  }

  /** A resource that cannot be mapped: the FHIRPath below the resource and a value-free message. */
  static final class MappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String path;
    /** The resource the path is in, when not the one being mapped. */
    final Located at;

    MappingException(String path, String message) {
      this(null, path, message);
    }

    MappingException(Located at, String path, String message) {
      super(message, null, false, false);
      this.path = path;
      this.at = at;
    }
  }
}
