-- Whether a nomination is already on an agenda is asked for every item added:
-- without this index each question read every agenda item of every meeting.
CREATE INDEX IF NOT EXISTS agenda_nomination ON agenda_items(nomination_id);
