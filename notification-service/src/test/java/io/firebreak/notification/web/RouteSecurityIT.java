package io.firebreak.notification.web;

import io.firebreak.notification.support.NotificationIntegrationTest;
import io.firebreak.support.testing.RouteSecurityContract;

/**
 * Every route of notification-service, enumerated from the running context, with no token, a wrong one, one
 * lacking the scope and the right one, and through odd spellings of each path. With the right scope the acks hit
 * an unknown page (404) and change nothing, so every route runs.
 */
@NotificationIntegrationTest
class RouteSecurityIT extends RouteSecurityContract {
}
