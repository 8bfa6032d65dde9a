package io.tracegate.approval.infrastructure;

import io.tracegate.approval.domain.ApprovalPolicy;
import io.tracegate.approval.domain.ApprovalRule;
import io.tracegate.requirement.domain.Asil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Provides the approval policy: the file named by {@code tracegate.approval.policy-file} (JSON, one object
 * per ASIL, see {@code deploy/approval-policy.json}), or the standard policy. A broken file stops start-up
 * rather than silently approving under a weaker rule.
 */
@ApplicationScoped
public class ApprovalPolicyFile {

    private static final Set<String> KEYS = Set.of("approvers", "safetyManager", "independentOfCreator",
            "independentOfUploaders", "evidenceReviewed");

    @Inject
    @ConfigProperty(name = "tracegate.approval.policy-file")
    Optional<String> file;

    private volatile ApprovalPolicy policy;

    /** Read once; dependent scope because the policy is an immutable value (and not proxyable). */
    @Produces
    ApprovalPolicy policy() {
        if (policy == null) {
            policy = file.filter(f -> !f.isBlank()).map(f -> read(Path.of(f))).orElseGet(ApprovalPolicy::standard);
        }
        return policy;
    }

    static ApprovalPolicy read(Path path) {
        try (InputStream in = Files.newInputStream(path); JsonReader reader = Json.createReader(in)) {
            return parse(reader.readObject(), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the approval policy " + path, e);
        }
    }

    static ApprovalPolicy parse(JsonObject json, String source) {
        Map<Asil, ApprovalRule> rules = new EnumMap<>(Asil.class);
        for (String key : json.keySet()) {
            if (key.startsWith("$")) {
                continue; // "$comment" and the like
            }
            Asil asil = Asil.parse("policy", key);
            JsonObject rule = json.getJsonObject(key);
            for (String field : rule.keySet()) {
                if (!KEYS.contains(field)) {
                    throw new IllegalArgumentException(source + ": unknown field '" + field + "' for ASIL " + asil
                            + "; known: " + KEYS);
                }
            }
            rules.put(asil, new ApprovalRule(rule.getInt("approvers"), rule.getBoolean("safetyManager", false),
                    rule.getBoolean("independentOfCreator", true), rule.getBoolean("independentOfUploaders", false),
                    rule.getBoolean("evidenceReviewed", false)));
        }
        return new ApprovalPolicy(rules);
    }
}
