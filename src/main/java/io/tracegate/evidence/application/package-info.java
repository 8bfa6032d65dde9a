/** Use cases for evidence: choosing the format that reads an uploaded file. */
package io.tracegate.evidence.application;
