package io.firebreak.statuspage.domain;

import io.firebreak.schemas.sensitive.PersonalData;
import io.firebreak.schemas.sensitive.SecretDetector;
import io.firebreak.schemas.sensitive.SecretKind;
import java.util.Optional;

/**
 * The safety net in front of every public surface. Incident text was checked where it entered Firebreak, but
 * the page is public: a credential or card number that slipped through withholds the whole text (a redacted
 * secret still tells the world one leaked), and customers' e-mail addresses and phone numbers are redacted.
 */
public final class PublicText {

    private PublicText() {
    }

    /** Text from an event, screened before it is stored for the page. */
    public static Screened screen(String text) {
        if (text == null) {
            return new Screened(null, null);
        }
        return SecretDetector.first(text)
                .map(finding -> new Screened(null, finding.kind()))
                .orElseGet(() -> new Screened(withoutPersonalData(text), null));
    }

    /**
     * Text as it is rendered (stored rows, configured component names): secrets and personal data redacted in
     * place, so nothing stored before a detector learnt a new kind is shown either.
     */
    public static String redact(String text) {
        return text == null ? null : withoutPersonalData(SecretDetector.redact(text));
    }

    private static String withoutPersonalData(String text) {
        return PersonalData.redact(text);
    }

    /** Screened text: {@code text} to publish, or empty because it carried a secret of kind {@code withheldFor}. */
    public record Screened(String text, SecretKind withheldFor) {

        public Optional<String> publishable() {
            return Optional.ofNullable(text);
        }

        public boolean withheld() {
            return withheldFor != null;
        }
    }
}
