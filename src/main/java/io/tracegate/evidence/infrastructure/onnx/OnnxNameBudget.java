package io.tracegate.evidence.infrastructure.onnx;

import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_RETAINED_CHARS;

/**
 * Counts the characters of every name kept for the facts. Each name is bounded on its own, but a model could
 * still declare millions of them; this one budget over all of them keeps the memory a single file can claim
 * bounded.
 */
final class OnnxNameBudget {

    private final ProtobufReader reader;
    private long retainedChars;

    OnnxNameBudget(ProtobufReader reader) {
        this.reader = reader;
    }

    /** Charges {@code text} to the budget and returns it, so it can wrap the value being stored. */
    String retain(String text) {
        retainedChars += text.length();
        if (retainedChars > MAX_RETAINED_CHARS) {
            throw reader.reject("the model's names add up to more than " + (MAX_RETAINED_CHARS >> 20) + " MiB");
        }
        return text;
    }
}
