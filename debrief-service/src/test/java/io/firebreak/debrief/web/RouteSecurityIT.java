package io.firebreak.debrief.web;

import io.firebreak.debrief.support.DebriefIntegrationTest;
import io.firebreak.support.testing.RouteSecurityContract;
import io.firebreak.support.testing.Routes;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Every route of debrief-service, read from the running context, with no token, a wrong one, one lacking the scope
 * and the right one, and through odd spellings of its path.
 */
@DebriefIntegrationTest
class RouteSecurityIT extends RouteSecurityContract {

    /** A replay would rewind the projection under the other tests of this JVM; its authorisation is still walked. */
    @Override
    protected Set<Routes.Route> notToRunWithTheRightScope() {
        return Set.of(new Routes.Route(HttpMethod.POST, "/api/v1/admin/projection/replay"));
    }
}
