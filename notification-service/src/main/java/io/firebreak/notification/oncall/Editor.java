package io.firebreak.notification.oncall;

/** Who changes the on-call model: the API caller, the configuration file or the YAML seed. */
public record Editor(String id, String displayName) {

    public static final Editor CONFIG_FILE = new Editor("config-file", "On-call configuration file");
    public static final Editor SEED = new Editor("paging-config", "Paging configuration (application.yml)");
}
