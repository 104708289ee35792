//! Every integration test in one binary: linked once, not once per file.
//! (`tests/read_damage.rs` stays apart: it needs a process of its own.)

mod common;
#[path = "../damage_page/mod.rs"]
mod damage_page;
mod exercise_log;
mod print_fixture;
#[path = "common/record_db.rs"]
mod record_db;

mod anchor;
mod awards;
mod bulk_writes;
mod cli;
mod crash;
mod decision;
mod file_safety;
mod import_export;
mod import_forms;
mod keyset;
mod meeting;
mod meeting_times;
mod movements;
mod papers;
mod print;
mod print_layout;
mod record_truth;
mod rules;
mod safety;
mod scale;
mod search_index;
mod smoke;
mod store;
mod stored_codes;
mod tamper;
mod tui;
mod tui_award_forms;
mod tui_awards;
mod tui_decision;
mod tui_forms;
mod tui_import_preview;
mod tui_import_vi;
mod tui_meeting_mode;
mod tui_meeting_vi;
mod tui_meetingplan;
mod tui_minutes;
mod tui_movements;
mod tui_names;
mod tui_nominee_form;
mod tui_setup;
mod tui_small_screen;
mod typed_refusals;
mod ward;
