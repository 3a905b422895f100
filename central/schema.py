"""The reference platform's tables.

Catalog items (jobs, fairs, policies, guidance services) share one feed table:
each row is the item's JSON document plus the (updated_at, id) pair the
incremental sync pages by; a removed item stays as a tombstone row so
terminals that synced it learn that it is gone. Personal fields of visitors
and the terminals' signing keys are stored encrypted (central/secretbox.py);
visitors are found by hashes only.

A seeker's `data` holds everything the visitor told about themselves (name,
phone, education, key groups, difficulties, intentions); in the clear are only
the keyed hash, the registration's id and times, the terminal, and which
specialist serves them (which says no more than that some key group applies to
a row no one can link to a person without the secret).
"""

# Tables whose rows are sealed with the platform's secret (one is enough to check it).
SEALED = (("devices", "key"), ("seekers", "data"), ("appointments", "data"),
          ("complaints", "data"), ("assessments", "data"), ("interests", "data"),
          ("unemployment_applications", "data"))

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL, -- the signing key, sealed (a BLOB; plain text before version 2)
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    last_seen TEXT,
    last_status TEXT
);
CREATE TABLE IF NOT EXISTS nonces (
    device_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at INTEGER NOT NULL,
    PRIMARY KEY (device_id, nonce)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nonces_age ON nonces(seen_at);
CREATE TABLE IF NOT EXISTS idempotency (
    device_id TEXT NOT NULL, key TEXT NOT NULL, request_sha256 TEXT NOT NULL,
    status INTEGER NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (device_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS feed_items (
    kind TEXT NOT NULL, id TEXT NOT NULL, updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0, doc TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS feed_order ON feed_items(kind, updated_at, id);
-- a slot's seats: booked only ever moves by a conditional UPDATE (central/guidance/seats.py)
-- and the CHECK makes the store itself refuse a count past capacity or below zero
CREATE TABLE IF NOT EXISTS slots (
    id TEXT PRIMARY KEY, service_id TEXT NOT NULL, counsellor TEXT NOT NULL,
    starts_at TEXT NOT NULL, ends_at TEXT NOT NULL,
    capacity INTEGER NOT NULL DEFAULT 1, booked INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'one_to_one', room TEXT NOT NULL DEFAULT '',
    priority TEXT, -- 'key_groups': held for key groups until a day before (C 7.1.11)
    starts_utc TEXT, -- starts_at as fixed-width UTC, so times compare as text
    CHECK (booked >= 0 AND booked <= capacity)
);
CREATE INDEX IF NOT EXISTS slots_by_service ON slots(service_id, starts_at);
CREATE TABLE IF NOT EXISTS seekers (
    id_hash TEXT PRIMARY KEY, data BLOB NOT NULL, registration_id TEXT NOT NULL,
    registered_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
    specialist_id TEXT -- central/demo/staff.py; set while the registration names a key group
);
CREATE TABLE IF NOT EXISTS unemployment_applications (
    id TEXT PRIMARY KEY, id_hash TEXT NOT NULL, data BLOB NOT NULL, status TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS unemployment_by_seeker ON unemployment_applications(id_hash);
CREATE INDEX IF NOT EXISTS unemployment_by_status ON unemployment_applications(status,
                                                                                created_at);
CREATE TABLE IF NOT EXISTS interests (
    id TEXT PRIMARY KEY, job_id TEXT NOT NULL, id_hash TEXT, data BLOB NOT NULL,
    created_at TEXT NOT NULL, device_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS interests_by_seeker ON interests(id_hash);
-- holder: the keyed hash of who holds the seat (the visitor's id_hash pseudonym, or an
-- employer's organisation and phone); no_show_at: UTC end of the check-in grace period
CREATE TABLE IF NOT EXISTS appointments (
    id TEXT PRIMARY KEY, slot_id TEXT NOT NULL, service_id TEXT NOT NULL, id_hash TEXT,
    data BLOB NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
    holder TEXT, booker TEXT NOT NULL DEFAULT 'seeker', no_show_at TEXT
);
CREATE INDEX IF NOT EXISTS appointments_by_seeker ON appointments(id_hash);
-- the reminder outbox (central/guidance/reminders.py): what to tell whom and when; a
-- gateway sends the pending ones that are due and marks them sent
CREATE TABLE IF NOT EXISTS notifications (
    id TEXT PRIMARY KEY, appointment_id TEXT NOT NULL, kind TEXT NOT NULL,
    due_at TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
    sent_at TEXT, channel TEXT NOT NULL DEFAULT 'sms',
    UNIQUE (appointment_id, kind)
);
CREATE INDEX IF NOT EXISTS notifications_due ON notifications(status, due_at);
-- central/guidance/gateway.py: the signed clients that are the city's SMS gateway, and
-- the lease each claimed reminder is under (one claim at a time per reminder)
CREATE TABLE IF NOT EXISTS sms_gateways (device_id TEXT PRIMARY KEY, added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notification_claims (
    notification_id TEXT PRIMARY KEY, claim TEXT NOT NULL, device_id TEXT NOT NULL,
    until TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS complaints (
    id TEXT PRIMARY KEY, tracking_number TEXT NOT NULL UNIQUE, phone_hash TEXT NOT NULL,
    id_hash TEXT, category TEXT NOT NULL, data BLOB NOT NULL, status TEXT NOT NULL,
    reply TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS complaints_by_seeker ON complaints(id_hash);
-- how a complaint is handled (kept apart from complaints so an older database gains it
-- by CREATE IF NOT EXISTS): when it was filed and is due, which department has it, what
-- it is about (a service, a desk, the terminal, a posting and its id), and every step
CREATE TABLE IF NOT EXISTS complaint_handling (
    tracking_number TEXT PRIMARY KEY, filed_at TEXT, due_by TEXT, department TEXT,
    about TEXT, about_ref TEXT, lang TEXT
);
CREATE INDEX IF NOT EXISTS complaints_by_due ON complaint_handling(due_by);
CREATE TABLE IF NOT EXISTS complaint_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, tracking_number TEXT NOT NULL, at TEXT NOT NULL,
    status TEXT NOT NULL, department TEXT, note TEXT
);
CREATE INDEX IF NOT EXISTS complaint_events_by_number ON complaint_events(tracking_number);
-- complaint status lookups in the last window, per terminal (t:…) and tracking number
-- (n:…): rows, so every server process counts the same (central/complaints.py Throttle)
CREATE TABLE IF NOT EXISTS lookup_windows (key TEXT NOT NULL, at_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS lookup_windows_by_key ON lookup_windows(key, at_ms);
CREATE INDEX IF NOT EXISTS lookup_windows_by_age ON lookup_windows(at_ms);
CREATE TABLE IF NOT EXISTS ratings (
    id TEXT PRIMARY KEY, data TEXT NOT NULL, created_at TEXT NOT NULL, device_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS assessments (
    id TEXT PRIMARY KEY, id_hash TEXT, data BLOB NOT NULL, created_at TEXT NOT NULL,
    device_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fleet_commands (
    id TEXT PRIMARY KEY, device_id TEXT NOT NULL, kind TEXT NOT NULL, args TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending', result TEXT, created_at TEXT NOT NULL,
    done_at TEXT, expires_at TEXT
);
CREATE INDEX IF NOT EXISTS fleet_pending ON fleet_commands(device_id, status);
CREATE TABLE IF NOT EXISTS fleet_config (
    device_id TEXT PRIMARY KEY, version INTEGER NOT NULL, settings TEXT NOT NULL
);
-- configuration profiles (a hall or a group of terminals) and who follows which; every
-- change takes the next number of meta.config_seq, so a terminal's version only grows
CREATE TABLE IF NOT EXISTS fleet_profiles (
    name TEXT PRIMARY KEY, settings TEXT NOT NULL, stamp INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS fleet_members (
    device_id TEXT PRIMARY KEY, profile TEXT NOT NULL, stamp INTEGER NOT NULL
);
-- terminals asking to be paired (central/enrolment.py); the encrypted key is dropped
-- once fetched
CREATE TABLE IF NOT EXISTS enrolment_requests (
    id TEXT PRIMARY KEY, device_hint TEXT NOT NULL, code_hash TEXT NOT NULL,
    public_key BLOB NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
    status TEXT NOT NULL, device_id TEXT, epk BLOB, sealed BLOB
);
CREATE TABLE IF NOT EXISTS uploads (
    id TEXT PRIMARY KEY, device_id TEXT NOT NULL, kind TEXT NOT NULL, meta TEXT NOT NULL,
    data BLOB NOT NULL, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS policy_questions (
    tracking_number TEXT PRIMARY KEY, secret_hash TEXT NOT NULL, id_hash TEXT,
    policy_id TEXT, lang TEXT NOT NULL, data BLOB NOT NULL, status TEXT NOT NULL,
    asked_at TEXT NOT NULL, answer_by TEXT NOT NULL, answer TEXT, answered_at TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS policy_questions_due ON policy_questions(status, answer_by);
-- the fleet console (central/console/): accounts, sessions, the audit log, where each
-- terminal stands, what its heartbeats said, alerts and staff help requests
CREATE TABLE IF NOT EXISTS console_users (
    name TEXT PRIMARY KEY, hash TEXT NOT NULL, role TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0, locked_until TEXT, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS console_sessions (
    token_hash TEXT PRIMARY KEY, user TEXT NOT NULL, csrf TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS console_audit (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT, action TEXT NOT NULL,
    target TEXT, detail TEXT, source TEXT
);
CREATE TABLE IF NOT EXISTS console_terminals (
    device_id TEXT PRIMARY KEY, name TEXT NOT NULL, hall TEXT NOT NULL, grp TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS console_halls (
    name TEXT PRIMARY KEY, opens TEXT NOT NULL, closes TEXT NOT NULL, days TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS console_status (
    device_id TEXT PRIMARY KEY, seen_at TEXT NOT NULL, app_version TEXT NOT NULL,
    health TEXT NOT NULL, problems TEXT NOT NULL, backlog INTEGER NOT NULL,
    attention INTEGER NOT NULL DEFAULT 0 -- its worst problem's weight (fleetview.SEVERITY)
);
CREATE TABLE IF NOT EXISTS console_health (
    device_id TEXT NOT NULL, at TEXT NOT NULL, problems TEXT NOT NULL,
    backlog INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS console_health_by_device ON console_health(device_id, at);
CREATE TABLE IF NOT EXISTS console_alerts (
    id INTEGER PRIMARY KEY, device_id TEXT NOT NULL, kind TEXT NOT NULL,
    raised_at TEXT NOT NULL, cause_at TEXT NOT NULL, cleared_at TEXT
);
CREATE INDEX IF NOT EXISTS console_alerts_open ON console_alerts(cleared_at, device_id);
CREATE TABLE IF NOT EXISTS console_help (
    id TEXT PRIMARY KEY, device_id TEXT NOT NULL, desk TEXT NOT NULL, asked_at TEXT NOT NULL,
    taken_by TEXT, taken_at TEXT, done_at TEXT
);
"""

# Indexes on columns a migration adds: run after the migrations (an older database
# lacks the columns while SCHEMA runs). Partial unique indexes are standard on both
# SQLite and PostgreSQL: one live booking per holder and slot.
LATE_SCHEMA = """
CREATE UNIQUE INDEX IF NOT EXISTS appointments_one_per_holder
    ON appointments(slot_id, holder) WHERE status IN ('booked', 'checked_in');
CREATE INDEX IF NOT EXISTS appointments_no_show ON appointments(status, no_show_at);
CREATE INDEX IF NOT EXISTS slots_by_start ON slots(starts_utc);
"""
