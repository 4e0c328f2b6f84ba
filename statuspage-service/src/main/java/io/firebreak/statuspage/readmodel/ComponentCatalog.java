package io.firebreak.statuspage.readmodel;

import io.firebreak.statuspage.config.StatusPageProperties;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The configured public components, and which internal service names map onto each. */
@Component
public class ComponentCatalog {

    private final List<StatusPageProperties.Component> components;

    public ComponentCatalog(StatusPageProperties properties) {
        this.components = properties.getComponents().stream()
                .sorted(Comparator.comparingInt(StatusPageProperties.Component::getPosition)).toList();
        for (StatusPageProperties.Component component : components) {
            if (component.getId() == null || component.getId().isBlank()) {
                component.setId(component.getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            }
        }
    }

    public List<StatusPageProperties.Component> all() {
        return components;
    }

    /** The configured component with this id. */
    public Optional<StatusPageProperties.Component> find(String id) {
        return components.stream().filter(c -> c.getId().equals(id)).findFirst();
    }

    /** Components affected by any of the given internal service names. */
    public List<StatusPageProperties.Component> affectedBy(Set<String> services) {
        return components.stream().filter(c -> c.getServices().stream().anyMatch(services::contains)
                || services.contains(c.getId())).toList();
    }

    /** Public names for the services in a newline-separated list ("our services" when none map). */
    public String describe(String newlineSeparatedServices) {
        Set<String> services = new LinkedHashSet<>(Arrays.asList(newlineSeparatedServices.split("\n")));
        List<String> names = affectedBy(services).stream().map(StatusPageProperties.Component::getName).toList();
        return names.isEmpty() ? "our services" : String.join(", ", names);
    }
}
