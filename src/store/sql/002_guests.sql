-- Version 2: invited guests of a meeting. They speak but do not vote, so they
-- are kept apart from members and never count towards quorum or shares.
CREATE TABLE meeting_guests (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    name       TEXT NOT NULL,
    position   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX meeting_guests_meeting ON meeting_guests(meeting_id);
