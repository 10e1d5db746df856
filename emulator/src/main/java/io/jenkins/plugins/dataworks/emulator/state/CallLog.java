package io.jenkins.plugins.dataworks.emulator.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every call exactly and keeps the most recent records (bounded, so a long benchmark cannot
 * exhaust memory). Thread-safe.
 */
public final class CallLog {

    static final int MAX_RECORDS = 100_000;

    private final Map<String, LongAdder> byAction = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byActionAndMigration = new ConcurrentHashMap<>();
    private final LongAdder downloads = new LongAdder();
    private final ArrayDeque<CallRecord> calls = new ArrayDeque<>();
    private final ArrayDeque<DownloadRecord> downloadRecords = new ArrayDeque<>();
    private final ArrayDeque<UploadRecord> uploadRecords = new ArrayDeque<>();

    public void record(CallRecord call) {
        String action = call.action() == null ? "" : call.action();
        byAction.computeIfAbsent(action, a -> new LongAdder()).increment();
        if (call.migrationId() != null) {
            byActionAndMigration.computeIfAbsent(action + "#" + call.migrationId(), a -> new LongAdder()).increment();
        }
        synchronized (calls) {
            if (calls.size() == MAX_RECORDS) {
                calls.removeFirst();
            }
            calls.addLast(call);
        }
    }

    public void record(DownloadRecord download) {
        downloads.increment();
        synchronized (downloadRecords) {
            if (downloadRecords.size() == MAX_RECORDS) {
                downloadRecords.removeFirst();
            }
            downloadRecords.addLast(download);
        }
    }

    public void record(UploadRecord upload) {
        synchronized (uploadRecords) {
            if (uploadRecords.size() == MAX_RECORDS) {
                uploadRecords.removeFirst();
            }
            uploadRecords.addLast(upload);
        }
    }

    /** Calls with this Action parameter, whatever their outcome. */
    public long count(String action) {
        LongAdder n = byAction.get(action);
        return n == null ? 0 : n.sum();
    }

    /** Calls with this Action and MigrationId parameter, whatever their outcome. */
    public long count(String action, long migrationId) {
        LongAdder n = byActionAndMigration.get(action + "#" + migrationId);
        return n == null ? 0 : n.sum();
    }

    public long downloadCount() {
        return downloads.sum();
    }

    public List<CallRecord> calls() {
        synchronized (calls) {
            return List.copyOf(new ArrayList<>(calls));
        }
    }

    public List<UploadRecord> uploads() {
        synchronized (uploadRecords) {
            return List.copyOf(new ArrayList<>(uploadRecords));
        }
    }

    public List<DownloadRecord> downloads() {
        synchronized (downloadRecords) {
            return List.copyOf(new ArrayList<>(downloadRecords));
        }
    }
}
