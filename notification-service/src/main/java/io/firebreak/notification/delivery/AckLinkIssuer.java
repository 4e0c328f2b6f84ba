package io.firebreak.notification.delivery;

import java.net.URI;

/**
 * Issues the acknowledge link a page message carries (a signed, single-use URL that works from a phone). Optional:
 * without an implementation bean, messages carry no link and say how to acknowledge through the API instead.
 */
public interface AckLinkIssuer {

    URI issue(String pageId, String personId);
}
