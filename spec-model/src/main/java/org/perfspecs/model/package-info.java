/**
 * The domain model of perfspecs: a {@link org.perfspecs.model.CaseRecord} (a {@link
 * org.perfspecs.model.Member} and one {@link org.perfspecs.model.Episode} of care) and a
 * {@link org.perfspecs.model.Program} profile, with the value types the five specifications ask
 * about.
 *
 * <p>Every type is immutable and thread-safe, built with a generated builder ({@code
 * Member.builder()}), read from and written to JSON with {@link org.perfspecs.model.ModelJson},
 * and validated with {@link org.perfspecs.model.ModelValidator}, which reports violations by JSON
 * path and never echoes member data.
 *
 * <p>Time: facts with a clock time are {@link java.time.Instant}s (any ISO-8601 offset on the
 * wire, written back in UTC); date-only facts are {@link java.time.LocalDate}s, read as dates in
 * America/New_York. Optional facts are {@link java.util.Optional}: absent means "not recorded".
 */
@ModelStyle
package org.perfspecs.model;
