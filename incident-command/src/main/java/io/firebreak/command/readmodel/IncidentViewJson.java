package io.firebreak.command.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.firebreak.command.api.ComponentStatus;
import io.firebreak.command.api.ContainmentLever;
import io.firebreak.command.api.ExposureKind;
import io.firebreak.command.api.IncidentRole;
import io.firebreak.command.api.Person;
import io.firebreak.command.readmodel.IncidentView.ContainmentStep;
import io.firebreak.command.readmodel.IncidentView.LatestUpdate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * JSON columns of {@code incident_view}: affected services, roles, investigators, suspected exposure, the containment
 * checklist, the latest update and the public component statuses.
 */
@Component
class IncidentViewJson {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write read-model JSON", e);
        }
    }

    List<String> readServices(String json) {
        return read(json, new TypeReference<List<String>>() { });
    }

    Map<IncidentRole, Person> readRoles(String json) {
        Map<IncidentRole, Person> roles = new EnumMap<>(IncidentRole.class);
        roles.putAll(read(json, new TypeReference<Map<IncidentRole, Person>>() { }));
        return roles;
    }

    List<Person> readPersons(String json) {
        return read(json, new TypeReference<List<Person>>() { });
    }

    List<ExposureKind> readExposure(String json) {
        return read(json, new TypeReference<List<ExposureKind>>() { });
    }

    /** The recorded levers' latest steps, by lever. */
    Map<ContainmentLever, ContainmentStep> readContainment(String json) {
        Map<ContainmentLever, ContainmentStep> steps = new EnumMap<>(ContainmentLever.class);
        steps.putAll(read(json, new TypeReference<Map<ContainmentLever, ContainmentStep>>() { }));
        return steps;
    }

    /** Component statuses set by hand, by component id, in id order. */
    Map<String, ComponentStatus> readComponents(String json) {
        return new TreeMap<>(read(json, new TypeReference<Map<String, ComponentStatus>>() { }));
    }

    LatestUpdate readLatestUpdate(String json) {
        return json == null ? null : read(json, new TypeReference<LatestUpdate>() { });
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt read-model JSON", e);
        }
    }
}
