package org.resolve.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The server's guard, run before every request (pages, API, assets, events, downloads):
 *
 * <ol>
 *   <li>the {@code Host} header must be one of {@code 127.0.0.1:PORT}, {@code localhost:PORT} or
 *       the bound host with the port (a DNS-rebinding page sends its own name): else 403;</li>
 *   <li>the request must carry the token, as {@code ?token=} (the URL printed at start) or in the
 *       cookie set on the first visit ({@code HttpOnly; SameSite=Strict}): else 401;</li>
 *   <li>a state-changing request (any method but GET, HEAD and OPTIONS) must carry an
 *       {@code Origin} equal to the server's own origin: else 403;</li>
 *   <li>a body declared larger than the limit is refused with 413 before it is read (Jetty's
 *       {@code maxRequestSize} stops a chunked one).</li>
 * </ol>
 *
 * Every response also gets a Content-Security-Policy that admits only the server's own scripts,
 * styles and images and forbids framing, {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: no-referrer} (so the token in a URL never leaks in a Referer).
 */
public final class Security {
    /** The default body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BODY = 1 << 20;
    /** The Content-Security-Policy of every response. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final String token;
    private final String host;
    private final IntSupplier port;
    private final long maxBody;

    /**
     * @param token the secret token
     * @param host the host the server is bound to (its name is admitted in {@code Host})
     * @param port the bound port (known once the server has started)
     * @param maxBody the body limit in bytes
     */
    Security(String token, String host, IntSupplier port, long maxBody) {
        this.token = token;
        this.host = host;
        this.port = port;
        this.maxBody = maxBody;
    }

    /** @return a new token: 32 bytes from {@link SecureRandom}, as 64 hex digits */
    public static String newToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** @return the name of the token cookie (with the port: browsers share cookies across ports) */
    String cookieName() {
        return "resolve_token_" + port.getAsInt();
    }

    /** @return the {@code Host} values admitted */
    Set<String> allowedHosts() {
        int p = port.getAsInt();
        Set<String> s = new LinkedHashSet<>();
        s.add("127.0.0.1:" + p);
        s.add("localhost:" + p);
        s.add((host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host).toLowerCase(Locale.ROOT) + ":" + p);
        return s;
    }

    /**
     * The before-handler.
     *
     * @param ctx the request
     * @throws HttpResponseException with 403, 401 or 413 when a check fails
     */
    void check(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        String h = ctx.header("Host");
        if (h == null || !allowedHosts().contains(h.toLowerCase(Locale.ROOT))) {
            throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), "forbidden: unexpected Host header", Map.of());
        }
        String given = ctx.queryParam("token");
        boolean viaQuery = given != null && same(given, token);
        if (!viaQuery && !same(ctx.cookie(cookieName()), token)) {
            throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(),
                    "unauthorized: open the URL that resolve serve printed (it carries ?token=...)", Map.of());
        }
        String method = ctx.req().getMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            String origin = ctx.header("Origin");
            if (origin == null || !origin.equalsIgnoreCase("http://" + h)) {
                throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), "forbidden: cross-origin request", Map.of());
            }
        }
        String declared = ctx.header("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            throw new HttpResponseException(HttpStatus.BAD_REQUEST.getCode(), "bad Content-Length", Map.of());
        }
        if (length > maxBody) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "request body larger than " + maxBody + " bytes", Map.of());
        }
        if (viaQuery) {
            ctx.cookie(new Cookie(cookieName(), token, "/", -1, false, true, null, SameSite.STRICT));
        }
    }

    /** @return whether the two strings are equal, in time independent of where they differ */
    private static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
