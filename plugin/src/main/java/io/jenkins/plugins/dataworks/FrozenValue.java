package io.jenkins.plugins.dataworks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * An engine value (a record such as WaitSnapshot or GateResult) kept as the bytes of standard Java
 * serialization. Pipeline persists step executions with JBoss River, whose support for records
 * depends on the version installed; plain Java serialization handles records by their canonical
 * constructor, so the engine's own validation runs again when the value is read back. Reading
 * accepts only the engine's classes and the JDK value types they are made of.
 */
final class FrozenValue<T extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final ObjectInputFilter ENGINE_VALUES = ObjectInputFilter.Config.createFilter(
            "io.jenkins.plugins.dataworks.engine.**;java.time.*;java.lang.*;java.util.*;!*");

    private final byte[] bytes;
    private final Class<T> type;

    private FrozenValue(byte[] bytes, Class<T> type) {
        this.bytes = bytes;
        this.type = type;
    }

    static <T extends Serializable> FrozenValue<T> of(T value, Class<T> type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FrozenValue<>(out.toByteArray(), type);
    }

    /** @throws IOException when the bytes were written by an incompatible engine version or are corrupt */
    T get() throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ENGINE_VALUES);
            return type.cast(in.readObject());
        } catch (ClassNotFoundException | ClassCastException | InvalidClassException e) {
            throw new IOException("persisted " + type.getSimpleName() + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // the engine's record constructors reject corrupt values with an InvalidInputException
            throw new IOException("persisted " + type.getSimpleName() + " is invalid: " + e.getMessage(), e);
        }
    }
}
