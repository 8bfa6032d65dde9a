package io.tracegate.evidence.infrastructure.trtexec;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The precision a TensorRT tensor format names. {@code Format/Datatype} is free text that changed
 * between versions ({@code "Int8"}, {@code "Half"}, {@code "Row major linear FP32"}, {@code "Thirty-two wide
 * channel vectorized row major Int8 format."}, {@code "N/A due to dynamic shapes"}), so it is matched by the
 * type words it contains, most specific first ({@code uint8} before {@code int8}, {@code bfloat16} before
 * {@code float}).
 */
final class LayerPrecision {

    static final String UNKNOWN = "unknown";
    static final String MIXED = "mixed";

    private record Rule(String precision, List<String> words) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("uint8", List.of("uint8")),
            new Rule("int8", List.of("int8")),
            new Rule("int4", List.of("int4")),
            new Rule("int32", List.of("int32")),
            new Rule("int64", List.of("int64")),
            new Rule("fp8", List.of("fp8", "e4m3")),
            new Rule("bf16", List.of("bf16", "bfloat16")),
            new Rule("fp16", List.of("fp16", "half", "float16")),
            new Rule("fp32", List.of("fp32", "float32", "float")),
            new Rule("bool", List.of("bool")));

    private LayerPrecision() {
    }

    /** The precision named by a format text, or {@link #UNKNOWN}. */
    static String of(String format) {
        String text = format.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            for (String word : rule.words()) {
                if (text.contains(word)) {
                    return rule.precision();
                }
            }
        }
        return UNKNOWN;
    }

    /** A layer's precision from its outputs' precisions: the one they share, {@link #MIXED} or {@link #UNKNOWN}. */
    static String ofLayer(Set<String> outputs) {
        Set<String> known = new java.util.TreeSet<>(outputs);
        known.remove(UNKNOWN);
        if (known.isEmpty()) {
            return UNKNOWN;
        }
        return known.size() == 1 ? known.iterator().next() : MIXED;
    }
}
