package org.caseload.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's safety rules over plain HTTP (a raw socket, so nothing tidies the request on the
 * way): foreign origins, dot-dot paths, unknown hosts, large bodies, names not in the list,
 * and messages that are the reader's own.
 */
class WebServerTest {
    @TempDir
    static Path results;
    private static WebServer server;
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws IOException {
        server = new WebServer("127.0.0.1", 0, Path.of("scenarios"), results, 2, org.caseload.experiment.WorkLimits.DEFAULT_MAX_EVENTS, new PrintStream(CONSOLE, true));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Response(int status, String body) {
    }

    private static Response request(String method, String target, String host, String origin, String body) throws IOException {
        return request(server, method, target, host, origin, body);
    }

    private static Response request(WebServer server, String method, String target, String host, String origin, String body)
            throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
        if (origin != null) head.append("Origin: ").append(origin).append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Response(status, split < 0 ? "" : text.substring(split + 4));
        }
    }

    private static Response get(String target) throws IOException {
        return request("GET", target, "127.0.0.1:" + server.port(), null, null);
    }

    private static Response post(String target, String origin, String body) throws IOException {
        return request("POST", target, "127.0.0.1:" + server.port(), origin, body);
    }

    @Test
    void pageListsTheScenarioFolder() throws IOException {
        Response r = get("/");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("<option value=\"leeds\" selected>"), r.body());
        assertTrue(r.body().contains("name=\"fte.intensive_keywork\""));
        assertFalse(r.body().contains("<option value=\"targets"), "the targets folder is not a scenario");
        assertEquals(200, get("/static/app.js").status());
    }

    @Test
    void foreignOriginIsRefused() throws IOException {
        Response r = post("/run", "http://evil.example", "baseline=leeds&budget_change_pct=-10&replications=2");
        assertEquals(403, r.status());
        assertTrue(r.body().contains("cross-origin"), r.body());
        assertEquals(403, post("/run", "http://127.0.0.1:1", "baseline=leeds").status(), "another port is another origin");
        assertEmpty(results);
    }

    @Test
    void dotDotPathsAreNotFound() throws IOException {
        for (String target : new String[] {"/../pom.xml", "/static/../../pom.xml", "/static/%2e%2e/%2e%2e/pom.xml",
                "/runs/20260101-000000-1-1/files/../../pom.xml", "/static/..%2fapp.js"}) {
            Response r = get(target);
            assertEquals(404, r.status(), target);
            assertFalse(r.body().contains("<project"), target);
        }
        // A backslash is not even a valid request target: the JDK's server answers 400 before any handler.
        Response backslash = get("/..\\pom.xml");
        assertTrue(backslash.status() == 400 || backslash.status() == 404, "backslash: " + backslash.status());
    }

    @Test
    void unknownHostNameIsRefused() throws IOException {
        // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own Host.
        assertEquals(421, request("GET", "/", "evil.example:" + server.port(), null, null).status());
    }

    @Test
    void oversizedBodyIsRefused() throws IOException {
        String big = "baseline=leeds&seed=" + "1".repeat(WebServer.MAX_BODY_BYTES);
        assertEquals(413, post("/run", null, big).status());
    }

    @Test
    void onlyListedScenarioNamesAreAccepted() throws IOException {
        for (String name : new String[] {"../pom", "scenarios/leeds", "/etc/passwd", "targets/leeds"}) {
            Response r = post("/run", null, "baseline=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
            assertEquals(422, r.status(), name);
            assertTrue(r.body().contains("unknown scenario"), r.body());
        }
        assertEquals(404, get("/?baseline=..%2Fpom").status());
    }

    @Test
    void badValuesGetTheReadersMessageAndNothingIsWritten() throws IOException {
        Response r = post("/run", null, "baseline=leeds&budget_change_pct=-150&budget_from_month=12&replications=2");
        assertEquals(422, r.status());
        // The message the CLI gives for the same value (BadInputTest has the file:line form of it).
        assertTrue(r.body().matches(".*\"budget_change_pct\":\"budget\\.changes\\.[0-9]+\\.change_pct: must be more than -100, got -150\".*"),
                r.body());
        Response places = post("/run", null, "baseline=leeds&places.rehab=2.5&replications=2");
        assertEquals(422, places.status());
        assertTrue(places.body().contains("\"places.rehab\":\"pathways.rehab.capacity.places:"), places.body());
        Response reps = post("/run", null, "baseline=leeds&replications=1");
        assertTrue(reps.body().contains("--replications must be at least 2 (got 1)"), reps.body());
        assertEmpty(results);
    }

    @Test
    void noStackTraceInAnyAnswer() throws IOException {
        for (Response r : new Response[] {get("/runs/20260101-000000-9-9"), get("/nothing"), post("/run", null, "%zz=%"),
                request("DELETE", "/", "127.0.0.1:" + server.port(), null, null)}) {
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        }
    }

    @Test
    void runsQueueOneAtATimeAndCancelKeepsNothing() throws IOException, InterruptedException {
        String form = "baseline=medway&budget_change_pct=-10&budget_from_month=6&replications=400";
        String first = id(post("/run", null, form));
        String second = id(post("/run", null, form + "&seed=2"));
        assertTrue(get("/runs/" + second).body().contains("\"state\":\"queued\""), "the second run waits");
        assertTrue(get("/runs/" + second).body().contains("\"position\":1"), get("/runs/" + second).body());
        post("/runs/" + second + "/cancel", null, "");
        assertTrue(get("/runs/" + second).body().contains("\"state\":\"cancelled\""));
        waitFor(first, "running");
        post("/runs/" + first + "/cancel", null, "");
        waitFor(first, "cancelled");
        assertTrue(get("/runs/" + first).body().matches(".*\"done\":[0-9]+,\"total\":800.*"));
        assertEquals(409, get("/runs/" + first + "/answer").status(), "no answer for a cancelled run");
        // The worker deletes the partial folders of cancelled runs as it reaches them.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && !isEmpty(results)) Thread.sleep(200);
        assertEmpty(results);
    }

    /**
     * Two servers sharing a results folder (or two processes: the id holds the process id) never
     * write into the same folder; each server used to number its runs from 1, so runs submitted in
     * the same second went to one folder, the later replacing the earlier.
     */
    @Test
    void twoServersSharingAResultsFolderKeepEveryRun(@TempDir Path shared) throws Exception {
        try (WebServer a = new WebServer("127.0.0.1", 0, Path.of("scenarios"), shared, 1, org.caseload.experiment.WorkLimits.DEFAULT_MAX_EVENTS,
                new PrintStream(new ByteArrayOutputStream(), true));
             WebServer b = new WebServer("127.0.0.1", 0, Path.of("scenarios"), shared, 1, org.caseload.experiment.WorkLimits.DEFAULT_MAX_EVENTS,
                     new PrintStream(new ByteArrayOutputStream(), true))) {
            a.start();
            b.start();
            String form = "baseline=medway&budget_change_pct=-10&replications=2";
            String idA = id(request(a, "POST", "/run", "127.0.0.1:" + a.port(), null, form));
            String idB = id(request(b, "POST", "/run", "127.0.0.1:" + b.port(), null, form));
            assertFalse(idA.equals(idB), idA);
            assertTrue(idA.contains("-" + ProcessHandle.current().pid() + "-"), idA);
            for (WebServer s : List.of(a, b)) {
                String id = s == a ? idA : idB;
                long deadline = System.nanoTime() + 120_000_000_000L;
                String status;
                do {
                    Thread.sleep(100);
                    status = request(s, "GET", "/runs/" + id, "127.0.0.1:" + s.port(), null, null).body();
                    assertTrue(System.nanoTime() < deadline, "run never finished: " + status);
                } while (!status.contains("\"state\":\"done\""));
            }
            try (Stream<Path> files = Files.list(shared)) {
                assertEquals(Stream.of("medway-what-if-" + idA, "medway-what-if-" + idB).sorted().toList(),
                        files.map(f -> f.getFileName().toString()).sorted().toList());
            }
        }
    }

    @Test
    void theEventLimitGivenToTheServerReachesItsRuns(@TempDir Path elsewhere) throws Exception {
        try (WebServer small = new WebServer("127.0.0.1", 0, Path.of("scenarios"), elsewhere, 1, 1000,
                new PrintStream(new ByteArrayOutputStream(), true))) {
            small.start();
            String host = "127.0.0.1:" + small.port();
            Response r = request(small, "POST", "/run", host, null, "baseline=medway&budget_change_pct=-10&replications=2");
            String id = id(r);
            long deadline = System.nanoTime() + 120_000_000_000L;
            String status;
            do {
                Thread.sleep(100);
                status = request(small, "GET", "/runs/" + id, host, null, null).body();
                assertTrue(System.nanoTime() < deadline, "run never finished: " + status);
            } while (!status.contains("\"state\":\"failed\"") && !status.contains("\"state\":\"done\""));
            assertTrue(status.contains("\"state\":\"failed\"") && status.contains("more than the limit of 1,000"), status);
        }
    }

    private static String id(Response r) {
        assertEquals(202, r.status(), r.body());
        return r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1").trim();
    }

    private static void waitFor(String id, String state) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!get("/runs/" + id).body().contains("\"state\":\"" + state + "\"")) {
            assertTrue(System.nanoTime() < deadline, "run " + id + " never " + state + ": " + get("/runs/" + id).body());
            Thread.sleep(100);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) return true;
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private static void assertEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "something was written into " + dir);
        }
    }
}
