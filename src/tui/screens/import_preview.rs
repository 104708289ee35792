//! The preview of a list before it is imported: how each column was read,
//! the rows as they would be saved, every problem and every guess. The
//! secretary gives a column a field, sets what the file lacks for all rows,
//! sees the preview read again, then saves (one audited write) or leaves
//! with the database untouched. Reading and saving run off the UI loop: the
//! screen answers with the command to run (`Command::ReadImport`,
//! `Command::SaveImport`) and is handed each reading (`Command::ShowImport`).

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::domain::movement::Round;
use crate::domain::nominee::NomineeKind;
use crate::i18n::strings::Strings;
use crate::i18n::strings_import::import;
use crate::import::columns::kind_label;
use crate::import::form::header::{Field, IGNORE_CODE};
use crate::import::table::Table;
use crate::import::{Guess, ImportOptions, ImportPreview as Preview};
use crate::tui::action::{Action, ImportAction};
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::transfer::{ImportJob, PreviewReady};
use crate::tui::widgets::text_input::TextInput;

/// What a choice sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceFor {
    /// The field of a column (its letter).
    Column(String),
    /// Whose kind to set: the rows the file gives none ("") or a section's.
    KindTarget,
    /// The kind of the rows without one (`None`) or of a section's rows.
    Kind(Option<String>),
    Award,
    Movement,
}

/// A list to pick from: (what is shown, the value set; "" for "as the file says").
pub struct Choice {
    pub what: ChoiceFor,
    pub title: String,
    pub items: Vec<(String, String)>,
    pub selected: usize,
}

pub enum Editing {
    Choose(Choice),
    /// Typing the round.
    Round {
        input: TextInput,
        error: bool,
    },
}

/// A column as the screen lists it: letter, header as written, field.
pub struct ColumnLine {
    pub letter: String,
    pub header: String,
    pub field: Option<Field>,
    pub by_option: bool,
}

pub struct ImportPreview {
    pub file: PathBuf,
    /// The file as read once: every re-read and the save use these tables.
    pub tables: Arc<Vec<Table>>,
    pub options: ImportOptions,
    pub preview: Preview,
    /// Index into `columns()`.
    pub selected: usize,
    /// The first detail line shown (logical lines, before wrapping).
    pub scroll: usize,
    /// The problems, guesses and rows of the reading shown, as lines.
    pub detail: Vec<(String, Style)>,
    pub editing: Option<Editing>,
    /// Which reading is the newest asked for; older results are dropped.
    pub generation: u64,
    /// A reading with changed options is under way.
    pub rereading: bool,
}

/// Is this the context of the import preview (with a choice or the round open)?
pub fn is_import_context(c: Context) -> bool {
    matches!(
        c,
        Context::ImportPreview | Context::ImportChoose | Context::ImportInput
    )
}

impl Screen for ImportPreview {
    fn context(&self) -> Context {
        match &self.editing {
            Some(Editing::Choose(_)) => Context::ImportChoose,
            Some(Editing::Round { .. }) => Context::ImportInput,
            None => Context::ImportPreview,
        }
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        match self.editing.take() {
            Some(Editing::Choose(choice)) => self.apply_choice(choice, action, cx.strings),
            Some(Editing::Round { input, error }) => self.apply_round(input, error, action),
            None => self.apply_main(action, cx),
        }
    }

    fn text_key(&mut self, key: &KeyEvent, _: &mut Ctx) -> Outcome {
        if let Some(Editing::Round { input, error }) = &mut self.editing
            && input.handle_key(key)
        {
            *error = false;
        }
        Outcome::Nothing
    }

    fn run(&mut self, command: &Command, cx: &mut Ctx) -> Outcome {
        match command {
            Command::ShowImport(ready) if ready.generation == self.generation => {
                self.preview = ready.preview.clone();
                self.detail = super::import_preview_view::detail_lines(&self.preview, cx.strings);
                self.rereading = false;
                self.selected = self.selected.min(self.columns().len().saturating_sub(1));
            }
            Command::ImportReadFailed => self.rereading = false,
            _ => {}
        }
        Outcome::Nothing
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        super::import_preview_view::render(self, s, area, buf);
    }
}

impl ImportPreview {
    /// The preview of a list as first read.
    pub fn new(ready: PreviewReady, s: &Strings) -> ImportPreview {
        let detail = super::import_preview_view::detail_lines(&ready.preview, s);
        ImportPreview {
            detail,
            file: ready.preview.file.clone(),
            tables: ready.tables,
            options: ready.options,
            preview: ready.preview,
            selected: 0,
            scroll: 0,
            editing: None,
            generation: ready.generation,
            rereading: false,
        }
    }

    /// The first detail line of the last page in `body` (before wrapping; the
    /// drawing keeps wrapped lines on the page).
    fn last_scroll(&self, body: Rect) -> usize {
        let inner = body.height.saturating_sub(2);
        let list = (self.columns().len() as u16 + 1).min((inner / 3).max(3));
        let lines = usize::from(inner.saturating_sub(2 + list));
        self.detail.len().saturating_sub(lines.max(1))
    }

    /// The list as previewed, with the choices made: what to read or save.
    fn job(&self) -> ImportJob {
        ImportJob {
            file: self.file.clone(),
            tables: Some(self.tables.clone()),
            options: self.options.clone(),
            generation: self.generation,
        }
    }

    /// Every column with a header, and each one without a header that holds data.
    pub fn columns(&self) -> Vec<ColumnLine> {
        let mut out: Vec<ColumnLine> = self
            .preview
            .columns
            .iter()
            .map(|c| ColumnLine {
                letter: c.letter.clone(),
                header: c.header.clone(),
                field: c.field,
                by_option: c.by_option,
            })
            .collect();
        for letter in &self.preview.unlabelled {
            if !out.iter().any(|c| &c.letter == letter) {
                out.push(ColumnLine {
                    letter: letter.clone(),
                    header: String::new(),
                    field: None,
                    by_option: false,
                });
            }
        }
        out.sort_by_key(|c| (c.letter.len(), c.letter.clone()));
        out
    }

    fn apply_main(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        let t = import(cx.strings);
        let count = self.columns().len();
        match action {
            Action::Close => return Outcome::Close,
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            // Past the last page means "the end": the drawing shows its last
            // lines however they wrap.
            Action::PageUp => {
                self.scroll = self
                    .scroll
                    .min(self.last_scroll(cx.body))
                    .saturating_sub(10)
            }
            Action::PageDown => {
                self.scroll = match self.scroll + 10 {
                    next if next >= self.last_scroll(cx.body) => self.detail.len(),
                    next => next,
                }
            }
            Action::Home => self.scroll = 0,
            Action::End => self.scroll = self.detail.len(),
            Action::Import(ImportAction::MapColumn) => {
                let Some(column) = self.columns().into_iter().nth(self.selected) else {
                    return Outcome::Refused(t.no_column.to_string());
                };
                let mut items = vec![(format!("({})", t.from_file), String::new())];
                items.push((t.ignored.to_string(), IGNORE_CODE.to_string()));
                items.extend(
                    Field::all()
                        .into_iter()
                        .map(|f| (f.label(), f.code().to_string())),
                );
                let header = if column.header.is_empty() {
                    t.no_header.to_string()
                } else {
                    column.header.clone()
                };
                let current = self.map_of(&column.letter);
                self.choose(
                    ChoiceFor::Column(column.letter.clone()),
                    format!("{} ({header}): {}", column.letter, t.choose_field),
                    items,
                    current,
                );
            }
            Action::Import(ImportAction::SetKind) => {
                let sections = self.sections();
                if sections.is_empty() {
                    self.choose_kind(None, cx.strings);
                } else {
                    let mut items = vec![(t.rows_without_kind.to_string(), String::new())];
                    items.extend(
                        sections
                            .into_iter()
                            .map(|l| (format!("{} “{l}”", t.section), l)),
                    );
                    self.choose(ChoiceFor::KindTarget, t.kind_for.into(), items, None);
                }
            }
            Action::Import(ImportAction::SetAward) => {
                let mut items = vec![(format!("({})", t.from_file), String::new())];
                items.extend(
                    cx.catalogue
                        .awards
                        .iter()
                        .map(|a| (a.name.clone(), a.code.clone())),
                );
                let current = self.options.list.award.clone();
                self.choose(ChoiceFor::Award, t.choose_award.into(), items, current);
            }
            Action::Import(ImportAction::SetMovement) => {
                let items = self
                    .preview
                    .movements
                    .iter()
                    .map(|(id, name)| (format!("{id}: {name}"), id.to_string()))
                    .collect();
                let current = self.preview.movement.as_ref().map(|(id, _)| id.to_string());
                self.choose(
                    ChoiceFor::Movement,
                    t.choose_movement.into(),
                    items,
                    current,
                );
            }
            Action::Import(ImportAction::SetRound) => {
                let value = self.options.list.round.clone().unwrap_or_default();
                self.editing = Some(Editing::Round {
                    input: TextInput::new(&value),
                    error: false,
                });
            }
            Action::Import(ImportAction::Save) => {
                if self.rereading {
                    return Outcome::Status(t.busy.to_string());
                }
                if self.preview.rows.is_empty() && self.preview.problems.is_empty() {
                    return Outcome::Refused(t.nothing_to_save.to_string());
                }
                if !self.preview.can_save() {
                    return Outcome::Refused(t.cannot_save.to_string());
                }
                let question = format!(
                    "{} — {} {}. {}",
                    self.file.display(),
                    self.preview.rows.len(),
                    t.nominations,
                    t.save_question
                );
                return Outcome::Ask(question, Command::SaveImport(self.job()));
            }
            _ => {}
        }
        Outcome::Nothing
    }

    /// The value `--map` gives `letter` now, if any.
    fn map_of(&self, letter: &str) -> Option<String> {
        self.options.list.maps.iter().find_map(|m| {
            m.split_once('=')
                .filter(|(c, _)| *c == letter)
                .map(|(_, f)| f.to_string())
        })
    }

    fn choose(
        &mut self,
        what: ChoiceFor,
        title: String,
        items: Vec<(String, String)>,
        current: Option<String>,
    ) {
        let current = current.unwrap_or_default();
        let selected = items.iter().position(|(_, v)| *v == current).unwrap_or(0);
        self.editing = Some(Editing::Choose(Choice {
            what,
            title,
            items,
            selected,
        }));
    }

    /// The sections whose kind was guessed or set here.
    fn sections(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .preview
            .guesses
            .iter()
            .filter_map(|g| match g {
                Guess::SectionKind { label, .. } => Some(label.clone()),
                _ => None,
            })
            .collect();
        for k in &self.options.list.kinds {
            if let Some((label, _)) = k.split_once('=')
                && !out.iter().any(|l| l == label)
            {
                out.push(label.to_string());
            }
        }
        out
    }

    /// The kind chooser for the rows without one, or for a section's rows.
    fn choose_kind(&mut self, section: Option<String>, s: &Strings) {
        let t = import(s);
        let mut items = vec![(format!("({})", t.from_file), String::new())];
        items.extend(
            NomineeKind::ALL
                .into_iter()
                .map(|k| (kind_label(k).to_string(), k.code().to_string())),
        );
        let current = self.kind_set(section.as_deref());
        let title = match &section {
            Some(label) => format!("{} “{label}”", t.section),
            None => t.choose_kind.to_string(),
        };
        self.choose(ChoiceFor::Kind(section), title, items, current);
    }

    /// The kind set here for the rows without one, or for a section.
    pub fn kind_set(&self, section: Option<&str>) -> Option<String> {
        self.options
            .list
            .kinds
            .iter()
            .find_map(|k| match (k.split_once('='), section) {
                (Some((label, kind)), Some(wanted)) if label == wanted => Some(kind.to_string()),
                (None, None) => Some(k.clone()),
                _ => None,
            })
    }

    fn apply_choice(&mut self, mut choice: Choice, action: &Action, s: &Strings) -> Outcome {
        let last = choice.items.len().saturating_sub(1);
        match action {
            Action::Up => choice.selected = choice.selected.saturating_sub(1),
            Action::Down => choice.selected = (choice.selected + 1).min(last),
            Action::Cancel => return Outcome::Nothing,
            Action::Confirm => {
                let value = choice
                    .items
                    .get(choice.selected)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default();
                let set = |v: &str| (!v.is_empty()).then(|| v.to_string());
                let list = &mut self.options.list;
                match &choice.what {
                    ChoiceFor::Column(letter) => {
                        list.maps
                            .retain(|m| m.split_once('=').map(|(c, _)| c) != Some(letter));
                        if !value.is_empty() {
                            list.maps.push(format!("{letter}={value}"));
                        }
                    }
                    ChoiceFor::KindTarget => {
                        self.choose_kind(set(&value), s);
                        return Outcome::Nothing;
                    }
                    ChoiceFor::Kind(section) => {
                        list.kinds.retain(|k| match (k.split_once('='), section) {
                            (Some((label, _)), Some(wanted)) => label != wanted,
                            (None, None) => false,
                            _ => true,
                        });
                        if !value.is_empty() {
                            list.kinds.push(match section {
                                Some(label) => format!("{label}={value}"),
                                None => value,
                            });
                        }
                    }
                    ChoiceFor::Award => list.award = set(&value),
                    ChoiceFor::Movement => self.options.movement = set(&value),
                }
                return self.reread();
            }
            _ => {}
        }
        self.editing = Some(Editing::Choose(choice));
        Outcome::Nothing
    }

    fn apply_round(&mut self, input: TextInput, error: bool, action: &Action) -> Outcome {
        match action {
            Action::Cancel => Outcome::Nothing,
            Action::Confirm => {
                let text = input.value().trim().to_string();
                if text.is_empty() {
                    self.options.list.round = None;
                    return self.reread();
                }
                if Round::parse(&text).is_none() {
                    self.editing = Some(Editing::Round { input, error: true });
                    return Outcome::Nothing;
                }
                self.options.list.round = Some(text);
                self.reread()
            }
            _ => {
                self.editing = Some(Editing::Round { input, error });
                Outcome::Nothing
            }
        }
    }

    fn reread(&mut self) -> Outcome {
        self.generation += 1;
        self.rereading = true;
        Outcome::Run(Command::ReadImport(self.job()))
    }
}
