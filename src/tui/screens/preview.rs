//! Preview of the minutes or the ballot-count record as they will print,
//! scrollable; from here they are written to PDF, DOCX or Markdown, printed,
//! and signed off. The document is composed on open and after each change;
//! the text layout is redone only when the width changes.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::meeting::MeetingId;
use crate::i18n::strings::Strings;
use crate::print::signed::{self, SignError, SignOutcome};
use crate::print::{Document, Format, compose};
use crate::store::refusal::MeetingRefusal;
use crate::store::signoff::SignOff;
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, MinutesAction};
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::truncate;

use super::preview_text::layout;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Minutes,
    BallotRecord,
    /// Addendum N (1-based) to signed minutes; the one after the last signed
    /// is the draft of what signing now would record.
    Addendum(usize),
}

pub struct Preview {
    pub meeting: MeetingId,
    pub shown: Shown,
    pub doc: Document,
    /// The sign-off of the minutes, when they are signed.
    pub signed: Option<SignOff>,
    /// Addenda signed so far.
    pub addenda: usize,
    /// Whether the addendum shown is signed (false for the draft).
    pub addendum_signed: bool,
    pub lines: Vec<Line<'static>>,
    pub scroll: usize,
    /// Cells wide and rows high of the text area, as last laid out.
    view: (usize, usize),
}

/// A signed document that cannot be shown is refused, in the user's language.
fn sign_error(e: SignError) -> StoreError {
    match e {
        SignError::Store(e) => e,
        SignError::Tampered { id } => {
            StoreError::Meeting(MeetingRefusal::SignedTampered { signoff: id })
        }
        SignError::Unreadable { id, detail } => {
            StoreError::Meeting(MeetingRefusal::SignedUnreadable {
                signoff: id,
                detail,
            })
        }
    }
}

impl Preview {
    pub fn open(store: &Store, meeting: MeetingId, area: Rect) -> Result<Preview, StoreError> {
        let mut p = Preview {
            meeting,
            shown: Shown::Minutes,
            doc: compose::minutes(&store.meeting_record(meeting)?),
            signed: None,
            addenda: 0,
            addendum_signed: false,
            lines: Vec::new(),
            scroll: 0,
            view: (0, 0),
        };
        p.reload(store)?;
        p.set_view(area);
        Ok(p)
    }

    fn key_context(&self) -> Context {
        Context::Preview
    }

    /// The document as it would print now (signed minutes from their stored content).
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.signed = store.signed_minutes(self.meeting)?;
        self.addenda = signed::addenda_signed(store, self.meeting).map_err(sign_error)?;
        self.doc = match self.shown {
            Shown::Minutes => signed::minutes_for_print(store, self.meeting).map_err(sign_error)?,
            Shown::BallotRecord => {
                signed::ballots_for_print(store, self.meeting).map_err(sign_error)?
            }
            Shown::Addendum(n) if n <= self.addenda => {
                self.addendum_signed = true;
                signed::addendum_for_print(store, self.meeting, n).map_err(sign_error)?
            }
            Shown::Addendum(_) => {
                self.addendum_signed = false;
                match signed::draft_addendum(store, self.meeting).map_err(sign_error)? {
                    Some(doc) => doc,
                    // Nothing new since the last sign-off: show the minutes.
                    None => {
                        self.shown = Shown::Minutes;
                        signed::minutes_for_print(store, self.meeting).map_err(sign_error)?
                    }
                }
            }
        };
        self.relayout();
        Ok(())
    }

    /// `a`: the minutes, then each signed addendum, then the draft of the next.
    fn next_addendum(&mut self, store: &Store, s: &Strings) -> Outcome {
        if self.signed.is_none() {
            return Outcome::Status(s.minutes().no_addendum_unsigned.to_string());
        }
        let draft = match signed::draft_addendum(store, self.meeting) {
            Ok(d) => d.is_some(),
            Err(e) => return Outcome::Failed(sign_error(e)),
        };
        let last = self.addenda + usize::from(draft);
        self.shown = match self.shown {
            Shown::Addendum(n) if n < last => Shown::Addendum(n + 1),
            Shown::Addendum(_) => Shown::Minutes,
            _ if last == 0 => {
                return Outcome::Status(s.minutes().no_addendum_yet.to_string());
            }
            _ => Shown::Addendum(1),
        };
        self.scroll = 0;
        match self.reload(store) {
            Ok(()) => Outcome::Nothing,
            Err(e) => Outcome::Failed(e),
        }
    }

    fn text_area(area: Rect) -> Rect {
        let inner = Block::default().borders(Borders::ALL).inner(area);
        let [_, text] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        text
    }

    /// Lay the text out again when the screen's size changed.
    pub fn set_view(&mut self, area: Rect) {
        let text = Self::text_area(area);
        let view = (usize::from(text.width), usize::from(text.height));
        if view != self.view {
            self.view = view;
            self.relayout();
        }
    }

    fn relayout(&mut self) {
        self.lines = layout(&self.doc, self.view.0.saturating_sub(1));
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.view.1)
    }

    fn act(&mut self, action: &Action, store: &mut Store, s: &Strings) -> Outcome {
        let page = self.view.1.saturating_sub(1).max(1);
        let max = self.max_scroll();
        match action {
            Action::Close => return Outcome::Close,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = (self.scroll + 1).min(max),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll = (self.scroll + page).min(max),
            Action::Home => self.scroll = 0,
            Action::End => self.scroll = max,
            Action::Minutes(a) => return self.apply_minutes(a, store, s),
            _ => {}
        }
        Outcome::Nothing
    }

    fn apply_minutes(&mut self, a: &MinutesAction, store: &mut Store, s: &Strings) -> Outcome {
        let t = s.minutes();
        match a {
            MinutesAction::NextAddendum => return self.next_addendum(store, s),
            MinutesAction::ToggleDocument => {
                self.shown = match self.shown {
                    Shown::Minutes | Shown::Addendum(_) => Shown::BallotRecord,
                    Shown::BallotRecord => Shown::Minutes,
                };
                self.scroll = 0;
                if let Err(e) = self.reload(store) {
                    return Outcome::Failed(e);
                }
            }
            MinutesAction::WritePdf => return self.print(Some(Format::Pdf)),
            MinutesAction::WriteDocx => return self.print(Some(Format::Docx)),
            MinutesAction::WriteMarkdown => return self.print(Some(Format::Markdown)),
            MinutesAction::PrintPdf => return self.print(None),
            MinutesAction::SignOff => {
                // Refused before the confirm, not after it.
                if let Err(e) = store.sign_off_allowed(self.meeting) {
                    return Outcome::Failed(e);
                }
                let message = if self.signed.is_some() {
                    t.confirm_addendum
                } else {
                    t.confirm_sign
                };
                return Outcome::Ask(
                    message.to_string(),
                    Command::SignOff {
                        meeting: self.meeting,
                    },
                );
            }
            _ => {}
        }
        Outcome::Nothing
    }

    /// Write the shown document (`None`: send it to the printer), in the background.
    fn print(&self, format: Option<Format>) -> Outcome {
        Outcome::Run(Command::Print {
            doc: Box::new(self.doc.clone()),
            stem: self.file_stem(),
            format,
        })
    }

    /// Sign off the minutes (or the addendum), after the confirm.
    fn sign_off(&mut self, meeting: MeetingId, store: &mut Store, s: &Strings) -> Outcome {
        let t = s.minutes();
        let done = match signed::sign(store, meeting) {
            Ok(SignOutcome::Signed(x)) => format!("{} {}", t.signed_now, x.content_hash),
            Ok(SignOutcome::Addendum(x)) => format!("{} {}", t.addendum_now, x.content_hash),
            Ok(SignOutcome::Unchanged(x)) => format!("{} {}", t.unchanged, x.content_hash),
            Err(e) => return Outcome::Failed(sign_error(e)),
        };
        // A new addendum is shown as signed; the minutes otherwise.
        self.shown = match self.shown {
            Shown::Addendum(n) => Shown::Addendum(n),
            _ => Shown::Minutes,
        };
        match self.reload(store) {
            Ok(()) => Outcome::Status(done),
            Err(e) => Outcome::Failed(e),
        }
    }

    /// The file name the document is written to by default.
    pub fn file_stem(&self) -> String {
        match self.shown {
            Shown::Minutes => format!("bien-ban-{}", self.meeting),
            Shown::BallotRecord => format!("bien-ban-kiem-phieu-{}", self.meeting),
            Shown::Addendum(n) => format!("bien-ban-{}-bo-sung-{n}", self.meeting),
        }
    }

    fn draw(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let t = s.minutes();
        let title = match self.shown {
            Shown::Minutes => t.preview_minutes.to_string(),
            Shown::BallotRecord => t.preview_ballots.to_string(),
            Shown::Addendum(n) => format!("{} {n}", t.preview_addendum),
        };
        let more = if self.lines.len() > self.view.1 {
            format!(
                " {}–{}/{} ",
                self.scroll + 1,
                (self.scroll + self.view.1).min(self.lines.len()),
                self.lines.len()
            )
        } else {
            String::new()
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {title} "), THEME.title))
            .title_bottom(Line::styled(more, THEME.dim));
        let inner = block.inner(area);
        block.render(area, buf);
        let [head, text] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        let cells = usize::from(head.width);
        let status = match (&self.signed, self.shown) {
            (Some(_), Shown::Addendum(_)) if !self.addendum_signed => Line::from(vec![
                Span::styled(format!(" {} ", t.not_signed), THEME.error),
                Span::styled(
                    truncate(&format!(" {}", t.addendum_draft_note), cells),
                    THEME.dim,
                ),
            ]),
            (Some(_), Shown::Addendum(_)) => Line::from(vec![
                Span::styled(format!(" {} ", t.signed), THEME.filter_active),
                Span::styled(
                    truncate(
                        &format!(" {}", self.doc.footer.clone().unwrap_or_default()),
                        cells,
                    ),
                    THEME.header,
                ),
            ]),
            (Some(x), _) => Line::from(vec![
                Span::styled(format!(" {} ", t.signed), THEME.filter_active),
                Span::styled(
                    truncate(
                        &format!(" {} · SHA-256 {}", x.signed_at, x.content_hash),
                        cells,
                    ),
                    THEME.header,
                ),
            ]),
            (None, _) => Line::from(vec![
                Span::styled(format!(" {} ", t.not_signed), THEME.error),
                Span::styled(format!(" {}", t.ballots_only_pdf_note), THEME.dim),
            ]),
        };
        Paragraph::new(status).render(head, buf);
        let shown: Vec<Line> = self
            .lines
            .iter()
            .skip(self.scroll)
            .take(usize::from(text.height))
            .cloned()
            .collect();
        Paragraph::new(shown).render(text, buf);
    }
}

impl Screen for Preview {
    fn context(&self) -> Context {
        self.key_context()
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        self.act(action, cx.store, cx.strings)
    }

    fn run(&mut self, command: &Command, cx: &mut Ctx) -> Outcome {
        match command {
            Command::SignOff { meeting } => self.sign_off(*meeting, cx.store, cx.strings),
            _ => Outcome::Nothing,
        }
    }

    /// The text is laid out for the screen's width.
    fn resize(&mut self, body: Rect) {
        self.set_view(body);
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        self.draw(s, area, buf);
    }
}
