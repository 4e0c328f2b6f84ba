package io.firebreak.statuspage.subscribers.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.readmodel.ComponentCatalog;
import io.firebreak.support.problem.ApiProblem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A subscriber's component filter: known component ids only, each once; none means every component. */
final class ComponentChoice {

    private ComponentChoice() {
    }

    static List<String> validate(List<String> requested, ComponentCatalog catalog) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        Set<String> known = catalog.all().stream().map(StatusPageProperties.Component::getId)
                .collect(Collectors.toSet());
        if (requested.size() > known.size() * 2 + 10) {
            throw ApiProblem.invalid("components", "Too many components");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String id : requested) {
            if (id == null || !known.contains(id)) {
                throw ApiProblem.invalid("components", "Unknown component; known ids: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
            chosen.add(id);
        }
        return List.copyOf(chosen);
    }
}
