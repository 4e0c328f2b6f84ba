package io.firebreak.statuspage.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.readmodel.StatusModel;
import io.firebreak.statuspage.readmodel.StatusModel.PublicIncident;
import io.firebreak.statuspage.readmodel.StatusModel.PublicMaintenance;
import io.firebreak.statuspage.readmodel.StatusModel.PublicUpdate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** Incident history as Atom ({@code /history.atom}) and RSS 2.0 ({@code /history.rss}). */
final class Feeds {

    private final StatusPageProperties page;

    Feeds(StatusPageProperties page) {
        this.page = page;
    }

    String atom(StatusModel model) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">")
                .append("<id>tag:firebreak,").append(page.getPageId()).append(":history</id>")
                .append("<title>").append(esc(page.getName())).append(" - Incident History</title>")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(page.getUrl())).append("\"/>")
                .append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(esc(page.getUrl()))
                .append("/history.atom\"/>")
                .append("<updated>").append(StatuspageDocuments.time(StatuspageDocuments.lastChange(model)))
                .append("</updated>");
        for (PublicIncident incident : model.incidents()) {
            xml.append("<entry><id>tag:firebreak,").append(page.getPageId()).append(":incident/").append(incident.id())
                    .append("</id><published>").append(StatuspageDocuments.time(incident.createdAt()))
                    .append("</published><updated>").append(StatuspageDocuments.time(incident.updatedAt()))
                    .append("</updated><link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(link(incident)))
                    .append("\"/><title>").append(esc(incident.name())).append("</title>")
                    .append("<content type=\"html\">").append(esc(content(incident))).append("</content>")
                    .append("<author><name>").append(esc(page.getName())).append("</name></author></entry>");
        }
        for (PublicMaintenance m : model.maintenances()) {
            xml.append("<entry><id>tag:firebreak,").append(page.getPageId()).append(":maintenance/").append(m.id())
                    .append("</id><published>").append(StatuspageDocuments.time(m.createdAt()))
                    .append("</published><updated>").append(StatuspageDocuments.time(m.updatedAt()))
                    .append("</updated><link rel=\"alternate\" type=\"text/html\" href=\"")
                    .append(esc(page.getUrl() + "/incidents/" + m.id())).append("\"/><title>")
                    .append(esc(maintenanceTitle(m))).append("</title>")
                    .append("<content type=\"html\">").append(esc(content(m.updates()))).append("</content>")
                    .append("<author><name>").append(esc(page.getName())).append("</name></author></entry>");
        }
        return xml.append("</feed>").toString();
    }

    String rss(StatusModel model) {
        DateTimeFormatter rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\"><channel><title>").append(esc(page.getName()))
                .append(" - Incident History</title><link>").append(esc(page.getUrl())).append("</link>")
                .append("<description>Statuspage-style incident history</description>")
                .append("<lastBuildDate>").append(rfc1123.format(StatuspageDocuments.lastChange(model)))
                .append("</lastBuildDate>");
        for (PublicIncident incident : model.incidents()) {
            xml.append("<item><title>").append(esc(incident.name())).append("</title><description>")
                    .append(esc(content(incident))).append("</description><pubDate>")
                    .append(rfc1123.format(incident.createdAt())).append("</pubDate><link>").append(esc(link(incident)))
                    .append("</link><guid isPermaLink=\"false\">").append(incident.id()).append("</guid></item>");
        }
        for (PublicMaintenance m : model.maintenances()) {
            xml.append("<item><title>").append(esc(maintenanceTitle(m))).append("</title><description>")
                    .append(esc(content(m.updates()))).append("</description><pubDate>")
                    .append(rfc1123.format(m.createdAt())).append("</pubDate><link>")
                    .append(esc(page.getUrl() + "/incidents/" + m.id())).append("</link><guid isPermaLink=\"false\">")
                    .append(m.id()).append("</guid></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private String link(PublicIncident incident) {
        return page.getUrl() + "/incidents/" + incident.id();
    }

    /** "Scheduled maintenance: …" with its window, so a feed reader tells it from an incident. */
    private static String maintenanceTitle(PublicMaintenance m) {
        return "Scheduled maintenance: " + m.name() + " (" + StatuspageDocuments.time(m.scheduledFor()) + " to "
                + StatuspageDocuments.time(m.scheduledUntil()) + ")";
    }

    private static String content(PublicIncident incident) {
        return content(incident.updates());
    }

    private static String content(List<PublicUpdate> updates) {
        StringBuilder html = new StringBuilder();
        for (PublicUpdate update : updates) {
            html.append("<p><small>").append(StatuspageDocuments.time(update.createdAt())).append("</small><br><strong>")
                    .append(HtmlUtils.htmlEscape(capitalize(update.status()))).append("</strong> - ")
                    .append(HtmlUtils.htmlEscape(update.body())).append("</p>");
        }
        return html.toString();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8").replace("&#39;", "&apos;");
    }
}
