package com.kubedc.net.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
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
    void everyNestedModelRecordIsRegisteredForReflection() throws IOException, ClassNotFoundException {
        Set<String> nested = new TreeSet<>();
        Path classes = Path.of("target", "classes");
        for (String pkg : List.of("com/kubedc/net/thirdparty", "com/kubedc/net/api/v1")) {
            try (Stream<Path> files = Files.walk(classes.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(f).toString().replace('/', '.').replace(".class", "");
                    Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                    boolean model = c.isRecord() || name.contains(".api.v1.") && !c.isEnum() && !c.isInterface()
                            && !io.fabric8.kubernetes.api.model.HasMetadata.class.isAssignableFrom(c) && !name.contains("$");
                    if (model) {
                        nested.add(c.getName());
                    }
                }
            }
        }
        Set<String> registered = new TreeSet<>();
        for (Class<?> t : NativeReflection.class.getAnnotation(RegisterForReflection.class).targets()) {
            registered.add(t.getName());
        }
        assertEquals(nested, registered);
    }
}
