package io.firebreak.schemas.sensitive;

import java.util.stream.Stream;

/**
 * Realistic incident text that neither detector may flag: words that sit next to secrets (password, token, key),
 * and the numbers incidents are full of (timestamps, ids, versions, IPs, durations). A false positive here means
 * a responder's note is rejected or a status update withheld.
 */
final class IncidentProse {

    private IncidentProse() {
    }

    static Stream<String> sentences() {
        return Stream.of(
                "Password reset emails are failing for EU customers since 09:40 UTC",
                "The token endpoint returns 500 for about 3% of requests",
                "Rotated the API key for the payments provider at 10:12",
                "p99 at 2s, p50 at 180ms on checkout-api",
                "Order 1234567890123 failed to capture payment",
                "Opened INC-1234 at 2024-11-24T10:15:30Z, linked to INC-1198",
                "Request id 550e8400-e29b-41d4-a716-446655440000 timed out after 30s",
                "Rolled back to commit 3f9a1c2e7b4d5f60718293a4b5c6d7e8f9012345 (short 3f9a1c2)",
                "Pod checkout-7d9f8b6c5d-x2k4p restarted 14 times in 10 minutes",
                "Traffic from 10.0.12.7 and 192.168.100.200 is being dropped at the LB",
                "Deployed v1.2.3, then 2.10.0-rc.1 to eu-west-1",
                "Password: reset flow broken after the 14:05 deploy",
                "Error rate 12.5% over the last 15 min, 1,234,567 requests affected",
                "Kafka consumer lag at 120000 on partition 7",
                "Between 01:07 and 01:42 UTC on 24/11/2024 checkout was degraded",
                "Session token expiry lowered from 3600 to 900 seconds",
                "Secrets rotation job finished; all tokens re-issued",
                "Auth token: expired for some users, re-login fixes it",
                "API key: rotated.",
                "Postgres primary failover took 42s; replicas caught up at 10:31:07.123",
                "Epoch 1700000000000 in the logs matches the spike",
                "Latencies 120 340 560 780 ms across the four regions",
                "Release 2026.11.24-3 rolled back",
                "Disk usage 87% on db-2, 450 GB of 512 GB",
                "HTTP 502 on the 5xx dashboard: https://grafana.example/d/abc?from=1700000000000&to=1700000360000",
                "Customer reports the pwd reset page hangs",
                "Restarted postgresql@14-main.service on db-2",
                "Pulled nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac",
                "Clone from git@github.com:acme/checkout.git failed with a timeout",
                "Shift handover at 0900, next review 1700",
                "Tokens per second dropped to 0 on the LLM gateway",
                "password_reset_requests_total rose to 4500/min",
                "Ticket ORD-2024-555-0143 escalated to tier 2",
                "Memory went from 1.5 GiB to 3 GiB in 2 h",
                "Dates affected: 2024-11-24, 2024-11-25 and 02-01-2024",
                "Alert threshold changed from 0.05 to 0.1",
                "Runbook: https://runbooks.example/checkout-errors#token-refresh",
                "ssh deploy@10.0.0.12 -p 2222 then tail the logs",
                "Sev 2 declared; 3 of 12 pods healthy; MTTR 1h 20m",
                "Storage bucket s3://logs-prod/2024/11/24/ is full",
                "The secret store (Vault) was sealed at 03:12",
                "Refund of 49.99 EUR for order 12345678 issued",
                "Password policy: 12 characters minimum, enforced since Monday",
                "The apikey header is missing from 4% of calls",
                "Set max_tokens=4096 and num_tokens: 300 in the completion request",
                "GC pause of 2024 ms at 10:15:02.123",
                "Load average 0.75 0.80 0.92 on worker-3",
                "Token: 401 Unauthorized from the identity provider",
                "The bot token was revoked and a new one issued; see the runbook",
                "Retried 3 times with backoff 100ms, 200ms, 400ms",
                "Build 0.12.3 and chart 1.0.0+build.5 deployed",
                "Timezone offset +01:00 was ignored, shifting jobs by 1 h");
    }
}
