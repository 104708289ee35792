-- Version 7: the ward's identity gets a table of its own (it was three
-- columns of the council), councils get the decision that set them up and
-- their term, members their unit and whom they replaced. The identity of an
-- existing database is carried over from its council, and the council's two
-- columns dropped, by the program right after this script.
CREATE TABLE ward_identity (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    governing_body        TEXT NOT NULL,
    council_name          TEXT NOT NULL,
    place_name            TEXT NOT NULL,
    minutes_symbol        TEXT NOT NULL,
    decision_symbol       TEXT NOT NULL,
    submission_symbol     TEXT NOT NULL,
    -- JSON arrays of text, one recipient an entry.
    recipients_minutes    TEXT NOT NULL,
    recipients_decision   TEXT NOT NULL,
    recipients_submission TEXT NOT NULL,
    chairman_title        TEXT NOT NULL,
    chairman_name         TEXT NOT NULL
) STRICT;

ALTER TABLE councils ADD COLUMN decision_number TEXT NOT NULL DEFAULT '';
ALTER TABLE councils ADD COLUMN decision_date TEXT;
ALTER TABLE councils ADD COLUMN signer TEXT NOT NULL DEFAULT '';
ALTER TABLE councils ADD COLUMN term_from TEXT;
ALTER TABLE councils ADD COLUMN term_to TEXT;

ALTER TABLE members ADD COLUMN unit TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN replaces INTEGER REFERENCES members(id);
