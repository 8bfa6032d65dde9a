package io.tracegate.platform.security;

/**
 * The roles of Tracegate. Annotations need constants, so these are strings; every endpoint and use case
 * names the roles it admits with them.
 */
public final class Roles {

    /** Manages users and configuration. */
    public static final String ADMIN = "ADMIN";
    /** Creates models and releases, uploads artifacts and evidence (people and CI accounts). */
    public static final String ML_ENGINEER = "ML_ENGINEER";
    /** Reviews evidence. */
    public static final String SAFETY_ENGINEER = "SAFETY_ENGINEER";
    /** Signs releases off. */
    public static final String APPROVER = "APPROVER";
    /** Signs off ASIL C/D releases and grants waivers. */
    public static final String SAFETY_MANAGER = "SAFETY_MANAGER";
    /** Reads everything and downloads audit packages, changes nothing. */
    public static final String AUDITOR = "AUDITOR";

    /**
     * Not a role: the prefix of the group a caller authenticated with an API token also gets, naming the
     * token's scope ({@code token:upload}). Code that must refuse token callers looks for it.
     */
    public static final String TOKEN_GROUP_PREFIX = "token:";

    private Roles() {
    }

    public static java.util.List<String> all() {
        return java.util.List.of(ADMIN, ML_ENGINEER, SAFETY_ENGINEER, APPROVER, SAFETY_MANAGER, AUDITOR);
    }
}
