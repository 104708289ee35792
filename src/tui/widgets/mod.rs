//! Reusable pieces drawn by the screens.

pub mod award_name;
pub mod detail;
pub mod form;
pub mod hint_bar;
pub mod score_bar;
pub mod table;
pub mod text_input;
