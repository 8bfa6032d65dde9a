package io.tracegate.evidence.infrastructure.onnx;

import java.util.TreeMap;

import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_OP_TYPES;

/**
 * Counts nodes by operator type. Bounded in distinct keys because operator names come from the file: a model
 * with millions of made-up operator types must not become a map of millions of entries.
 */
final class OnnxOperatorHistogram {

    private final ProtobufReader reader;
    private final OnnxNameBudget names;
    private final TreeMap<String, Long> counts = new TreeMap<>();

    OnnxOperatorHistogram(ProtobufReader reader, OnnxNameBudget names) {
        this.reader = reader;
        this.names = names;
    }

    void count(String key) {
        Long previous = counts.get(key);
        if (previous == null) {
            if (counts.size() >= MAX_OP_TYPES) {
                throw reader.reject("more than " + MAX_OP_TYPES + " distinct operator types");
            }
            counts.put(names.retain(key), 1L);
        } else {
            counts.put(key, previous + 1);
        }
    }

    /** The counts by operator type, sorted by name. */
    TreeMap<String, Long> counts() {
        return counts;
    }
}
