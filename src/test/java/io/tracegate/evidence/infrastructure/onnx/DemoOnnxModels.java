package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.Node;
import io.tracegate.evidence.infrastructure.onnx.OnnxModelWriter.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the demo's two ONNX models of the front-camera object detector: the FP32 reference of release 4.2.0
 * and its INT8 build 4.2.0-int8.1 with explicit QuantizeLinear/DequantizeLinear. A tiny but valid detector
 * (ONNX Runtime runs both): five stages of three blocks of three 1x1/3x3 convolutions with SiLU (Sigmoid, Mul),
 * MaxPool between stages, an FPN-style neck (Resize, Concat) and class/box/objectness heads on three levels.
 * Tensor names follow the PyTorch exporter and match {@code 4.2.0-int8.1/calibration.cache}; the INT8 model takes
 * its activation scales from that cache and quantizes weights per output channel (axis 0, symmetric, INT8).
 * Weights are deterministic pseudo-random numbers, so the bytes are reproducible.
 *
 * <p>Rewrite the committed files with {@code mvn -o test -Dtest=DemoOnnxModelsTest -Dtracegate.demo.write=true}.
 */
final class DemoOnnxModels {

    static final Path DIRECTORY = Path.of("evidence", "front-camera-object-detector");
    static final Path FP32 = DIRECTORY.resolve("4.2.0").resolve("fcod-fp32.onnx");
    static final Path INT8 = DIRECTORY.resolve("4.2.0-int8.1").resolve("fcod-int8.onnx");
    static final Path CALIBRATION_CACHE = DIRECTORY.resolve("4.2.0-int8.1").resolve("calibration.cache");

    static final String CALIBRATION_SET_SHA256 = "4c6b92ab26301af34f4624d7ee5ed09e20a4da7ffe14f2613c43fa1787ef7d4e";
    static final List<String> CLASSES = List.of("car", "truck", "pedestrian", "cyclist", "traffic_sign", "traffic_light");
    static final int[] STAGE_WIDTHS = {8, 12, 16, 24, 24};
    static final int BLOCKS = 3;

    /** One convolution: what the tests recompute parameter counts from. */
    record Conv(String module, int in, int out, int kernel) {
        long parameters() {
            return (long) out * in * kernel * kernel + out;
        }
    }

    private final boolean int8;
    private final Map<String, Float> activationScales;
    private final OnnxModelWriter model = new OnnxModelWriter();
    private final List<Conv> convs = new ArrayList<>();
    private final Map<String, String> dequantized = new HashMap<>();
    private final Map<String, Integer> constants = new HashMap<>();

    private DemoOnnxModels(boolean int8, Map<String, Float> activationScales) {
        this.int8 = int8;
        this.activationScales = new HashMap<>(activationScales);
    }

    static byte[] fp32() {
        return new DemoOnnxModels(false, Map.of()).build();
    }

    static byte[] int8() {
        return new DemoOnnxModels(true, calibrationCache()).build();
    }

    /** The convolutions both models have, in graph order. */
    static List<Conv> convolutions() {
        DemoOnnxModels generator = new DemoOnnxModels(false, Map.of());
        generator.build();
        return List.copyOf(generator.convs);
    }

    static void write() throws IOException {
        Files.createDirectories(FP32.getParent());
        Files.write(FP32, fp32());
        Files.createDirectories(INT8.getParent());
        Files.write(INT8, int8());
    }

    public static void main(String[] args) throws IOException {
        write();
    }

    /** TensorRT's calibration cache: a header line, then {@code tensor: scale} with the scale's float bits in hex. */
    static Map<String, Float> calibrationCache() {
        try {
            Map<String, Float> scales = new HashMap<>();
            for (String line : Files.readAllLines(CALIBRATION_CACHE)) {
                int colon = line.lastIndexOf(": ");
                if (colon > 0) {
                    scales.put(line.substring(0, colon), Float.intBitsToFloat(Integer.parseUnsignedInt(line.substring(colon + 2).trim(), 16)));
                }
            }
            return scales;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] build() {
        model.irVersion(8).opset("", 17).graphName("main_graph")
                .input("images", OnnxModelWriter.FLOAT, "batch", 3, 384, 640)
                .output("boxes", OnnxModelWriter.FLOAT, "batch", "anchors", 4)
                .output("scores", OnnxModelWriter.FLOAT, "batch", "anchors", CLASSES.size());
        if (int8) {
            model.producer("modelopt", "0.17.0");
        } else {
            model.producer("pytorch", "2.4.0");
        }

        String x = "images";
        int channels = 3;
        String[] levels = new String[STAGE_WIDTHS.length + 1];
        int[] levelChannels = new int[STAGE_WIDTHS.length + 1];
        for (int stage = 1; stage <= STAGE_WIDTHS.length; stage++) {
            int width = STAGE_WIDTHS[stage - 1];
            if (stage > 1) {
                String pool = "/model." + stage + "/pool/MaxPool";
                model.node(Node.of("MaxPool").name(pool).inputs(x).outputs(pool + "_output_0")
                        .attribute("ceil_mode", 0).attribute("kernel_shape", 2, 2).attribute("pads", 0, 0, 0, 0)
                        .attribute("strides", 2, 2));
                activationScales.putIfAbsent(pool + "_output_0", scale(x));
                x = pool + "_output_0";
            }
            for (int block = 0; block < BLOCKS; block++) {
                String prefix = "/model." + stage + "/m." + block;
                boolean stem = stage == 1 && block == 0;
                x = silu(prefix + "/cv1/act", conv(prefix + "/cv1/conv", x, channels, width, stem ? 3 : 1, stem ? 2 : 1));
                x = silu(prefix + "/cv2/act", conv(prefix + "/cv2/conv", x, width, width, 3, 1));
                x = silu(prefix + "/cv3/act", conv(prefix + "/cv3/conv", x, width, width, 1, 1));
                channels = width;
            }
            levels[stage] = x;
            levelChannels[stage] = channels;
        }

        // Neck: P5 as is; P4 and P3 concatenated with the upsampled level above (stride 32, 16, 8).
        String p5 = levels[5];
        String p4 = concat("/head/p4", levels[4], resize("/head/p4", levels[5]));
        String p3 = concat("/head/p3", levels[3], resize("/head/p3", levels[4]));
        int[] headChannels = {levelChannels[3] + levelChannels[4], levelChannels[4] + levelChannels[5], levelChannels[5]};
        String[] heads = {p3, p4, p5};
        List<String> boxes = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        for (int i = 0; i < heads.length; i++) {
            String level = "/head/p" + (i + 3);
            String cls = conv(level + "/cls", heads[i], headChannels[i], CLASSES.size(), 1, 1);
            String box = conv(level + "/box", heads[i], headChannels[i], 4, 1, 1);
            String obj = conv(level + "/obj", heads[i], headChannels[i], 1, 1, 1);
            model.node(Node.of("Sigmoid").name(level + "/Sigmoid").inputs(cls).outputs(level + "/Sigmoid_output_0"));
            model.node(Node.of("Sigmoid").name(level + "/Sigmoid_1").inputs(obj).outputs(level + "/Sigmoid_1_output_0"));
            model.node(Node.of("Mul").name(level + "/Mul").inputs(level + "/Sigmoid_output_0", level + "/Sigmoid_1_output_0")
                    .outputs(level + "/Mul_output_0"));
            boxes.add(reshape(level, "/Reshape", box, 4));
            scores.add(reshape(level, "/Reshape_1", level + "/Mul_output_0", CLASSES.size()));
        }
        model.node(Node.of("Concat").name("/head/Concat").inputs(boxes.toArray(String[]::new))
                .outputs("/head/Concat_output_0").attribute("axis", 2));
        model.node(Node.of("Transpose").name("/head/Transpose").inputs("/head/Concat_output_0").outputs("boxes")
                .attribute("perm", 0, 2, 1));
        model.node(Node.of("Concat").name("/head/Concat_1").inputs(scores.toArray(String[]::new))
                .outputs("/head/Concat_1_output_0").attribute("axis", 2));
        model.node(Node.of("Transpose").name("/head/Transpose_1").inputs("/head/Concat_1_output_0").outputs("scores")
                .attribute("perm", 0, 2, 1));

        model.metadata("classes", String.join(",", CLASSES));
        model.metadata("training_set", "fcod-train-v12");
        if (int8) {
            model.metadata("calibration_set", "fcod-calib-v7");
            model.metadata("calibration_set_sha256", CALIBRATION_SET_SHA256);
            model.metadata("quantization", "INT8 Q/DQ; weights per channel (axis 0, symmetric); activations per tensor,"
                    + " scales from calibration.cache (EntropyCalibration2)");
        }
        return model.toBytes();
    }

    private String conv(String module, String input, int in, int out, int kernel, int stride) {
        convs.add(new Conv(module, in, out, kernel));
        String parameter = module.substring(1).replace('/', '.');
        long[] weightDims = {out, in, kernel, kernel};
        float[] weights = uniform(parameter + ".weight", out * in * kernel * kernel, in * kernel * kernel);
        float[] bias = uniform(parameter + ".bias", out, in * kernel * kernel);
        String x = input;
        String w = parameter + ".weight";
        if (int8) {
            x = quantizeActivation(input, module + "/input_quantizer");
            float[] scales = new float[out];
            byte[] quantized = new byte[weights.length];
            int perChannel = in * kernel * kernel;
            for (int c = 0; c < out; c++) {
                float max = 0f;
                for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                    max = Math.max(max, Math.abs(weights[i]));
                }
                scales[c] = max / 127f;
                for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                    quantized[i] = (byte) Math.max(-127, Math.min(127, Math.round(weights[i] / scales[c])));
                }
            }
            model.initializer(Tensor.int8s(w, weightDims, quantized));
            model.initializer(Tensor.floats(parameter + ".weight_scale", new long[]{out}, scales));
            model.initializer(Tensor.int8s(parameter + ".weight_zero_point", new long[]{out}, new byte[out]));
            String dq = module + "/weight_quantizer/DequantizeLinear";
            model.node(Node.of("DequantizeLinear").name(dq)
                    .inputs(w, parameter + ".weight_scale", parameter + ".weight_zero_point")
                    .outputs(dq + "_output_0").attribute("axis", 0));
            w = dq + "_output_0";
        } else {
            model.initializer(Tensor.floats(w, weightDims, weights));
        }
        model.initializer(Tensor.floats(parameter + ".bias", new long[]{out}, bias));
        int pad = kernel / 2;
        String name = module + "/Conv";
        model.node(Node.of("Conv").name(name).inputs(x, w, parameter + ".bias").outputs(name + "_output_0")
                .attribute("dilations", 1, 1).attribute("group", 1).attribute("kernel_shape", kernel, kernel)
                .attribute("pads", pad, pad, pad, pad).attribute("strides", stride, stride));
        return name + "_output_0";
    }

    /** One Q/DQ pair per activation tensor, shared by every convolution that reads it. */
    private String quantizeActivation(String tensor, String quantizer) {
        String existing = dequantized.get(tensor);
        if (existing != null) {
            return existing;
        }
        String scaleName = quantizer + "/scale";
        String zeroPointName = quantizer + "/zero_point";
        model.initializer(Tensor.floats(scaleName, new long[0], scale(tensor)));
        model.initializer(Tensor.int8s(zeroPointName, new long[0], (byte) 0));
        model.node(Node.of("QuantizeLinear").name(quantizer + "/QuantizeLinear").inputs(tensor, scaleName, zeroPointName)
                .outputs(quantizer + "/QuantizeLinear_output_0"));
        model.node(Node.of("DequantizeLinear").name(quantizer + "/DequantizeLinear")
                .inputs(quantizer + "/QuantizeLinear_output_0", scaleName, zeroPointName)
                .outputs(quantizer + "/DequantizeLinear_output_0"));
        dequantized.put(tensor, quantizer + "/DequantizeLinear_output_0");
        return quantizer + "/DequantizeLinear_output_0";
    }

    private float scale(String tensor) {
        if (!int8) {
            return 1f;
        }
        Float scale = activationScales.get(tensor);
        if (scale == null) {
            throw new IllegalStateException("no activation scale for " + tensor + " in " + CALIBRATION_CACHE);
        }
        return scale;
    }

    private String silu(String module, String input) {
        model.node(Node.of("Sigmoid").name(module + "/Sigmoid").inputs(input).outputs(module + "/Sigmoid_output_0"));
        model.node(Node.of("Mul").name(module + "/Mul").inputs(input, module + "/Sigmoid_output_0")
                .outputs(module + "/Mul_output_0"));
        return module + "/Mul_output_0";
    }

    private String constant(String level, Tensor value) {
        int index = constants.merge(level, 1, Integer::sum) - 1;
        String name = level + "/Constant" + (index == 0 ? "" : "_" + index);
        model.node(Node.of("Constant").name(name).outputs(name + "_output_0").attribute("value", value));
        return name + "_output_0";
    }

    private String resize(String level, String input) {
        String scales = constant(level, Tensor.floats("", new long[]{4}, 1f, 1f, 2f, 2f));
        String name = level + "/Resize";
        model.node(Node.of("Resize").name(name).inputs(input, "", scales).outputs(name + "_output_0")
                .attribute("coordinate_transformation_mode", "asymmetric").floatAttribute("cubic_coeff_a", -0.75f)
                .attribute("mode", "nearest").attribute("nearest_mode", "floor"));
        activationScales.putIfAbsent(name + "_output_0", scale(input));
        return name + "_output_0";
    }

    private String concat(String level, String a, String b) {
        String name = level + "/Concat";
        model.node(Node.of("Concat").name(name).inputs(a, b).outputs(name + "_output_0").attribute("axis", 1));
        activationScales.putIfAbsent(name + "_output_0", Math.max(scale(a), scale(b)));
        return name + "_output_0";
    }

    private String reshape(String level, String node, String input, int channels) {
        String shape = constant(level, Tensor.int64s("", new long[]{3}, 0, channels, -1));
        String name = level + node;
        model.node(Node.of("Reshape").name(name).inputs(input, shape).outputs(name + "_output_0"));
        return name + "_output_0";
    }

    /** Uniform in ±1/sqrt(fanIn) (PyTorch's default for convolutions), from a generator seeded by the tensor's name. */
    private static float[] uniform(String name, int count, int fanIn) {
        long state = 0x9E3779B97F4A7C15L ^ name.hashCode();
        float bound = (float) (1.0 / Math.sqrt(fanIn));
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            float unit = (z >>> 40) * 0x1.0p-24f;
            values[i] = (unit * 2f - 1f) * bound;
        }
        return values;
    }
}
