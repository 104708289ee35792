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
pub mod form_screen;
pub mod import_keys;
pub mod import_preview;
pub mod import_preview_view;
pub mod meeting;
mod meeting_tally;
pub mod meeting_view;
pub mod minutes;
pub mod minutes_view;
pub mod movements;
pub mod nomination_form;
pub mod plan_forms;
pub mod plan_view;
pub mod planning;
pub mod preview;
pub mod preview_text;
pub mod ranking;
pub mod scoring;
pub mod setup;
pub mod tally_form;
pub mod times_form;
