-- Monitoring re-sends an unchanged group byte for byte (Alertmanager every group_interval). The digest of the
-- last body applied to an open group answers such a repeat from one indexed read, before the body is decoded.
ALTER TABLE alert_group ADD COLUMN last_body_digest CHAR(64);
CREATE INDEX alert_group_body_digest_idx ON alert_group (integration, last_body_digest) WHERE open;
