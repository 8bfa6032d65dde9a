/** JPA storage of accounts and the Jakarta Security identity store that checks passwords against it. */
package io.tracegate.approval.infrastructure;
