package io.jawait.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands objects made by the kernel (a magic's result) to the user's session: the engine parks the object
 * here and evaluates {@code var name = (Type) Bindings.take("key");} in JShell. Public because that snippet
 * calls it; not meant for users.
 */
public final class Bindings {
    private static final Map<String, Object> PARKED = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();

    private Bindings() {}

    static String park(Object value) {
        String key = "b" + KEYS.incrementAndGet();
        PARKED.put(key, value);
        return key;
    }

    /** The parked object, removed so the kernel holds no reference of its own. */
    public static Object take(String key) {
        return PARKED.remove(key);
    }

    /**
     * Whether the parked object can be assigned to a variable of {@code type} (its erasure; a primitive type
     * takes its own wrapper only, as an unboxing cast does). Leaves the object parked.
     */
    public static boolean fits(String key, Class<?> type) {
        Object value = PARKED.get(key);
        Class<?> holder = type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
        return value == null ? !type.isPrimitive() : holder.isInstance(value);
    }

    static void discard(String key) {
        PARKED.remove(key);
    }

    /**
     * The type to cast to for {@code var}: the object's class when it can be named from a snippet, else its
     * nearest public superclass.
     */
    static String nameableType(Object value) {
        Class<?> c = value.getClass();
        while (c != null && (!java.lang.reflect.Modifier.isPublic(c.getModifiers()) || c.getCanonicalName() == null
                || c.isAnonymousClass() || c.isHidden())) {
            c = c.getSuperclass();
        }
        return c == null ? "Object" : c.getCanonicalName();
    }
}
