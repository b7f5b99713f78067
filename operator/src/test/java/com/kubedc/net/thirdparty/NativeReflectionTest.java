package com.kubedc.net.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every record nested in a model (what Jackson reads and writes inside our kinds) is registered for the native image. */
class NativeReflectionTest {
    @Test
    void everyNestedModelRecordIsRegisteredForReflection() throws Exception {
        Set<String> nested = new TreeSet<>();
        // the models live in the api module: its classes folder, or its jar when Maven hands over the packaged module
        Path location = Path.of(com.kubedc.net.api.v1.Project.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            Path classes = jar == null ? location : jar.getPath("/");
            collect(classes, nested);
        }
        assertFalse(nested.isEmpty(), "no model found in " + location);
        Set<String> registered = new TreeSet<>();
        for (Class<?> t : NativeReflection.class
                .getAnnotation(RegisterForReflection.class)
                .targets()) {
            registered.add(t.getName());
        }
        assertEquals(nested, registered);
    }

    private void collect(Path classes, Set<String> nested) throws IOException, ClassNotFoundException {
        for (String pkg : List.of("com/kubedc/net/thirdparty", "com/kubedc/net/api/v1")) {
            try (Stream<Path> files = Files.walk(classes.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name =
                            classes.relativize(f).toString().replace('/', '.').replace(".class", "");
                    if (name.startsWith(".")) {
                        name = name.substring(1);
                    }
                    Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                    boolean model = c.isRecord()
                            || name.contains(".api.v1.")
                                    && !c.isEnum()
                                    && !c.isInterface()
                                    && !io.fabric8.kubernetes.api.model.HasMetadata.class.isAssignableFrom(c)
                                    && !name.contains("$");
                    if (model) {
                        nested.add(c.getName());
                    }
                }
            }
        }
    }
}
