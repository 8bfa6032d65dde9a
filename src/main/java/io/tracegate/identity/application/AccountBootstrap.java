package io.tracegate.identity.application;

import io.tracegate.identity.domain.ApiToken;
import io.tracegate.identity.domain.ApiTokens;
import io.tracegate.identity.domain.OneTimeCodes;
import io.tracegate.identity.domain.PasswordHashing;
import io.tracegate.identity.domain.SecretSealing;
import io.tracegate.identity.domain.SigningFactor;
import io.tracegate.identity.domain.SigningFactors;
import io.tracegate.identity.domain.PasswordRules;
import io.tracegate.identity.domain.TokenScope;
import io.tracegate.identity.domain.TokenSecret;
import io.tracegate.identity.domain.UserAccount;
import io.tracegate.identity.domain.UserAccounts;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.persistence.SchemaState;
import io.tracegate.platform.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the first accounts when there are none: in demo mode one account per role, authenticators with
 * published secrets for the signers (alex, kim) and the administrator, and an API token for the CI account
 * (all printed to the log); otherwise the administrator named in configuration, with the
 * password given there or in a file ({@code TRACEGATE_BOOTSTRAP_ADMIN_PASSWORD_FILE}, e.g. a container
 * secret). That is a one-time step: once any account exists the settings are ignored (and a warning says
 * to remove them). There is no built-in default password outside the demo.
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
    ApiTokens tokens;

    @Inject
    PasswordHashing hasher;

    @Inject
    SchemaState schema;

    @Inject
    SigningFactors factors;

    @Inject
    SecretSealing sealing;

    @Inject
    OneTimeCodes codes;

    /**
     * The demo signers' authenticator secrets, published (README, demo logins) so that anyone trying the demo can
     * add them to an authenticator app; the integration tests compute codes from them. Demo mode only.
     */
    public static final Map<String, String> DEMO_AUTHENTICATORS = Map.of(
            "alex", "ALEXMOREAUDEMOAPPROVERTRACEGATE2",
            "kim", "KIMDEMOSAFETYMANAGERTRACEGATE234",
            "admin", "ADMINDEMOTRACEGATEADMINDEMO23456");

    @Inject
    @ConfigProperty(name = "tracegate.demo.enabled")
    boolean demo;

    @Inject
    @ConfigProperty(name = "tracegate.bootstrap.admin.username")
    String adminName;

    @Inject
    @ConfigProperty(name = "tracegate.bootstrap.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "tracegate.bootstrap.admin.password-file")
    Optional<String> adminPasswordFile;

    @PostConstruct
    void createFirstAccounts() {
        if (!schema.isReady()) {
            return;
        }
        if (accounts.count() > 0) {
            if (!demo && configuredPassword().isPresent()) {
                LOG.warning("Accounts exist, so the bootstrap administrator settings are ignored: remove "
                        + "TRACEGATE_BOOTSTRAP_ADMIN_PASSWORD / TRACEGATE_BOOTSTRAP_ADMIN_PASSWORD_FILE.");
            }
            return;
        }
        if (demo) {
            createDemoAccounts();
            return;
        }
        Optional<String> password = configuredPassword();
        if (password.isEmpty()) {
            LOG.warning("No user accounts exist. Set TRACEGATE_BOOTSTRAP_ADMIN_PASSWORD or "
                    + "TRACEGATE_BOOTSTRAP_ADMIN_PASSWORD_FILE (and optionally TRACEGATE_BOOTSTRAP_ADMIN_USERNAME) "
                    + "and restart to create the first administrator.");
            return;
        }
        try {
            PasswordRules.check(adminName, password.get().toCharArray(), "tracegate.bootstrap.admin.password");
            UserAccount admin = UserAccount.create(adminName, "Administrator", "unset", Set.of(Roles.ADMIN), Instant.now());
            // set by configuration, i.e. by whoever deployed: logs in, but cannot sign until changed
            admin.passwordAssigned(hasher.hash(password.get().toCharArray()), Instant.now());
            accounts.add(admin);
            LOG.info(() -> "Created the first administrator '" + adminName + "' from configuration. Log in, change "
                    + "its password (PUT /api/users/me/password) and remove the bootstrap setting.");
        } catch (InvalidInput e) {
            LOG.severe(() -> "The first administrator was NOT created: " + e.field() + " " + e.getMessage());
        }
    }

    /** The bootstrap password from the setting, or else from the file the setting names. */
    private Optional<String> configuredPassword() {
        Optional<String> direct = adminPassword.filter(p -> !p.isBlank());
        if (direct.isPresent()) {
            return direct;
        }
        Optional<String> file = adminPasswordFile.filter(f -> !f.isBlank());
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            String content = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8);
            // a trailing newline from `echo ... > file` is not part of the password
            return Optional.of(content.replaceAll("[\\r\\n]+$", "")).filter(p -> !p.isBlank());
        } catch (IOException | RuntimeException e) {
            LOG.severe(() -> "Cannot read tracegate.bootstrap.admin.password-file " + file.get() + ": " + e);
            return Optional.empty();
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
        banner.append("\n  Authenticators (TOTP, SHA1, 6 digits, 30 s; add the secret to an authenticator app to sign):");
        DEMO_AUTHENTICATORS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            SigningFactor factor = SigningFactor.pending(e.getKey(), sealing.seal(codes.fromBase32(e.getValue()),
                    e.getKey()), Instant.now());
            factor.activate(-1, Instant.now());
            factors.add(factor);
            banner.append("\n  ").append(String.format("%-11s %s", e.getKey(), e.getValue()));
        });
        TokenSecret secret = TokenSecret.generate(new SecureRandom());
        Instant now = Instant.now();
        tokens.add(ApiToken.issue(accounts.named("ci-nightly").orElseThrow(), "demo CI token", TokenScope.UPLOAD,
                now.plus(Duration.ofDays(90)), secret, "demo", now));
        banner.append("\n  API token of ci-nightly (scope upload, 90 days): ").append(secret.value())
                .append("\n  e.g. curl -H \"Authorization: Bearer ").append(secret.value()).append("\" .../api/models");
        LOG.warning(banner::toString);
    }
}
