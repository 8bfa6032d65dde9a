package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.Metric;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.Node;
import io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.Tensor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.List;

import static io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.FLOAT;
import static org.assertj.core.api.Assertions.assertThat;

class OnnxFormatTest {

    private final OnnxFormat format = new OnnxFormat();

    @Test
    void claimsOnnxFilesByNameWithAHighPriority() {
        assertThat(format.name()).isEqualTo("onnx");
        assertThat(format.supports("models/fcod-int8.onnx", new byte[]{0x08, 0x08})).isTrue();
        assertThat(format.supports("MODEL.ONNX", new byte[0])).isTrue();
        assertThat(format.supports("engine.plan", new byte[]{0x08})).isFalse();
        assertThat(format.supports("model.onnx.data", new byte[0])).isFalse();
        assertThat(format.supports(null, null)).isFalse();
        assertThat(format.priority()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void readsFactsIntoMetricsAndNotes() {
        byte[] bytes = new OnnxModelWriter().producer("pytorch", "2.4.0").opset("", 17).opset("com.microsoft", 1)
                .input("x", FLOAT, "batch", 2)
                .output("y", FLOAT, "batch", 2)
                .initializer(Tensor.int8s("w", new long[]{2, 2}, new byte[]{1, 0, 0, 1}))
                .initializer(Tensor.floats("s", new long[]{2}, 0.5f, 0.25f))
                .initializer(Tensor.floats("b", new long[]{2}, 0f, 1f))
                .node(Node.of("DequantizeLinear").inputs("w", "s").outputs("wf").attribute("axis", 0))
                .node(Node.of("MatMul").inputs("x", "wf").outputs("t"))
                .node(Node.of("Add").inputs("t", "b").outputs("u"))
                .node(Node.of("Gelu").domain("com.microsoft").inputs("u").outputs("y"))
                .metadata("calibration_set_sha256", "ab")
                .toBytes();

        ParsedEvidence evidence = format.read("tiny.onnx", new ByteArrayInputStream(bytes));

        assertThat(evidence.format()).isEqualTo("onnx");
        assertThat(evidence.tests()).isEmpty();
        assertThat(evidence.metrics()).extracting(Metric::toString).containsExactlyInAnyOrder(
                "model.ir_version = 8",
                "model.opset = 17",
                "model.input_count = 1",
                "model.output_count = 1",
                "model.node_count = 4",
                "model.op_count[op=Add] = 1",
                "model.op_count[op=DequantizeLinear] = 1",
                "model.op_count[op=MatMul] = 1",
                "model.op_count[op=com.microsoft.Gelu] = 1",
                "model.parameter_count = 8",
                "model.initializer_parameter_count = 8",
                "model.constant_parameter_count = 0",
                "model.parameter_count_by_dtype[dtype=FLOAT] = 4",
                "model.parameter_count_by_dtype[dtype=INT8] = 4",
                "model.weight_count = 6",
                "model.int8_weight_count = 4",
                "model.int8_weight_fraction = 0.666667",
                "model.weight_zero_fraction = 0.5",
                "model.quantize_linear_count = 0",
                "model.dequantize_linear_count = 1",
                "model.integer_op_count = 0",
                "model.qdq_per_channel_count = 1",
                "model.qdq_per_tensor_count = 0",
                "model.external_data_tensor_count = 0");
        assertThat(evidence.notes()).containsExactly(
                "ONNX IR version 8, opsets ai.onnx 17, com.microsoft 1, produced by pytorch 2.4.0",
                "graph 'main_graph': inputs x FLOAT[batch, 2]; outputs y FLOAT[batch, 2]",
                "8 parameters: 8 in initializers, 0 in Constant nodes (counted too: paddle2onnx keeps weights there)",
                "quantized: 0 QuantizeLinear, 1 DequantizeLinear (1 per-channel, 0 per-tensor, 0 with computed scales),"
                        + " 0 integer operators, 4 of 6 weights stored as INT8/UINT8",
                "metadata: calibration_set_sha256=ab");
    }

    /** A 200 MB initializer streams through: its bytes are counted (and scanned for zeros), never held. */
    @Test
    void aModelWithAHugeInitializerIsReadInBoundedMemory() {
        long elements = 50L * 1024 * 1024;
        long rawBytes = elements * 4;
        byte[] tensorHeader = new ProtobufWriter().varint(1, 1024).varint(1, elements / 1024).varint(2, FLOAT)
                .string(8, "big").tag(9, 2).rawVarint(rawBytes).toByteArray();
        long tensorLength = tensorHeader.length + rawBytes;
        byte[] node = Node.of("Identity").inputs("big").outputs("y").proto().toByteArray();
        byte[] graphPrefix = new ProtobufWriter().bytes(1, node).tag(5, 2).rawVarint(tensorLength).toByteArray();
        long graphLength = graphPrefix.length + tensorLength;
        byte[] modelPrefix = new ProtobufWriter().varint(1, 9).tag(7, 2).rawVarint(graphLength).raw(graphPrefix)
                .raw(tensorHeader).toByteArray();
        byte[] suffix = new ProtobufWriter().message(8, new ProtobufWriter().varint(2, 19)).toByteArray();
        InputStream zeros = new InputStream() {
            private long left = rawBytes;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        InputStream model = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(modelPrefix), zeros, new ByteArrayInputStream(suffix))));

        ModelFacts facts = format.facts("big.onnx", model);

        assertThat(facts.parameters().total()).isEqualTo(elements);
        assertThat(facts.parameters().zeroWeightFraction()).hasValue(1.0);
        assertThat(facts.defaultOpset()).hasValue(19);
        assertThat(facts.irVersion()).isEqualTo(9);
    }
}
