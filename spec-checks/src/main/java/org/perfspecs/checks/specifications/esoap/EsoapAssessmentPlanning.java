package org.perfspecs.checks.specifications.esoap;

import static org.perfspecs.checks.Strength.MUST;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.Conditions;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Interpretation;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Timeliness.Timed;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;

/**
 * ESOAP "PROCESS SPECIFICATIONS", sub-heading "Assessment, Treatment/ Recovery Planning, and
 * Documentation".
 *
 * <p>Item 2 lists four prenatal/postpartum issues that each of three documents (assessment,
 * treatment/recovery plan, discharge plan) must address: twelve requirements, {@code 2.a.n} for
 * the assessment ({@link DocumentKind#ASSESSMENT}), {@code 2.b.n} for the treatment/recovery plan
 * ({@link DocumentKind#TREATMENT_PLAN}) and {@code 2.c.n} for the discharge plan ({@link
 * DocumentKind#DISCHARGE_PLAN}). Each applies once such a document is in the record (whether the
 * document exists at all is the General Performance Specifications' obligation) and is MET when a
 * document of that kind completed by the as-of date covers the element.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EsoapAssessmentPlanning extends Section {
  static final String HEADING = "Assessment, Treatment/ Recovery Planning, and Documentation";

  /** {@index ESOAP.ASMT.1}: Item 1: deferral to the General Performance Specifications. */
  public static final ProgramRequirement GENERAL_SPECIFICATIONS = ProgramRequirement.external(
      "ESOAP.ASMT.1", MUST,
      cite("1", "The Enhanced SOAP (ASAM Intensive Outpatient Program) for Pregnant and Postpartum Members complies with all provisions of the corresponding section in the General Performance Specifications."),
      Esoap.GENERAL_SPECIFICATIONS + ", Assessment, Treatment/Recovery Planning, and Documentation");

  private static final String[] ISSUE_TEXT = {
      "Addressing lactation",
      "Assuring appropriate medications for a pregnant or postpartum person",
      "Supporting members through mood and anxiety disorders",
      "Ensuring that they have supports for newborn care"};

  private static final ContentElement[] ISSUE_ELEMENT = {
      ContentElement.LACTATION,
      ContentElement.MEDICATIONS_IN_PREGNANCY_OR_POSTPARTUM,
      ContentElement.MOOD_AND_ANXIETY_DISORDERS,
      ContentElement.NEWBORN_CARE_SUPPORTS};

  /** {@index ESOAP.ASMT.2.a.1}: Item 2, the assessment: lactation. */
  public static final EpisodeRequirement ASSESSMENT_LACTATION = issue('a', 1);
  /** {@index ESOAP.ASMT.2.a.2}: Item 2, the assessment: appropriate medications. */
  public static final EpisodeRequirement ASSESSMENT_MEDICATIONS = issue('a', 2);
  /** {@index ESOAP.ASMT.2.a.3}: Item 2, the assessment: mood and anxiety disorders. */
  public static final EpisodeRequirement ASSESSMENT_MOOD_AND_ANXIETY = issue('a', 3);
  /** {@index ESOAP.ASMT.2.a.4}: Item 2, the assessment: supports for newborn care. */
  public static final EpisodeRequirement ASSESSMENT_NEWBORN_CARE = issue('a', 4);
  /** {@index ESOAP.ASMT.2.b.1}: Item 2, the treatment/recovery plan: lactation. */
  public static final EpisodeRequirement PLAN_LACTATION = issue('b', 1);
  /** {@index ESOAP.ASMT.2.b.2}: Item 2, the treatment/recovery plan: appropriate medications. */
  public static final EpisodeRequirement PLAN_MEDICATIONS = issue('b', 2);
  /** {@index ESOAP.ASMT.2.b.3}: Item 2, the treatment/recovery plan: mood and anxiety disorders. */
  public static final EpisodeRequirement PLAN_MOOD_AND_ANXIETY = issue('b', 3);
  /** {@index ESOAP.ASMT.2.b.4}: Item 2, the treatment/recovery plan: supports for newborn care. */
  public static final EpisodeRequirement PLAN_NEWBORN_CARE = issue('b', 4);
  /** {@index ESOAP.ASMT.2.c.1}: Item 2, the discharge plan: lactation. */
  public static final EpisodeRequirement DISCHARGE_PLAN_LACTATION = issue('c', 1);
  /** {@index ESOAP.ASMT.2.c.2}: Item 2, the discharge plan: appropriate medications. */
  public static final EpisodeRequirement DISCHARGE_PLAN_MEDICATIONS = issue('c', 2);
  /** {@index ESOAP.ASMT.2.c.3}: Item 2, the discharge plan: mood and anxiety disorders. */
  public static final EpisodeRequirement DISCHARGE_PLAN_MOOD_AND_ANXIETY = issue('c', 3);
  /** {@index ESOAP.ASMT.2.c.4}: Item 2, the discharge plan: supports for newborn care. */
  public static final EpisodeRequirement DISCHARGE_PLAN_NEWBORN_CARE = issue('c', 4);

  /**
   * {@index ESOAP.ASMT.3.a}: Item 3, first sentence, the assessment: developed in consultation with the PCC and/or the
   * obstetric provider. Applies once an assessment is in the record and the member has a PCC or an
   * obstetric provider; MET when an assessment completed by the as-of date records either among
   * those it was developed with; NOT_MET otherwise.
   */
  public static final EpisodeRequirement ASSESSMENT_IN_CONSULTATION = consultation('a', DocumentKind.ASSESSMENT, "assessment");
  /**
   * {@index ESOAP.ASMT.3.b}: Item 3, first sentence, the treatment/recovery plan (as {@link
   * #ASSESSMENT_IN_CONSULTATION}).
   */
  public static final EpisodeRequirement PLAN_IN_CONSULTATION = consultation('b', DocumentKind.TREATMENT_PLAN, "treatment/recovery plan");
  /** {@index ESOAP.ASMT.3.c}: Item 3, first sentence, the discharge plan (as {@link #ASSESSMENT_IN_CONSULTATION}). */
  public static final EpisodeRequirement DISCHARGE_PLAN_IN_CONSULTATION = consultation('c', DocumentKind.DISCHARGE_PLAN, "discharge plan");

  /**
   * "Immediately upon admission" (ASMT.3.d): by default 24 hours elapsed from the admission instant
   * (an admission at 23:30 and one at 00:01 get the same time), met at exactly admission + 24 hours.
   */
  public static final Interpretation IMMEDIATELY_UPON_ADMISSION = Interpretation.duration(
      "ESOAP.ASMT.3.d.immediately", "immediately upon admission", java.time.Duration.ofHours(24),
      "The document gives no number; 24 hours elapsed from the admission instant is the shortest window that a referral made the next working morning meets and gives every admission the same time, whatever the hour.");

  /**
   * {@index ESOAP.ASMT.3.d}: Item 3, second sentence: with no obstetric provider identified, a referral to one
   * "immediately upon admission", read through {@link #IMMEDIATELY_UPON_ADMISSION} (default: within
   * 24 hours of the admission instant, met at exactly admission + 24 hours, late a nanosecond
   * after). PENDING until then; a referral made before admission (at intake) counts.
   */
  public static final EpisodeRequirement OBSTETRIC_REFERRAL_ON_ADMISSION = EpisodeRequirement.of(
      "ESOAP.ASMT.3.d", MUST,
      cite("3, second sentence", "If a pre-existing obstetrician/gynecologist, midwife, or other obstetric health care provider cannot be identified, the provider makes a referral immediately upon admission."),
      EsoapAssessmentPlanning::obstetricReferralOnAdmission)
      .reading(IMMEDIATELY_UPON_ADMISSION)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(EsoapRecords.noObstetricProvider());

  /**
   * {@index ESOAP.ASMT.4}: Item 4: the treatment/recovery plan documents the member's utilization of pregnancy-specific
   * services ({@link ContentElement#PREGNANCY_SERVICES_UTILIZATION}); applies once a treatment
   * plan is in the record.
   */
  public static final EpisodeRequirement PLAN_PREGNANCY_SERVICES_UTILIZATION = EpisodeRequirement.of(
      "ESOAP.ASMT.4", MUST,
      cite("4", "the Enhanced SOAP for Pregnant and Postpartum Members documents in each Member's treatment/recovery plan their utilization of the services that specifically address the needs of individuals who are pregnant."),
      new Covers(DocumentKind.TREATMENT_PLAN, "treatment/recovery plan", ContentElement.PREGNANCY_SERVICES_UTILIZATION,
          "the member's utilization of pregnancy-specific services")::judge)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(EsoapRecords.documentInRecord(DocumentKind.TREATMENT_PLAN, "treatment/recovery plan"));

  EsoapAssessmentPlanning() {
    super("ASMT", HEADING, List.of(GENERAL_SPECIFICATIONS,
        ASSESSMENT_LACTATION, ASSESSMENT_MEDICATIONS, ASSESSMENT_MOOD_AND_ANXIETY, ASSESSMENT_NEWBORN_CARE,
        PLAN_LACTATION, PLAN_MEDICATIONS, PLAN_MOOD_AND_ANXIETY, PLAN_NEWBORN_CARE,
        DISCHARGE_PLAN_LACTATION, DISCHARGE_PLAN_MEDICATIONS, DISCHARGE_PLAN_MOOD_AND_ANXIETY, DISCHARGE_PLAN_NEWBORN_CARE,
        ASSESSMENT_IN_CONSULTATION, PLAN_IN_CONSULTATION, DISCHARGE_PLAN_IN_CONSULTATION,
        OBSTETRIC_REFERRAL_ON_ADMISSION, PLAN_PREGNANCY_SERVICES_UTILIZATION));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Esoap.SOURCE, HEADING, label, text);
  }

  private static DocumentKind kind(char doc) {
    return doc == 'a' ? DocumentKind.ASSESSMENT : doc == 'b' ? DocumentKind.TREATMENT_PLAN : DocumentKind.DISCHARGE_PLAN;
  }

  private static String name(char doc) {
    return doc == 'a' ? "assessment" : doc == 'b' ? "treatment/recovery plan" : "discharge plan";
  }

  private static EpisodeRequirement issue(char doc, int n) {
    String text = ISSUE_TEXT[n - 1];
    return EpisodeRequirement.of("ESOAP.ASMT.2." + doc + "." + n, MUST,
        cite("2, " + name(doc) + ", issue " + n, text),
        new Covers(kind(doc), name(doc), ISSUE_ELEMENT[n - 1], text.toLowerCase(java.util.Locale.ROOT))::judge)
        .when(Conditions.pregnantOrPostpartumAtAdmission())
        .when(EsoapRecords.documentInRecord(kind(doc), name(doc)));
  }

  private static EpisodeRequirement consultation(char doc, DocumentKind kind, String name) {
    return EpisodeRequirement.of("ESOAP.ASMT.3." + doc, MUST,
        cite("3, first sentence, the " + name, "The assessment, treatment/recovery plan, and discharge plans are developed in consultation with the Member's primary care clinician (PCC) and/or obstetrician/gynecologist, midwife, or other obstetric health care provider."),
        new DevelopedInConsultation(kind, name)::judge)
        .when(Conditions.pregnantOrPostpartumAtAdmission())
        .when(EsoapRecords.documentInRecord(kind, name))
        .when(Condition.of("the member has a PCC or an obstetric health care provider", EsoapAssessmentPlanning::hasPccOrObstetricProvider));
  }

  private static Optional<Judgment> hasPccOrObstetricProvider(CaseRecord record, EvaluationContext ctx) {
    return record.member().primaryCareClinician().isPresent() || record.member().obstetricProvider().isPresent()
        ? Optional.empty()
        : Optional.of(Judgment.notApplicable("the member has neither a PCC nor an obstetric health care provider to consult"));
  }

  private static Judgment obstetricReferralOnAdmission(CaseRecord record, EvaluationContext ctx) {
    Instant admitted = EsoapRecords.admitted(record);
    Deadline due = Deadline.after(admitted, IMMEDIATELY_UPON_ADMISSION.durationIn(ctx), ctx.zone());
    Referral r = EsoapRecords.firstReferralTo(record.episode(), ServiceCategory.OBSTETRIC_PROVIDER, ctx);
    return Timeliness.judge(due, r == null ? Optional.empty() : Optional.of(Timed.of(r.at(), EsoapRecords.evidence(r))),
        "referral to an obstetric health care provider", ctx, EsoapRecords.admission(record.episode(), admitted));
  }

  /** A document of one kind covers one content element. */
  private static final class Covers {
    private final DocumentKind kind;
    private final String documentName;
    private final ContentElement element;
    private final String what;
    private final String metReason;
    private final String notMetReason;

    Covers(DocumentKind kind, String documentName, ContentElement element, String what) {
      this.kind = kind;
      this.documentName = documentName;
      this.element = element;
      this.what = what;
      // the reasons depend on nothing but the requirement: made once
      this.metReason = "the " + documentName + " covers the listed issue \"" + what + "\"";
      this.notMetReason = "the " + documentName + " does not cover the listed issue \"" + what + "\"";
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      List<Document> documents = EsoapRecords.documentsOf(record.episode(), kind, ctx);
      int n = documents.size();
      for (int i = 0; i < n; i++) {
        Document covering = documents.get(i);
        if (covering.elements().contains(element)) {
          return Judgment.met(metReason, EsoapRecords.evidence(covering));
        }
      }
      return Judgments.notMet(notMetReason, "", "", "", EsoapRecords.evidenceOf(record.episode(), kind, ctx));
    }
  }

  /** A document of one kind was developed with the PCC or the obstetric provider. */
  private static final class DevelopedInConsultation {
    private final DocumentKind kind;
    // the reasons depend on nothing but the requirement: made once
    private final String withPcc;
    private final String withObstetricProvider;
    private final String notMet;

    DevelopedInConsultation(DocumentKind kind, String documentName) {
      this.kind = kind;
      String developed = "the " + documentName + " was developed in consultation with the member's ";
      this.withPcc = developed + "PCC";
      this.withObstetricProvider = developed + "obstetric health care provider";
      this.notMet = "the " + documentName + " does not record consultation with the member's PCC or obstetric health care provider";
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      List<Document> documents = EsoapRecords.documentsOf(record.episode(), kind, ctx);
      for (int i = 0, n = documents.size(); i < n; i++) {
        Document d = documents.get(i);
        boolean pcc = d.developedWith().contains(Party.PCC);
        if (pcc || d.developedWith().contains(Party.OBSTETRIC_PROVIDER)) {
          return Judgment.met(pcc ? withPcc : withObstetricProvider, EsoapRecords.evidence(d));
        }
      }
      return Judgments.notMet(notMet, "", "", "", EsoapRecords.evidenceOf(record.episode(), kind, ctx));
    }
  }
}
