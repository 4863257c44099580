package org.perfspecs.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.Party;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;

/**
 * The code systems perfspecs ships where FHIR has no standard code for what a requirement needs
 * (content elements of a plan, counselling topics, parties to a contact, contact kinds, service
 * categories, ...). Each is a FHIR {@code CodeSystem} under {@value #BASE}, whose codes are the
 * model enum's constant names ({@code PRENATAL_CARE}), so an EHR team can tag its templates once.
 * The same resources are bundled as JSON in {@code org/perfspecs/fhir/codesystems/}.
 *
 * <p>Standard codes (SNOMED CT, LOINC, v3 ActCode, HL7 code systems) are used wherever they exist;
 * see {@code spec-fhir/MAPPING.md}.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FhirCodeSystems {
  /** The canonical base of perfspecs' code systems. */
  public static final String BASE = "https://perfspecs.org/fhir/CodeSystem/";
  /** The canonical base of perfspecs' extensions. */
  public static final String EXTENSION_BASE = "https://perfspecs.org/fhir/StructureDefinition/";
  /** The identifier system that carries a model record id that is not a valid FHIR id. */
  public static final String RECORD_ID = "https://perfspecs.org/fhir/NamingSystem/record-id";

  public static final String SERVICE_TYPE = BASE + "service-type";
  public static final String INSURANCE_PRODUCT = BASE + "insurance-product";
  public static final String REFERRAL_SOURCE = BASE + "referral-source";
  public static final String REFERRAL_OUTCOME = BASE + "referral-outcome";
  public static final String SERVICE_CATEGORY = BASE + "service-category";
  public static final String CONTACT_KIND = BASE + "contact-kind";
  public static final String TOPIC = BASE + "topic";
  public static final String PARTY = BASE + "party";
  public static final String DOCUMENT_KIND = BASE + "document-kind";
  public static final String CONTENT_ELEMENT = BASE + "content-element";
  public static final String CONSULTATION_KIND = BASE + "consultation-kind";
  public static final String APPOINTMENT_KIND = BASE + "appointment-kind";
  public static final String STATE_AGENCY = BASE + "state-agency";
  public static final String STAFF_ROLE = BASE + "staff-role";
  /** Which plan a CarePlan is: {@code WELLNESS_PLAN}, {@code PLAN_OF_SAFE_CARE}, {@code SERVICE_PLAN}. */
  public static final String PLAN_KIND = BASE + "plan-kind";
  /** The role of a care provider a Patient names: {@code PCC}, {@code OBSTETRIC_PROVIDER}, {@code DENTIST}. */
  public static final String CARE_PROVIDER_ROLE = BASE + "care-provider-role";
  /** Why a Communication was not done: {@code UNANSWERED}. */
  public static final String CONTACT_STATUS_REASON = BASE + "contact-status-reason";
  /** The requirement ids of the catalog (the code of a Task, DetectedIssue or MeasureReport group). */
  public static final String REQUIREMENT = BASE + "requirement";
  /** Finding outcomes ({@code MET}, {@code NOT_MET}, ...), the populations of the MeasureReport. */
  public static final String OUTCOME = BASE + "outcome";

  /** The plan kinds of {@link #PLAN_KIND}. */
  enum PlanKind { WELLNESS_PLAN, PLAN_OF_SAFE_CARE, SERVICE_PLAN }

  /** The roles of {@link #CARE_PROVIDER_ROLE}. */
  enum CareProviderRole { PCC, OBSTETRIC_PROVIDER, DENTIST }

  /** The reasons of {@link #CONTACT_STATUS_REASON}. */
  enum ContactStatusReason { UNANSWERED }

  private static final Map<String, Class<? extends Enum<?>>> SYSTEMS = new LinkedHashMap<>();
  private static final Map<Class<?>, String> BY_TYPE = new LinkedHashMap<>();

  static {
    register(SERVICE_TYPE, ServiceType.class);
    register(INSURANCE_PRODUCT, InsuranceProduct.class);
    register(REFERRAL_SOURCE, ReferralSource.class);
    register(REFERRAL_OUTCOME, ReferralOutcome.class);
    register(SERVICE_CATEGORY, ServiceCategory.class);
    register(CONTACT_KIND, ContactKind.class);
    register(TOPIC, Topic.class);
    register(PARTY, Party.class);
    register(DOCUMENT_KIND, DocumentKind.class);
    register(CONTENT_ELEMENT, ContentElement.class);
    register(CONSULTATION_KIND, ConsultationKind.class);
    register(APPOINTMENT_KIND, AppointmentKind.class);
    register(STATE_AGENCY, StateAgency.class);
    register(STAFF_ROLE, StaffRole.class);
    register(PLAN_KIND, PlanKind.class);
    register(CARE_PROVIDER_ROLE, CareProviderRole.class);
    register(CONTACT_STATUS_REASON, ContactStatusReason.class);
    register(OUTCOME, Outcome.class);
  }

  private static void register(String url, Class<? extends Enum<?>> type) {
    SYSTEMS.put(url, type);
    BY_TYPE.put(type, url);
  }

  private FhirCodeSystems() {}

  /** The canonical URL of the code system of {@code type}'s constants. */
  static String systemOf(Class<?> type) {
    String url = BY_TYPE.get(type);
    if (url == null) {
      throw new IllegalArgumentException("no perfspecs code system for " + type.getSimpleName());
    }
    return url;
  }

  /** The constant of {@code type} whose name is {@code code}, if any. */
  static <E extends Enum<E>> Optional<E> constant(Class<E> type, String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(code)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** A readable display for a code: {@code PLAN_OF_SAFE_CARE} is "Plan of safe care". */
  static String display(Enum<?> value) {
    String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /**
   * Every perfspecs code system as a FHIR {@code CodeSystem} resource (status active, content
   * complete, case-sensitive), in a fixed order.
   *
   * @return a new list of new resources; never empty
   */
  public static List<CodeSystem> all() {
    List<CodeSystem> out = new ArrayList<>();
    SYSTEMS.forEach((url, type) -> out.add(codeSystem(url, type)));
    out.add(requirements());
    return out;
  }

  /** The canonical URLs of {@link #all()}, in the same order. */
  public static List<String> urls() {
    List<String> urls = new ArrayList<>(SYSTEMS.keySet());
    urls.add(REQUIREMENT);
    return urls;
  }

  /** The requirement ids of the standard catalog, each displayed as its specification, section and item label. */
  private static CodeSystem requirements() {
    CodeSystem cs = header(REQUIREMENT, "The requirement ids of the perfspecs catalog (perfspecs catalog lists them "
        + "with their verbatim citations).");
    List<Requirement> all = Catalog.standard().requirements();
    for (Requirement r : all) {
      cs.addConcept().setCode(r.id()).setDisplay(r.citation().document() + ", " + r.citation().section() + ", "
          + r.citation().label());
    }
    cs.setCount(all.size());
    return cs;
  }

  private static CodeSystem codeSystem(String url, Class<? extends Enum<?>> type) {
    CodeSystem cs = header(url, "The " + url.substring(BASE.length()).replace('-', ' ') + " codes of perfspecs (Java enum "
        + type.getSimpleName() + "): codes are the enum's constant names.");
    for (Enum<?> e : type.getEnumConstants()) {
      cs.addConcept().setCode(e.name()).setDisplay(display(e));
    }
    cs.setCount(type.getEnumConstants().length);
    return cs;
  }

  private static CodeSystem header(String url, String description) {
    String name = url.substring(BASE.length());
    CodeSystem cs = new CodeSystem();
    cs.setId("perfspecs-" + name);
    cs.setUrl(url);
    cs.setVersion("0.2");
    StringBuilder camel = new StringBuilder("Perfspecs");
    for (String part : name.split("-")) {
      camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    cs.setName(camel.toString());
    cs.setTitle("perfspecs " + name.replace('-', ' '));
    cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
    cs.setExperimental(false);
    cs.setPublisher("perfspecs");
    cs.setDescription(description);
    cs.setCaseSensitive(true);
    cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
    return cs;
  }
}
