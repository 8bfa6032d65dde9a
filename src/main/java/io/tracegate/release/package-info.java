/** Models, their releases, the optimization recipe of each release and its artifacts. */
package io.tracegate.release;
