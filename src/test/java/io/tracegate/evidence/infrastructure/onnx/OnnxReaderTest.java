package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ModelFacts.TensorSignature;
import io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.Node;
import io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.Tensor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;

import static io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.FLOAT;
import static io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.FLOAT16;
import static io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.INT64;
import static io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.INT8;
import static io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.UINT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What OnnxReader makes of the variants exporters write. */
class OnnxReaderTest {

    static ModelFacts read(byte[] bytes) {
        return OnnxReader.read("model.onnx", new ByteArrayInputStream(bytes), bytes.length);
    }

    private static long[] dims(long... dims) {
        return dims;
    }

    private static OnnxModelWriter model() {
        return new OnnxModelWriter().opset("", 13);
    }

    @Test
    void graphInputsThatAreInitializersAreNotModelInputs() {
        byte[] bytes = model()
                .input("x", FLOAT, "batch", 4)
                .input("fc.weight", FLOAT, 2, 4)
                .output("y", FLOAT, "batch", 2)
                .initializer(Tensor.floats("fc.weight", dims(2, 4), 1, 2, 3, 4, 5, 6, 7, 8))
                .node(Node.of("MatMul").inputs("x", "fc.weight").outputs("y"))
                .toBytes();

        ModelFacts facts = read(bytes);

        assertThat(facts.inputs()).extracting(TensorSignature::name).containsExactly("x");
        assertThat(facts.parameters().total()).isEqualTo(8);
    }

    @Test
    void dimsAreNumbersSymbolicNamesOrAQuestionMark() {
        byte[] bytes = model()
                .input("x", UINT8, "p2o.DynamicDimension.0", 3, null, "height")
                .output("y", INT64)
                .node(Node.of("Shape").inputs("x").outputs("y"))
                .toBytes();

        ModelFacts facts = read(bytes);

        assertThat(facts.inputs()).containsExactly(
                new TensorSignature("x", "UINT8", List.of("p2o.DynamicDimension.0", "3", "?", "height"), true));
        assertThat(facts.outputs().get(0).dims()).isEmpty();
        assertThat(facts.outputs().get(0).toString()).isEqualTo("y INT64[]");
    }

    @Test
    void aValueWithoutShapeHasAnUnknownRank() {
        ProtobufWriter noShape = new ProtobufWriter().string(1, "x")
                .message(2, new ProtobufWriter().message(1, new ProtobufWriter().varint(1, FLOAT16)));
        ProtobufWriter graph = new ProtobufWriter()
                .message(1, Node.of("Identity").inputs("x").outputs("y").proto())
                .message(11, noShape);
        byte[] bytes = new ProtobufWriter().varint(1, 7).message(7, graph).toByteArray();

        TensorSignature input = read(bytes).inputs().get(0);

        assertThat(input.elementType()).isEqualTo("FLOAT16");
        assertThat(input.ranked()).isFalse();
        assertThat(input.toString()).isEqualTo("x FLOAT16 (rank unknown)");
    }

    @Test
    void constantNodesCountAsParametersAsPaddle2onnxKeepsWeightsThere() {
        byte[] bytes = new OnnxModelWriter().producer("PaddlePaddle", "2.6.0").opset("", 11)
                .input("x", FLOAT, "p2o.DynamicDimension.0", 4)
                .output("y", FLOAT, "p2o.DynamicDimension.0", 3)
                .node(Node.of("Constant").outputs("conv.w").attribute("value", Tensor.floats("", dims(4, 3),
                        new float[12])))
                .node(Node.of("Constant").outputs("conv.b").attribute("value", Tensor.floats("", dims(3), 1, 2, 3)))
                .node(Node.of("MatMul").inputs("x", "conv.w").outputs("t"))
                .node(Node.of("Add").inputs("t", "conv.b").outputs("y"))
                .toBytes();

        ModelFacts facts = read(bytes);

        assertThat(facts.parameters().total()).isEqualTo(15);
        assertThat(facts.parameters().fromConstantNodes()).isEqualTo(15);
        assertThat(facts.parameters().fromInitializers()).isZero();
        assertThat(facts.parameters().zeroWeightFraction()).hasValue(1.0);
        assertThat(facts.defaultOpset()).hasValue(11);
    }

    @Test
    void operatorTypesAreQualifiedByTheirDomainAndIntegerOpsCounted() {
        byte[] bytes = model().opset("com.microsoft", 1).opset("ai.onnx.ml", 3)
                .node(Node.of("QLinearConv").domain("com.microsoft").inputs("a").outputs("b"))
                .node(Node.of("MatMulInteger").inputs("b").outputs("c"))
                .node(Node.of("Relu").domain("ai.onnx").inputs("c").outputs("d"))
                .toBytes();

        ModelFacts facts = read(bytes);

        assertThat(facts.opTypes()).containsOnlyKeys("com.microsoft.QLinearConv", "MatMulInteger", "Relu");
        assertThat(facts.quantization().integerOps())
                .containsOnlyKeys("com.microsoft.QLinearConv", "MatMulInteger");
        assertThat(facts.opsetImports()).containsEntry("ai.onnx", 13L).containsEntry("com.microsoft", 1L)
                .containsEntry("ai.onnx.ml", 3L);
    }

    @Test
    void qdqGranularityFollowsTheScaleTensorWhereverItIsDefined() {
        byte[] bytes = model()
                .initializer(Tensor.floats("w", dims(2, 2), 1, 0, 0, 1))
                .initializer(Tensor.floats("w.scale", dims(2), 0.1f, 0.2f))
                .initializer(Tensor.floats("a.scale", dims(), 0.05f))
                .node(Node.of("Constant").outputs("c.scale").attribute("value", Tensor.floats("", dims(), 0.5f)))
                .node(Node.of("QuantizeLinear").inputs("w", "w.scale").outputs("wq").attribute("axis", 0))
                .node(Node.of("DequantizeLinear").inputs("wq", "w.scale").outputs("wdq").attribute("axis", 0))
                .node(Node.of("QuantizeLinear").inputs("x", "a.scale").outputs("xq"))
                .node(Node.of("DequantizeLinear").inputs("xq", "c.scale").outputs("xdq"))
                .node(Node.of("Mul").inputs("s", "s").outputs("computed"))
                .node(Node.of("QuantizeLinear").inputs("z", "computed").outputs("zq"))
                .toBytes();

        ModelFacts.Quantization q = read(bytes).quantization();

        assertThat(q.quantizeLinear()).isEqualTo(3);
        assertThat(q.dequantizeLinear()).isEqualTo(2);
        assertThat(q.perChannelQdq()).isEqualTo(2);
        assertThat(q.perTensorQdq()).isEqualTo(2);
        assertThat(q.unknownScaleQdq()).isEqualTo(1);
    }

    @Test
    void int8WeightsExcludeScalesAndZeroPoints() {
        byte[] bytes = model()
                .initializer(Tensor.int8s("w", dims(2, 3), new byte[]{1, 2, 3, 0, 0, 0}))
                .initializer(Tensor.floats("w.scale", dims(2), 0.1f, 0.2f))
                .initializer(Tensor.int8s("w.zp", dims(2), new byte[2]))
                .initializer(Tensor.floats("b", dims(2), 1, 2))
                .node(Node.of("DequantizeLinear").inputs("w", "w.scale", "w.zp").outputs("wdq").attribute("axis", 0))
                .toBytes();

        ModelFacts.Parameters p = read(bytes).parameters();

        assertThat(p.total()).isEqualTo(12);
        assertThat(p.weights()).isEqualTo(8);
        assertThat(p.int8Weights()).isEqualTo(6);
        assertThat(p.int8WeightFraction()).hasValue(0.75);
        assertThat(p.byElementType()).containsEntry("INT8", 8L).containsEntry("FLOAT", 4L);
        assertThat(p.zeroWeightFraction()).hasValue(0.5);
    }

    @Test
    void zerosAreCountedInRank2WeightsOfEveryStorageAndHalfPrecisionIsNamed() {
        ProtobufWriter floatData = new ProtobufWriter().varint(1, 2).varint(1, 2).varint(2, FLOAT).string(8, "typed");
        for (float value : new float[]{0f, -0f, 1.5f, 0f}) {
            floatData.fixed32(4, Float.floatToIntBits(value));
        }
        byte[] half = {0, 0, 0, (byte) 0x80, 0, 0x3C, 0x00, 0x3C}; // 0, -0, 1, 1 as FLOAT16
        ProtobufWriter graph = new ProtobufWriter()
                .message(1, Node.of("Identity").inputs("typed").outputs("y").proto())
                .message(5, floatData)
                .message(5, new Tensor("half", FLOAT16, dims(2, 2), half, null).proto())
                .message(5, Tensor.floats("bias", dims(3), 0, 0, 0).proto());
        byte[] bytes = new ProtobufWriter().varint(1, 8).message(7, graph).toByteArray();

        ModelFacts.Parameters p = read(bytes).parameters();

        assertThat(p.zeroScannedWeights()).isEqualTo(8);
        assertThat(p.zeroWeights()).isEqualTo(5);
        assertThat(p.ofElementType("FLOAT16")).isEqualTo(4);
        assertThat(p.weights()).isEqualTo(11);
    }

    @Test
    void nodesAndInitializersOfSubgraphsCountButTheirInputsDoNot() {
        ProtobufWriter thenBranch = new ProtobufWriter()
                .message(1, Node.of("Add").inputs("a", "k").outputs("r").proto())
                .string(2, "then")
                .message(5, Tensor.floats("k", dims(3), 1, 2, 3).proto())
                .message(11, OnnxModelWriter.valueInfo("inner", FLOAT, 3));
        byte[] bytes = model()
                .input("cond", OnnxModelWriter.INT32)
                .node(Node.of("If").inputs("cond").outputs("r").attribute("then_branch", thenBranch))
                .toBytes();

        ModelFacts facts = read(bytes);

        assertThat(facts.nodeCount()).isEqualTo(2);
        assertThat(facts.opTypes()).containsEntry("If", 1L).containsEntry("Add", 1L);
        assertThat(facts.parameters().total()).isEqualTo(3);
        assertThat(facts.inputs()).extracting(TensorSignature::name).containsExactly("cond");
        assertThat(facts.graphName()).isEqualTo("main_graph");
    }

    @Test
    void metadataIsKeptWithLongValuesCut() {
        byte[] bytes = model().metadata("author", "fcod team").metadata("blob", "z".repeat(10_000))
                .node(Node.of("Identity").inputs("a").outputs("b")).toBytes();

        ModelFacts facts = read(bytes);

        assertThat(facts.metadata()).containsEntry("author", "fcod team");
        assertThat(facts.metadata().get("blob")).hasSize(4097).endsWith("z…");
    }

    @Test
    void aTensorWhoseDataDoesNotMatchItsDimsIsRefused() {
        byte[] inflated = model().initializer(new Tensor("w", FLOAT, dims(1000, 1000), new byte[12], null)).toBytes();
        assertThatThrownBy(() -> read(inflated))
                .hasMessageContaining("model.onnx: initializer 'w' at byte ")
                .hasMessageContaining("declares 1000000 FLOAT elements (4000000 bytes) but its raw_data holds 12 bytes");

        byte[] empty = model().initializer(new Tensor("w", FLOAT, dims(10), null, null)).toBytes();
        assertThatThrownBy(() -> read(empty)).hasMessageContaining("declares 10 elements but holds no data");

        byte[] negative = model().initializer(new Tensor("w", FLOAT, dims(-1), new byte[0], null)).toBytes();
        assertThatThrownBy(() -> read(negative)).hasMessageContaining("negative dimension -1");
    }

    @Test
    void parsesTensorDimsWhetherPackedOrNot() {
        ProtobufWriter packed = new ProtobufWriter().packedVarints(1, 2, 3).varint(2, INT8).string(8, "w")
                .bytes(9, new byte[6]);
        byte[] bytes = new ProtobufWriter().varint(1, 8).message(7, new ProtobufWriter()
                .message(1, Node.of("Identity").inputs("w").outputs("y").proto()).message(5, packed)).toByteArray();

        assertThat(read(bytes).parameters().ofElementType("INT8")).isEqualTo(6);
    }

    @Test
    void readsFromAStreamOfUnknownLength() {
        byte[] bytes = model().node(Node.of("Relu").inputs("a").outputs("b")).toBytes();
        ModelFacts facts = new OnnxFormat().facts("m.onnx", new ByteArrayInputStream(bytes));
        assertThat(facts.nodeCount()).isEqualTo(1);
        assertThat(facts.irVersion()).isEqualTo(8);
    }
}
