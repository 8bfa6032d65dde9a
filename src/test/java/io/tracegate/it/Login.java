package io.tracegate.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The demo accounts (one per role) that demo mode creates; the integration tests run in demo mode. */
public enum Login {
    ADMIN("admin"), ML_ENGINEER("mira"), CI("ci-nightly"), SAFETY_ENGINEER("sam"), APPROVER("alex"),
    SAFETY_MANAGER("kim"), AUDITOR("ada"), NOBODY(null), WRONG_PASSWORD("mira");

    public static final String DEMO_PASSWORD = "tracegate-demo";

    private final String username;

    Login(String username) {
        this.username = username;
    }

    /** The Authorization header value, or null to send none. */
    public String authorization() {
        if (username == null) {
            return null;
        }
        String password = this == WRONG_PASSWORD ? "not-the-password" : DEMO_PASSWORD;
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String username() {
        return username;
    }
}
