package io.firebreak.notification.delivery;

import io.firebreak.notification.domain.oncall.ContactMethodKind;
import java.util.List;
import org.springframework.stereotype.Component;

/** Voice calls through the Twilio-compatible API, the page read out twice by TwiML {@code <Say>}. */
@Component
public class VoiceTransport implements ContactTransport {

    private final TwilioApi twilio;

    public VoiceTransport(TwilioApi twilio) {
        this.twilio = twilio;
    }

    @Override
    public ContactMethodKind kind() {
        return ContactMethodKind.VOICE;
    }

    @Override
    public boolean configured() {
        return twilio.configured();
    }

    @Override
    public void send(String address, List<PageNotice> notices) throws Exception {
        String said = xml(PageNotice.speech(notices));
        twilio.call(address, "<Response><Say>" + said + "</Say><Pause length=\"1\"/><Say>" + said
                + "</Say></Response>");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
