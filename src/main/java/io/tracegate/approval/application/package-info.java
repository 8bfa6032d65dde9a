/**
 * Approval use cases: moving a release through review ({@link io.tracegate.approval.application.ReleaseReview})
 * and signing, waiving and reporting the approval status ({@link io.tracegate.approval.application.Signing}),
 * with every refused attempt recorded and counted ({@link io.tracegate.approval.application.SigningRefusals}).
 */
package io.tracegate.approval.application;
