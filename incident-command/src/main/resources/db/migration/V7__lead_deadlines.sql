-- Incidents declared without an incident lead, waiting for the lead deadline (firebreak.roles.lead-deadline, 5 min).
-- Armed in the declaration's own transaction, disarmed when a lead is assigned; LeadDeadlineWatch claims due rows
-- with FOR UPDATE SKIP LOCKED (several instances never fire one twice), sends EnforceLeadDeadline and deletes the
-- row in one transaction. Rows survive a restart: a deadline that passed while the service was down fires at start.
CREATE TABLE lead_deadline (
    incident_id VARCHAR(36) PRIMARY KEY,
    declared_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX lead_deadline_due_idx ON lead_deadline (declared_at);
