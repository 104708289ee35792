//! Pure domain types and rules: no SQL, no terminal, no files.

pub mod award;
pub mod ballot_record;
pub mod council;
pub mod criteria;
pub mod meeting;
pub mod movement;
pub mod nomination;
pub mod nominee;
pub mod record;
pub mod scoring;
pub mod text;
pub mod vote;
#[cfg(test)]
mod vote_properties;
