package org.caseload.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code caseload serve}: one what-if page on the JDK's own HTTP server (no framework: one
 * page, a handful of routes, nothing to add to the jar). Safe by default: it checks the Host
 * header (against DNS rebinding), refuses cross-origin POSTs, limits request sizes, serves
 * only files of finished runs by their listed names, and never sends a stack trace.
 */
public final class WebServer implements AutoCloseable {
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Pattern RUN = Pattern.compile("/runs/([0-9]{8}-[0-9]{6}-[0-9]+-[0-9]+)(/cancel|/answer|/files/(.+))?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** report.html is self-contained: inline styles and data: images, no scripts. */
    private static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScenarioCatalogue catalogue;
    private final RunQueue queue;
    private final PrintStream console;
    private final Set<String> hostNames;
    /** Listening on every address: then people use whatever name reaches the machine, so any Host is accepted. */
    private final boolean anyHost;

    /**
     * @param host      address to listen on (127.0.0.1 unless the user says otherwise)
     * @param port      port, 0 for any free one
     * @param scenarios folder of baseline scenarios
     * @param results   folder every run writes under
     * @param threads   simulation threads for a run
     * @param maxEvents the most events one replication may take (see {@code WorkLimits})
     * @param console   the server's own console, for warnings and internal errors
     */
    public WebServer(String host, int port, Path scenarios, Path results, int threads, long maxEvents, PrintStream console)
            throws IOException {
        this.console = console;
        this.catalogue = new ScenarioCatalogue(scenarios, console);
        if (catalogue.first() == null) throw new IllegalArgumentException("no valid scenario in " + scenarios);
        this.queue = new RunQueue(catalogue, results, threads, maxEvents, console);
        InetAddress address = InetAddress.getByName(host);
        this.server = HttpServer.create(new InetSocketAddress(address, port), 32);
        this.handlers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "caseload-serve-http");
            t.setDaemon(true);
            return t;
        });
        Set<String> names = new java.util.HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        names.add(host.contains(":") ? "[" + host.toLowerCase(Locale.ROOT) + "]" : host.toLowerCase(Locale.ROOT));
        this.hostNames = Set.copyOf(names);
        this.anyHost = address.isAnyLocalAddress();
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                route(ex);
            } catch (RuntimeException | Error e) {
                console.println("caseload serve: internal error on " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + ":");
                e.printStackTrace(console);
                send(ex, 500, "text/html; charset=utf-8", Page.error(500, "Internal error; the server's console has the details."));
            }
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String raw = ex.getRequestURI().getRawPath();
        if (!allowedHost(ex.getRequestHeaders().getFirst("Host"))) {
            send(ex, 421, "text/plain; charset=utf-8", "unknown host name\n");
            return;
        }
        // Any dot-dot, backslash or encoded dot is refused before anything else looks at the path.
        String lower = raw.toLowerCase(Locale.ROOT);
        if (raw.contains("..") || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || raw.contains("\\")
                || raw.contains("//")) {
            notFound(ex);
            return;
        }
        boolean post = method.equals("POST");
        if (post && !sameOrigin(ex)) {
            send(ex, 403, "text/plain; charset=utf-8", "cross-origin request refused\n");
            return;
        }
        if (!post && !method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD, POST");
            send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n");
            return;
        }
        String path = ex.getRequestURI().getPath();
        if (path.equals("/") && !post) {
            page(ex);
        } else if (path.equals("/static/app.js") && !post) {
            resource(ex, "app.js", "text/javascript; charset=utf-8");
        } else if (path.equals("/static/app.css") && !post) {
            resource(ex, "app.css", "text/css; charset=utf-8");
        } else if (path.equals("/run") && post) {
            submit(ex);
        } else {
            Matcher m = RUN.matcher(path);
            Job job = m.matches() ? queue.job(m.group(1)) : null;
            if (job == null) notFound(ex);
            else if (m.group(2) == null && !post) status(ex, job);
            else if ("/cancel".equals(m.group(2)) && post) cancel(ex, job);
            else if ("/answer".equals(m.group(2)) && !post) answer(ex, job);
            else if (m.group(3) != null && !post) file(ex, job, m.group(3));
            else notFound(ex);
        }
    }

    private boolean allowedHost(String host) {
        if (host == null) return false;
        if (anyHost) return true;
        String name = host.toLowerCase(Locale.ROOT).replaceFirst(":[0-9]+$", "");
        return hostNames.contains(name);
    }

    /** A browser sends Origin (or Sec-Fetch-Site) with a POST; it must be this server's own page. */
    private boolean sameOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origin != null) return origin.equalsIgnoreCase("http://" + host);
        String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        return site == null || site.equals("same-origin") || site.equals("none");
    }

    private void page(HttpExchange ex) throws IOException {
        Map<String, String> query = form(ex.getRequestURI().getRawQuery());
        ScenarioCatalogue.Entry base = catalogue.get(query.get("baseline"));
        if (query.containsKey("baseline") && base == null) {
            notFound(ex);
            return;
        }
        ex.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
        send(ex, 200, "text/html; charset=utf-8", Page.form(catalogue, base == null ? catalogue.first() : base));
    }

    private void submit(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            send(ex, 415, "text/plain; charset=utf-8", "send the form as application/x-www-form-urlencoded\n");
            return;
        }
        String body = body(ex);
        if (body == null) return;
        RunQueue.Submitted s = queue.submit(form(body));
        ObjectNode json = JSON.createObjectNode();
        if (s.job() != null) {
            json.put("id", s.job().id);
            sendJson(ex, 202, json);
        } else {
            ObjectNode errors = json.putObject("errors");
            s.errors().forEach(errors::put);
            sendJson(ex, s.errors().containsKey("") && s.errors().get("").startsWith("the server is busy") ? 503 : 422, json);
        }
    }

    private void status(HttpExchange ex, Job job) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("state", job.state().name().toLowerCase(Locale.ROOT)).put("done", job.done.get()).put("total", job.total)
                .put("position", queue.position(job)).put("message", job.message());
        sendJson(ex, 200, json);
    }

    private void cancel(HttpExchange ex, Job job) throws IOException {
        job.cancelRequested.set(true);
        // A run still waiting is cancelled at once; a running one stops after its current batch.
        if (job.state() == Job.State.QUEUED) job.cancelled();
        status(ex, job);
    }

    private void answer(HttpExchange ex, Job job) throws IOException {
        if (job.state() != Job.State.DONE) {
            send(ex, 409, "text/plain; charset=utf-8", "the run has not finished\n");
            return;
        }
        ex.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
        send(ex, 200, "text/html; charset=utf-8", Page.answer(job));
    }

    /** Only names the finished run listed are served; the name is never turned into a path otherwise. */
    private void file(HttpExchange ex, Job job, String name) throws IOException {
        Job.Answer a = job.answer();
        if (a == null || !a.files().contains(name)) {
            notFound(ex);
            return;
        }
        Path file = a.folder().resolve(name);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String type = Page.contentTypes().getOrDefault(ext, "application/octet-stream");
        ex.getResponseHeaders().set("Content-Security-Policy", REPORT_POLICY);
        if (!ext.equals("html") && !ext.equals("png") && !ext.equals("svg")) {
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name.replace('/', '-') + "\"");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            notFound(ex);
            return;
        }
        send(ex, 200, type, bytes);
    }

    private void resource(HttpExchange ex, String name, String type) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            send(ex, 200, type, in.readAllBytes());
        }
    }

    /** The request body, or null (and a 413 sent) if it is larger than the limit. */
    private static String body(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                send(ex, 413, "text/plain; charset=utf-8", "request too large\n");
                return null;
            }
        } catch (NumberFormatException e) {
            send(ex, 400, "text/plain; charset=utf-8", "bad Content-Length\n");
            return null;
        }
        byte[] bytes = ex.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            send(ex, 413, "text/plain; charset=utf-8", "request too large\n");
            return null;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return out;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // A malformed escape: the field is treated as absent (and reported as missing if it matters).
            }
        }
        return out;
    }

    private void notFound(HttpExchange ex) throws IOException {
        send(ex, 404, "text/html; charset=utf-8", Page.error(404, "Not found."));
    }

    private static void sendJson(HttpExchange ex, int status, ObjectNode json) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, "application/json", JSON.writeValueAsBytes(json));
    }

    private static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        send(ex, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] bytes) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        queue.close();
        handlers.shutdownNow();
    }
}
