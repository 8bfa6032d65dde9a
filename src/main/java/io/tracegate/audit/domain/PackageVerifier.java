package io.tracegate.audit.domain;

import java.nio.file.Path;

/** Checks a package ZIP the way an auditor would with sha256sum, openssl and pdfsig, naming what fails. */
public interface PackageVerifier {

    PackageVerification verify(Path zip);
}
