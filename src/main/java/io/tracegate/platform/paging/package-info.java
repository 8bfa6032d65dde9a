/** Paged lists: what a use case returns ({@link io.tracegate.platform.paging.Page}) and how the API shows it. */
package io.tracegate.platform.paging;
