package io.firebreak.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes outside its trusted set. Our generated events are trusted here, in
 * code, so that no consumer has to pass {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}.
 */
final class TrustedClasses {

    private static final String PACKAGE_PREFIX = "io.firebreak.schemas.";

    private static volatile boolean installed;

    private TrustedClasses() {
    }

    static void install() {
        if (installed) {
            return;
        }
        synchronized (TrustedClasses.class) {
            if (!installed) {
                ClassSecurityValidator.ClassSecurityPredicate ours = c -> c.getName().startsWith(PACKAGE_PREFIX);
                ClassSecurityValidator.setGlobal(
                        ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), ours));
                installed = true;
            }
        }
    }
}
