package io.tracegate.evidence.domain;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the release-level rules of the {@link RecipeCrossCheck} see of a release besides its recipe. They hold
 * once per release, whatever its number of ONNX models, and also when it has none.
 *
 * @param onnxModels        the file names of every ONNX model artifact
 * @param modelsWithQdq     those of them that were read and hold QuantizeLinear/DequantizeLinear nodes
 * @param calibrationCaches the file names of the calibration cache artifacts
 * @param calibrationSets   each calibration-set SHA-256 that evidence provenance names (lower case), with the
 *                          evidence files that name it
 */
public record ReleaseContents(List<String> onnxModels, Set<String> modelsWithQdq, List<String> calibrationCaches,
                              SortedMap<String, SortedSet<String>> calibrationSets) {

    public ReleaseContents {
        onnxModels = List.copyOf(onnxModels);
        modelsWithQdq = Set.copyOf(modelsWithQdq);
        calibrationCaches = List.copyOf(calibrationCaches);
        SortedMap<String, SortedSet<String>> sets = new TreeMap<>();
        for (Map.Entry<String, SortedSet<String>> set : calibrationSets.entrySet()) {
            sets.computeIfAbsent(set.getKey().trim().toLowerCase(Locale.ROOT), hash -> new TreeSet<>())
                    .addAll(set.getValue());
        }
        calibrationSets = Collections.unmodifiableSortedMap(sets);
    }

    /**
     * Whether every ONNX model carries Q/DQ nodes, so TensorRT takes its INT8 scales from the graph (explicit
     * quantization) and needs no calibration cache. A release without ONNX models cannot show this.
     */
    public boolean explicitlyQuantized() {
        return !onnxModels.isEmpty() && modelsWithQdq.containsAll(onnxModels);
    }

    /** The ONNX models without Q/DQ nodes (or unreadable), in artifact order. */
    public List<String> modelsWithoutQdq() {
        return onnxModels.stream().filter(model -> !modelsWithQdq.contains(model)).toList();
    }
}
