//! Pure domain types and rules: no SQL, no terminal, no files.

pub mod award;
pub mod award_steps;
pub mod ballot_record;
pub mod council;
pub mod council_rules;
pub mod council_settings;
pub mod criteria;
pub mod dates;
pub mod decision_batch;
pub mod dossier;
pub mod eligibility;
pub mod held;
pub mod hold;
pub mod meeting;
pub mod movement;
pub mod movement_plan;
pub mod nomination;
pub mod nomination_rules;
pub mod nominee;
pub mod note_rules;
pub mod prize;
pub mod ranking;
pub mod record;
pub mod referral;
pub mod referral_checks;
pub mod register;
pub mod report;
pub mod scoring;
pub mod submission;
pub mod text;
pub mod text_rules;
#[cfg(test)]
mod text_rules_properties;
pub mod vote;
#[cfg(test)]
mod vote_properties;
pub mod ward;
