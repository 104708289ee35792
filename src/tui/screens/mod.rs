//! Full screens. The dashboard is always underneath; other screens stack on
//! top of it (meeting mode, awards board, audit log plug in here as variants).

pub mod dashboard;
pub mod dashboard_pages;
pub mod dashboard_view;
pub mod eligibility_marks;
pub mod meeting;
#[cfg(test)]
mod meeting_tests;
pub mod meeting_view;
pub mod plan_forms;
pub mod plan_view;
pub mod planning;
pub mod scoring;
pub mod tally_form;

use super::keymap::Context;

pub enum Screen {
    Scoring(Box<scoring::Scoring>),
    Meeting(Box<meeting::MeetingMode>),
    Planning(Box<planning::Planning>),
}

impl Screen {
    pub fn context(&self) -> Context {
        match self {
            Screen::Scoring(s) => s.context(),
            Screen::Meeting(m) => m.context(),
            Screen::Planning(p) => p.context(),
        }
    }
}
