package io.tracegate.platform.failure;

/** The thing named by the request does not exist. */
public class NoSuchEntity extends Failure {

    public NoSuchEntity(String what, Object key) {
        super(null, "no " + what + " '" + key + "'");
    }
}
