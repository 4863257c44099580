package org.perfspecs.fhir;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** HAPI's instance validator against the base R4 resource definitions (no terminology server), built once. */
final class R4Validator {
  private R4Validator() {}

  private static final class Holder {
    static final FhirValidator VALIDATOR = create();

    private static FhirValidator create() {
      var ctx = Fhir.context();
      ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
          new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx));
      FhirInstanceValidator module = new FhirInstanceValidator(chain);
      module.setAnyExtensionsAllowed(true);
      return ctx.newValidator().registerValidatorModule(module);
    }
  }

  /** The ERROR and FATAL messages for {@code resource} ("location: message"). */
  static synchronized List<String> errors(IBaseResource resource) {
    return Holder.VALIDATOR.validateWithResult(resource).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(SingleValidationMessage::toString).toList();
  }
}
