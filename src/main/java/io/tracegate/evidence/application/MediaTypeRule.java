package io.tracegate.evidence.application;

import io.tracegate.platform.failure.InvalidInput;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A declared Content-Type must fit the format the file is read as: a JSON body announced as XML is a
 * client mistake worth stopping before it is stored under the wrong name. Absent or generic types
 * ({@code application/octet-stream}) are accepted for every format.
 */
final class MediaTypeRule {

    private static final List<String> GENERIC = List.of("application/octet-stream", "binary/octet-stream");
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "junit-xml", List.of("application/xml", "text/xml", "application/junit+xml"),
            "kpi-csv", List.of("text/csv", "application/csv", "text/plain"),
            "kpi-json", List.of("application/json"),
            "trtexec-times", List.of("application/json"),
            "trtexec-profile", List.of("application/json"),
            "trtexec-layers", List.of("application/json"),
            "onnx", List.of("application/onnx", "application/x-onnx", "application/x-protobuf"));

    private MediaTypeRule() {
    }

    static void check(String format, String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        List<String> allowed = ALLOWED.get(format);
        if (GENERIC.contains(type) || allowed == null || allowed.contains(type)) {
            return;
        }
        throw new InvalidInput("Content-Type", "'" + type + "' does not fit the " + format + " format; send one of "
                + allowed + " or application/octet-stream");
    }
}
