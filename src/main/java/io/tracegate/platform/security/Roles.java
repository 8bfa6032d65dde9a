package io.tracegate.platform.security;

/**
 * The roles of Tracegate. Annotations need constants, so these are strings; every endpoint and use case
 * names the roles it admits with them, with {@link #ANY_ROLE} for "anyone who holds a role".
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
     * Not a role an account is given, but one every caller holding at least one of the six roles also gets
     * at login ({@link #callerGroups}): {@code @RolesAllowed(ANY_ROLE)} admits exactly the callers the list
     * of all six roles would. Java annotations take only array literals, not a shared array constant, so
     * this derived role is how "any role" is written once; the container still checks it, like any role.
     */
    public static final String ANY_ROLE = "ANY_ROLE";

    /**
     * Not a role: the prefix of the group a caller authenticated with an API token also gets, naming the
     * token's scope ({@code token:upload}). Code that must refuse token callers looks for it.
     */
    public static final String TOKEN_GROUP_PREFIX = "token:";

    private Roles() {
    }

    /** The six roles an account can be given ({@link #ANY_ROLE} is not one of them). */
    public static java.util.List<String> all() {
        return java.util.List.of(ADMIN, ML_ENGINEER, SAFETY_ENGINEER, APPROVER, SAFETY_MANAGER, AUDITOR);
    }

    /**
     * The groups a caller logs in with: the identity store's, plus {@link #ANY_ROLE} when one of them is one
     * of the six roles. An {@code ANY_ROLE} an identity store returned itself is dropped, so only holding a
     * real role grants it.
     */
    public static java.util.Set<String> callerGroups(java.util.Set<String> groups) {
        java.util.Set<String> kept = new java.util.HashSet<>(groups);
        kept.remove(ANY_ROLE);
        if (kept.stream().anyMatch(all()::contains)) {
            kept.add(ANY_ROLE);
        }
        return kept;
    }
}
