//! Live minutes: the notes of a meeting, taken while it runs. Each note is
//! timestamped by the store, has a kind (opening, note, conclusion, closing)
//! and belongs to the current agenda item (notes) or to the whole meeting
//! (the other kinds, which the printed minutes place in their own sections).
//! The editor saves itself: `autosave` writes the note in place whenever it
//! changed, which the app calls on every tick and on keys, so a crash loses at
//! most the last second of typing. Drawing in `minutes_view`.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui_textarea::{TextArea, WrapMode};

use crate::domain::meeting::{MeetingId, MinutesNote, NoteKind};
use crate::domain::text::nfc;
use crate::i18n::strings::Strings;
use crate::store::notes::NewNote;
use crate::store::signoff::SignOffKind;
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, MinutesAction};
use crate::tui::keymap::Context;
use crate::tui::screen::{Back, Ctx, Outcome, Screen};
use crate::tui::screens::preview::Preview;

/// Unsaved typing older than this is saved on the next key, even when the
/// keys come too fast for a tick (ticks come after 250 ms without a key).
pub const SAVE_AFTER: Duration = Duration::from_millis(700);

/// What one save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Nothing,
    Written,
    /// The text was emptied on leaving the editor: the note is gone.
    Deleted,
}

/// A note being typed.
pub struct Editor {
    pub note_id: Option<i64>,
    pub kind: NoteKind,
    pub agenda_item: Option<i64>,
    /// When it was first saved ("2026-11-20T09:05:00"), for existing notes.
    pub at: Option<String>,
    pub area: TextArea<'static>,
    /// Text, kind and item as last written.
    saved: (String, NoteKind, Option<i64>),
    /// When the oldest unsaved change was made.
    pub unsaved_since: Option<Instant>,
}

impl Editor {
    fn new(
        note: Option<&MinutesNote>,
        kind: NoteKind,
        item: Option<i64>,
        placeholder: &str,
    ) -> Editor {
        let text = note.map(|n| n.text.clone()).unwrap_or_default();
        let mut area = TextArea::new(text.lines().map(str::to_string).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_placeholder_text(placeholder);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        let kind = note.map_or(kind, |n| n.kind);
        let agenda_item = note.map_or(item, |n| n.agenda_item_id);
        Editor {
            note_id: note.map(|n| n.id),
            kind,
            agenda_item,
            at: note.map(|n| n.at.clone()),
            area,
            saved: (text, kind, agenda_item),
            unsaved_since: None,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_dirty(&self) -> bool {
        let (text, kind, item) = &self.saved;
        *text != self.text() || *kind != self.kind || *item != self.agenda_item
    }

    fn touched(&mut self, now: Instant) {
        if self.is_dirty() {
            self.unsaved_since.get_or_insert(now);
        } else {
            self.unsaved_since = None;
        }
    }
}

pub struct MinutesScreen {
    pub meeting: MeetingId,
    pub number: String,
    pub subject: String,
    /// (agenda item id, "1. Name — award").
    pub agenda: Vec<(i64, String)>,
    pub item: usize,
    pub notes: Vec<MinutesNote>,
    /// Index into `visible()`.
    pub selected: usize,
    pub editor: Option<Editor>,
    pub message: Option<String>,
    /// Once the minutes are signed: the number of the addendum new notes go into.
    pub addendum_next: Option<usize>,
}

impl MinutesScreen {
    pub fn open(store: &Store, meeting: MeetingId, item: usize) -> crate::store::Result<Self> {
        let rec = store.meeting_record(meeting)?;
        let agenda = rec
            .agenda
            .iter()
            .map(|e| {
                (
                    e.item.id,
                    format!(
                        "{}. {} — {}",
                        e.item.position, e.nominee.name, e.award_short
                    ),
                )
            })
            .collect::<Vec<_>>();
        let mut s = MinutesScreen {
            meeting,
            number: rec.meeting.number.clone(),
            subject: rec.meeting.subject.clone(),
            item: item.min(agenda.len().saturating_sub(1)),
            agenda,
            notes: rec.notes,
            selected: 0,
            editor: None,
            message: None,
            addendum_next: None,
        };
        s.selected = s.visible().len().saturating_sub(1);
        s.read_signing(store)?;
        Ok(s)
    }

    /// Whether the minutes are signed, and so which addendum notes go into.
    pub fn read_signing(&mut self, store: &Store) -> crate::store::Result<()> {
        let signoffs = store.signoffs(self.meeting)?;
        self.addendum_next = signoffs
            .iter()
            .any(|x| x.kind == SignOffKind::Minutes)
            .then(|| {
                signoffs
                    .iter()
                    .filter(|x| x.kind == SignOffKind::Addendum)
                    .count()
                    + 1
            });
        Ok(())
    }

    fn key_context(&self) -> Context {
        if self.editor.is_some() {
            Context::MinutesEdit
        } else {
            Context::Minutes
        }
    }

    pub fn current_item(&self) -> Option<i64> {
        self.agenda.get(self.item).map(|(id, _)| *id)
    }

    /// Notes shown: those of the current item, then those of the whole meeting.
    pub fn visible(&self) -> Vec<&MinutesNote> {
        let item = self.current_item();
        let mine = self
            .notes
            .iter()
            .filter(|n| item.is_some() && n.agenda_item_id == item);
        let general = self.notes.iter().filter(|n| n.agenda_item_id.is_none());
        mine.chain(general).collect()
    }

    fn reload(&mut self, store: &Store) -> crate::store::Result<()> {
        self.notes = store.notes(self.meeting)?;
        self.selected = self.selected.min(self.visible().len().saturating_sub(1));
        Ok(())
    }

    /// Keys the keymap leaves alone go to the editor.
    fn edit_key(&mut self, key: &KeyEvent, now: Instant) {
        if let Some(ed) = &mut self.editor {
            ed.area.input(*key);
            ed.touched(now);
        }
    }

    /// Save the note being typed when it changed and its oldest unsaved
    /// change is at least `after` old, or the editor is being left. Unchanged
    /// notes are never written (the store skips them too). An emptied note is
    /// deleted only when the editor is left, never while typing.
    pub fn autosave(
        &mut self,
        store: &mut Store,
        now: Instant,
        after: Duration,
        leaving: bool,
    ) -> Result<Saved, StoreError> {
        let Some(ed) = &mut self.editor else {
            return Ok(Saved::Nothing);
        };
        let due = ed
            .unsaved_since
            .is_some_and(|t| now.saturating_duration_since(t) >= after);
        if !ed.is_dirty() || !(leaving || due) {
            return Ok(Saved::Nothing);
        }
        let raw = ed.text();
        let text = nfc(raw.trim());
        let outcome = match ed.note_id {
            // Nothing typed yet: nothing to keep.
            None if text.is_empty() => Saved::Nothing,
            None => {
                let id = store.add_note(
                    self.meeting,
                    &NewNote {
                        agenda_item_id: ed.agenda_item,
                        kind: ed.kind,
                        at: None,
                        text,
                    },
                )?;
                ed.note_id = Some(id);
                ed.at = Some(store.note(id)?.at);
                Saved::Written
            }
            Some(id) if text.is_empty() => {
                if !leaving {
                    return Ok(Saved::Nothing);
                }
                store.delete_note(id)?;
                ed.note_id = None;
                Saved::Deleted
            }
            Some(id) => {
                store.edit_note(&MinutesNote {
                    id,
                    meeting_id: self.meeting,
                    agenda_item_id: ed.agenda_item,
                    kind: ed.kind,
                    at: ed.at.clone().unwrap_or_default(),
                    text,
                })?;
                Saved::Written
            }
        };
        ed.saved = (raw, ed.kind, ed.agenda_item);
        ed.unsaved_since = None;
        self.reload(store)?;
        Ok(outcome)
    }

    fn start_editing(&mut self, note: Option<MinutesNote>, s: &Strings) {
        let item = self.current_item();
        let placeholder = s.minutes().placeholder;
        self.editor = Some(Editor::new(
            note.as_ref(),
            NoteKind::Note,
            item,
            placeholder,
        ));
        self.message = None;
    }

    fn act(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        let (store, s, now) = (&mut *cx.store, cx.strings, cx.now);
        let Action::Minutes(a) = action else {
            return self.apply_plain(action);
        };
        match a {
            MinutesAction::NewNote => self.start_editing(None, s),
            MinutesAction::EditNote => {
                let note = self.visible().get(self.selected).map(|n| (*n).clone());
                if note.is_some() {
                    self.start_editing(note, s);
                }
            }
            MinutesAction::CycleKind => {
                let current = self.current_item();
                if let Some(ed) = &mut self.editor {
                    let at = NoteKind::ALL
                        .iter()
                        .position(|k| *k == ed.kind)
                        .unwrap_or(0);
                    ed.kind = NoteKind::ALL[(at + 1) % NoteKind::ALL.len()];
                    // Notes belong to the item; the rest to the whole meeting.
                    ed.agenda_item = if ed.kind == NoteKind::Note {
                        ed.agenda_item.or(current)
                    } else {
                        None
                    };
                    ed.touched(now);
                }
            }
            MinutesAction::Save | MinutesAction::Done => {
                let leave = *a == MinutesAction::Done;
                let saved = self.autosave(store, now, Duration::ZERO, leave);
                return self.after_save(saved, leave, s);
            }
            MinutesAction::NextItem | MinutesAction::PrevItem => {
                let last = self.agenda.len().saturating_sub(1);
                self.item = if *a == MinutesAction::NextItem {
                    (self.item + 1).min(last)
                } else {
                    self.item.saturating_sub(1)
                };
                self.selected = self.visible().len().saturating_sub(1);
            }
            MinutesAction::Preview => {
                return match Preview::open(store, self.meeting, cx.body) {
                    Ok(p) => Outcome::Open(Box::new(p)),
                    Err(e) => Outcome::Refused(s.store_message(&e)),
                };
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn apply_plain(&mut self, action: &Action) -> Outcome {
        let n = self.visible().len();
        match action {
            // Meeting mode follows the item the notes were on.
            Action::Close => return Outcome::Return(Back::AgendaItem(self.item)),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            _ => {}
        }
        Outcome::Nothing
    }

    /// After an explicit save: report, and leave the editor when asked.
    pub fn after_save(
        &mut self,
        saved: Result<Saved, StoreError>,
        leave: bool,
        s: &Strings,
    ) -> Outcome {
        match saved {
            Ok(done) => {
                if leave {
                    let id = self.editor.take().and_then(|e| e.note_id);
                    let at = self.visible().iter().position(|n| Some(n.id) == id);
                    if let Some(at) = at {
                        self.selected = at;
                    }
                }
                if done == Saved::Deleted {
                    return Outcome::Status(s.minutes().deleted_empty.to_string());
                }
                Outcome::Nothing
            }
            Err(e) => Outcome::Failed(e),
        }
    }
}

impl Screen for MinutesScreen {
    fn context(&self) -> Context {
        self.key_context()
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        self.act(action, cx)
    }

    /// Typing; what is older than `SAVE_AFTER` is saved at once, so fast
    /// typing is saved too.
    fn text_key(&mut self, key: &KeyEvent, cx: &mut Ctx) -> Outcome {
        self.edit_key(key, cx.now);
        match Screen::autosave(self, cx, SAVE_AFTER) {
            Err(StoreError::ReadOnly) => Outcome::Failed(StoreError::ReadOnly),
            _ => Outcome::Nothing,
        }
    }

    fn autosave(&mut self, cx: &mut Ctx, after: Duration) -> Result<(), StoreError> {
        match MinutesScreen::autosave(self, cx.store, cx.now, after, false) {
            Ok(_) => Ok(()),
            Err(e) => {
                self.message = Some(format!(
                    "{}: {}",
                    cx.strings.minutes().save_failed,
                    cx.strings.store_message(&e)
                ));
                Err(e)
            }
        }
    }

    /// The preview closed: a sign-off there changed where notes go.
    fn reload(&mut self, cx: &mut Ctx) -> Result<(), StoreError> {
        self.read_signing(cx.store)
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        super::minutes_view::render(self, s, area, buf);
    }
}
