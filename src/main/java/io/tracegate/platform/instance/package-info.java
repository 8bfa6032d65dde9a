/**
 * Which server this is: an id kept in the data directory across restarts, and when this run began, so work a
 * previous run of the same server left unfinished is recognised at the next start.
 */
package io.tracegate.platform.instance;
