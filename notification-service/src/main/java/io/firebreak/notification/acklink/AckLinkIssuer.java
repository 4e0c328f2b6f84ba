package io.firebreak.notification.acklink;

import java.net.URI;

/**
 * Issues the acknowledge link a page message carries (a signed, single-use URL that works from a phone): what the
 * messages need of {@link AckLinks}. Optional to its users: without a bean, messages say how to acknowledge through
 * the API instead.
 */
public interface AckLinkIssuer {

    URI issue(String pageId, String personId);
}
