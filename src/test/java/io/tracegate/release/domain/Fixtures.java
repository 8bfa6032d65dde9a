package io.tracegate.release.domain;

import io.tracegate.platform.blob.Sha256;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;

/** Builds domain objects the way the database would hand them out (ids assigned, statuses reached). */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Sha256 CALIBRATION_SHA = new Sha256("c".repeat(64));

    private Fixtures() {
    }

    /** A registered model as loaded from the database, with its generated id. */
    static Model model(long id, String name) {
        Model model = Model.register(new ModelName(name), null, "alice", NOW);
        set(model, "id", id);
        return model;
    }

    static Release draft(Model model, String version) {
        return Release.draft(model, new SemanticVersion(version), null, null, "alice", NOW);
    }

    static Release draft(Model model, String version, long id) {
        Release release = draft(model, version);
        set(release, "id", id);
        return release;
    }

    /** Puts a release into a status no transition reaches yet. */
    static Release withStatus(Release release, ReleaseStatus status) {
        set(release, "status", status);
        return release;
    }

    static TensorRtBuild tensorRt() {
        return new TensorRtBuild("10.3.0", List.of("--int8", "--fp16"));
    }

    static TargetPlatform target() {
        return new TargetPlatform("NVIDIA DRIVE AGX Orin", "DRIVE OS 6.0.10");
    }

    static CalibrationDataset calibration() {
        return new CalibrationDataset("nuscenes-calib-v3", 1024, CALIBRATION_SHA);
    }

    static OptimizationRecipe fp32Recipe() {
        return OptimizationRecipe.of(Precision.FP32, QuantizationMethod.NONE, null, null, null, null, tensorRt(), target());
    }

    static OptimizationRecipe fp32RecipeTaughtBy(Release teacher) {
        return OptimizationRecipe.of(Precision.FP32, QuantizationMethod.NONE, null, null, null, teacher, tensorRt(),
                target());
    }

    private static void set(Object target, String fieldName, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(fieldName);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot set " + fieldName + " on " + target.getClass().getSimpleName(), e);
        }
    }
}
