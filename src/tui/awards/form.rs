//! Forms for a decision, a referral, a dossier document and each referral
//! step: a focus over text fields, checked on Enter, then (for changes that
//! cannot be undone) a confirm dialog carrying the change as data.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::{Pending, today};
use crate::domain::nomination::NominationId;
use crate::domain::referral::{Conferral, ReferralEvent, ReferralId, StepKind};
use crate::domain::register::{NewDecision, NewReferral};
use crate::i18n::awards::{step_name, texts};
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::action::AwardAction;
use crate::tui::command::Command;
use crate::tui::modals::centered;
use crate::tui::screen::Outcome;
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{truncate, wrap};
use crate::tui::widgets::text_input::TextInput;

pub struct Field {
    pub label: &'static str,
    pub input: TextInput,
    pub required: bool,
    pub date: bool,
}

impl Field {
    pub(super) fn text(label: &'static str, value: &str) -> Field {
        Field {
            label,
            input: TextInput::new(value),
            required: true,
            date: false,
        }
    }

    pub(super) fn date(label: &'static str, d: NaiveDate) -> Field {
        Field {
            label,
            input: TextInput::new(&d.format("%d/%m/%Y").to_string()),
            required: true,
            date: true,
        }
    }

    pub(super) fn optional(mut self) -> Field {
        self.required = false;
        self
    }
}

/// What the form records once filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    Decide(NominationId),
    Refer {
        nomination: NominationId,
        needs_override: bool,
    },
    Tick {
        referral: ReferralId,
        doc: String,
    },
    Step {
        referral: ReferralId,
        event: StepKind,
    },
    Export,
    /// One decision for the passed Giấy khen of a meeting.
    DecideMany,
    /// The calibration page of a certificate layout.
    Calibrate,
    Report,
    Submission {
        meeting_id: i64,
        award_code: String,
        /// The ward's symbol, to show the whole number before the confirm.
        symbol: String,
    },
}

pub struct Form {
    pub title: String,
    /// Lines shown above the fields (who, what, the eligibility verdict).
    pub intro: Vec<String>,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    pub kind: FormKind,
}

impl Form {
    pub(super) fn new(
        title: String,
        intro: Vec<String>,
        fields: Vec<Field>,
        kind: FormKind,
    ) -> Form {
        Form {
            title,
            intro,
            fields,
            focus: 0,
            error: None,
            kind,
        }
    }

    fn subject(store: &Store, id: NominationId) -> Result<String, StoreError> {
        let n = store.nomination(id)?;
        let who = store.nominee(n.nominee_id)?;
        let award = store
            .catalogue()?
            .award(&n.award_code)
            .map_or(n.award_code.clone(), |a| a.name.clone());
        Ok(format!("{} — {} ({})", who.name, award, n.round.code()))
    }

    pub fn decision(store: &Store, id: NominationId, s: &Strings) -> Result<Form, StoreError> {
        let t = texts(s);
        let mut intro = vec![Self::subject(store, id)?];
        if let Some(w) = super::eligibility_warning(store, id, s)? {
            intro.push(w);
        }
        let fields = vec![
            Field::text(t.f_number, ""),
            Field::date(t.f_date, today(store)),
            Field::text(t.f_signer, ""),
        ];
        Ok(Self::new(
            t.decision_form.into(),
            intro,
            fields,
            FormKind::Decide(id),
        ))
    }

    pub fn referral(store: &Store, id: NominationId, s: &Strings) -> Result<Form, StoreError> {
        let t = texts(s);
        let eval = store.eligibility(id)?;
        let catalogue = store.catalogue()?;
        let target = catalogue
            .home_level()
            .and_then(|h| catalogue.next_level(&h.code))
            .map_or(String::new(), |l| l.name.clone());
        let mut intro = vec![
            Self::subject(store, id)?,
            format!("{}: {target}", t.refer_target),
        ];
        intro.extend(eval.explain(s.lang).lines().map(String::from));
        let needs_override = eval.needs_override();
        // Checked on saving with its own message, since only ineligible ones need it.
        let override_field = Field::text(t.f_override, "").optional();
        let fields = vec![
            Field::text(t.f_submission, ""),
            Field::date(t.f_date, today(store)),
            override_field,
        ];
        Ok(Self::new(
            t.referral_form.into(),
            intro,
            fields,
            FormKind::Refer {
                nomination: id,
                needs_override,
            },
        ))
    }

    pub fn tick(referral: ReferralId, doc: &str, name: &str, reference: &str, s: &Strings) -> Form {
        let t = texts(s);
        Self::new(
            t.tick_form.into(),
            vec![name.to_string()],
            vec![Field::text(t.f_reference, reference)],
            FormKind::Tick {
                referral,
                doc: doc.to_string(),
            },
        )
    }

    /// The form of a referral step; `authority` fills the conferral's field.
    pub fn step(
        store: &Store,
        referral: ReferralId,
        event: StepKind,
        subject: String,
        authority: &str,
        s: &Strings,
    ) -> Form {
        let t = texts(s);
        let d = today(store);
        let fields = match event {
            StepKind::Return | StepKind::Refuse | StepKind::Withdraw => {
                vec![Field::text(t.f_reason, ""), Field::date(t.f_date, d)]
            }
            StepKind::Confer => vec![
                Field::text(t.f_number, ""),
                Field::date(t.f_date, d),
                Field::text(t.f_authority, authority),
            ],
            StepKind::Forward => vec![Field::text(t.f_submission, ""), Field::date(t.f_date, d)],
            StepKind::Send | StepKind::Resend | StepKind::Approve => vec![Field::date(t.f_date, d)],
        };
        Self::new(
            step_name(s, event).into(),
            vec![subject],
            fields,
            FormKind::Step { referral, event },
        )
    }

    pub fn apply(&mut self, action: &Action, store: &Store, s: &Strings) -> Outcome {
        let n = self.fields.len().max(1);
        match action {
            Action::Cancel | Action::Close => Outcome::Close,
            Action::Awards(AwardAction::NextField) => {
                self.focus = (self.focus + 1) % n;
                Outcome::Nothing
            }
            Action::Awards(AwardAction::PrevField) => {
                self.focus = (self.focus + n - 1) % n;
                Outcome::Nothing
            }
            Action::Awards(AwardAction::Submit) if self.kind == FormKind::DecideMany => {
                self.submit_many(store, s)
            }
            Action::Awards(AwardAction::Submit) if self.kind == FormKind::Calibrate => {
                self.submit_calibration(s)
            }
            Action::Awards(AwardAction::Submit) => match self.check(s) {
                Ok(Outcome::Ask(text, Command::Awards(p))) => {
                    match super::allowed(&p, store) {
                        Ok(()) => Outcome::Ask(text, Command::Awards(p)),
                        // Said in the form, which stays filled in, instead of the confirm.
                        Err(e) => {
                            self.error = Some(s.store_message(&e));
                            Outcome::Nothing
                        }
                    }
                }
                Ok(o) => o,
                Err(e) => {
                    self.error = Some(e);
                    Outcome::Nothing
                }
            },
            _ => Outcome::Nothing,
        }
    }

    pub fn edit_key(&mut self, key: &KeyEvent) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.input.handle_key(key);
            self.error = None;
        }
    }

    pub(super) fn value(&self, i: usize) -> String {
        self.fields
            .get(i)
            .map_or(String::new(), |f| f.input.value().trim().to_string())
    }

    fn date(&self, i: usize) -> NaiveDate {
        crate::cli_awards::parse_date(&self.value(i)).unwrap_or_default()
    }

    /// Check every field; the change to make, asked first when irreversible.
    fn check(&mut self, s: &Strings) -> Result<Outcome, String> {
        let t = texts(s);
        for (i, f) in self.fields.iter().enumerate() {
            let v = f.input.value().trim();
            if f.required && v.is_empty() {
                self.focus = i;
                return Err(format!("{}: {}", f.label, t.empty));
            }
            if f.date && crate::cli_awards::parse_date(v).is_err() {
                self.focus = i;
                return Err(format!("{}: “{v}” {}", f.label, t.not_a_date));
            }
        }
        let fmt = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        let subject = self.intro.first().cloned().unwrap_or_default();
        let (pending, summary) = match &self.kind {
            FormKind::Decide(id) => (
                Pending::Decide {
                    nomination: *id,
                    decision: NewDecision {
                        number: self.value(0),
                        date: self.date(1),
                        signer: self.value(2),
                    },
                },
                format!(
                    "{}: {subject}. {} {}, {}.",
                    t.decision_form,
                    self.value(0),
                    fmt(self.date(1)),
                    self.value(2)
                ),
            ),
            FormKind::Refer {
                nomination,
                needs_override,
            } => {
                let reason = self.value(2);
                if *needs_override && reason.is_empty() {
                    self.focus = 2;
                    return Err(t.override_needed.into());
                }
                (
                    Pending::Refer {
                        nomination: *nomination,
                        referral: NewReferral {
                            submission_number: self.value(0),
                            submission_date: self.date(1),
                            override_reason: (!reason.is_empty()).then_some(reason),
                        },
                    },
                    format!(
                        "{}: {subject}. {} {} {}.",
                        t.referral_form,
                        t.submission,
                        self.value(0),
                        fmt(self.date(1))
                    ),
                )
            }
            FormKind::Export => {
                return Ok(Outcome::Run(Command::ExportAwards(
                    std::path::PathBuf::from(self.value(0)),
                )));
            }
            // Checked with the store in `submit_many`.
            FormKind::DecideMany | FormKind::Calibrate => return Ok(Outcome::Nothing),
            FormKind::Submission {
                meeting_id,
                award_code,
                symbol,
            } => (
                Pending::Submission(crate::store::submission::NewSubmission {
                    meeting_id: *meeting_id,
                    award_code: award_code.clone(),
                    number: self.value(0),
                    date: self.date(1),
                    override_reason: Some(self.value(2)).filter(|r| !r.is_empty()),
                }),
                format!(
                    "{}: {subject}. {} {}{} — {}.",
                    t.submission_form,
                    t.submission,
                    self.value(0),
                    if self.value(0).contains('/') || symbol.is_empty() {
                        String::new()
                    } else {
                        format!("/{symbol}")
                    },
                    fmt(self.date(1))
                ),
            ),
            FormKind::Report => {
                use crate::domain::report::{Period, PeriodRefusal};
                let period = Period::parse(&self.value(0)).map_err(|e| {
                    self.focus = 0;
                    let why = match e {
                        PeriodRefusal::Unreadable(_) => t.bad_period,
                        PeriodRefusal::Backwards { .. } => t.backwards_period,
                    };
                    format!("“{}”: {why}", self.value(0))
                })?;
                return Ok(Outcome::Run(Command::AwardsReport {
                    period,
                    stem: format!("{}-{}", self.value(1), period.code()),
                }));
            }
            FormKind::Tick { referral, doc } => {
                return Ok(Outcome::Run(Command::Awards(Pending::Tick {
                    referral: *referral,
                    doc: doc.clone(),
                    reference: self.value(0),
                })));
            }
            FormKind::Step { referral, event } => {
                let (event_data, detail) = match *event {
                    StepKind::Return => (
                        ReferralEvent::Return {
                            date: self.date(1),
                            reason: self.value(0),
                        },
                        format!("{} — {}", fmt(self.date(1)), self.value(0)),
                    ),
                    StepKind::Refuse => (
                        ReferralEvent::Refuse {
                            date: self.date(1),
                            reason: self.value(0),
                        },
                        format!("{} — {}", fmt(self.date(1)), self.value(0)),
                    ),
                    StepKind::Withdraw => (
                        ReferralEvent::Withdraw {
                            date: self.date(1),
                            reason: self.value(0),
                        },
                        format!("{} — {}", fmt(self.date(1)), self.value(0)),
                    ),
                    StepKind::Confer => (
                        ReferralEvent::Confer {
                            conferral: Conferral {
                                number: self.value(0),
                                date: self.date(1),
                                authority: self.value(2),
                            },
                        },
                        format!("{} {}, {}", self.value(0), fmt(self.date(1)), self.value(2)),
                    ),
                    StepKind::Forward => {
                        let p = Pending::Forward {
                            referral: *referral,
                            next: NewReferral {
                                submission_number: self.value(0),
                                submission_date: self.date(1),
                                override_reason: None,
                            },
                        };
                        let text = format!(
                            "{}: {subject}. {} {} {}. {}",
                            step_name(s, *event),
                            t.submission,
                            self.value(0),
                            fmt(self.date(1)),
                            t.irreversible
                        );
                        return Ok(Outcome::Ask(text, Command::Awards(p)));
                    }
                    StepKind::Resend => (
                        ReferralEvent::Resend { date: self.date(0) },
                        fmt(self.date(0)),
                    ),
                    StepKind::Approve => (
                        ReferralEvent::Approve { date: self.date(0) },
                        fmt(self.date(0)),
                    ),
                    StepKind::Send => (
                        ReferralEvent::Send { date: self.date(0) },
                        fmt(self.date(0)),
                    ),
                };
                (
                    Pending::Advance {
                        referral: *referral,
                        event: event_data,
                    },
                    format!("{}: {subject}. {detail}.", step_name(s, *event)),
                )
            }
        };
        Ok(Outcome::Ask(
            format!("{summary} {}", t.irreversible),
            Command::Awards(pending),
        ))
    }

    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = texts(s);
        let width = area.width.saturating_sub(4).min(90);
        let inner_w = usize::from(width.saturating_sub(2));
        let mut lines: Vec<Line<'static>> = Vec::new();
        for (i, l) in self.intro.iter().enumerate() {
            let style = if i == 0 {
                THEME.title
            } else if l.starts_with('⚠') {
                THEME.missing
            } else {
                THEME.dim
            };
            for part in wrap(l, inner_w) {
                lines.push(Line::styled(part, style));
            }
        }
        let intro_lines = lines.len();
        lines.push(Line::default());
        for (i, f) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let mark = if focused { "▸ " } else { "  " };
            lines.push(Line::from(vec![
                Span::styled(mark, THEME.heading),
                Span::styled(truncate(f.label, inner_w.saturating_sub(2)), THEME.header),
            ]));
            let mut field = f.input.line("    ", focused);
            if !focused && f.input.value().is_empty() {
                field.spans.push(Span::styled("…", THEME.dim));
            }
            lines.push(field);
        }
        lines.push(Line::default());
        if let Some(e) = &self.error {
            for part in e.lines().flat_map(|l| wrap(l, inner_w)) {
                lines.push(Line::styled(part, THEME.error));
            }
        }
        lines.push(Line::styled(truncate(t.form_keys, inner_w), THEME.dim));
        let height = (lines.len() as u16 + 2).min(area.height);
        let popup = centered(area, width, height);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {} ", self.title), THEME.title));
        let inner = block.inner(popup);
        block.render(popup, buf);
        // Keep the fields visible when the intro is long: drop intro lines
        // (after the first, which names the nominee) before anything else.
        let overflow = lines.len().saturating_sub(usize::from(inner.height));
        let shown: Vec<Line<'static>> = if overflow > 0 && intro_lines > 1 {
            let keep = intro_lines.saturating_sub(overflow).max(1);
            lines[..keep]
                .iter()
                .chain(lines[intro_lines..].iter())
                .cloned()
                .collect()
        } else {
            lines
        };
        Paragraph::new(shown).render(inner, buf);
    }
}
