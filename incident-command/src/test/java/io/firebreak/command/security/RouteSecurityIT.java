package io.firebreak.command.security;

import io.firebreak.command.support.IncidentCommandIntegrationTest;
import io.firebreak.support.testing.RouteSecurityContract;

/** Every route of incident-command, every credential outcome, every odd spelling of its path. */
@IncidentCommandIntegrationTest
class RouteSecurityIT extends RouteSecurityContract {
}
