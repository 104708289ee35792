//! What `hoidong meeting …` says when a step is done or refused, in
//! Vietnamese and English: every such line of the command is written here.

use crate::i18n::Lang;

/// A line of `hoidong meeting …`, before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said<'a> {
    Created {
        id: i64,
        called: usize,
    },
    Added {
        id: i64,
        count: usize,
    },
    Moved {
        nomination: i64,
        position: u32,
    },
    Removed {
        nomination: i64,
    },
    CommitteeSet {
        id: i64,
    },
    Held {
        id: i64,
        date: String,
        start: String,
        end: String,
        place: &'a str,
    },
    NoteAdded {
        id: i64,
    },
    /// `meeting add` with nothing to add.
    NothingToAdd,
    NotOnAgenda {
        id: i64,
        nomination: i64,
    },
    NotATime {
        flag: &'a str,
        text: &'a str,
    },
    NotADate {
        text: &'a str,
    },
    DateNeeded {
        id: i64,
    },
}

impl Said<'_> {
    pub fn say(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Said::Created { id, called } if vi => {
                format!("đã lập cuộc họp {id} (dự kiến), triệu tập {called} thành viên")
            }
            Said::Created { id, called } => {
                format!("meeting {id} created (planned), {called} members called")
            }
            Said::Added { id, count } if vi => {
                format!("đã đưa {count} đề nghị vào chương trình cuộc họp {id}")
            }
            Said::Added { id, count } => {
                format!("{count} item(s) added to the agenda of meeting {id}")
            }
            Said::Moved {
                nomination,
                position,
            } if vi => {
                format!("đề nghị {nomination} nay là mục {position}")
            }
            Said::Moved {
                nomination,
                position,
            } => {
                format!("nomination {nomination} is now item {position}")
            }
            Said::Removed { nomination } if vi => {
                format!("đã rút đề nghị {nomination} khỏi chương trình (trở lại trạng thái đã nộp)")
            }
            Said::Removed { nomination } => {
                format!("nomination {nomination} taken off the agenda (back to submitted)")
            }
            Said::CommitteeSet { id } if vi => {
                format!("đã lập ban kiểm phiếu của cuộc họp {id}")
            }
            Said::CommitteeSet { id } => format!("counting committee of meeting {id} set"),
            Said::Held {
                id,
                date,
                start,
                end,
                place,
            } if vi => format!("cuộc họp {id}: họp ngày {date}, từ {start} đến {end}, tại {place}"),
            Said::Held {
                id,
                date,
                start,
                end,
                place,
            } => {
                format!("meeting {id}: held on {date} from {start} to {end} at {place}")
            }
            Said::NoteAdded { id } if vi => format!("đã ghi thêm vào cuộc họp {id}"),
            Said::NoteAdded { id } => format!("note added to meeting {id}"),
            Said::NothingToAdd if vi => {
                "hãy ghi số đề nghị, hoặc --matching CHỮ / --level CẤP".to_string()
            }
            Said::NothingToAdd => {
                "give nomination ids, or --matching TEXT / --level LEVEL".to_string()
            }
            Said::NotOnAgenda { id, nomination } if vi => {
                format!("đề nghị {nomination} không có trong chương trình cuộc họp {id}")
            }
            Said::NotOnAgenda { id, nomination } => {
                format!("nomination {nomination} is not on the agenda of meeting {id}")
            }
            Said::NotATime { flag, text } if vi => {
                format!("{flag} {text}: không phải giờ; hãy viết GG:PP, ví dụ 08:30")
            }
            Said::NotATime { flag, text } => {
                format!("{flag} {text}: not a time; write it as HH:MM, e.g. 08:30")
            }
            Said::NotADate { text } if vi => {
                format!("--date {text}: không phải ngày; hãy viết NNNN-TT-NN, ví dụ 2026-11-20")
            }
            Said::NotADate { text } => {
                format!("--date {text}: not a date; write it as YYYY-MM-DD")
            }
            Said::DateNeeded { id } if vi => {
                format!("cuộc họp {id}: hãy ghi ngày họp bằng --date NNNN-TT-NN")
            }
            Said::DateNeeded { id } => {
                format!("meeting {id}: give the date with --date YYYY-MM-DD")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_said_in_both_languages_and_differs() {
        let lines = [
            Said::Created { id: 1, called: 9 },
            Said::Added { id: 1, count: 3 },
            Said::Moved {
                nomination: 4,
                position: 2,
            },
            Said::Removed { nomination: 4 },
            Said::CommitteeSet { id: 1 },
            Said::Held {
                id: 1,
                date: "2026-11-20".into(),
                start: "08:05".into(),
                end: "10:40".into(),
                place: "Hội trường",
            },
            Said::NoteAdded { id: 1 },
            Said::NothingToAdd,
            Said::NotOnAgenda {
                id: 1,
                nomination: 7,
            },
            Said::NotATime {
                flag: "--start",
                text: "8h",
            },
            Said::NotADate { text: "20/11" },
            Said::DateNeeded { id: 1 },
        ];
        for line in lines {
            let (vi, en) = (line.say(Lang::Vi), line.say(Lang::En));
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{line:?}");
        }
    }
}
