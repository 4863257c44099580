/**
 * The command line's service-provider interface: input formats other than perfspecs JSON ({@code
 * --from NAME}), their extra commands and finding writers ({@code --findings-as NAME}), found with
 * {@link java.util.ServiceLoader} so that heavy formats (FHIR) stay out of the default jar.
 */
package org.perfspecs.cli.spi;
