package io.tracegate.approval.application;

import io.tracegate.approval.domain.UserAccount;
import io.tracegate.approval.domain.UserAccounts;
import io.tracegate.approval.infrastructure.PasswordHasher;
import io.tracegate.platform.persistence.SchemaState;
import io.tracegate.platform.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the first accounts when there are none: in demo mode one account per role (printed to the
 * log); otherwise the administrator named in configuration, with the password given there. There is no
 * built-in default password outside the demo.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AccountBootstrap {

    /** The demo's shared password; demo mode only, and printed at start-up. */
    public static final String DEMO_PASSWORD = "tracegate-demo";

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class.getName());

    @Inject
    UserAccounts accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    SchemaState schema;

    @Inject
    @ConfigProperty(name = "tracegate.demo.enabled")
    boolean demo;

    @Inject
    @ConfigProperty(name = "tracegate.bootstrap.admin.username")
    String adminName;

    @Inject
    @ConfigProperty(name = "tracegate.bootstrap.admin.password")
    java.util.Optional<String> adminPassword;

    @PostConstruct
    void createFirstAccounts() {
        if (!schema.isReady() || accounts.count() > 0) {
            return;
        }
        if (demo) {
            createDemoAccounts();
        } else if (adminPassword.filter(p -> !p.isBlank()).isPresent()) {
            accounts.add(UserAccount.create(adminName, "Administrator",
                    hasher.hash(adminPassword.get().toCharArray()), Set.of(Roles.ADMIN), Instant.now()));
            LOG.info(() -> "Created the first administrator '" + adminName + "' from configuration.");
        } else {
            LOG.warning("No user accounts exist. Set TRACEGATE_BOOTSTRAP_ADMIN_PASSWORD (and optionally "
                    + "TRACEGATE_BOOTSTRAP_ADMIN_USERNAME) and restart to create the first administrator.");
        }
    }

    private void createDemoAccounts() {
        Map<String, List<String>> people = new LinkedHashMap<>();
        people.put("admin", List.of("Demo Administrator", Roles.ADMIN));
        people.put("mira", List.of("Mira Okafor (ML engineer)", Roles.ML_ENGINEER));
        people.put("ci-nightly", List.of("CI nightly pipeline (service account)", Roles.ML_ENGINEER));
        people.put("sam", List.of("Sam Lindqvist (safety engineer)", Roles.SAFETY_ENGINEER));
        people.put("alex", List.of("Alex Moreau (approver)", Roles.APPROVER));
        people.put("kim", List.of("Kim Tanaka (safety manager)", Roles.SAFETY_MANAGER));
        people.put("ada", List.of("Ada Fischer (auditor)", Roles.AUDITOR));
        String hash = hasher.hash(DEMO_PASSWORD.toCharArray());
        StringBuilder banner = new StringBuilder("DEMO MODE: created one account per role, password '")
                .append(DEMO_PASSWORD).append("':");
        people.forEach((username, info) -> {
            accounts.add(UserAccount.create(username, info.get(0), hash, Set.of(info.get(1)), Instant.now()));
            banner.append("\n  ").append(String.format("%-11s %-16s %s", username, info.get(1), info.get(0)));
        });
        LOG.warning(banner::toString);
    }
}
