package io.firebreak.statuspage.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.domain.Uptime;
import io.firebreak.statuspage.readmodel.StatusModel;
import io.firebreak.statuspage.readmodel.StatusModel.ComponentState;
import io.firebreak.statuspage.readmodel.StatusModel.PublicIncident;
import io.firebreak.statuspage.readmodel.StatusModel.PublicMaintenance;
import io.firebreak.statuspage.readmodel.StatusModel.PublicUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The server-rendered status page: no JavaScript, landmarks for screen readers, high-contrast colours and a
 * layout that reads on a phone. Times are UTC with a relative hint.
 */
final class HtmlPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private static final String STYLE = """
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
            header,main,footer{max-width:52rem;margin:0 auto;padding:0 1rem}
            header{padding-top:1.5rem}h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:2rem 0 .75rem}
            h3{font-size:1.05rem;margin:0}a{color:#0b4f9c}a:focus,a:hover{text-decoration-thickness:3px}
            .banner{padding:1rem 1.25rem;border-radius:.4rem;color:#fff;font-weight:600;font-size:1.15rem}
            .none{background:#146c2e}.minor{background:#7a4d00}.major{background:#a33d00}.critical{background:#a3000b}
            ul{list-style:none;padding:0;margin:0}.components li{display:flex;justify-content:space-between;gap:1rem;
            padding:.6rem 0;border-bottom:1px solid #d0d0d0}.state{font-weight:600}
            .operational{color:#146c2e}.degraded_performance{color:#7a4d00}.partial_outage{color:#a33d00}
            .major_outage{color:#a3000b}.under_maintenance{color:#0b4f9c}.incident{border:1px solid #c4c4c4;border-radius:.4rem;padding:1rem;margin:0 0 1rem}
            .update{margin:.75rem 0 0;padding-top:.75rem;border-top:1px solid #e2e2e2}.update p{margin:.25rem 0;white-space:pre-line}
            .label{font-weight:700;text-transform:capitalize}time,.muted{color:#4a4a4a;font-size:.92rem}
            .day{margin:0 0 1rem}.day h3{border-bottom:1px solid #d0d0d0;padding-bottom:.25rem;margin-bottom:.5rem}
            footer{margin-top:3rem;padding-bottom:2rem;color:#4a4a4a;font-size:.92rem}
            .components li{flex-wrap:wrap}.uptime{flex-basis:100%}.uptime ol{display:flex;gap:1px;list-style:none;padding:0;margin:.3rem 0 0}
            .uptime li.d{flex:1;height:1.6rem;min-width:2px;border-radius:1px;background:#146c2e;padding:0;border:0}
            .uptime li.degraded_performance{background:#b8860b}.uptime li.partial_outage{background:#c55a00}
            .uptime li.major_outage{background:#a3000b}.uptime p{margin:.2rem 0 0;font-size:.8rem}
            @media (max-width:30rem){body{font-size:15px}.components li{flex-direction:column;gap:0}}
            """;

    private final StatusPageProperties page;

    HtmlPages(StatusPageProperties page) {
        this.page = page;
    }

    String home(StatusModel model) {
        StringBuilder body = new StringBuilder();
        body.append("<section aria-labelledby=\"current\"><h2 id=\"current\" class=\"visually-hidden\">Current status</h2>")
                .append("<p role=\"status\" class=\"banner ").append(model.indicator()).append("\">")
                .append(esc(model.description())).append("</p></section>");
        List<PublicIncident> active = model.unresolved();
        if (!active.isEmpty()) {
            body.append("<section aria-labelledby=\"active\"><h2 id=\"active\">Active incidents</h2>");
            active.forEach(incident -> incident(body, model, incident, true));
            body.append("</section>");
        }
        maintenances(body, model, "in-progress", "Maintenance in progress", model.activeMaintenances());
        maintenances(body, model, "upcoming", "Upcoming maintenance", model.upcomingMaintenances());
        body.append("<section aria-labelledby=\"components\"><h2 id=\"components\">Components</h2><ul class=\"components\">");
        for (ComponentState c : model.components()) {
            body.append("<li><span><strong>").append(esc(c.name())).append("</strong>");
            if (c.description() != null) {
                body.append("<br><span class=\"muted\">").append(esc(c.description())).append("</span>");
            }
            body.append("</span><span class=\"state ").append(c.status()).append("\">").append(componentLabel(c.status()))
                    .append("</span>");
            uptime(body, c, model.uptime().get(c.id()));
            body.append("</li>");
        }
        body.append("</ul></section>");
        body.append("<section aria-labelledby=\"past\"><h2 id=\"past\">Past incidents</h2>");
        LocalDate today = LocalDate.ofInstant(model.builtAt(), ZoneOffset.UTC);
        for (int d = 0; d < page.getHistoryDays(); d++) {
            LocalDate day = today.minusDays(d);
            List<PublicIncident> that = model.incidents().stream().filter(i -> !i.unresolved()
                    && LocalDate.ofInstant(i.createdAt(), ZoneOffset.UTC).equals(day)).toList();
            body.append("<div class=\"day\"><h3>").append(DAY.format(day)).append("</h3>");
            if (that.isEmpty()) {
                body.append("<p class=\"muted\">No incidents reported.</p>");
            } else {
                that.forEach(incident -> incident(body, model, incident, false));
            }
            body.append("</div>");
        }
        body.append("<p><a href=\"/history\">Incident history</a></p></section>");
        return document(page.getName(), body.toString());
    }

    /**
     * The last days as a row of bars, one per day coloured by its worst impact; each has its text alternative
     * (visually hidden, read by screen readers) and a tooltip, and the list is labelled with the uptime.
     */
    private static void uptime(StringBuilder body, ComponentState c, Uptime.Bar bar) {
        if (bar == null) {
            return;
        }
        String percent = String.format(Locale.ROOT, "%.2f", bar.percent());
        body.append("<div class=\"uptime\"><ol aria-label=\"").append(esc(c.name())).append(" uptime, last ")
                .append(bar.days().size()).append(" days: ").append(percent).append("%\">");
        for (Uptime.Day day : bar.days()) {
            String text = SHORT_DAY.format(day.date()) + ": " + (day.worst().equals("operational") ? "No incidents"
                    : componentLabel(day.worst()));
            body.append("<li class=\"d ").append(day.worst()).append("\" title=\"").append(text)
                    .append("\"><span class=\"visually-hidden\">").append(text).append("</span></li>");
        }
        body.append("</ol><p class=\"muted\">").append(bar.days().size()).append(" days ago · ").append(percent)
                .append(" % uptime · Today</p></div>");
    }

    String incidentPage(StatusModel model, PublicIncident incident) {
        StringBuilder body = new StringBuilder("<p><a href=\"/\">← Current status</a></p>");
        incident(body, model, incident, true);
        return document(incident.name() + " · " + page.getName(), body.toString());
    }

    String maintenancePage(StatusModel model, PublicMaintenance maintenance) {
        StringBuilder body = new StringBuilder("<p><a href=\"/\">← Current status</a></p>");
        maintenance(body, model, maintenance, true);
        return document(maintenance.name() + " · " + page.getName(), body.toString());
    }

    private void maintenances(StringBuilder body, StatusModel model, String id, String heading,
            List<PublicMaintenance> maintenances) {
        if (maintenances.isEmpty()) {
            return;
        }
        body.append("<section aria-labelledby=\"").append(id).append("\"><h2 id=\"").append(id).append("\">")
                .append(heading).append("</h2>");
        maintenances.forEach(m -> maintenance(body, model, m, false));
        body.append("</section>");
    }

    private void maintenance(StringBuilder body, StatusModel model, PublicMaintenance m, boolean allUpdates) {
        List<String> names = model.components().stream().filter(c -> m.componentIds().contains(c.id()))
                .map(ComponentState::name).toList();
        body.append("<article class=\"incident maintenance\" aria-labelledby=\"m-").append(m.id()).append("\">")
                .append("<h3 id=\"m-").append(m.id()).append("\"><a href=\"/incidents/").append(m.id())
                .append("\">").append(esc(m.name())).append("</a></h3>")
                .append("<p class=\"muted\">Scheduled from <time datetime=\"")
                .append(StatuspageDocuments.time(m.scheduledFor())).append("\">").append(TIME.format(m.scheduledFor()))
                .append("</time> to <time datetime=\"").append(StatuspageDocuments.time(m.scheduledUntil()))
                .append("\">").append(TIME.format(m.scheduledUntil())).append("</time> · Status: ")
                .append(esc(m.status().replace('_', ' '))).append("</p>");
        if (!names.isEmpty()) {
            body.append("<p class=\"muted\">Components: ").append(esc(String.join(", ", names))).append("</p>");
        }
        List<PublicUpdate> updates = allUpdates ? m.updates() : m.updates().subList(0, Math.min(1, m.updates().size()));
        for (PublicUpdate update : updates) {
            body.append("<div class=\"update\"><p><span class=\"label\">").append(esc(update.status().replace('_', ' ')))
                    .append("</span> — ").append(esc(update.body())).append("</p>")
                    .append(timeTag(update.createdAt(), model.builtAt())).append("</div>");
        }
        body.append("</article>");
    }

    String history(StatusModel model) {
        StringBuilder body = new StringBuilder("<p><a href=\"/\">← Current status</a></p><h2>Incident history</h2>");
        if (model.incidents().isEmpty()) {
            body.append("<p class=\"muted\">No incidents reported.</p>");
        }
        model.incidents().forEach(incident -> incident(body, model, incident, false));
        return document("History · " + page.getName(), body.toString());
    }

    private void incident(StringBuilder body, StatusModel model, PublicIncident incident, boolean allUpdates) {
        body.append("<article class=\"incident\" aria-labelledby=\"i-").append(incident.id()).append("\">")
                .append("<h3 id=\"i-").append(incident.id()).append("\"><a href=\"/incidents/").append(incident.id())
                .append("\">").append(esc(incident.name())).append("</a></h3>");
        if (incident.message() != null) {
            body.append("<p class=\"summary\">").append(esc(incident.message())).append("</p>");
        }
        body.append("<p class=\"muted\">Impact: ").append(incident.impact()).append(" · Status: ")
                .append(incident.status()).append("</p>");
        List<PublicUpdate> updates = allUpdates ? incident.updates()
                : incident.updates().subList(0, Math.min(1, incident.updates().size()));
        for (PublicUpdate update : updates) {
            body.append("<div class=\"update\"><p><span class=\"label\">").append(esc(update.status()))
                    .append("</span> — ").append(esc(update.body())).append("</p>")
                    .append(timeTag(update.createdAt(), model.builtAt())).append("</div>");
        }
        body.append("</article>");
    }

    private String document(String title, String main) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + esc(title) + "</title>"
                + "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Incident history (Atom)\" href=\"/history.atom\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Incident history (RSS)\" href=\"/history.rss\">"
                + "<style>" + STYLE + ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
                + "</style></head><body><a class=\"visually-hidden\" href=\"#content\">Skip to content</a>"
                + "<header><p class=\"muted\">Service status</p><h1><a href=\"/\" style=\"color:inherit;text-decoration:none\">"
                + esc(page.getName()) + "</a></h1></header>"
                + "<main id=\"content\">" + main + "</main>"
                + "<footer><form method=\"post\" action=\"/subscriptions\" aria-label=\"Subscribe by e-mail\">"
                + "<label for=\"subscribe-email\">Get an e-mail when an incident is posted, updated and resolved</label> "
                + "<input id=\"subscribe-email\" name=\"email\" type=\"email\" required autocomplete=\"email\"> "
                + "<button type=\"submit\">Subscribe</button></form>"
                + "<nav aria-label=\"Subscribe and integrate\"><a href=\"/history\">History</a> · "
                + "<a href=\"/history.atom\">Atom</a> · <a href=\"/history.rss\">RSS</a> · "
                + "<a href=\"/api/v2/summary.json\">API</a></nav><p>Times are shown in UTC.</p></footer></body></html>";
    }

    private static String timeTag(Instant at, Instant now) {
        return "<time datetime=\"" + StatuspageDocuments.time(at) + "\">" + TIME.format(at) + " (" + relative(at, now)
                + ")</time>";
    }

    static String relative(Instant at, Instant now) {
        Duration ago = Duration.between(at, now);
        if (ago.isNegative() || ago.toMinutes() < 1) {
            return "just now";
        }
        if (ago.toHours() < 1) {
            return ago.toMinutes() + " min ago";
        }
        if (ago.toDays() < 1) {
            return ago.toHours() + " h ago";
        }
        return ago.toDays() + (ago.toDays() == 1 ? " day ago" : " days ago");
    }

    private static String componentLabel(String status) {
        return switch (status) {
            case "major_outage" -> "Major outage";
            case "partial_outage" -> "Partial outage";
            case "degraded_performance" -> "Degraded performance";
            case "under_maintenance" -> "Under maintenance";
            default -> "Operational";
        };
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
