/**
 * The HTTP API of approval: release transitions and the manifest, electronic signatures, waivers and the
 * approval status.
 */
package io.tracegate.approval.interfaces;
