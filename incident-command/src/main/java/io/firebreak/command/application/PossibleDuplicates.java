package io.firebreak.command.application;

import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.api.Severity;
import io.firebreak.command.application.Declarations.Declaration;
import io.firebreak.command.domain.TitleSimilarity;
import io.firebreak.command.readmodel.IncidentView;
import io.firebreak.command.readmodel.IncidentViewRepository;
import io.firebreak.support.problem.ApiProblem;
import io.firebreak.support.problem.ProblemType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * "Check for an existing incident first" (docs/process.md), enforced: a person's declaration (API, CLI, Slack) whose
 * affected services overlap an open incident's AND whose title is alike ({@link TitleSimilarity}) is refused with
 * 409 and the open incidents it resembles, unless the request says {@code force}. A declaration naming no service
 * is not checked. Monitoring's declarations are not checked here: alert groups have their own grouping. Drills are
 * neither checked nor candidates: a drill beside a real incident on the same service is expected, not a duplicate.
 *
 * <p>Two identical declarations at the same instant can both pass (the check reads committed incidents); the
 * check is a warning to people, not a uniqueness constraint.
 */
public class PossibleDuplicates {

    /** An open incident a declaration resembles, as the 409's {@code candidates} list it. */
    public record Candidate(String id, String reference, String title, Severity severity, IncidentStatus status) {
    }

    private final IncidentViewRepository views;
    private final TitleSimilarity similarity;
    private final int maxCandidates;

    public PossibleDuplicates(IncidentViewRepository views, TitleSimilarity similarity, int maxCandidates) {
        this.views = views;
        this.similarity = similarity;
        this.maxCandidates = maxCandidates;
    }

    /** Throws the 409 when {@code declaration} resembles an open incident. Blocking. */
    public void check(Declaration declaration, boolean force) {
        if (force || declaration.drill() || !checked(declaration.source()) || declaration.affectedServices() == null
                || declaration.affectedServices().isEmpty() || declaration.title() == null) {
            return;
        }
        List<Candidate> candidates = candidates(declaration.title(), declaration.affectedServices());
        if (!candidates.isEmpty()) {
            throw refusal(candidates);
        }
    }

    List<Candidate> candidates(String title, List<String> services) {
        Set<String> wanted = normalised(services);
        return views.openIncidents().stream()
                .filter(open -> !open.drill())
                .filter(open -> open.affectedServices().stream().map(PossibleDuplicates::normal)
                        .anyMatch(wanted::contains))
                .filter(open -> similarity.alike(title, open.title()))
                .limit(maxCandidates)
                .map(open -> new Candidate(open.id(), open.reference(), open.title(), open.severity(), open.status()))
                .toList();
    }

    /**
     * The detail lists the candidates, so a surface that shows only the detail (Slack) still tells the person which
     * incidents to look at; it never repeats the submitted text.
     */
    static ApiProblem refusal(List<Candidate> candidates) {
        String listed = candidates.stream()
                .map(c -> c.reference() + " \"" + c.title() + "\" (" + c.severity() + ", " + c.status() + ")")
                .collect(Collectors.joining("; "));
        String detail = "This declaration resembles " + (candidates.size() == 1 ? "an open incident" : candidates.size()
                + " open incidents") + " on the same services: " + listed + ". Join it, declare with other words,"
                + " or declare anyway (\"force\": true in the API, --force in the CLI, Declare anyway in Slack)";
        return new ApiProblem(HttpStatus.CONFLICT, ProblemType.RULE_VIOLATED, "title", detail,
                Map.of("rule", "possible-duplicate", "candidates", candidates));
    }

    private static boolean checked(IncidentSource source) {
        return source == IncidentSource.API || source == IncidentSource.CLI || source == IncidentSource.SLACK;
    }

    private static Set<String> normalised(List<String> services) {
        Set<String> set = new HashSet<>();
        services.forEach(service -> set.add(normal(service)));
        return set;
    }

    private static String normal(String service) {
        return service == null ? "" : service.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
