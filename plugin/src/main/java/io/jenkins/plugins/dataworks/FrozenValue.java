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
 * serialization, so that the Pipeline's own serializer (JBoss Marshalling River, program.dat) only
 * ever sees a byte array.
 *
 * <p>Why not plain record fields: River can write records only from jboss-marshalling 2.1.1 on
 * (workflow-support bundles that since mid-2023); 2.0.x and 2.1.0 fail with "can't get field offset
 * on a record class", and that failure would stop the whole program.dat from being saved. Checked
 * with River 2.0.6, 2.0.12, 2.1.0 (fail) and 2.1.1, 2.2.2, 2.3.0 (work). Java serialization reads
 * records through their canonical constructor, so the engine's validation runs again on read, and a
 * value the engine can no longer read fails only this step ({@link #get()} throws IOException, and
 * the step reports it in one line) instead of the whole Pipeline's program. Reading accepts only
 * the engine's classes and the JDK value types they are made of; the bytes come from program.dat,
 * which only the controller writes.
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
