//! The form of meeting mode for when and where the meeting was actually held:
//! date, start, end and place, filled with what is recorded (else the times
//! `o` and `c` were pressed). A focus over typed fields; the domain checks the
//! values again in the store's transaction. Meeting mode opens and saves it here.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::domain::held::{HeldTimes, TimesRefused, check_held_times, parse_clock};
use crate::i18n::strings::Strings;
use crate::store::refusal::{MeetingLabel, MeetingRefusal};
use crate::store::{Store, StoreError};
use crate::tui::modals::centered;
use crate::tui::screen::Outcome;
use crate::tui::screens::meeting::{Input, MeetingMode};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{truncate, wrap};
use crate::tui::widgets::text_input::TextInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Date,
    Start,
    End,
    Place,
}

const ORDER: [Focus; 4] = [Focus::Date, Focus::Start, Focus::End, Focus::Place];

pub struct TimesForm {
    /// "20/11/2026", as typed.
    pub date: TextInput,
    /// "08:00".
    pub start: TextInput,
    pub end: TextInput,
    pub place: TextInput,
    pub focus: Focus,
    /// What is wrong with the last save, in the user's language.
    pub error: Option<String>,
}

impl TimesForm {
    pub fn new(t: &HeldTimes) -> TimesForm {
        TimesForm {
            date: TextInput::new(&t.date.format("%d/%m/%Y").to_string()),
            start: TextInput::new(&t.start.format("%H:%M").to_string()),
            end: TextInput::new(&t.end.format("%H:%M").to_string()),
            place: TextInput::new(&t.place),
            focus: Focus::Date,
            error: None,
        }
    }

    fn field(&mut self) -> &mut TextInput {
        match self.focus {
            Focus::Date => &mut self.date,
            Focus::Start => &mut self.start,
            Focus::End => &mut self.end,
            Focus::Place => &mut self.place,
        }
    }

    pub fn key(&mut self, key: &KeyEvent) {
        self.error = None;
        self.field().handle_key(key);
    }

    pub fn step(&mut self, forward: bool) {
        let i = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = ORDER.len();
        self.focus = ORDER[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    /// The values as the store takes them, or which field is wrong.
    pub fn to_times(&self, s: &Strings) -> Result<HeldTimes, String> {
        let m = s.meeting();
        let bad = |label: &str, value: &str, how: &str| format!("{label}: “{value}” — {how}");
        let date = super::form_screen::parse_day(self.date.value())
            .ok_or_else(|| bad(m.times_date, self.date.value(), m.times_date_format))?;
        let start = parse_clock(self.start.value())
            .ok_or_else(|| bad(m.times_start, self.start.value(), m.times_clock_format))?;
        let end = parse_clock(self.end.value())
            .ok_or_else(|| bad(m.times_end, self.end.value(), m.times_clock_format))?;
        Ok(HeldTimes {
            date,
            start,
            end,
            place: self.place.value().trim().to_string(),
        })
    }

    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let m = s.meeting();
        let popup = centered(area, area.width.saturating_sub(4).min(100), 11);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {} ", m.times_title), THEME.title));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let cells = usize::from(inner.width);
        let row = |focus: Focus, label: &str, input: &TextInput| {
            let on = self.focus == focus;
            let mut spans = vec![Span::styled(
                format!("{} {label:<10} ", if on { "›" } else { " " }),
                if on { THEME.title } else { THEME.heading },
            )];
            spans.extend(input.line("", on).spans);
            Line::from(spans)
        };
        let mut lines = vec![
            row(Focus::Date, m.times_date, &self.date),
            row(Focus::Start, m.times_start, &self.start),
            row(Focus::End, m.times_end, &self.end),
            row(Focus::Place, m.times_place, &self.place),
            Line::default(),
            Line::styled(truncate(m.times_note, cells), THEME.dim),
        ];
        match &self.error {
            // A refusal says what to do, so it gets two lines rather than a cut.
            Some(e) => lines.extend(
                wrap(e, cells)
                    .into_iter()
                    .take(2)
                    .map(|l| Line::styled(l, THEME.error)),
            ),
            None => lines.push(Line::styled(truncate(m.times_help, cells), THEME.dim)),
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

impl MeetingMode {
    /// The refusal of recording the times, as the store would say it.
    fn times_refused(&self, why: TimesRefused) -> MeetingRefusal {
        MeetingRefusal::Times {
            meeting: MeetingLabel {
                number: self.record.meeting.number.clone(),
                id: self.record.meeting.id,
            },
            why,
        }
    }

    /// `t`: the times and place form, filled with what the minutes would say now.
    pub(super) fn start_times(&mut self, store: &Store, s: &Strings) -> Outcome {
        let m = &self.record.meeting;
        let signed = match store.signed_minutes(m.id) {
            Ok(x) => x.is_some(),
            Err(e) => return Outcome::Failed(e),
        };
        let Some(times) = m.held_times_default(&store.now()) else {
            return Outcome::Nothing;
        };
        // The domain's rule, asked before the form opens (the end is not typed yet).
        let probe = HeldTimes {
            end: times.start,
            place: "-".into(),
            ..times.clone()
        };
        if let Err(why) = check_held_times(m.status, m.opened_at.is_some(), signed, &probe) {
            self.note = Some(s.refusal(&self.times_refused(why)));
            return Outcome::Nothing;
        }
        self.input = Some(Input::Times(TimesForm::new(&times)));
        Outcome::Nothing
    }

    pub(super) fn save_times(&mut self, store: &mut Store, s: &Strings) -> Outcome {
        let Some(Input::Times(form)) = &self.input else {
            return Outcome::Nothing;
        };
        let times = match form.to_times(s) {
            Ok(t) => t,
            Err(e) => return self.times_error(e),
        };
        let m = &self.record.meeting;
        // Refused here, in the user's language, before the store would refuse it.
        if let Err(why) = check_held_times(m.status, m.opened_at.is_some(), false, &times) {
            let text = s.refusal(&self.times_refused(why));
            return self.times_error(text);
        }
        match store.set_held_times(m.id, &times) {
            Ok(()) => self.done(store, s.meeting().saved_times),
            Err(e @ (StoreError::Meeting(_) | StoreError::Note(_))) => {
                self.times_error(s.store_message(&e))
            }
            Err(e) => Outcome::Failed(e),
        }
    }

    fn times_error(&mut self, text: String) -> Outcome {
        if let Some(Input::Times(form)) = &mut self.input {
            form.error = Some(text);
        }
        Outcome::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::NaiveDate;

    #[test]
    fn a_typed_time_that_is_no_time_is_named() {
        let t = HeldTimes {
            date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default(),
            start: parse_clock("08:00").unwrap_or_default(),
            end: parse_clock("10:30").unwrap_or_default(),
            place: "Hội trường".into(),
        };
        let mut f = TimesForm::new(&t);
        assert_eq!(f.to_times(Lang::Vi.strings()), Ok(t.clone()));
        f.end = TextInput::new("10h30");
        let e = f.to_times(Lang::Vi.strings()).err().unwrap_or_default();
        assert!(e.starts_with("Kết thúc: “10h30”"), "{e}");
        f.end = TextInput::new("10:30");
        f.date = TextInput::new("2026-11-21");
        assert_eq!(
            f.to_times(Lang::Vi.strings()).map(|x| x.date),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default())
        );
    }
}
