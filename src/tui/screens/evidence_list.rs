//! The evidence items of one nomination, with the state of each attached
//! file, from which an item is opened for editing or a new one is added.
//! Files are checked when the list is opened or read again, never per frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::nomination::{Evidence, NominationId};
use crate::evidence_files::{self, FileState};
use crate::i18n::strings::Strings;
use crate::i18n::strings_forms::forms;
use crate::store::{Result, Store};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::screens::evidence_form::EvidenceForm;
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{ColumnSpec, fit, fit_columns, truncate};

pub struct EvidenceList {
    pub nomination: NominationId,
    /// Who and which award, for titles.
    pub about: String,
    pub items: Vec<Evidence>,
    files: Vec<(i64, FileState)>,
    pub selected: usize,
}

impl EvidenceList {
    pub fn open(store: &Store, nomination: NominationId, about: String) -> Result<EvidenceList> {
        let mut list = EvidenceList {
            nomination,
            about,
            items: Vec::new(),
            files: Vec::new(),
            selected: 0,
        };
        list.read(store)?;
        Ok(list)
    }

    /// Read the items and check their files again (after a save).
    fn read(&mut self, store: &Store) -> Result<()> {
        self.items = store.evidence(self.nomination)?;
        self.files = evidence_files::check(&self.items);
        self.selected = self.selected.min(self.items.len().saturating_sub(1));
        Ok(())
    }

    /// Select the item with this id, if it is in the list.
    pub fn select_id(&mut self, id: i64) {
        if let Some(pos) = self.items.iter().position(|e| e.id == id) {
            self.selected = pos;
        }
    }

    fn state_of(&self, id: i64) -> Option<FileState> {
        self.files.iter().find(|(i, _)| *i == id).map(|(_, st)| *st)
    }

    fn act(&mut self, action: &Action, s: &'static Strings) -> Outcome {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.items.len().saturating_sub(1));
            }
            Action::Home => self.selected = 0,
            Action::End => self.selected = self.items.len().saturating_sub(1),
            Action::Close => return Outcome::Close,
            Action::AddEvidence => {
                let form = EvidenceForm::new(self.nomination, &self.about, s);
                return Outcome::Open(Box::new(form));
            }
            Action::EditEvidence => {
                if let Some(e) = self.items.get(self.selected) {
                    let form = EvidenceForm::edit(e.clone(), &self.about, self.state_of(e.id), s);
                    return Outcome::Open(Box::new(form));
                }
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn draw(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let f = forms(s);
        Clear.render(area, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(
                format!(
                    " {} — {} ({}) ",
                    f.evidence_list_title,
                    self.about,
                    self.items.len()
                ),
                THEME.title,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let specs = [
            ColumnSpec {
                min: 3,
                max: 3,
                grow: 0,
            },
            ColumnSpec {
                min: 12,
                max: 24,
                grow: 1,
            },
            ColumnSpec {
                min: 16,
                max: 60,
                grow: 4,
            },
            ColumnSpec {
                min: 8,
                max: 16,
                grow: 1,
            },
            ColumnSpec {
                min: 10,
                max: 10,
                grow: 0,
            },
            ColumnSpec {
                min: 14,
                max: 40,
                grow: 2,
            },
        ];
        let widths = fit_columns(&specs, inner.width);
        let row = |cells: [String; 6]| -> String {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| fit(c, usize::from(*w)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut lines = vec![Line::styled(
            row([
                "#".into(),
                f.ev_kind.into(),
                f.ev_title.into(),
                f.ev_number.into(),
                f.ev_date_short.into(),
                f.ev_file_state.into(),
            ]),
            THEME.header,
        )];
        if self.items.is_empty() {
            lines.push(Line::styled(f.evidence_none, THEME.dim));
        }
        let visible = usize::from(inner.height.saturating_sub(1));
        let first = (self.selected + 1).saturating_sub(visible);
        for (i, e) in self.items.iter().enumerate().skip(first).take(visible) {
            let state = match (e.file_path.as_deref(), self.state_of(e.id)) {
                (None, _) => "–".to_string(),
                (Some(_), Some(FileState::Changed)) => f.file_changed.to_string(),
                (Some(_), Some(FileState::Missing)) => f.file_missing.to_string(),
                (Some(path), _) => format!("✓ {}", file_name(path)),
            };
            let text = row([
                (i + 1).to_string(),
                s.evidence_kind(e.kind).to_string(),
                e.title.clone(),
                e.doc_number.clone(),
                e.doc_date
                    .as_deref()
                    .map(day_month_year)
                    .unwrap_or_default(),
                state,
            ]);
            let style = if i == self.selected {
                THEME.selected
            } else if matches!(
                self.state_of(e.id),
                Some(FileState::Changed | FileState::Missing)
            ) {
                THEME.error
            } else {
                ratatui::style::Style::default()
            };
            lines.push(Line::from(Span::styled(
                truncate(&text, usize::from(inner.width)),
                style,
            )));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

/// The last part of a path: the full path is in the form.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Stored dates are ISO; the screen shows them as Vietnamese paperwork does.
fn day_month_year(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

impl Screen for EvidenceList {
    fn context(&self) -> Context {
        Context::EvidenceList
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        self.act(action, cx.strings)
    }

    /// An item edited in the form above: the list shows it as saved.
    fn reload(&mut self, cx: &mut Ctx) -> std::result::Result<(), crate::store::StoreError> {
        self.read(cx.store)
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        self.draw(s, area, buf);
    }
}
