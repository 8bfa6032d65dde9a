package io.tracegate.release.domain;

import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.failure.InvalidInput;

/**
 * The data set a PTQ calibrator saw. Its hash lets the package show that calibration (and training) data
 * differ from the test set (ASPICE MLE.4, ISO/PAS 8800 clause 11).
 */
public record CalibrationDataset(String name, int sampleCount, Sha256 sha256) {

    public CalibrationDataset {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInput("quantization.calibrationDataset.name", "is required (at most 200 characters)");
        }
        if (sampleCount <= 0) {
            throw new InvalidInput("quantization.calibrationDataset.sampleCount", "must be a positive number of samples");
        }
        if (sha256 == null) {
            throw new InvalidInput("quantization.calibrationDataset.sha256", "is required");
        }
    }
}
