package io.firebreak.support.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request body type (or an enclosing type) from monitoring: its text is redacted, never refused, because a
 * refused alert is a lost page. Every other body's text is refused when it holds a secret.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RedactSecrets {
}
