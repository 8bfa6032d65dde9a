/**
 * Approval use cases: moving a release through review ({@link io.tracegate.approval.application.ReleaseReview})
 * and signing, waiving and reporting the approval status ({@link io.tracegate.approval.application.Signing}).
 */
package io.tracegate.approval.application;
