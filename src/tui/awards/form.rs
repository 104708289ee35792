//! Forms for a decision, a referral, a dossier document and each referral
//! step: the one form model (`widgets::form`) over the fields named by
//! `Focus`, checked on Enter, then (for changes that cannot be undone) a
//! confirm dialog carrying the change as data.

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
use crate::tui::command::Command;
use crate::tui::modals::centered;
use crate::tui::screen::Outcome;
use crate::tui::screens::form_screen;
use crate::tui::theme::THEME;
use crate::tui::widgets::form::{Field, Form as FieldForm, Input};
use crate::tui::widgets::table::{truncate, wrap};

/// The fields of the awards forms; each form shows the few it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A decision's or a conferral's number.
    Number,
    /// The day of the step, decision or tờ trình (the one date field).
    Date,
    Signer,
    /// The tờ trình's number.
    Submission,
    /// Why an ineligible nomination goes up all the same.
    Override,
    /// A dossier document's reference.
    Reference,
    Reason,
    Authority,
    /// The register's file.
    File,
    /// The report's year or phase, and its files' name.
    Period,
    Stem,
    /// The meeting whose passed Giấy khen get one decision.
    Meeting,
    /// A vice-chairman signs for the chairman.
    Deputy,
    /// The paper certificates are printed on.
    Paper,
}

/// A text field of an awards form.
pub(super) fn text(key: Focus, label: &str, value: &str) -> Field<Focus> {
    Field::text(key, label, value)
}

/// The date field, filled with `d`.
pub(super) fn date(label: &str, d: NaiveDate) -> Field<Focus> {
    Field::text(Focus::Date, label, &d.format("%d/%m/%Y").to_string())
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
    /// Lines shown above the fields (who, what, the eligibility verdict).
    pub intro: Vec<String>,
    /// The fields, their focus and what was typed: the one form model.
    pub form: FieldForm<Focus>,
    /// Fields that may stay empty; every other one must be filled in.
    optional: Vec<Focus>,
    pub kind: FormKind,
}

impl Form {
    pub(super) fn new(
        title: String,
        intro: Vec<String>,
        fields: Vec<Field<Focus>>,
        kind: FormKind,
    ) -> Form {
        Form {
            intro,
            form: FieldForm::new(title, fields),
            optional: Vec::new(),
            kind,
        }
    }

    /// `fields` may stay empty.
    pub(super) fn optional(mut self, fields: &[Focus]) -> Form {
        self.optional.extend_from_slice(fields);
        self
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
            text(Focus::Number, t.f_number, ""),
            date(t.f_date, today(store)),
            text(Focus::Signer, t.f_signer, ""),
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
        let fields = vec![
            text(Focus::Submission, t.f_submission, ""),
            date(t.f_date, today(store)),
            text(Focus::Override, t.f_override, ""),
        ];
        let kind = FormKind::Refer {
            nomination: id,
            needs_override,
        };
        // Checked on saving with its own message, since only ineligible ones need it.
        Ok(Self::new(t.referral_form.into(), intro, fields, kind).optional(&[Focus::Override]))
    }

    pub fn tick(referral: ReferralId, doc: &str, name: &str, reference: &str, s: &Strings) -> Form {
        let t = texts(s);
        Self::new(
            t.tick_form.into(),
            vec![name.to_string()],
            vec![text(Focus::Reference, t.f_reference, reference)],
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
                vec![text(Focus::Reason, t.f_reason, ""), date(t.f_date, d)]
            }
            StepKind::Confer => vec![
                text(Focus::Number, t.f_number, ""),
                date(t.f_date, d),
                text(Focus::Authority, t.f_authority, authority),
            ],
            StepKind::Forward => vec![
                text(Focus::Submission, t.f_submission, ""),
                date(t.f_date, d),
            ],
            StepKind::Send | StepKind::Resend | StepKind::Approve => vec![date(t.f_date, d)],
        };
        Self::new(
            step_name(s, event).into(),
            vec![subject],
            fields,
            FormKind::Step { referral, event },
        )
    }

    pub fn apply(&mut self, action: &Action, store: &Store, s: &Strings) -> Outcome {
        match action {
            Action::Save if self.kind == FormKind::DecideMany => self.submit_many(store, s),
            Action::Save if self.kind == FormKind::Calibrate => self.submit_calibration(s),
            Action::Save => match self.check(s) {
                Ok(Outcome::Ask(text, Command::Awards(p))) => {
                    match super::allowed(&p, store) {
                        Ok(()) => Outcome::Ask(text, Command::Awards(p)),
                        // Said in the form, which stays filled in, instead of the confirm.
                        Err(e) => self.fail(None, s.store_message(&e)),
                    }
                }
                Ok(o) => o,
                Err((field, e)) => self.fail(Some(field), e),
            },
            _ => form_screen::apply(&mut self.form, s, action),
        }
    }

    /// Say what is wrong next to `field` (or under the fields), the focus on it.
    pub(super) fn fail(&mut self, field: Option<Focus>, text: String) -> Outcome {
        self.form.clear_errors();
        self.form.set_error(field, text);
        Outcome::Nothing
    }

    pub fn edit_key(&mut self, key: &KeyEvent) {
        if self.form.key(key) {
            self.form.clear_errors();
        }
    }

    /// What was typed in `field`, trimmed (NFC); empty when the form has no such field.
    pub(super) fn value(&self, field: Focus) -> String {
        self.form.value(field)
    }

    /// The day in the date field; read once `check` found it a day.
    fn date(&self) -> NaiveDate {
        form_screen::parse_day(&self.value(Focus::Date)).unwrap_or_default()
    }

    /// Check every field; the change to make, asked first when irreversible.
    /// A refusal names the field it is about.
    fn check(&mut self, s: &Strings) -> Result<Outcome, (Focus, String)> {
        let t = texts(s);
        for f in self.form.fields.iter() {
            let v = f.value();
            if v.is_empty() && !self.optional.contains(&f.key) {
                return Err((f.key, format!("{}: {}", f.label, t.empty)));
            }
            if f.key == Focus::Date && form_screen::parse_day(&v).is_none() {
                return Err((f.key, format!("{}: “{v}” {}", f.label, t.not_a_date)));
            }
        }
        let fmt = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        let v = |f: Focus| self.value(f);
        let day = self.date();
        let subject = self.intro.first().cloned().unwrap_or_default();
        let (pending, summary) = match &self.kind {
            FormKind::Decide(id) => (
                Pending::Decide {
                    nomination: *id,
                    decision: NewDecision {
                        number: v(Focus::Number),
                        date: day,
                        signer: v(Focus::Signer),
                    },
                },
                format!(
                    "{}: {subject}. {} {}, {}.",
                    t.decision_form,
                    v(Focus::Number),
                    fmt(day),
                    v(Focus::Signer)
                ),
            ),
            FormKind::Refer {
                nomination,
                needs_override,
            } => {
                let reason = v(Focus::Override);
                if *needs_override && reason.is_empty() {
                    return Err((Focus::Override, t.override_needed.into()));
                }
                (
                    Pending::Refer {
                        nomination: *nomination,
                        referral: NewReferral {
                            submission_number: v(Focus::Submission),
                            submission_date: day,
                            override_reason: (!reason.is_empty()).then_some(reason),
                        },
                    },
                    format!(
                        "{}: {subject}. {} {} {}.",
                        t.referral_form,
                        t.submission,
                        v(Focus::Submission),
                        fmt(day)
                    ),
                )
            }
            FormKind::Export => {
                return Ok(Outcome::Run(Command::ExportAwards(
                    std::path::PathBuf::from(v(Focus::File)),
                )));
            }
            // Checked with the store in `submit_many`.
            FormKind::DecideMany | FormKind::Calibrate => return Ok(Outcome::Nothing),
            FormKind::Submission {
                meeting_id,
                award_code,
                symbol,
            } => {
                let number = v(Focus::Submission);
                let suffix = if number.contains('/') || symbol.is_empty() {
                    String::new()
                } else {
                    format!("/{symbol}")
                };
                (
                    Pending::Submission(crate::store::submission::NewSubmission {
                        meeting_id: *meeting_id,
                        award_code: award_code.clone(),
                        number: number.clone(),
                        date: day,
                        override_reason: Some(v(Focus::Override)).filter(|r| !r.is_empty()),
                    }),
                    format!(
                        "{}: {subject}. {} {number}{suffix} — {}.",
                        t.submission_form,
                        t.submission,
                        fmt(day)
                    ),
                )
            }
            FormKind::Report => {
                use crate::domain::report::{Period, PeriodRefusal};
                let typed = v(Focus::Period);
                let period = Period::parse(&typed).map_err(|e| {
                    let why = match e {
                        PeriodRefusal::Unreadable(_) => t.bad_period,
                        PeriodRefusal::Backwards { .. } => t.backwards_period,
                    };
                    (Focus::Period, format!("“{typed}”: {why}"))
                })?;
                return Ok(Outcome::Run(Command::AwardsReport {
                    period,
                    stem: format!("{}-{}", v(Focus::Stem), period.code()),
                }));
            }
            FormKind::Tick { referral, doc } => {
                return Ok(Outcome::Run(Command::Awards(Pending::Tick {
                    referral: *referral,
                    doc: doc.clone(),
                    reference: v(Focus::Reference),
                })));
            }
            FormKind::Step { referral, event } => {
                let reason = v(Focus::Reason);
                let with_reason = format!("{} — {reason}", fmt(day));
                let (event_data, detail) = match *event {
                    StepKind::Return => (ReferralEvent::Return { date: day, reason }, with_reason),
                    StepKind::Refuse => (ReferralEvent::Refuse { date: day, reason }, with_reason),
                    StepKind::Withdraw => {
                        (ReferralEvent::Withdraw { date: day, reason }, with_reason)
                    }
                    StepKind::Confer => (
                        ReferralEvent::Confer {
                            conferral: Conferral {
                                number: v(Focus::Number),
                                date: day,
                                authority: v(Focus::Authority),
                            },
                        },
                        format!("{} {}, {}", v(Focus::Number), fmt(day), v(Focus::Authority)),
                    ),
                    StepKind::Forward => {
                        let p = Pending::Forward {
                            referral: *referral,
                            next: NewReferral {
                                submission_number: v(Focus::Submission),
                                submission_date: day,
                                override_reason: None,
                            },
                        };
                        let text = format!(
                            "{}: {subject}. {} {} {}. {}",
                            step_name(s, *event),
                            t.submission,
                            v(Focus::Submission),
                            fmt(day),
                            t.irreversible
                        );
                        return Ok(Outcome::Ask(text, Command::Awards(p)));
                    }
                    StepKind::Resend => (ReferralEvent::Resend { date: day }, fmt(day)),
                    StepKind::Approve => (ReferralEvent::Approve { date: day }, fmt(day)),
                    StepKind::Send => (ReferralEvent::Send { date: day }, fmt(day)),
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

    /// What is wrong, said under the fields: a field's message or the form's.
    fn error(&self) -> Option<&String> {
        self.form.banner.as_ref().or_else(|| {
            self.form
                .fields
                .get(self.form.focus)
                .and_then(|f| f.error.as_ref())
                .or_else(|| self.form.fields.iter().find_map(|f| f.error.as_ref()))
        })
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
        for (i, f) in self.form.fields.iter().enumerate() {
            let focused = i == self.form.focus;
            let mark = if focused { "▸ " } else { "  " };
            lines.push(Line::from(vec![
                Span::styled(mark, THEME.heading),
                Span::styled(truncate(&f.label, inner_w.saturating_sub(2)), THEME.header),
            ]));
            if let Input::Text(input) = &f.input {
                let mut field = input.line("    ", focused);
                if !focused && input.value().is_empty() {
                    field.spans.push(Span::styled("…", THEME.dim));
                }
                lines.push(field);
            }
        }
        lines.push(Line::default());
        if let Some(e) = self.error() {
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
            .title(Line::styled(format!(" {} ", self.form.title), THEME.title));
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
