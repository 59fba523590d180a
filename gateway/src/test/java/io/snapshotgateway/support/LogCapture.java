package io.snapshotgateway.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures every log record of the application, formatted, with any stack trace, around each test
 * ({@code @RegisterExtension}).
 */
public final class LogCapture extends Handler implements BeforeEachCallback, AfterEachCallback {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, String>> mdcs = Collections.synchronizedList(new ArrayList<>());
    private final Logger debugged;
    private Level levelBefore;

    /** Captures what the application logs at its configured levels. */
    public LogCapture() {
        this(null);
    }

    private LogCapture(String debugCategory) {
        this.debugged = debugCategory == null ? null : Logger.getLogger(debugCategory);
    }

    /** Also turns on DEBUG for {@code category} around each test, so that records logged at DEBUG are captured. */
    public static LogCapture withDebug(String category) {
        return new LogCapture(category);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        mdcs.clear();
        setLevel(Level.ALL);
        if (debugged != null) {
            levelBefore = debugged.getLevel();
            debugged.setLevel(Level.FINE);
        }
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger.getLogger("").removeHandler(this);
        if (debugged != null) {
            debugged.setLevel(levelBefore);
        }
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The MDC of each captured record, in the order of {@link #lines()}. */
    public List<Map<String, String>> mdcs() {
        return List.copyOf(mdcs);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        StringWriter trace = new StringWriter();
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(trace));
        }
        synchronized (lines) {
            lines.add(record.getLoggerName() + " " + message + " " + trace);
            mdcs.add(record instanceof ExtLogRecord ext ? Map.copyOf(ext.getMdcCopy()) : Map.of());
        }
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing held
    }
}
