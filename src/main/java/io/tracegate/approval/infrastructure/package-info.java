/** JPA storage of signatures and signing challenges, and the approval policy read from its file. */
package io.tracegate.approval.infrastructure;
