package io.jenkins.plugins.dataworks.engine.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A one-line message whose names of settings are keys, rendered by each front end in its own
 * {@link Vocabulary}. Immutable and serializable (it travels inside exceptions). {@link #toString()}
 * is the engine's rendering.
 */
public final class UserText implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A piece of a message. */
    public sealed interface Part extends Serializable permits Literal, Name, Value, Assignment, Field, Hint {}

    /** Text shown as it is. */
    public record Literal(String text) implements Part {
        public Literal {
            Objects.requireNonNull(text);
        }
    }

    /** The name of a setting. */
    public record Name(Setting setting) implements Part {}

    /** One value of an enumerated setting. */
    public record Value(Setting setting, String value) implements Part {
        public Value {
            if (!setting.choices().contains(value)) {
                throw new IllegalArgumentException(setting + " has no value " + value);
            }
        }
    }

    /** "setting=value", as the front end writes it. */
    public record Assignment(Setting setting, String value) implements Part {
        public Assignment {
            new Value(setting, value); // same check
        }
    }

    /** The name of an input field; a setting's name when the field is one. */
    public record Field(String field) implements Part {}

    /** Advice to change a setting: shown only by a front end that offers the setting. */
    public record Hint(Setting setting, List<Part> parts) implements Part {
        public Hint {
            parts = List.copyOf(parts);
        }
    }

    private final List<Part> parts;

    private UserText(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Strings become literals, settings their names, texts their parts. */
    public static UserText of(Object... pieces) {
        return new UserText(toParts(pieces));
    }

    public static Value value(Setting setting, String value) {
        return new Value(setting, value);
    }

    public static Assignment assignment(Setting setting, String value) {
        return new Assignment(setting, value);
    }

    public static Field field(String field) {
        return new Field(field);
    }

    /** Advice about {@code setting}, left out where the front end does not offer it. */
    public static Hint hint(Setting setting, Object... pieces) {
        return new Hint(setting, toParts(pieces));
    }

    public List<Part> parts() {
        return parts;
    }

    /** Every setting the text names, hints included. */
    public Set<Setting> settings() {
        Set<Setting> out = EnumSet.noneOf(Setting.class);
        collect(parts, out);
        return Collections.unmodifiableSet(out);
    }

    public String render(Vocabulary vocabulary) {
        StringBuilder b = new StringBuilder();
        render(parts, vocabulary, b);
        return b.toString();
    }

    /** The same text with every literal passed through {@code f} (e.g. to redact or fold lines). */
    public UserText mapLiterals(UnaryOperator<String> f) {
        return new UserText(map(parts, f));
    }

    /** The same text without {@code prefix}, when its first part is a literal that starts with it. */
    public UserText withoutPrefix(String prefix) {
        if (!parts.isEmpty() && parts.get(0) instanceof Literal l && l.text().startsWith(prefix)) {
            List<Part> rest = new ArrayList<>(parts);
            rest.set(0, new Literal(l.text().substring(prefix.length())));
            return new UserText(rest);
        }
        return this;
    }

    /** Without leading whitespace in the first part and trailing whitespace in the last, when they are literals. */
    public UserText strip() {
        List<Part> out = new ArrayList<>(parts);
        if (!out.isEmpty() && out.get(0) instanceof Literal l) {
            out.set(0, new Literal(l.text().stripLeading()));
        }
        int last = out.size() - 1;
        if (last >= 0 && out.get(last) instanceof Literal l) {
            out.set(last, new Literal(l.text().stripTrailing()));
        }
        return new UserText(out);
    }

    @Override
    public String toString() {
        return render(Vocabulary.ENGINE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserText t && t.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    private static List<Part> toParts(Object... pieces) {
        List<Part> out = new ArrayList<>();
        for (Object p : pieces) {
            if (p instanceof String s) {
                out.add(new Literal(s));
            } else if (p instanceof Setting s) {
                out.add(new Name(s));
            } else if (p instanceof Part part) {
                out.add(part);
            } else if (p instanceof UserText t) {
                out.addAll(t.parts);
            } else {
                throw new IllegalArgumentException("not a message piece: " + p);
            }
        }
        return out;
    }

    private static void render(List<Part> parts, Vocabulary v, StringBuilder b) {
        for (Part p : parts) {
            if (p instanceof Literal l) {
                b.append(l.text());
            } else if (p instanceof Name n) {
                b.append(nameOf(v, n.setting()));
            } else if (p instanceof Value x) {
                b.append(v.value(x.setting(), x.value()));
            } else if (p instanceof Assignment a) {
                b.append(v.name(a.setting()) == null
                        ? a.setting().engineName() + "=" + a.value() : v.assignment(a.setting(), a.value()));
            } else if (p instanceof Field f) {
                b.append(v.field(f.field()));
            } else if (p instanceof Hint h && v.name(h.setting()) != null) {
                render(h.parts(), v, b);
            }
        }
    }

    /** A setting named outside a hint is part of the fact, not advice: the engine's name when not offered. */
    private static String nameOf(Vocabulary v, Setting s) {
        String name = v.name(s);
        return name != null ? name : s.engineName();
    }

    private static void collect(List<Part> parts, Set<Setting> out) {
        for (Part p : parts) {
            if (p instanceof Name n) {
                out.add(n.setting());
            } else if (p instanceof Value x) {
                out.add(x.setting());
            } else if (p instanceof Assignment a) {
                out.add(a.setting());
            } else if (p instanceof Field f) {
                Setting.ofField(f.field()).ifPresent(out::add);
            } else if (p instanceof Hint h) {
                out.add(h.setting());
                collect(h.parts(), out);
            }
        }
    }

    private static List<Part> map(List<Part> parts, UnaryOperator<String> f) {
        List<Part> out = new ArrayList<>(parts.size());
        for (Part p : parts) {
            if (p instanceof Literal l) {
                out.add(new Literal(f.apply(l.text())));
            } else if (p instanceof Hint h) {
                out.add(new Hint(h.setting(), map(h.parts(), f)));
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
