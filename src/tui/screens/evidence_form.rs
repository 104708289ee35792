//! The form to add an evidence item to a nomination. A file is optional; when
//! given, its SHA-256 is computed on save, so the detail pane can later tell
//! whether the file changed or disappeared.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::domain::nomination::{Evidence, EvidenceKind, NominationId};
use crate::import::rows::parse_date_text;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::evidence_files::{full_path, sha256_file};
use crate::tui::keymap::Context;
use crate::tui::screens::nomination_form::{FormOutcome, store_failure};
use crate::tui::strings::Strings;
use crate::tui::strings_forms::forms;
use crate::tui::widgets::form::{Field, Form};

pub struct EvidenceForm {
    pub form: Form,
    nomination: NominationId,
    strings: &'static Strings,
}

impl EvidenceForm {
    pub fn new(nomination: NominationId, about: &str, s: &'static Strings) -> EvidenceForm {
        let f = forms(s);
        let kinds = EvidenceKind::ALL
            .iter()
            .map(|k| s.evidence_kind(*k).to_string())
            .collect();
        let fields = vec![
            Field::choice("kind", f.ev_kind, kinds, 0),
            Field::text("title", f.ev_title, ""),
            Field::text("number", f.ev_number, ""),
            Field::text("date", f.ev_date, ""),
            Field::text("file", f.ev_file, ""),
            Field::text("note", f.ev_note, ""),
        ];
        EvidenceForm {
            form: Form::new(format!("{} — {about}", f.evidence_title), fields),
            nomination,
            strings: s,
        }
    }

    pub fn context(&self) -> Context {
        Context::Form
    }

    pub fn key(&mut self, key: &KeyEvent) {
        self.form.key(key);
    }

    pub fn apply(&mut self, action: &Action, store: &mut Store) -> FormOutcome {
        match action {
            Action::NextField => self.form.next(),
            Action::PrevField => self.form.prev(),
            Action::Cancel if self.form.dirty => {
                return FormOutcome::Ask(
                    forms(self.strings).confirm_discard.into(),
                    Action::Discard,
                );
            }
            Action::Cancel | Action::Discard => return FormOutcome::Close,
            Action::Save => return self.save(store),
            _ => {}
        }
        FormOutcome::Nothing
    }

    fn save(&mut self, store: &mut Store) -> FormOutcome {
        let f = forms(self.strings);
        self.form.clear_errors();
        let date_text = self.form.value("date");
        let doc_date = if date_text.is_empty() {
            None
        } else {
            match parse_date_text(&date_text) {
                Some(d) => Some(d.format("%Y-%m-%d").to_string()),
                None => {
                    self.form.set_error("date", f.not_a_date.into());
                    None
                }
            }
        };
        let typed = self.form.value("file");
        let (file_path, sha256) = if typed.is_empty() {
            (None, None)
        } else {
            let path = full_path(&typed);
            match sha256_file(&path) {
                Ok(hash) => (Some(path.to_string_lossy().into_owned()), Some(hash)),
                Err(e) => {
                    self.form
                        .set_error("file", format!("{}: {e}", f.file_unreadable));
                    (None, None)
                }
            }
        };
        if self.form.value("title").is_empty() {
            self.form.set_error("title", f.title_empty.into());
        }
        if self.form.has_errors() {
            return FormOutcome::Nothing;
        }
        let evidence = Evidence {
            id: 0,
            nomination_id: self.nomination,
            kind: EvidenceKind::ALL
                .get(self.form.choice("kind"))
                .copied()
                .unwrap_or(EvidenceKind::Other),
            title: self.form.value("title"),
            doc_number: self.form.value("number"),
            doc_date,
            file_path,
            sha256,
            note: self.form.value("note"),
        };
        match store.add_evidence(&evidence) {
            Ok(_) => FormOutcome::Saved(f.saved_evidence.to_string(), Some(self.nomination)),
            Err(StoreError::Invalid(message)) => {
                let (key, text) = f.store_message(self.strings.lang, &message);
                self.form.set_error(key, text);
                FormOutcome::Nothing
            }
            Err(e) => {
                self.form.banner = Some(store_failure(&e, self.strings));
                FormOutcome::Nothing
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        self.form
            .render(forms(self.strings).evidence_hint, area, buf);
    }
}
