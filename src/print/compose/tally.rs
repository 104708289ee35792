//! The full tally of one nominee in one round, as the minutes print it: for a
//! secret ballot the paper counts (issued, returned, valid, invalid), for an
//! open vote the members present and those who abstained; then agree and
//! disagree (with written opinions when the rule counts them), the share on
//! the rule's denominator and the result.

use crate::domain::meeting::{BallotRound, VoteResult};
use crate::domain::vote::VoteMethod;
use crate::print::model::{Align, Table};

use super::{col, percent};

/// "7", or "7 + 1 VB" when written opinions count and one was sent.
fn with_written(in_room: u32, written: u32, counted: bool) -> String {
    if counted && written > 0 {
        format!("{in_room} + {written} VB")
    } else {
        in_room.to_string()
    }
}

/// "81,8% (9/11)": the share and the counts it is worked out on.
pub(crate) fn share_cell(v: &VoteResult) -> String {
    let o = &v.outcome;
    format!(
        "{} ({}/{})",
        percent(o.share_permille),
        o.counted_agree,
        o.denominator
    )
}

pub(crate) fn result_word(passed: bool) -> &'static str {
    if passed { "Đạt" } else { "Không đạt" }
}

pub(crate) fn tally_table(round: &BallotRound, v: &VoteResult) -> Table {
    let t = &v.tally;
    let written = v.rule.count_written_opinions;
    let agree = with_written(t.agree, t.written_agree, written);
    let disagree = with_written(t.disagree, t.written_disagree, written);
    let tail = [
        agree,
        disagree,
        share_cell(v),
        result_word(v.outcome.passed).to_string(),
    ];
    match round.method {
        VoteMethod::SecretBallot => {
            let b = &round.ballots;
            let mut row = vec![
                b.issued.to_string(),
                b.returned.to_string(),
                b.valid.to_string(),
                b.invalid.to_string(),
            ];
            row.extend(tail);
            Table {
                columns: vec![
                    col("Phiếu phát ra", 10, Align::Center),
                    col("Phiếu thu về", 10, Align::Center),
                    col("Hợp lệ", 9, Align::Center),
                    col("Không hợp lệ", 10, Align::Center),
                    col("Đồng ý", 11, Align::Center),
                    col("Không đồng ý", 11, Align::Center),
                    col("Tỷ lệ đồng ý", 14, Align::Center),
                    col("Kết quả", 11, Align::Center),
                ],
                rows: vec![row],
            }
        }
        VoteMethod::Open => {
            let [agree, disagree, share, result] = tail;
            Table {
                columns: vec![
                    col("Có mặt", 10, Align::Center),
                    col("Đồng ý", 12, Align::Center),
                    col("Không đồng ý", 12, Align::Center),
                    col("Không biểu quyết", 12, Align::Center),
                    col("Tỷ lệ đồng ý", 15, Align::Center),
                    col("Kết quả", 12, Align::Center),
                ],
                rows: vec![vec![
                    round.attendance.present.to_string(),
                    agree,
                    disagree,
                    t.abstain.to_string(),
                    share,
                    result,
                ]],
            }
        }
    }
}
