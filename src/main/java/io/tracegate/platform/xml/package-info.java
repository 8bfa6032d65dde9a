/**
 * The one hardened XML parser factory shared by every importer that reads uploaded XML (ReqIF, JUnit):
 * DOCTYPE refused, no external entities, no DTD processing (threat T7).
 */
package io.tracegate.platform.xml;
