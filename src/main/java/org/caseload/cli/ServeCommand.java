package org.caseload.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.caseload.fault.EnvironmentException;
import org.caseload.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caseload serve}: a local what-if page on the same engine and statistics. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a local what-if page: choose a baseline from SCENARIO_DIR, set a budget change, staffing, "
                + "places, demand and allocation, run it against the baseline and read the answer.",
                "Listens on 127.0.0.1 only unless --host says otherwise. Runs go one at a time and write into "
                        + "--results (default results/serve/). Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO_DIR", defaultValue = "scenarios",
            description = "Folder of baseline scenarios (default ${DEFAULT-VALUE}).")
    Path scenarios;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only). Anything else lets other "
                    + "machines run simulations here, with no login.")
    String host;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results/serve",
            description = "Folder every run writes under (default ${DEFAULT-VALUE}).")
    Path results;

    /** No --seed: each run's seed is a field of the page. */
    @Mixin
    ResourceOptions execution = new ResourceOptions();

    /** Counted down by tests to stop a server started through {@code execute}. */
    CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        execution.check();
        if (port < 0 || port > 65535) throw new UserException("--port must be between 0 and 65535 (got " + port + ")");
        if (!Files.isDirectory(scenarios)) throw new UserException("scenario folder " + scenarios + " not found");
        if (Files.exists(results) && !Files.isDirectory(results)) {
            throw new UserException("--results " + results + ": is a file, not a folder (every run writes a folder under it)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UserException("--host: unknown address '" + host + "'");
        }
        if (!loopback) {
            err.println("caseload serve: warning: listening on " + host + ": anyone who can reach this machine can run "
                    + "simulations and read their results; there is no login");
            err.flush();
        }
        WebServer server;
        try {
            server = new WebServer(host, port, scenarios, results, execution.threads, execution.maxEvents,
                    new PrintStream(System.err, true));
        } catch (BindException e) {
            throw new UserException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); choose another --port");
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        } catch (IOException e) {
            throw new EnvironmentException("cannot start the server: " + e.getMessage(), e);
        }
        server.start();
        String shown = host.contains(":") ? "[" + host + "]" : host;
        out.printf("caseload serve: http://%s:%d/ (baselines from %s; results in %s; Ctrl-C stops)%n", shown, server.port(),
                scenarios, results);
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        try {
            stop.await();
        } finally {
            server.close();
        }
        return 0;
    }
}
