package io.tracegate.approval.application.fakes;

import jakarta.ejb.SessionContext;

import java.lang.reflect.Proxy;
import java.security.Principal;

/**
 * Who is calling: the one thing the use cases ask their {@link SessionContext}. Every other method of the
 * context fails, so a use case that starts to need more shows up here first. Roles are {@code @RolesAllowed}'s
 * business (the container's), not the use cases'.
 */
public final class FakeCaller {

    private String name;
    private final SessionContext context;

    public FakeCaller(String name) {
        this.name = name;
        this.context = (SessionContext) Proxy.newProxyInstance(SessionContext.class.getClassLoader(),
                new Class<?>[] {SessionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> (Principal) () -> this.name;
                    case "toString" -> "caller " + this.name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("the fake session context answers only who "
                            + "calls, not " + method.getName());
                });
    }

    /** The next calls are made by {@code username}. */
    public void is(String username) {
        this.name = username;
    }

    public String name() {
        return name;
    }

    public SessionContext context() {
        return context;
    }
}
