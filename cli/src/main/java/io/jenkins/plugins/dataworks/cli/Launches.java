package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.migrate.Launched;
import io.jenkins.plugins.dataworks.engine.migrate.Started;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How export, import and start report what the engine's launcher did, on stderr and as JSON. */
final class Launches {

    private Launches() {}

    static Map<String, Object> toMap(Launched l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("migrationId", l.ref().migrationId());
        m.put("projectId", l.ref().projectId());
        m.put("name", l.name());
        m.put("type", l.type().name());
        m.put("foundByName", l.foundByName());
        m.put("apiCalls", l.apiCalls());
        return m;
    }

    static Map<String, Object> toMap(Started s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("projectId", s.ref().projectId());
        m.put("migrationId", s.ref().migrationId());
        m.put("startedNow", s.startedNow());
        if (s.status() != null) {
            m.put("status", s.status());
        }
        m.put("apiCalls", s.apiCalls());
        return m;
    }

    /** The stderr line: which migration, and whether it is new or an earlier attempt's. */
    static String describe(Launched l) {
        String what = l.type().name().toLowerCase(Locale.ROOT) + " " + l.ref() + " \"" + l.name() + "\"";
        return l.foundByName()
                ? "found " + what + ", created by an earlier attempt under the same name: using it instead of creating a second one"
                : "created " + what + " (not started yet)";
    }

    /** The one line of start, for people. */
    static String describe(Started s) {
        return s.startedNow()
                ? "started " + s.ref()
                : s.ref() + " was already started" + (s.status() == null ? "" : " (status " + s.status() + ")")
                        + ": left alone, not started twice";
    }
}
