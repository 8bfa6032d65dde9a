/** REST resources of the release concept and the JSON shapes they read and write. Thin: parse, call a use case, render. */
package io.tracegate.release.interfaces;
