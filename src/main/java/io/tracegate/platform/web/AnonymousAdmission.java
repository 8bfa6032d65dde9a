package io.tracegate.platform.web;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps requests without a login from tying up the server's request threads. The container blocks a thread
 * for as long as a body trickles in (30 s per stalled read), so 200 clients sending half a login body took
 * every thread. Here, for a request that carries no login:
 * <ul>
 *   <li>at most {@code tracegate.web.anonymous-requests} are admitted at once; the rest get 503 with
 *       {@code Retry-After} at once, without a byte of their body being read;</li>
 *   <li>the body is read without holding a thread (the servlet container's non-blocking input), at most
 *       {@code tracegate.web.anonymous-body-max-bytes}, and must arrive within
 *       {@code tracegate.web.body-read-within}, or the answer is 408 and the connection is closed; only a
 *       complete body is handed on to the API.</li>
 * </ul>
 * Logged-in requests pass untouched: their uploads stream (and have their own bound, {@code UploadSlots}).
 * Credentials are checked before this filter runs, so a logged-in caller is known here.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class AnonymousAdmission implements Filter {

    private static final String BODY = AnonymousAdmission.class.getName() + ".body";
    private static final String PERMIT = AnonymousAdmission.class.getName() + ".permit";
    private static final Map<String, String> RETRY = Map.of("Retry-After", "5");

    @Inject
    RequestContextController requestContext;

    private Semaphore admitted;
    private Duration readWithin;
    private int maxBody;

    @Override
    public void init(FilterConfig config) {
        Config settings = ConfigProvider.getConfig();
        admitted = new Semaphore(settings.getOptionalValue("tracegate.web.anonymous-requests", Integer.class).orElse(32));
        readWithin = settings.getOptionalValue("tracegate.web.body-read-within", Duration.class).orElse(Duration.ofSeconds(5));
        maxBody = settings.getOptionalValue("tracegate.web.anonymous-body-max-bytes", Integer.class).orElse(64 * 1024);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(BODY) instanceof byte[] body) {
            // The container activates the CDI request context for a request's first dispatch only.
            boolean activated = requestContext.activate();
            try {
                chain.doFilter(new BufferedBody(request, body), response);
            } finally {
                if (activated) {
                    requestContext.deactivate();
                }
                release(request);
            }
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || request.getUserPrincipal() != null) {
            chain.doFilter(request, response);
            return;
        }
        if (!admitted.tryAcquire()) {
            ServletProblem.send(response, 503, "Service Unavailable", "busy",
                    "the server is answering as many requests without a login as it takes at once; retry shortly",
                    RETRY);
            return;
        }
        request.setAttribute(PERMIT, new AtomicBoolean(true));
        long declared = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (declared <= 0 && !chunked) {
            try {
                chain.doFilter(request, response);
            } finally {
                release(request);
            }
            return;
        }
        if (declared > maxBody) {
            release(request);
            ServletProblem.send(response, 401, "Unauthorized", "unauthenticated", "a request without a login may carry "
                    + "at most " + maxBody + " bytes: log in first (HTTP Basic, an API token or a session)",
                    Map.of("WWW-Authenticate", Unauthenticated.CHALLENGE, "Connection", "close"));
            return;
        }
        readAsync(request);
    }

    /** Reads the body as it arrives, on no thread of its own; hands the request on when it is complete. */
    private void readAsync(HttpServletRequest request) throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(readWithin.toMillis());
        AtomicBoolean decided = new AtomicBoolean();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ServletInputStream in = request.getInputStream();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                if (decided.compareAndSet(false, true)) {
                    refuse(async, request, 408, "Request Timeout", "request-timeout", "the request body did not "
                            + "arrive within " + readWithin.toSeconds() + " s; send it again at once, not in pieces");
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                if (decided.compareAndSet(false, true)) {
                    release(request);
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
                if (!decided.get()) {
                    release(request);
                }
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        in.setReadListener(new ReadListener() {
            private final byte[] buffer = new byte[8192];

            @Override
            public void onDataAvailable() throws IOException {
                int n;
                while (in.isReady() && (n = in.read(buffer)) != -1) {
                    body.write(buffer, 0, n);
                    if (body.size() > maxBody && decided.compareAndSet(false, true)) {
                        refuse(async, request, 401, "Unauthorized", "unauthenticated", "a request without a login may "
                                + "carry at most " + maxBody + " bytes: log in first");
                        return;
                    }
                }
            }

            @Override
            public void onAllDataRead() {
                if (decided.compareAndSet(false, true)) {
                    request.setAttribute(BODY, body.toByteArray());
                    async.dispatch();
                }
            }

            @Override
            public void onError(Throwable failure) {
                if (decided.compareAndSet(false, true)) {
                    release(request);
                    async.complete();
                }
            }
        });
    }

    private void refuse(AsyncContext async, HttpServletRequest request, int status, String title, String slug,
                        String detail) {
        release(request);
        ServletProblem.send((HttpServletResponse) async.getResponse(), status, title, slug, detail,
                Map.of("Connection", "close", "Retry-After", "1"));
        async.complete();
    }

    private void release(HttpServletRequest request) {
        if (request.getAttribute(PERMIT) instanceof AtomicBoolean held && held.compareAndSet(true, false)) {
            admitted.release();
        }
    }
}
