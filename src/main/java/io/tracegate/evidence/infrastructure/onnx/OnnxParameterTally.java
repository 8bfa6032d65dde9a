package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.ModelFacts.Parameters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.INT8;
import static io.tracegate.evidence.infrastructure.onnx.OnnxDataTypes.UINT8;
import static io.tracegate.evidence.infrastructure.onnx.OnnxLimits.MAX_TENSORS;

/**
 * Collects the model's parameters (initializers and Constant node values, in all graphs) and adds them up: totals
 * by origin and element type, weights, 8-bit weights and the zeros among them. Which tensors count as weights is
 * only known at the end, once the Q/DQ scales and zero points (not weights) have all been seen.
 */
final class OnnxParameterTally {

    private final ProtobufReader reader;
    private final OnnxNameBudget names;
    private final List<OnnxTensor> parameters = new ArrayList<>();
    private final Map<String, OnnxTensor> parametersByName = new HashMap<>();

    OnnxParameterTally(ProtobufReader reader, OnnxNameBudget names) {
        this.reader = reader;
        this.names = names;
    }

    void register(OnnxTensor tensor) {
        if (parameters.size() >= MAX_TENSORS) {
            throw reader.reject("more than " + MAX_TENSORS + " initializers and constants");
        }
        tensor.name = names.retain(tensor.name);
        parameters.add(tensor);
        if (!tensor.name.isEmpty()) {
            parametersByName.put(tensor.name, tensor);
        }
    }

    /** The parameter registered last under that name, or null. */
    OnnxTensor named(String name) {
        return parametersByName.get(name);
    }

    /** @param qdqParameter whether a tensor name is a Q/DQ scale or zero point, which is no weight */
    Parameters parameters(Predicate<String> qdqParameter) {
        long total = 0;
        long fromInitializers = 0;
        long fromConstants = 0;
        long weights = 0;
        long int8Weights = 0;
        long zeroScanned = 0;
        long zeros = 0;
        TreeMap<String, Long> byType = new TreeMap<>();
        for (OnnxTensor tensor : parameters) {
            total = add(total, tensor.elements);
            if (tensor.constantNode) {
                fromConstants = add(fromConstants, tensor.elements);
            } else {
                fromInitializers = add(fromInitializers, tensor.elements);
            }
            byType.merge(OnnxDataTypes.name(tensor.dataType), tensor.elements, this::add);
            if (OnnxDataTypes.isWeightType(tensor.dataType) && !qdqParameter.test(tensor.name)) {
                weights = add(weights, tensor.elements);
                if (tensor.dataType == INT8 || tensor.dataType == UINT8) {
                    int8Weights = add(int8Weights, tensor.elements);
                }
                if (tensor.rank >= 2 && tensor.zerosCounted) {
                    zeroScanned = add(zeroScanned, tensor.elements);
                    zeros = add(zeros, tensor.zeros);
                }
            }
        }
        return new Parameters(total, fromInitializers, fromConstants, byType, weights, int8Weights, zeroScanned, zeros);
    }

    private long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            throw reader.reject("the parameter count overflows 64 bits");
        }
    }
}
