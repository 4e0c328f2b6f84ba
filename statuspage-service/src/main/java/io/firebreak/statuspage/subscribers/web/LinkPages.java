package io.firebreak.statuspage.subscribers.web;

import org.springframework.web.util.HtmlUtils;

/**
 * The small HTML pages behind the links in subscriber e-mails (people open them in a browser, so they get a page,
 * not problem+json). Inline CSS, like the status page; nothing submitted is echoed but the signed token.
 */
final class LinkPages {

    private LinkPages() {
    }

    static String page(String pageName, String title, String paragraph) {
        return page(pageName, title, paragraph, "");
    }

    static String unsubscribeForm(String pageName, String token) {
        return page(pageName, "Unsubscribe?", "You will no longer get incident notices from " + pageName + ".",
                "<form method=\"post\" action=\"/subscriptions/unsubscribe?token=" + HtmlUtils.htmlEscape(token)
                        + "\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    private static String page(String pageName, String title, String paragraph, String extra) {
        String name = HtmlUtils.htmlEscape(pageName);
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>"
                + HtmlUtils.htmlEscape(title) + " · " + name + "</title><style>body{font-family:system-ui,sans-serif;"
                + "max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2933}button{font-size:1rem;padding:.5rem"
                + " 1rem}</style></head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
                + HtmlUtils.htmlEscape(paragraph) + "</p>" + extra + "<p><a href=\"/\">" + name
                + "</a></p></body></html>";
    }
}
