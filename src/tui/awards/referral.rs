//! A nomination's referral upward: the dossier checklist of the current
//! referral (each document ticked with its reference), its steps through
//! forms and confirms, and a timeline of every dated step at every level.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::form::Form;
use crate::domain::award_steps::{AwardRefusal, check_step};
use crate::domain::dossier::ChecklistItem;
use crate::domain::nomination::NominationId;
use crate::domain::referral::{
    Conferral, Referral, ReferralEvent, ReferralState, ReferralStep, StepKind,
};
use crate::i18n::awards::{referral_status, texts};
use crate::i18n::strings::Strings;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::action::AwardAction;
use crate::tui::screen::Outcome;
use crate::tui::theme::THEME;
use crate::tui::widgets::table::truncate;

pub struct ReferralView {
    pub nomination: NominationId,
    pub subject: String,
    /// Who grants the award (filled into the conferral form).
    pub granted_by: String,
    /// Every referral of the nomination, lowest level first; the last is current.
    pub referrals: Vec<Referral>,
    pub checklist: Vec<ChecklistItem>,
    /// (level name, step) of every referral, oldest first.
    pub timeline: Vec<(String, ReferralStep)>,
    pub selected: usize,
}

impl ReferralView {
    pub fn open(store: &Store, nomination: NominationId) -> Result<ReferralView, StoreError> {
        let n = store.nomination(nomination)?;
        let who = store.nominee(n.nominee_id)?;
        let catalogue = store.catalogue()?;
        let award = catalogue.award(&n.award_code);
        let mut v = ReferralView {
            nomination,
            subject: format!(
                "{} — {}",
                who.name,
                award.map_or(n.award_code.clone(), |a| a.name.clone())
            ),
            granted_by: award.map_or(String::new(), |a| a.granted_by.clone()),
            referrals: Vec::new(),
            checklist: Vec::new(),
            timeline: Vec::new(),
            selected: 0,
        };
        v.reload(store)?;
        Ok(v)
    }

    pub fn current(&self) -> Option<&Referral> {
        self.referrals.last()
    }

    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        let catalogue = store.catalogue()?;
        self.referrals = store.referrals_of(self.nomination)?;
        self.timeline.clear();
        for r in &self.referrals {
            let level = catalogue
                .level(&r.level)
                .map_or(r.level.clone(), |l| l.name.clone());
            for step in store.referral_timeline(r.id)? {
                self.timeline.push((level.clone(), step));
            }
        }
        self.checklist = match self.current() {
            Some(r) => store.referral_checklist(r.id)?,
            None => Vec::new(),
        };
        self.selected = self.selected.min(self.checklist.len().saturating_sub(1));
        Ok(())
    }

    /// Whether `event` may follow now (so an illegal step, or sending an
    /// incomplete dossier, is refused before its form is filled in); dates
    /// are checked when the form is submitted, before the confirm.
    fn allowed(&self, event: StepKind) -> Result<(), AwardRefusal> {
        let Some(r) = self.current() else {
            return Ok(());
        };
        let state = ReferralState {
            status: r.status,
            last_date: NaiveDate::MIN,
        };
        let date = NaiveDate::MAX;
        let sample = match event {
            StepKind::Send => ReferralEvent::Send { date },
            StepKind::Return => ReferralEvent::Return {
                date,
                reason: "-".into(),
            },
            StepKind::Resend => ReferralEvent::Resend { date },
            StepKind::Approve => ReferralEvent::Approve { date },
            StepKind::Refuse => ReferralEvent::Refuse {
                date,
                reason: "-".into(),
            },
            StepKind::Confer => ReferralEvent::Confer {
                conferral: Conferral {
                    number: "-".into(),
                    date,
                    authority: "-".into(),
                },
            },
            StepKind::Forward => ReferralEvent::Forward { date },
            StepKind::Withdraw => ReferralEvent::Withdraw {
                date,
                reason: "-".into(),
            },
        };
        let missing: Vec<String> = self
            .checklist
            .iter()
            .filter(|i| !i.is_ticked())
            .map(|i| i.name.clone())
            .collect();
        check_step(&state, &sample, &missing).map(|_| ())
    }

    pub fn apply(&mut self, action: &Action, store: &Store, s: &Strings) -> Outcome {
        let t = texts(s);
        match action {
            Action::Close | Action::Cancel => Outcome::Close,
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                Outcome::Nothing
            }
            Action::Down => {
                if self.selected + 1 < self.checklist.len() {
                    self.selected += 1;
                }
                Outcome::Nothing
            }
            Action::Awards(AwardAction::Tick) => {
                let (Some(r), Some(item)) = (self.current(), self.checklist.get(self.selected))
                else {
                    return Outcome::Message(t.nothing_selected.into());
                };
                Outcome::Open(Box::new(Form::tick(
                    r.id,
                    &item.doc_code,
                    &item.name,
                    &item.reference,
                    s,
                )))
            }
            Action::Awards(AwardAction::Step(event)) => {
                let Some(r) = self.current() else {
                    return Outcome::Message(t.no_referral.into());
                };
                if let Err(e) = self.allowed(*event) {
                    return Outcome::Message(s.award_refusal_of(&e));
                }
                Outcome::Open(Box::new(Form::step(
                    store,
                    r.id,
                    *event,
                    self.subject.clone(),
                    &self.granted_by,
                    s,
                )))
            }
            _ => Outcome::Nothing,
        }
    }

    pub fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = texts(s);
        Clear.render(area, buf);
        let title = match self.current() {
            Some(r) => format!(
                " {} — {} — {} ",
                t.referral_title,
                self.subject,
                referral_status(s, r.status)
            ),
            None => format!(" {} — {} ", t.referral_title, self.subject),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(
                truncate(&title, usize::from(area.width.saturating_sub(2))),
                THEME.title,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let mut head = Vec::new();
        if let Some(r) = self.current() {
            head.push(Line::from(vec![
                Span::styled(format!("{}: ", t.submission), THEME.dim),
                Span::raw(format!(
                    "{} {} — {} {}",
                    r.submission_number,
                    r.submission_date
                        .map(|d| d.format("%d/%m/%Y").to_string())
                        .unwrap_or_default(),
                    t.to_level,
                    s.level(&r.level)
                )),
            ]));
            if let Some(reason) = &r.override_reason {
                head.push(Line::from(vec![
                    Span::styled(format!("{}: ", t.override_reason), THEME.missing),
                    Span::raw(reason.clone()),
                ]));
            }
        }
        let cl_h = self.checklist.len() as u16 + 2;
        let [h, cl, tl] = Layout::vertical([
            Constraint::Length(head.len() as u16),
            Constraint::Length(cl_h),
            Constraint::Min(0),
        ])
        .areas(inner);
        Paragraph::new(head).render(h, buf);
        let mut lines = vec![Line::styled(t.dossier, THEME.heading)];
        for (i, item) in self.checklist.iter().enumerate() {
            let mark = if item.is_ticked() { "[x]" } else { "[ ]" };
            let style = if i == self.selected {
                THEME.selected
            } else if item.is_ticked() {
                Style::default()
            } else {
                THEME.missing
            };
            let text = format!("{mark} {} {}", item.name, item.reference);
            lines.push(Line::styled(truncate(&text, usize::from(cl.width)), style));
        }
        Paragraph::new(lines).render(cl, buf);
        let mut lines = vec![Line::styled(t.timeline, THEME.heading)];
        for (level, step) in &self.timeline {
            let mut text = format!(
                "{}  {:<12} {}",
                step.date.format("%d/%m/%Y"),
                level,
                referral_status(s, step.status)
            );
            if !step.note.is_empty() {
                text.push_str(&format!(" — {}", step.note));
            }
            if let Some(num) = &step.decision_number {
                text.push_str(&format!(
                    " — {num} {}, {}",
                    step.decision_date
                        .map(|d| d.format("%d/%m/%Y").to_string())
                        .unwrap_or_default(),
                    step.authority.clone().unwrap_or_default()
                ));
            }
            lines.push(Line::raw(text));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(tl, buf);
    }
}
