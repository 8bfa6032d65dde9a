/** Use cases: import a baseline (Git, ReqIF), list, show and diff baselines, link a release to one. */
package io.tracegate.requirement.application;
