package io.firebreak.support.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One realistic sample of every kind of credential and card number the boundary must refuse, for the table-driven
 * tests that feed each into every text field and then search every store for the raw value. The raw values are
 * fakes of the right shape (test keys, a test card number).
 */
public final class SecretSamples {

    private SecretSamples() {
    }

    /** Kind → text holding one such secret. */
    public static Map<String, String> all() {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("password", "db login works with password=hunter2 now");
        samples.put("connection_string", "jdbc:postgresql://db.internal/orders?user=app&password=S3cr3tPassw0rd");
        samples.put("url_credentials", "curl https://admin:Tr0ub4dor3@api.internal/health");
        samples.put("slack_token", "bot uses xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx");
        samples.put("github_token", "token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 leaked");
        samples.put("github_pat", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456");
        samples.put("gitlab_token", "glpat-AbCdEfGhIjKlMnOpQrSt in the job log");
        samples.put("stripe_key", "sk_live_51HAbCdEfGhIjKlMnOpQrStUv");
        samples.put("google_api_key", "key AIzaSyA1bCdEfGhIjKlMnOpQrStUvWxYz012345");
        samples.put("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U");
        samples.put("private_key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn\n-----END RSA PRIVATE KEY-----");
        samples.put("aws_access_key", "AKIAIOSFODNN7EXAMPLE");
        samples.put("aws_secret_key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        samples.put("card", "customer card 4111 1111 1111 1111 declined");
        return samples;
    }

    /** The part of a sample that must never be stored anywhere. */
    public static String rawValue(String kind) {
        return switch (kind) {
            case "password" -> "hunter2";
            case "connection_string" -> "S3cr3tPassw0rd";
            case "url_credentials" -> "Tr0ub4dor3";
            case "slack_token" -> "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
            case "github_token" -> "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
            case "github_pat" -> "github_pat_11ABCDEFG0123456789";
            case "gitlab_token" -> "glpat-AbCdEfGhIjKlMnOpQrSt";
            case "stripe_key" -> "sk_live_51HAbCdEfGhIjKlMnOpQrStUv";
            case "google_api_key" -> "AIzaSyA1bCdEfGhIjKlMnOpQrStUvWxYz012345";
            case "jwt" -> "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0";
            case "private_key" -> "MIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn";
            case "aws_access_key" -> "AKIAIOSFODNN7EXAMPLE";
            case "aws_secret_key" -> "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
            case "card" -> "4111 1111 1111 1111";
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
