//! The form to add an evidence item to a nomination or edit one. A file is
//! optional; when given, its SHA-256 is computed on save, so the detail pane
//! can later tell whether the file changed or disappeared. Editing an item
//! keeps the recorded hash unless the path changes or the secretary asks for
//! the file as it is now to be recorded (after checking the new version).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::nomination::{Evidence, EvidenceKind, NominationId};
use crate::domain::text_rules::TextField;
use crate::evidence_files::{FileState, full_path, sha256_file};
use crate::i18n::strings::Strings;
use crate::i18n::strings_forms::forms;
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::screens::nomination_form::{RefusedField, show_refusal};
use crate::tui::widgets::form::{Field, Form};

/// The fields of an evidence item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Kind,
    Title,
    Number,
    Date,
    File,
    /// Keep the recorded hash or read the file again (an item with a file).
    Hash,
    Note,
}

impl RefusedField for Focus {
    fn of_text(field: TextField) -> Option<Focus> {
        (field == TextField::Note).then_some(Focus::Note)
    }

    fn of_check(key: &str) -> Option<Focus> {
        (key == "title").then_some(Focus::Title)
    }
}

pub struct EvidenceForm {
    pub form: Form<Focus>,
    nomination: NominationId,
    /// The item as it was read, when editing one.
    original: Option<Evidence>,
    strings: &'static Strings,
}

/// Choices of the "hash" field, shown when the item being edited has a file.
const KEEP_HASH: usize = 0;
const RENEW_HASH: usize = 1;

fn kind_choices(s: &Strings) -> Vec<String> {
    EvidenceKind::ALL
        .iter()
        .map(|k| s.evidence_kind(*k).to_string())
        .collect()
}

impl EvidenceForm {
    pub fn new(nomination: NominationId, about: &str, s: &'static Strings) -> EvidenceForm {
        let f = forms(s);
        let fields = vec![
            Field::choice(Focus::Kind, f.ev_kind, kind_choices(s), 0),
            Field::text(Focus::Title, f.ev_title, ""),
            Field::text(Focus::Number, f.ev_number, ""),
            Field::text(Focus::Date, f.ev_date, ""),
            Field::text(Focus::File, f.ev_file, ""),
            Field::text(Focus::Note, f.ev_note, ""),
        ];
        EvidenceForm {
            form: Form::new(format!("{} — {about}", f.evidence_title), fields),
            nomination,
            original: None,
            strings: s,
        }
    }

    /// The form filled with an existing item; `state` is how its file
    /// compares with the recorded hash, shown in the title.
    pub fn edit(
        item: Evidence,
        about: &str,
        state: Option<FileState>,
        s: &'static Strings,
    ) -> EvidenceForm {
        let f = forms(s);
        let kind = EvidenceKind::ALL
            .iter()
            .position(|k| *k == item.kind)
            .unwrap_or(0);
        let date = item
            .doc_date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| d.format("%d/%m/%Y").to_string())
            .or_else(|| item.doc_date.clone())
            .unwrap_or_default();
        let mut fields = vec![
            Field::choice(Focus::Kind, f.ev_kind, kind_choices(s), kind),
            Field::text(Focus::Title, f.ev_title, &item.title),
            Field::text(Focus::Number, f.ev_number, &item.doc_number),
            Field::text(Focus::Date, f.ev_date, &date),
            Field::text(
                Focus::File,
                f.ev_file,
                item.file_path.as_deref().unwrap_or(""),
            ),
        ];
        if item.file_path.is_some() {
            fields.push(Field::choice(
                Focus::Hash,
                f.ev_hash,
                vec![f.ev_hash_keep.to_string(), f.ev_hash_renew.to_string()],
                KEEP_HASH,
            ));
        }
        fields.push(Field::text(Focus::Note, f.ev_note, &item.note));
        let flag = match state {
            Some(FileState::Changed) => format!(" {}", f.file_changed),
            Some(FileState::Missing) => format!(" {}", f.file_missing),
            _ => String::new(),
        };
        EvidenceForm {
            form: Form::new(format!("{} — {about}{flag}", f.evidence_edit_title), fields),
            nomination: item.nomination_id,
            original: Some(item),
            strings: s,
        }
    }

    /// The file and hash to record: the recorded hash is kept when the path
    /// is unchanged and the secretary did not ask for the file to be read again.
    fn file_and_hash(&mut self) -> (Option<String>, Option<String>) {
        let f = forms(self.strings);
        let typed = self.form.value(Focus::File);
        if typed.is_empty() {
            return (None, None);
        }
        let path = full_path(&typed).to_string_lossy().into_owned();
        if let Some(original) = &self.original
            && original.file_path.as_deref() == Some(path.as_str())
            && self.form.choice(Focus::Hash) != RENEW_HASH
        {
            return (Some(path), original.sha256.clone());
        }
        match sha256_file(std::path::Path::new(&path)) {
            Ok(hash) => (Some(path), Some(hash)),
            Err(e) => {
                self.form
                    .set_error(Focus::File, format!("{}: {e}", f.file_unreadable));
                (None, None)
            }
        }
    }

    fn key(&mut self, key: &KeyEvent) {
        self.form.key(key);
    }

    fn save(&mut self, store: &mut Store) -> Outcome {
        let f = forms(self.strings);
        self.form.clear_errors();
        let date_text = self.form.value(Focus::Date);
        let doc_date = if date_text.is_empty() {
            None
        } else {
            match super::form_screen::parse_day(&date_text) {
                Some(d) => Some(d.format("%Y-%m-%d").to_string()),
                None => {
                    self.form.set_error(Focus::Date, f.not_a_date.into());
                    None
                }
            }
        };
        let (file_path, sha256) = self.file_and_hash();
        if self.form.value(Focus::Title).is_empty() {
            self.form.set_error(Focus::Title, f.title_empty.into());
        }
        if self.form.has_errors() {
            return Outcome::Nothing;
        }
        let evidence = Evidence {
            id: self.original.as_ref().map_or(0, |o| o.id),
            nomination_id: self.nomination,
            kind: EvidenceKind::ALL
                .get(self.form.choice(Focus::Kind))
                .copied()
                .unwrap_or(EvidenceKind::Other),
            title: self.form.value(Focus::Title),
            doc_number: self.form.value(Focus::Number),
            doc_date,
            file_path,
            sha256,
            note: self.form.value(Focus::Note),
        };
        let saved = match &self.original {
            None => store.add_evidence(&evidence).map(|_| f.saved_evidence),
            Some(original) => store
                .update_evidence(original, &evidence)
                .map(|()| f.saved_evidence_edit),
        };
        match saved {
            Ok(text) => Outcome::Saved {
                text: text.to_string(),
                select: Some(self.nomination),
            },
            Err(e) => {
                show_refusal(&mut self.form, &e, f.evidence_conflict, self.strings);
                Outcome::Nothing
            }
        }
    }

    fn draw(&self, area: Rect, buf: &mut Buffer) {
        self.form
            .render(forms(self.strings).evidence_hint, area, buf);
    }
}

impl Screen for EvidenceForm {
    fn context(&self) -> Context {
        Context::Form
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        match action {
            Action::Save => self.save(cx.store),
            _ => super::form_screen::apply(&mut self.form, self.strings, action),
        }
    }

    fn text_key(&mut self, key: &KeyEvent, _: &mut Ctx) -> Outcome {
        self.key(key);
        Outcome::Nothing
    }

    fn run(&mut self, command: &Command, _: &mut Ctx) -> Outcome {
        super::form_screen::run(command)
    }

    fn render(&self, _: &Strings, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}
