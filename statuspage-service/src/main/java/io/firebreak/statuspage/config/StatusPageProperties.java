package io.firebreak.statuspage.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The public page: its name, components and what gets published ({@code firebreak.statuspage.*}). */
@ConfigurationProperties("firebreak.statuspage")
public class StatusPageProperties {

    private String pageId = "firebreak";
    private String name = "Firebreak Status";
    private String url = "http://127.0.0.1:8082";
    /** Severities published as soon as they have customer impact (docs/process.md#status-page: Critical updates the page). */
    private Set<String> publishAtOnce = Set.of("CRITICAL");
    /** Severities published when their first customer update is posted. */
    private Set<String> publishOnCustomerUpdate = Set.of("MAJOR");
    private int historyDays = 14;
    private List<Component> components = new ArrayList<>();
    /** Days of per-component uptime bars on the page (Statuspage shows 90). */
    private int uptimeDays = 90;

    public String getPageId() {
        return pageId;
    }

    public void setPageId(String pageId) {
        this.pageId = pageId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Set<String> getPublishAtOnce() {
        return publishAtOnce;
    }

    public void setPublishAtOnce(Set<String> publishAtOnce) {
        this.publishAtOnce = publishAtOnce;
    }

    public Set<String> getPublishOnCustomerUpdate() {
        return publishOnCustomerUpdate;
    }

    public void setPublishOnCustomerUpdate(Set<String> publishOnCustomerUpdate) {
        this.publishOnCustomerUpdate = publishOnCustomerUpdate;
    }

    public int getHistoryDays() {
        return historyDays;
    }

    public void setHistoryDays(int historyDays) {
        this.historyDays = historyDays;
    }

    public List<Component> getComponents() {
        return components;
    }

    public void setComponents(List<Component> components) {
        this.components = components;
    }

    public int getUptimeDays() {
        return uptimeDays;
    }

    public void setUptimeDays(int uptimeDays) {
        this.uptimeDays = uptimeDays;
    }

    /** A public component and the internal service names (affectedServices) that map onto it. */
    public static class Component {

        private String id;
        private String name;
        private String description;
        private int position;
        private String group;
        private List<String> services = new ArrayList<>();

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public int getPosition() {
            return position;
        }

        public void setPosition(int position) {
            this.position = position;
        }

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public List<String> getServices() {
            return services;
        }

        public void setServices(List<String> services) {
            this.services = services;
        }
    }

    // Subscribers (issue 17 item 5): e-mail and webhook subscribers, their deliveries and the customer e-mail.
    private Subscribers subscribers = new Subscribers();

    public Subscribers getSubscribers() {
        return subscribers;
    }

    public void setSubscribers(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    /** {@code firebreak.statuspage.subscribers.*}: signing, opt-in, delivery pace and the SMTP server. */
    public static class Subscribers {

        /** Signs confirm and unsubscribe links (HMAC-SHA256); set your own in production. */
        private String signingKey = "";
        /** How long a confirm link works (double opt-in). */
        private Duration confirmLinkTtl = Duration.ofHours(48);
        /** Subscribe requests per client IP per minute, and per e-mail address per hour. */
        private int subscribeRequestsPerIpPerMinute = 10;
        private int subscribeRequestsPerAddressPerHour = 3;
        /** At most this many messages to one address (or webhook) per {@link #throttleWindow}; the rest wait. */
        private int perAddressLimit = 5;
        private Duration throttleWindow = Duration.ofMinutes(1);
        /** How often the fan-out and delivery workers look for work. */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** Deliveries claimed per round and thread, and the delivery threads. */
        private int deliveryBatch = 25;
        private int deliveryThreads = 2;
        /** Retries: the first after {@code retryBackoff}, doubling up to {@code maxRetryBackoff}, then given up. */
        private Duration retryBackoff = Duration.ofSeconds(30);
        private Duration maxRetryBackoff = Duration.ofHours(1);
        private int maxAttempts = 10;
        /** A webhook that has not answered in this long failed the attempt. */
        private Duration webhookTimeout = Duration.ofSeconds(10);
        /** Webhook URLs must be https; plain http is allowed only to loopback when this is set (tests, local). */
        private boolean allowLoopbackHttpWebhooks = false;
        private Smtp smtp = new Smtp();

        public String getSigningKey() {
            return signingKey;
        }

        public void setSigningKey(String signingKey) {
            this.signingKey = signingKey;
        }

        public Duration getConfirmLinkTtl() {
            return confirmLinkTtl;
        }

        public void setConfirmLinkTtl(Duration confirmLinkTtl) {
            this.confirmLinkTtl = confirmLinkTtl;
        }

        public int getSubscribeRequestsPerIpPerMinute() {
            return subscribeRequestsPerIpPerMinute;
        }

        public void setSubscribeRequestsPerIpPerMinute(int subscribeRequestsPerIpPerMinute) {
            this.subscribeRequestsPerIpPerMinute = subscribeRequestsPerIpPerMinute;
        }

        public int getSubscribeRequestsPerAddressPerHour() {
            return subscribeRequestsPerAddressPerHour;
        }

        public void setSubscribeRequestsPerAddressPerHour(int subscribeRequestsPerAddressPerHour) {
            this.subscribeRequestsPerAddressPerHour = subscribeRequestsPerAddressPerHour;
        }

        public int getPerAddressLimit() {
            return perAddressLimit;
        }

        public void setPerAddressLimit(int perAddressLimit) {
            this.perAddressLimit = perAddressLimit;
        }

        public Duration getThrottleWindow() {
            return throttleWindow;
        }

        public void setThrottleWindow(Duration throttleWindow) {
            this.throttleWindow = throttleWindow;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public int getDeliveryBatch() {
            return deliveryBatch;
        }

        public void setDeliveryBatch(int deliveryBatch) {
            this.deliveryBatch = deliveryBatch;
        }

        public int getDeliveryThreads() {
            return deliveryThreads;
        }

        public void setDeliveryThreads(int deliveryThreads) {
            this.deliveryThreads = deliveryThreads;
        }

        public Duration getRetryBackoff() {
            return retryBackoff;
        }

        public void setRetryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
        }

        public Duration getMaxRetryBackoff() {
            return maxRetryBackoff;
        }

        public void setMaxRetryBackoff(Duration maxRetryBackoff) {
            this.maxRetryBackoff = maxRetryBackoff;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getWebhookTimeout() {
            return webhookTimeout;
        }

        public void setWebhookTimeout(Duration webhookTimeout) {
            this.webhookTimeout = webhookTimeout;
        }

        public boolean isAllowLoopbackHttpWebhooks() {
            return allowLoopbackHttpWebhooks;
        }

        public void setAllowLoopbackHttpWebhooks(boolean allowLoopbackHttpWebhooks) {
            this.allowLoopbackHttpWebhooks = allowLoopbackHttpWebhooks;
        }

        public Smtp getSmtp() {
            return smtp;
        }

        public void setSmtp(Smtp smtp) {
            this.smtp = smtp;
        }
    }

    /** The SMTP server for subscriber e-mail; without a host, e-mail deliveries wait (they are not lost). */
    public static class Smtp {

        private String host = "";
        private int port = 25;
        private String username = "";
        private String password = "";
        private boolean startTls = false;
        private String from = "status@localhost";

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isStartTls() {
            return startTls;
        }

        public void setStartTls(boolean startTls) {
            this.startTls = startTls;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }
    }
}
