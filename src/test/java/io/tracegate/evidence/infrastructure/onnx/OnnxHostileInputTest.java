package io.tracegate.evidence.infrastructure.onnx;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.ModelFacts;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.Node;
import io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.Tensor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.FLOAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** THREATS.md T10: malformed protobuf is refused with a clear message, fast, without running out of memory. */
class OnnxHostileInputTest {

    private static final OnnxFormat FORMAT = new OnnxFormat();

    private static ModelFacts read(byte[] bytes) {
        return FORMAT.facts("hostile.onnx", new ByteArrayInputStream(bytes));
    }

    private static ModelFacts readSized(byte[] bytes) {
        return OnnxReader.read("hostile.onnx", new ByteArrayInputStream(bytes), bytes.length);
    }

    @Test
    void anEmptyFileIsNotAModel() {
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(EvidenceRejected.class)
                .hasMessage("hostile.onnx: empty file, not an ONNX model");
    }

    @Test
    void aTruncatedModelIsRefusedWhereverItIsCut() throws Exception {
        byte[] model = Files.readAllBytes(DemoOnnxModels.INT8);
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            int cut = 1 + random.nextInt(model.length - 1);
            byte[] truncated = Arrays.copyOf(model, cut);
            assertThatThrownBy(() -> read(truncated)).as("cut at %d", cut).isInstanceOf(EvidenceRejected.class)
                    .hasMessageMatching("hostile\\.onnx: (truncated at byte " + cut + "|not an ONNX model: .*)");
        }
        byte[] cutInWeights = Arrays.copyOf(model, 1000);
        assertThatThrownBy(() -> read(cutInWeights)).hasMessage("hostile.onnx: truncated at byte 1000");
    }

    @Test
    void aHugeDeclaredLengthIsRefusedBeforeAnythingIsAllocated() {
        byte[] fourGigabytes = new ProtobufWriter().varint(1, 8).tag(7, 2).rawVarint(0xFFFF_FFFFL).toByteArray();
        assertThatThrownBy(() -> read(fourGigabytes))
                .hasMessage("hostile.onnx: declared length 4294967295 at byte 3 exceeds protobuf's 2 GiB limit");

        byte[] pastTheEnd = new ProtobufWriter().varint(1, 8).tag(7, 2).rawVarint(2_000_000_000L)
                .raw(new byte[812]).toByteArray();
        assertThatThrownBy(() -> readSized(pastTheEnd))
                .hasMessage("hostile.onnx: declared length 2000000000 at byte 3 exceeds the 812 bytes left in the file");
        assertThatThrownBy(() -> read(pastTheEnd)).hasMessageStartingWith("hostile.onnx: ");

        // inside the graph: a node name that claims more than its graph holds
        ProtobufWriter graph = new ProtobufWriter().tag(1, 2).rawVarint(1_000_000).raw(new byte[20]);
        byte[] nested = new ProtobufWriter().varint(1, 8).message(7, graph).toByteArray();
        assertThatThrownBy(() -> read(nested))
                .hasMessage("hostile.onnx: declared length 1000000 at byte 5 exceeds the 20 bytes left in the enclosing message");
    }

    @Test
    void deepNestingOfSubgraphsIsRefused() {
        ProtobufWriter graph = new ProtobufWriter().message(1, Node.of("Relu").inputs("a").outputs("b").proto());
        for (int level = 0; level < 100; level++) {
            ProtobufWriter node = Node.of("If").inputs("c").outputs("d").attribute("then_branch", graph).proto();
            graph = new ProtobufWriter().message(1, node);
        }
        byte[] bytes = new ProtobufWriter().varint(1, 8).message(7, graph).toByteArray();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> read(bytes)).isInstanceOf(EvidenceRejected.class)
                        .hasMessageMatching("hostile\\.onnx: nesting deeper than 32 messages at byte \\d+"));
    }

    @Test
    void randomGarbageIsRefusedWithAReasonNeverAnotherException() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[1 + random.nextInt(4096)];
            random.nextBytes(garbage);
            assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                    assertThatThrownBy(() -> read(garbage)).isInstanceOf(EvidenceRejected.class)
                            .hasMessageStartingWith("hostile.onnx: "));
        }
    }

    @Test
    void validProtobufThatIsNoOnnxModelIsRefused() {
        byte[] noGraph = new ProtobufWriter().varint(1, 8).string(2, "pytorch").toByteArray();
        assertThatThrownBy(() -> read(noGraph))
                .hasMessage("hostile.onnx: not an ONNX model: it has no graph (ModelProto field 7)");

        byte[] graphAsNumber = new ProtobufWriter().varint(1, 8).varint(7, 3).toByteArray();
        assertThatThrownBy(() -> read(graphAsNumber)).hasMessageContaining(
                "field 7 (graph) at byte 2 has wire type 0, expected 2 (length-delimited); not an ONNX model");

        byte[] noIrVersion = new ProtobufWriter().message(7, new ProtobufWriter()).toByteArray();
        assertThatThrownBy(() -> read(noIrVersion)).hasMessageContaining("it has no ir_version");

        byte[] text = "{\"not\": \"onnx\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(text)).isInstanceOf(EvidenceRejected.class);

        byte[] nodeWithoutOperator = new ProtobufWriter().varint(1, 8)
                .message(7, new ProtobufWriter().message(1, new ProtobufWriter().string(1, "x"))).toByteArray();
        assertThatThrownBy(() -> read(nodeWithoutOperator)).hasMessageContaining("has no operator type");
    }

    @Test
    void namesLongerThan4KiBAreRefused() {
        byte[] bytes = new OnnxModelWriter().opset("", 17)
                .node(Node.of("Relu").name("n".repeat(5000)).inputs("a").outputs("b")).toBytes();
        assertThatThrownBy(() -> read(bytes)).hasMessageMatching("hostile\\.onnx: node name longer than 4096 bytes at byte \\d+");
    }

    @Test
    void dimsWhoseProductOverflowsAreRefused() {
        byte[] bytes = new OnnxModelWriter().opset("", 17)
                .initializer(new Tensor("w", FLOAT, new long[]{1L << 40, 1L << 40}, new byte[0], null)).toBytes();
        assertThatThrownBy(() -> read(bytes)).hasMessageContaining("dimensions whose product overflows 64 bits");
    }

    @Test
    void externalDataIsReportedButNeverOpened() {
        byte[] bytes = new OnnxModelWriter().opset("", 17)
                .input("x", FLOAT, "batch", 4)
                .output("y", FLOAT, "batch", 1000)
                .initializer(Tensor.external("fc.weight", FLOAT, new long[]{4, 1000}, "../../etc/passwd"))
                .initializer(Tensor.external("fc.bias", FLOAT, new long[]{1000}, "weights.bin"))
                .node(Node.of("Gemm").inputs("x", "fc.weight", "fc.bias").outputs("y"))
                .toBytes();

        ModelFacts facts = read(bytes);
        ParsedEvidence evidence = FORMAT.read("external.onnx", new ByteArrayInputStream(bytes));

        assertThat(facts.externalData().tensors()).isEqualTo(2);
        assertThat(facts.externalData().locations()).containsExactly("../../etc/passwd", "weights.bin");
        assertThat(facts.parameters().total()).isEqualTo(5000);
        assertThat(facts.parameters().zeroWeightFraction()).isEmpty();
        assertThat(evidence.notes()).anyMatch(note -> note.contains("not opened: ../../etc/passwd, weights.bin"));
        assertThat(evidence.metrics()).anyMatch(m -> m.toString().equals("model.external_data_tensor_count = 2"));
    }

    @Test
    void theOnnxReaderCannotOpenFiles() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackagesOf(OnnxReader.class);
        assertThat(classes.contain(OnnxReader.class)).isTrue();
        noClasses().that().haveNameMatching(".*\\.(Onnx|Protobuf)[A-Za-z]*(\\$.*)?").should().dependOnClassesThat().belongToAnyOf(java.io.File.class, java.io.FileInputStream.class,
                        java.io.RandomAccessFile.class, java.nio.file.Files.class, java.nio.file.Path.class,
                        java.nio.file.Paths.class, java.nio.channels.FileChannel.class)
                .because("external data paths in a model must never be followed (THREATS.md T10)")
                .check(classes);
    }
}
