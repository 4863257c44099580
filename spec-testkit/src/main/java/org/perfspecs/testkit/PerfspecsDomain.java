package org.perfspecs.testkit;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Member;
import org.perfspecs.model.Program;

/**
 * A jqwik domain for {@code @Domain(PerfspecsDomain.class)}: {@code @ForAll Member}, {@code @ForAll
 * Episode}, {@code @ForAll CaseRecord} and {@code @ForAll Program} parameters get the testkit's
 * default generators ({@link Members}, {@link Episodes}, {@link CaseRecords}, {@link Programs}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class PerfspecsDomain extends DomainContextBase {
  @Provide
  Arbitrary<Member> members() {
    return Members.members();
  }

  @Provide
  Arbitrary<Episode> episodes() {
    return Episodes.episodes();
  }

  @Provide
  Arbitrary<CaseRecord> caseRecords() {
    return CaseRecords.caseRecords();
  }

  @Provide
  Arbitrary<Program> programs() {
    return Programs.programs();
  }
}
