package io.firebreak.statuspage.subscribers;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.subscribers.domain.SignedLinks;
import io.firebreak.support.mail.SmtpMailer;
import io.firebreak.support.mail.SmtpSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The subscribers' shared pieces: the link signer and the SMTP mailer ({@code firebreak.statuspage.subscribers.*}). */
@Configuration(proxyBeanMethods = false)
public class SubscribersConfiguration {

    @Bean
    public SignedLinks signedLinks(StatusPageProperties properties, Clock clock) {
        StatusPageProperties.Subscribers settings = properties.getSubscribers();
        return new SignedLinks(settings.getSigningKey(), clock, settings.getConfirmLinkTtl());
    }

    @Bean
    public SmtpMailer subscriberMailer(StatusPageProperties properties) {
        StatusPageProperties.Smtp smtp = properties.getSubscribers().getSmtp();
        return new SmtpMailer(new SmtpSettings(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword(),
                smtp.isStartTls(), smtp.getFrom()));
    }
}
