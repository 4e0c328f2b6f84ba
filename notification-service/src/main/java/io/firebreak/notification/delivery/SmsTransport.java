package io.firebreak.notification.delivery;

import io.firebreak.notification.domain.oncall.ContactMethodKind;
import java.util.List;
import org.springframework.stereotype.Component;

/** SMS through the Twilio-compatible API. */
@Component
public class SmsTransport implements ContactTransport {

    private final TwilioApi twilio;

    public SmsTransport(TwilioApi twilio) {
        this.twilio = twilio;
    }

    @Override
    public ContactMethodKind kind() {
        return ContactMethodKind.SMS;
    }

    @Override
    public boolean configured() {
        return twilio.configured();
    }

    @Override
    public void send(String address, List<PageNotice> notices) throws Exception {
        twilio.message(address, PageNotice.sms(notices));
    }
}
