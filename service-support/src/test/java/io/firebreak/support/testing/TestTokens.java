package io.firebreak.support.testing;

import io.firebreak.support.security.Scopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The API tokens every service's tests run with: a writer and a reader person, a monitoring integration, an admin,
 * a token without scopes and one token per single scope (for the route walks).
 */
public final class TestTokens {

    public static final String WRITER = "test-writer-token";
    public static final String READER = "test-reader-token";
    public static final String INGEST = "test-ingest-token";
    public static final String ADMIN = "test-admin-token";
    public static final String NO_SCOPES = "test-no-scopes-token";

    /** The writer's person, as events and records must show them. */
    public static final String WRITER_ID = "u-tess";
    public static final String WRITER_NAME = "Tess Writer";

    private TestTokens() {
    }

    /** The token that holds exactly {@code scope}. */
    public static String only(String scope) {
        return "test-only-" + scope.replace(':', '-') + "-token";
    }

    /** {@code firebreak.tokens[n].*} properties for all of them. */
    public static List<String> properties() {
        List<String> properties = new ArrayList<>();
        List<Map<String, Object>> tokens = new ArrayList<>();
        TreeSet<String> writer = new TreeSet<>(Scopes.ALL);
        writer.remove(Scopes.ADMIN);
        tokens.add(Map.of("name", "writer", "token", WRITER, "scopes", String.join(",", writer), "actor-id", WRITER_ID,
                "display-name", WRITER_NAME, "kind", "HUMAN"));
        tokens.add(Map.of("name", "reader", "token", READER, "scopes", Scopes.INCIDENTS_READ, "actor-id", "u-rey",
                "display-name", "Rey Reader", "kind", "HUMAN"));
        tokens.add(Map.of("name", "alertmanager", "token", INGEST, "scopes", Scopes.INTEGRATIONS_INGEST,
                "display-name", "Alertmanager", "kind", "INTEGRATION"));
        tokens.add(Map.of("name", "admin", "token", ADMIN, "scopes", String.join(",", new TreeSet<>(Scopes.ALL)),
                "actor-id", "u-ada", "display-name", "Ada Admin", "kind", "HUMAN"));
        tokens.add(Map.of("name", "nobody", "token", NO_SCOPES, "scopes", "", "kind", "HUMAN"));
        for (String scope : new TreeSet<>(Scopes.ALL)) {
            tokens.add(Map.of("name", "only-" + scope, "token", only(scope), "scopes", scope, "kind", "HUMAN"));
        }
        for (int i = 0; i < tokens.size(); i++) {
            for (Map.Entry<String, Object> entry : tokens.get(i).entrySet()) {
                properties.add("firebreak.tokens[" + i + "]." + entry.getKey() + "=" + entry.getValue());
            }
        }
        return properties;
    }
}
