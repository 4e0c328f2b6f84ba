package io.firebreak.support.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * One row of a malformed-input catalogue (issue 13): a raw HTTP request and what the service must answer. An
 * invalid request must get a 4xx and change nothing; a valid one a 2xx; nothing ever a 5xx.
 */
public record Malformed(String name, String method, String path, String contentType, String body, Expect expect,
        boolean valid) {

    /** What the answer must be. */
    public record Expect(String description, IntPredicate status) {

        public static Expect status(int code) {
            return new Expect(String.valueOf(code), s -> s == code);
        }

        public static Expect oneOf(int... codes) {
            return new Expect(java.util.Arrays.toString(codes), s -> java.util.Arrays.stream(codes).anyMatch(c -> c == s));
        }

        public static final Expect CLIENT_ERROR = new Expect("4xx", s -> s >= 400 && s < 500);
        public static final Expect SUCCESS = new Expect("2xx", s -> s >= 200 && s < 300);
        public static final Expect NOT_SERVER_ERROR = new Expect("not 5xx", s -> s < 500);
    }

    @Override
    public String toString() {
        return name;
    }

    public static Malformed invalid(String name, String method, String path, String contentType, String body,
            Expect expect) {
        return new Malformed(name, method, path, contentType, body, expect, false);
    }

    public static Malformed valid(String name, String method, String path, String contentType, String body) {
        return new Malformed(name, method, path, contentType, body, Expect.SUCCESS, true);
    }

    /** A read that must not fail; what it answers is not a state change. */
    public static Malformed read(String name, String path, Expect expect) {
        return new Malformed(name, "GET", path, null, null, expect, false);
    }

    /** A JSON object from name/raw-JSON pairs, in order (so duplicate keys can be written). */
    public static String json(String... pairs) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            members.add("\"" + pairs[i] + "\":" + pairs[i + 1]);
        }
        return "{" + String.join(",", members) + "}";
    }

    public static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** A base body's fields with one replaced (raw JSON), kept in order. */
    public static String with(Map<String, String> base, String field, String rawValue) {
        Map<String, String> copy = new LinkedHashMap<>(base);
        copy.put(field, rawValue);
        List<String> pairs = new ArrayList<>();
        copy.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return json(pairs.toArray(String[]::new));
    }

    /** Every way a string field can be wrong by type or content, against a valid base body. */
    public static List<Malformed> textFieldCases(String endpoint, String method, String path, Map<String, String> base,
            String field, int maxLength) {
        List<Malformed> cases = new ArrayList<>();
        String type = "application/json";
        cases.add(invalid(endpoint + ": " + field + " a number", method, path, type, with(base, field, "42"),
                Expect.status(400)));
        cases.add(invalid(endpoint + ": " + field + " an object", method, path, type, with(base, field, "{\"a\":1}"),
                Expect.status(400)));
        cases.add(invalid(endpoint + ": " + field + " an array", method, path, type, with(base, field, "[\"a\"]"),
                Expect.status(400)));
        cases.add(invalid(endpoint + ": " + field + " a boolean", method, path, type, with(base, field, "true"),
                Expect.status(400)));
        cases.add(invalid(endpoint + ": " + field + " with NUL", method, path, type,
                with(base, field, quoted("a\u0000b")), Expect.status(422)));
        cases.add(invalid(endpoint + ": " + field + " with a control character", method, path, type,
                with(base, field, quoted("a\u0007b")), Expect.status(422)));
        cases.add(invalid(endpoint + ": " + field + " with ESC", method, path, type,
                with(base, field, quoted("a\u001b[31mred")), Expect.status(422)));
        cases.add(invalid(endpoint + ": " + field + " only zero-width", method, path, type,
                with(base, field, quoted("\u200b\u200b")), Expect.status(422)));
        cases.add(invalid(endpoint + ": " + field + " only bidi overrides", method, path, type,
                with(base, field, quoted("\u202e\u202d\u2066")), Expect.status(422)));
        cases.add(invalid(endpoint + ": " + field + " over-long", method, path, type,
                with(base, field, quoted("x".repeat(maxLength + 1))), Expect.status(422)));
        cases.add(invalid(endpoint + ": " + field + " with a secret", method, path, type,
                with(base, field, quoted(io.firebreak.support.testing.SecretSamples.all().get("github_token"))), Expect.status(422)));
        return cases;
    }

    /** Every way a JSON body can be wrong as a whole, against a valid base body. */
    public static List<Malformed> bodyCases(String endpoint, String method, String path, Map<String, String> base) {
        List<Malformed> cases = new ArrayList<>();
        String type = "application/json";
        String first = base.keySet().iterator().next();
        cases.add(invalid(endpoint + ": unknown field", method, path, type, with(base, "isAdmin", "true"),
                Expect.status(400)));
        cases.add(invalid(endpoint + ": duplicate key", method, path, type,
                json(first, base.get(first), first, base.get(first)), Expect.status(400)));
        cases.add(invalid(endpoint + ": broken JSON", method, path, type, "{\"" + first + "\":", Expect.status(400)));
        cases.add(invalid(endpoint + ": empty body", method, path, type, "", Expect.status(400)));
        cases.add(invalid(endpoint + ": null body", method, path, type, "null", Expect.status(400)));
        cases.add(invalid(endpoint + ": array body", method, path, type, "[]", Expect.status(400)));
        cases.add(invalid(endpoint + ": a string body", method, path, type, "\"hello\"", Expect.status(400)));
        cases.add(invalid(endpoint + ": trailing garbage", method, path, type, with(base, first, base.get(first)) + "x",
                Expect.status(400)));
        cases.add(invalid(endpoint + ": text/plain", method, path, "text/plain", with(base, first, base.get(first)),
                Expect.status(415)));
        cases.add(invalid(endpoint + ": form encoded", method, path, "application/x-www-form-urlencoded",
                first + "=x", Expect.status(415)));
        cases.add(invalid(endpoint + ": XML", method, path, "application/xml", "<a/>", Expect.status(415)));
        cases.add(invalid(endpoint + ": body over 64 KiB", method, path, type,
                with(base, first, quoted("x".repeat(70_000))), Expect.oneOf(413, 422)));
        cases.add(invalid(endpoint + ": deeply nested", method, path, type,
                "[".repeat(5_000) + "]".repeat(5_000), Expect.status(400)));
        return cases;
    }
}
