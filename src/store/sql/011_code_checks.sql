-- Version 11: every code column accepts only the codes the program knows,
-- so that a status, a kind or a role written around hoidong (a `sqlite3`
-- shell, another tool) is refused by the file itself. SQLite adds a CHECK
-- only by building the table anew: each table is copied whole into its new
-- shape (same columns in the same order, same rows and ids, so every row
-- proof still holds), then its indexes and triggers are made again. The
-- program turns foreign keys off around migrations, so dropping the old
-- table deletes nothing that refers to it; they are checked before commit.

-- nominees
CREATE TABLE nominees_checked (
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
    updated_at   TEXT NOT NULL,
    CHECK (kind IN ('official', 'resident', 'other_individual', 'unit', 'front_organisation', 'enterprise', 'household')),
    CHECK (sex IS NULL OR sex IN ('male', 'female'))
) STRICT;
INSERT INTO nominees_checked (id, kind, name, name_fold, name_sort, birth_year, sex, position, unit, address, women_share, version, created_at, updated_at)
    SELECT id, kind, name, name_fold, name_sort, birth_year, sex, position, unit, address, women_share, version, created_at, updated_at FROM nominees;
DROP TABLE nominees;
ALTER TABLE nominees_checked RENAME TO nominees;
CREATE INDEX nominees_sort ON nominees(name_sort);
CREATE INDEX nominees_kind ON nominees(kind);

-- nominations
CREATE TABLE nominations_checked (
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
    updated_at        TEXT NOT NULL,
    CHECK (status IN ('draft', 'submitted', 'on_agenda', 'passed', 'failed', 'decided', 'referred', 'conferred', 'rejected', 'withdrawn')),
    CHECK (nominee_kind IN ('official', 'resident', 'other_individual', 'unit', 'front_organisation', 'enterprise', 'household'))
) STRICT;
INSERT INTO nominations_checked (id, nominee_id, movement_id, round, round_year, award_code, proposing_unit, summary, status, withdrawal_reason, score, evidence_count, nominee_kind, name_sort, award_rank, award_level, search_fold, version, created_at, updated_at)
    SELECT id, nominee_id, movement_id, round, round_year, award_code, proposing_unit, summary, status, withdrawal_reason, score, evidence_count, nominee_kind, name_sort, award_rank, award_level, search_fold, version, created_at, updated_at FROM nominations;
DROP TABLE nominations;
ALTER TABLE nominations_checked RENAME TO nominations;
CREATE INDEX nominations_count ON nominations(status, nominee_kind, award_level, search_fold);
CREATE INDEX nominations_by_level ON nominations(award_rank DESC, name_sort, status, nominee_kind, award_level, search_fold);
CREATE INDEX nominations_by_name ON nominations(name_sort, status, nominee_kind, award_level, search_fold);
CREATE INDEX nominations_by_score ON nominations(score, name_sort, status, nominee_kind, award_level, search_fold);
CREATE INDEX nominations_award ON nominations(award_code);
CREATE INDEX nominations_nominee ON nominations(nominee_id);
CREATE INDEX nominations_round ON nominations(round_year);
CREATE TRIGGER nomination_search_insert AFTER INSERT ON nominations BEGIN
    INSERT INTO nomination_search (rowid, search_fold) VALUES (new.id, new.search_fold);
END;
CREATE TRIGGER nomination_search_delete AFTER DELETE ON nominations BEGIN
    INSERT INTO nomination_search (nomination_search, rowid, search_fold)
        VALUES ('delete', old.id, old.search_fold);
END;
CREATE TRIGGER nomination_search_update AFTER UPDATE OF search_fold ON nominations BEGIN
    INSERT INTO nomination_search (nomination_search, rowid, search_fold)
        VALUES ('delete', old.id, old.search_fold);
    INSERT INTO nomination_search (rowid, search_fold) VALUES (new.id, new.search_fold);
END;

-- evidence
CREATE TABLE evidence_checked (
    id            INTEGER PRIMARY KEY,
    nomination_id INTEGER NOT NULL REFERENCES nominations(id),
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL,
    doc_number    TEXT NOT NULL DEFAULT '',
    doc_date      TEXT,
    file_path     TEXT,
    sha256        TEXT,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    CHECK (kind IN ('achievement_report', 'confirmation', 'decision', 'photo', 'other'))
) STRICT;
INSERT INTO evidence_checked (id, nomination_id, kind, title, doc_number, doc_date, file_path, sha256, note, created_at)
    SELECT id, nomination_id, kind, title, doc_number, doc_date, file_path, sha256, note, created_at FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_checked RENAME TO evidence;
CREATE INDEX evidence_nomination ON evidence(nomination_id);

-- members
CREATE TABLE members_checked (
    id         INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils(id),
    name       TEXT NOT NULL,
    name_sort  BLOB NOT NULL,
    role       TEXT NOT NULL,
    position   TEXT NOT NULL DEFAULT '',
    sex        TEXT,
    term_start TEXT NOT NULL,
    term_end   TEXT
, unit TEXT NOT NULL DEFAULT '', replaces INTEGER REFERENCES members(id),
    CHECK (role IN ('chair', 'vice_chair', 'standing_member', 'secretary', 'member')),
    CHECK (sex IS NULL OR sex IN ('male', 'female'))
) STRICT;
INSERT INTO members_checked (id, council_id, name, name_sort, role, position, sex, term_start, term_end, unit, replaces)
    SELECT id, council_id, name, name_sort, role, position, sex, term_start, term_end, unit, replaces FROM members;
DROP TABLE members;
ALTER TABLE members_checked RENAME TO members;

-- meetings
CREATE TABLE meetings_checked (
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
, held_start TEXT, held_end TEXT, held_place TEXT,
    CHECK (status IN ('planned', 'open', 'closed'))
) STRICT;
INSERT INTO meetings_checked (id, council_id, number, subject, starts_at, place, chair_id, secretary_id, status, opened_at, closed_at, version, held_start, held_end, held_place)
    SELECT id, council_id, number, subject, starts_at, place, chair_id, secretary_id, status, opened_at, closed_at, version, held_start, held_end, held_place FROM meetings;
DROP TABLE meetings;
ALTER TABLE meetings_checked RENAME TO meetings;

-- meeting_members
CREATE TABLE meeting_members_checked (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    presence   TEXT NOT NULL DEFAULT 'unmarked',
    reason     TEXT NOT NULL DEFAULT '',
    checked_at TEXT,
    PRIMARY KEY (meeting_id, member_id),
    CHECK (presence IN ('unmarked', 'present', 'absent', 'absent_opinion'))
) STRICT, WITHOUT ROWID;
INSERT INTO meeting_members_checked (meeting_id, member_id, presence, reason, checked_at)
    SELECT meeting_id, member_id, presence, reason, checked_at FROM meeting_members;
DROP TABLE meeting_members;
ALTER TABLE meeting_members_checked RENAME TO meeting_members;

-- ballot_rounds
CREATE TABLE ballot_rounds_checked (
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
    amendment_reason TEXT, revote_reason TEXT,
    UNIQUE (meeting_id, round_no),
    CHECK (method IN ('secret_ballot', 'open'))
) STRICT;
INSERT INTO ballot_rounds_checked (id, meeting_id, round_no, method, issued, returned, valid, invalid, attendance, recorded_at, amends_round, amendment_reason, revote_reason)
    SELECT id, meeting_id, round_no, method, issued, returned, valid, invalid, attendance, recorded_at, amends_round, amendment_reason, revote_reason FROM ballot_rounds;
DROP TABLE ballot_rounds;
ALTER TABLE ballot_rounds_checked RENAME TO ballot_rounds;

-- minutes_notes
CREATE TABLE minutes_notes_checked (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meetings(id),
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    kind           TEXT NOT NULL,
    at             TEXT NOT NULL,
    text           TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (kind IN ('opening', 'note', 'conclusion', 'closing'))
) STRICT;
INSERT INTO minutes_notes_checked (id, meeting_id, agenda_item_id, kind, at, text, updated_at)
    SELECT id, meeting_id, agenda_item_id, kind, at, text, updated_at FROM minutes_notes;
DROP TABLE minutes_notes;
ALTER TABLE minutes_notes_checked RENAME TO minutes_notes;
CREATE INDEX minutes_notes_meeting ON minutes_notes(meeting_id, at);

-- minutes_signoffs
CREATE TABLE minutes_signoffs_checked (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id),
    kind         TEXT NOT NULL,            -- 'minutes' or 'addendum'
    signed_at    TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    content      TEXT NOT NULL             -- JSON of the document as signed,
    CHECK (kind IN ('minutes', 'addendum'))
) STRICT;
INSERT INTO minutes_signoffs_checked (id, meeting_id, kind, signed_at, content_hash, content)
    SELECT id, meeting_id, kind, signed_at, content_hash, content FROM minutes_signoffs;
DROP TABLE minutes_signoffs;
ALTER TABLE minutes_signoffs_checked RENAME TO minutes_signoffs;

-- referrals
CREATE TABLE referrals_checked (
    id                INTEGER PRIMARY KEY,
    nomination_id     INTEGER NOT NULL REFERENCES nominations(id),
    parent_id         INTEGER REFERENCES referrals(id),
    level             TEXT NOT NULL REFERENCES levels(code),
    submission_number TEXT NOT NULL DEFAULT '',
    submission_date   TEXT,
    status            TEXT NOT NULL,
    override_reason   TEXT,
    created_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CHECK (status IN ('prepared', 'sent', 'returned', 'resent', 'approved', 'refused', 'conferred', 'forwarded', 'withdrawn'))
) STRICT;
INSERT INTO referrals_checked (id, nomination_id, parent_id, level, submission_number, submission_date, status, override_reason, created_at, version)
    SELECT id, nomination_id, parent_id, level, submission_number, submission_date, status, override_reason, created_at, version FROM referrals;
DROP TABLE referrals;
ALTER TABLE referrals_checked RENAME TO referrals;
CREATE INDEX referrals_nomination ON referrals(nomination_id);

-- referral_events
CREATE TABLE referral_events_checked (
    id              INTEGER PRIMARY KEY,
    referral_id     INTEGER NOT NULL REFERENCES referrals(id),
    at              TEXT NOT NULL,
    status          TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    decision_number TEXT,
    decision_date   TEXT,
    authority       TEXT,
    CHECK (status IN ('prepared', 'sent', 'returned', 'resent', 'approved', 'refused', 'conferred', 'forwarded', 'withdrawn'))
) STRICT;
INSERT INTO referral_events_checked (id, referral_id, at, status, note, decision_number, decision_date, authority)
    SELECT id, referral_id, at, status, note, decision_number, decision_date, authority FROM referral_events;
DROP TABLE referral_events;
ALTER TABLE referral_events_checked RENAME TO referral_events;
CREATE INDEX referral_events_referral ON referral_events(referral_id, at);

-- award_register
CREATE TABLE award_register_checked (
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
, merit TEXT
    CHECK (merit IS NULL OR merit IN ('merit', 'movement', 'one_off')),
    CHECK (source IN ('decided', 'conferred', 'earlier'))
) STRICT;
INSERT INTO award_register_checked (id, nominee_id, award_code, year, decision_number, decision_date, authority, nomination_id, source, note, merit)
    SELECT id, nominee_id, award_code, year, decision_number, decision_date, authority, nomination_id, source, note, merit FROM award_register;
DROP TABLE award_register;
ALTER TABLE award_register_checked RENAME TO award_register;
CREATE INDEX award_register_nominee ON award_register(nominee_id, year);
