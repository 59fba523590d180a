package io.snapshotgateway.support;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} (Debian's package) of the test's own, never a system service: a free port on 127.0.0.1,
 * a temporary directory, nothing persisted. Use it as {@code @RegisterExtension static RedisServer redis = new
 * RedisServer();} or start and stop it by hand; {@link #stop()} and {@link #start()} again keep the port, so a test
 * can take Redis away and bring it back. {@code .ci/run} installs the package when it is missing.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);

    private int port;
    private Path dir;
    private Process process;
    private String password;

    /** Requires {@code password} of every client ({@code requirepass}); {@link #url()} carries it. */
    public RedisServer withPassword(String password) {
        this.password = password;
        return this;
    }

    /** Starts the server (on the port of its previous run, if it had one) and returns once it answers PING. */
    public synchronized RedisServer start() {
        if (process != null) {
            return this;
        }
        try {
            if (port == 0) {
                port = freePort();
                dir = Files.createTempDirectory("redis-test-");
            }
            List<String> command = new ArrayList<>(List.of(executable(), "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
            if (password != null) {
                command.addAll(List.of("--requirepass", password));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server (apt-get install -y redis-server)", e);
        }
        awaitPong();
        return this;
    }

    /** Kills the server (as a crash would: no shutdown save, clients see their connections drop). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Freezes the server (SIGSTOP): connections stay open, nothing answers, as with a Redis that hangs. */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** Lets a paused server go on (SIGCONT). */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (process == null) {
            return;
        }
        try {
            new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server for good and removes its directory. */
    public synchronized void close() {
        stop();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary directory is not worth failing a test for
            }
        }
    }

    public int port() {
        return port;
    }

    /** The URL the gateway is configured with ({@code gateway.redis.url}). */
    public String url() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; see " + dir
                        + "/redis.log");
            }
            if (answersPing()) {
                return;
            }
            Pause.millis(20);
        }
        stop();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within " + READY_WITHIN);
    }

    /** Whether the server answers PING now (a fresh connection, no client library). */
    public boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            String auth = password == null ? "" : "AUTH " + password + "\r\n";
            String expected = (password == null ? "" : "+OK\r\n") + "+PONG\r\n";
            out.write((auth + "PING\r\n").getBytes(US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(expected.length());
            return expected.equals(new String(answer, US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    private static String executable() {
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "redis-server";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
