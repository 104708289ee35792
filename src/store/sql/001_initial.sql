-- hoidong schema, version 1. Text is stored NFC. Timestamps are local ISO-8601 text.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE levels (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    rank INTEGER NOT NULL
) STRICT;

CREATE TABLE awards (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL,
    granted_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL REFERENCES levels(code),
    rank        INTEGER NOT NULL,
    recipients  TEXT NOT NULL,            -- JSON array of recipient classes
    merit       TEXT NOT NULL,
    is_title    INTEGER NOT NULL,
    basis       TEXT NOT NULL
) STRICT;

CREATE TABLE movements (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    plan_number  TEXT NOT NULL,
    plan_date    TEXT NOT NULL,
    issuing_body TEXT NOT NULL,
    based_on     TEXT NOT NULL,
    phases       TEXT NOT NULL             -- JSON array of phases
) STRICT;

CREATE TABLE criteria_groups (
    code        TEXT PRIMARY KEY,
    movement_id INTEGER NOT NULL REFERENCES movements(id),
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    subjects    TEXT NOT NULL
) STRICT;

CREATE TABLE criteria (
    code       TEXT PRIMARY KEY,
    group_code TEXT NOT NULL REFERENCES criteria_groups(code),
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    max_score  INTEGER NOT NULL CHECK (max_score > 0),
    weight     REAL NOT NULL CHECK (weight > 0)
) STRICT;

CREATE TABLE vote_rules (
    id         INTEGER PRIMARY KEY,
    award      TEXT NOT NULL,              -- award code or '*'
    level      TEXT NOT NULL REFERENCES levels(code),
    rule       TEXT NOT NULL,              -- JSON VoteRule
    is_default INTEGER NOT NULL,
    UNIQUE (award, level)
) STRICT;

CREATE TABLE nominees (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_fold    TEXT NOT NULL,            -- case- and tone-folded, for search
    name_sort    BLOB NOT NULL,            -- Vietnamese order key
    birth_year   INTEGER,
    sex          TEXT,
    position     TEXT NOT NULL DEFAULT '',
    unit         TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT '',
    women_share  INTEGER,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX nominees_sort ON nominees(name_sort);
CREATE INDEX nominees_kind ON nominees(kind);

CREATE TABLE nominations (
    id                INTEGER PRIMARY KEY,
    nominee_id        INTEGER NOT NULL REFERENCES nominees(id),
    movement_id       INTEGER NOT NULL REFERENCES movements(id),
    round             TEXT NOT NULL,       -- "2025" or "2022-2025"
    round_year        INTEGER NOT NULL,
    award_code        TEXT NOT NULL REFERENCES awards(code),
    proposing_unit    TEXT NOT NULL DEFAULT '',
    summary           TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL,
    withdrawal_reason TEXT,
    score             REAL,                -- consolidated score, kept with the scores
    evidence_count    INTEGER NOT NULL DEFAULT 0,
    -- Copies kept in step with the nominee and the award, so that the dashboard
    -- filters, sorts and searches on covering indexes of this table alone.
    nominee_kind      TEXT NOT NULL,
    name_sort         BLOB NOT NULL,
    award_rank        INTEGER NOT NULL,
    award_level       TEXT NOT NULL,
    search_fold       TEXT NOT NULL,       -- folded nominee name, unit and award
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX nominations_count ON nominations(status, nominee_kind, award_level, search_fold);
CREATE INDEX nominations_by_level ON nominations(award_rank DESC, name_sort, status, nominee_kind, award_level, search_fold);
CREATE INDEX nominations_by_name ON nominations(name_sort, status, nominee_kind, award_level, search_fold);
CREATE INDEX nominations_by_score ON nominations(score, name_sort, status, nominee_kind, award_level, search_fold);
CREATE INDEX nominations_award ON nominations(award_code);
CREATE INDEX nominations_nominee ON nominations(nominee_id);
CREATE INDEX nominations_round ON nominations(round_year);

CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    nomination_id INTEGER NOT NULL REFERENCES nominations(id),
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL,
    doc_number    TEXT NOT NULL DEFAULT '',
    doc_date      TEXT,
    file_path     TEXT,
    sha256        TEXT,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX evidence_nomination ON evidence(nomination_id);

CREATE TABLE councils (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    level             TEXT NOT NULL REFERENCES levels(code),
    founding_decision TEXT NOT NULL DEFAULT '',
    issuing_body      TEXT NOT NULL DEFAULT '',
    place_name        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE members (
    id         INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id),
    name       TEXT NOT NULL,
    name_sort  BLOB NOT NULL,
    role       TEXT NOT NULL,
    position   TEXT NOT NULL DEFAULT '',
    sex        TEXT,
    term_start TEXT NOT NULL,
    term_end   TEXT
) STRICT;

CREATE TABLE scores (
    nomination_id  INTEGER NOT NULL REFERENCES nominations(id),
    member_id      INTEGER NOT NULL REFERENCES members(id),
    criterion_code TEXT NOT NULL REFERENCES criteria(code),
    tenths         INTEGER NOT NULL CHECK (tenths >= 0),
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (nomination_id, member_id, criterion_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE recusals (
    nomination_id INTEGER NOT NULL REFERENCES nominations(id),
    member_id     INTEGER NOT NULL REFERENCES members(id),
    reason        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (nomination_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    council_id   INTEGER NOT NULL REFERENCES councils(id),
    number       TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL,
    starts_at    TEXT NOT NULL,
    place        TEXT NOT NULL DEFAULT '',
    chair_id     INTEGER REFERENCES members(id),
    secretary_id INTEGER REFERENCES members(id),
    status       TEXT NOT NULL,
    opened_at    TEXT,
    closed_at    TEXT,
    version      INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE meeting_members (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    presence   TEXT NOT NULL DEFAULT 'unmarked',
    reason     TEXT NOT NULL DEFAULT '',
    checked_at TEXT,
    PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

-- Counting committee (ban kiểm phiếu) of a meeting.
CREATE TABLE counting_committee (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    is_head    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE agenda_items (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
    position      INTEGER NOT NULL,
    nomination_id INTEGER NOT NULL REFERENCES nominations(id),
    UNIQUE (meeting_id, nomination_id)
) STRICT;
CREATE INDEX agenda_meeting ON agenda_items(meeting_id, position);

CREATE TABLE ballot_rounds (
    id               INTEGER PRIMARY KEY,
    meeting_id       INTEGER NOT NULL REFERENCES meetings(id),
    round_no         INTEGER NOT NULL,
    method           TEXT NOT NULL,
    issued           INTEGER NOT NULL,
    returned         INTEGER NOT NULL,
    valid            INTEGER NOT NULL,
    invalid          INTEGER NOT NULL,
    attendance       TEXT NOT NULL,        -- JSON AttendanceCounts at the time
    recorded_at      TEXT NOT NULL,
    amends_round     INTEGER REFERENCES ballot_rounds(id),
    amendment_reason TEXT,
    UNIQUE (meeting_id, round_no)
) STRICT;

-- Only counts are stored: never who voted what.
CREATE TABLE vote_results (
    round_id         INTEGER NOT NULL REFERENCES ballot_rounds(id),
    nomination_id    INTEGER NOT NULL REFERENCES nominations(id),
    agree            INTEGER NOT NULL,
    disagree         INTEGER NOT NULL,
    abstain          INTEGER NOT NULL DEFAULT 0,
    written_agree    INTEGER NOT NULL DEFAULT 0,
    written_disagree INTEGER NOT NULL DEFAULT 0,
    rule             TEXT NOT NULL,        -- JSON VoteRule applied, kept as it was
    outcome          TEXT NOT NULL,        -- JSON Outcome
    passed           INTEGER NOT NULL,
    PRIMARY KEY (round_id, nomination_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX vote_results_nomination ON vote_results(nomination_id);

CREATE TABLE minutes_notes (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meetings(id),
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    kind           TEXT NOT NULL,
    at             TEXT NOT NULL,
    text           TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX minutes_notes_meeting ON minutes_notes(meeting_id, at);

-- Signed-off minutes and later addenda: the hash of the content as signed.
CREATE TABLE minutes_signoffs (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id),
    kind         TEXT NOT NULL,            -- 'minutes' or 'addendum'
    signed_at    TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    content      TEXT NOT NULL             -- JSON of the document as signed
) STRICT;

-- Decisions of the ward chairman for awards within the ward's authority.
CREATE TABLE decisions (
    id            INTEGER PRIMARY KEY,
    nomination_id INTEGER NOT NULL UNIQUE REFERENCES nominations(id),
    number        TEXT NOT NULL,
    date          TEXT NOT NULL,
    signer        TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE referrals (
    id                INTEGER PRIMARY KEY,
    nomination_id     INTEGER NOT NULL REFERENCES nominations(id),
    parent_id         INTEGER REFERENCES referrals(id),
    level             TEXT NOT NULL REFERENCES levels(code),
    submission_number TEXT NOT NULL DEFAULT '',
    submission_date   TEXT,
    status            TEXT NOT NULL,
    override_reason   TEXT,
    created_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX referrals_nomination ON referrals(nomination_id);

CREATE TABLE referral_events (
    id              INTEGER PRIMARY KEY,
    referral_id     INTEGER NOT NULL REFERENCES referrals(id),
    at              TEXT NOT NULL,
    status          TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    decision_number TEXT,
    decision_date   TEXT,
    authority       TEXT
) STRICT;
CREATE INDEX referral_events_referral ON referral_events(referral_id, at);

CREATE TABLE referral_documents (
    referral_id INTEGER NOT NULL REFERENCES referrals(id),
    doc_code    TEXT NOT NULL,
    reference   TEXT NOT NULL DEFAULT '',
    ticked_at   TEXT,
    PRIMARY KEY (referral_id, doc_code)
) STRICT, WITHOUT ROWID;

-- Every award a nominee holds: decided here, conferred above, or entered from earlier records.
CREATE TABLE award_register (
    id              INTEGER PRIMARY KEY,
    nominee_id      INTEGER NOT NULL REFERENCES nominees(id),
    award_code      TEXT NOT NULL REFERENCES awards(code),
    year            INTEGER NOT NULL,
    decision_number TEXT NOT NULL DEFAULT '',
    decision_date   TEXT,
    authority       TEXT NOT NULL DEFAULT '',
    nomination_id   INTEGER REFERENCES nominations(id),
    source          TEXT NOT NULL,         -- 'decided', 'conferred', 'earlier'
    note            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX award_register_nominee ON award_register(nominee_id, year);

-- Append-only, hash-chained record of every change.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    action     TEXT NOT NULL,
    before     TEXT,
    after      TEXT,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;
CREATE INDEX audit_record ON audit_log(table_name, record_id);
