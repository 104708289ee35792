//! Full screens. The dashboard is always underneath; other screens stack on
//! top of it (meeting mode, awards board, audit log plug in here as variants).

pub mod dashboard;
pub mod dashboard_pages;
pub mod dashboard_view;
pub mod eligibility_marks;
pub mod evidence_form;
pub mod evidence_list;
pub mod import_keys;
pub mod import_preview;
pub mod import_preview_view;
pub mod meeting;
mod meeting_tally;
#[cfg(test)]
mod meeting_tests;
pub mod meeting_view;
pub mod minutes;
pub mod minutes_view;
pub mod nomination_form;
pub mod plan_forms;
pub mod plan_view;
pub mod planning;
pub mod preview;
pub mod preview_text;
pub mod ranking;
pub mod scoring;
pub mod tally_form;
pub mod times_form;

use super::keymap::Context;

pub enum Screen {
    Scoring(Box<scoring::Scoring>),
    NominationForm(Box<nomination_form::NominationForm>),
    EvidenceForm(Box<evidence_form::EvidenceForm>),
    EvidenceList(Box<evidence_list::EvidenceList>),
    Ranking(Box<ranking::Ranking>),
    Meeting(Box<meeting::MeetingMode>),
    Planning(Box<planning::Planning>),
    Minutes(Box<minutes::MinutesScreen>),
    Preview(Box<preview::Preview>),
    Awards(Box<crate::tui::awards::AwardsScreen>),
    ImportPreview(Box<import_preview::ImportPreview>),
}

impl Screen {
    pub fn context(&self) -> Context {
        match self {
            Screen::Scoring(s) => s.context(),
            Screen::NominationForm(s) => s.context(),
            Screen::EvidenceForm(s) => s.context(),
            Screen::EvidenceList(s) => s.context(),
            Screen::Ranking(s) => s.context(),
            Screen::Meeting(m) => m.context(),
            Screen::Planning(p) => p.context(),
            Screen::Minutes(m) => m.context(),
            Screen::Preview(p) => p.context(),
            Screen::Awards(a) => a.context(),
            Screen::ImportPreview(p) => p.context(),
        }
    }
}
