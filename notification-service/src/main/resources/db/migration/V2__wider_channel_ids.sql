-- Recorded (not sent) channels carry their name in the id; Slack ids are shorter.
ALTER TABLE slack_channel ALTER COLUMN channel_id TYPE VARCHAR(120);
