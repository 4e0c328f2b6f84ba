package io.firebreak.support.mail;

/**
 * Where and how a service sends e-mail: each service keeps these in its own properties record and builds a
 * {@link SmtpMailer} from them. Without a host, nothing is sent ({@link #enabled()}).
 */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls, String from) {

    public SmtpSettings {
        host = host == null ? "" : host.strip();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        from = from == null || from.isBlank() ? "firebreak@localhost" : from;
    }

    public boolean enabled() {
        return !host.isEmpty();
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", startTls=" + startTls + "]";
    }
}
