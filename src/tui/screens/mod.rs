//! Full screens. The dashboard is always underneath; other screens stack on
//! top of it (meeting mode, awards board, audit log plug in here as variants).

pub mod dashboard;
pub mod dashboard_pages;
pub mod dashboard_view;
pub mod scoring;

use super::keymap::Context;

pub enum Screen {
    Scoring(Box<scoring::Scoring>),
    Awards(Box<crate::tui::awards::AwardsScreen>),
}

impl Screen {
    pub fn context(&self) -> Context {
        match self {
            Screen::Scoring(s) => s.context(),
            Screen::Awards(a) => a.context(),
        }
    }
}
