//! Full screens. The dashboard is always underneath; other screens stack on
//! top of it as layers (`screen::Screen`), opened from the dashboard in
//! `dashboard_open` or from another screen by its `Outcome::Open`.

pub mod dashboard;
pub mod dashboard_open;
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

/// Screens not yet on the `screen::Screen` contract: the app still routes
/// their actions through its own glue.
pub enum Legacy {
    Meeting(Box<meeting::MeetingMode>),
    Planning(Box<planning::Planning>),
    Minutes(Box<minutes::MinutesScreen>),
    Preview(Box<preview::Preview>),
    Awards(Box<crate::tui::awards::AwardsScreen>),
}

impl Legacy {
    pub fn context(&self) -> Context {
        match self {
            Legacy::Meeting(m) => m.context(),
            Legacy::Planning(p) => p.context(),
            Legacy::Minutes(m) => m.context(),
            Legacy::Preview(p) => p.context(),
            Legacy::Awards(a) => a.context(),
        }
    }

    /// Awards forms are drawn over the screen they were opened from.
    pub fn is_popup(&self) -> bool {
        matches!(self, Legacy::Awards(a) if matches!(**a, crate::tui::awards::AwardsScreen::Form(_)))
    }
}
