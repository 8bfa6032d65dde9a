package io.tracegate.release.interfaces;

import io.tracegate.it.Api;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies and set-up steps the release scenarios share. */
final class Requests {

    static final String CALIBRATION_SHA = "4c6b92ab26301af34f4624d7ee5ed09e20a4da7ffe14f2613c43fa1787ef7d4e";

    private Requests() {
    }

    static String int8Recipe() {
        return """
                {"precision": "INT8",
                 "quantization": {"method": "PTQ", "calibrator": "entropy2",
                                  "calibrationDataset": {"name": "fcod-calib-v7", "sampleCount": 1024,
                                                         "sha256": "%s"}},
                 "pruning": {"method": "2:4-structured", "sparsity": 0.5},
                 "tensorRt": {"version": "10.3.0", "builderFlags": ["--int8", "--fp16"]},
                 "target": {"hardware": "NVIDIA DRIVE AGX Orin", "platform": "DRIVE OS 6.0.10"}}
                """.formatted(CALIBRATION_SHA);
    }

    /** Registers a fresh model and returns its name. */
    static String newModel(Api api) {
        String name = Api.unique("detector");
        Reply created = api.post(Login.ML_ENGINEER, "api/models", "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    /** Opens a release of a fresh model and returns its id. */
    static long newRelease(Api api) {
        String model = newModel(api);
        Reply release = api.post(Login.ML_ENGINEER, "api/models/" + model + "/releases", "{\"version\": \"1.0.0\"}");
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        return release.json().getJsonNumber("id").longValue();
    }
}
