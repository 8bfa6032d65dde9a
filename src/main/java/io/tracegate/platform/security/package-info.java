/**
 * How callers prove who they are: HTTP Basic, API tokens (Bearer) and browser sessions, all checked by
 * identity stores against the user accounts; the session cookie's settings; how the current request
 * was authenticated; and the role names every endpoint and use case declares.
 */
package io.tracegate.platform.security;
