package io.tracegate.release.domain;

import io.tracegate.platform.failure.InvalidInput;

/** Where the engine runs: the SoC/GPU (e.g. "NVIDIA DRIVE Orin") and its software platform (e.g. "DRIVE OS 6.0.10"). */
public record TargetPlatform(String hardware, String platform) {

    public TargetPlatform {
        if (hardware == null || hardware.isBlank() || hardware.length() > 100) {
            throw new InvalidInput("target.hardware", "is required (at most 100 characters)");
        }
        if (platform != null && platform.length() > 100) {
            throw new InvalidInput("target.platform", "must be at most 100 characters");
        }
    }
}
