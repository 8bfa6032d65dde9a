package io.tracegate.trail.interfaces;

import io.tracegate.trail.domain.AuditEvent;
import io.tracegate.trail.domain.ChainBreak;
import io.tracegate.trail.domain.ChainVerification;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The schemas the OpenAPI document shows for the audit JSON name exactly the fields {@link AuditJson} writes. */
class AuditSchemasTest {

    private static List<String> fieldsOf(Class<? extends Record> shape) {
        return Arrays.stream(shape.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void anEventHasTheFieldsOfItsSchemaInTheirOrder() {
        AuditEvent event = AuditEvent.stored(7, Instant.parse("2026-11-20T01:12:00Z"), "ada", "release.created",
                "release", "2", null, "{}", null, "0".repeat(64), "1".repeat(64));
        assertThat(List.copyOf(AuditJson.event(event).keySet()))
                .containsExactlyElementsOf(fieldsOf(AuditSchemas.AuditEventView.class));
    }

    @Test
    void aVerificationHasTheFieldsOfItsSchemaBrokenOrNot() {
        var broken = AuditJson.verification(new ChainVerification(3, "ab", Optional.of(
                new ChainBreak(2, ChainBreak.Problem.CONTENT_CHANGED, "edited"))));
        assertThat(broken.keySet()).containsExactlyInAnyOrderElementsOf(
                fieldsOf(AuditSchemas.ChainVerificationView.class));
        assertThat(broken.getJsonObject("firstBroken").keySet())
                .containsExactlyInAnyOrderElementsOf(fieldsOf(AuditSchemas.BrokenLink.class));
        assertThat(AuditJson.verification(new ChainVerification(3, "ab", Optional.empty())).keySet())
                .containsExactlyInAnyOrderElementsOf(fieldsOf(AuditSchemas.ChainVerificationView.class));
    }
}
