package io.tracegate.identity.application;

import io.tracegate.platform.failure.Failure;

/**
 * Why a signing attempt was refused: {@code reason} in a few words for the audit trail ({@code signature.refused}),
 * whether it {@code counts} as a failed attempt (a factor was checked and was wrong), and the failure to answer.
 */
public record SigningRefusal(String reason, boolean counts, Failure failure) {
}
