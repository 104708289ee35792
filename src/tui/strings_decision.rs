//! The words of the decision for many awards and its certificates, in the
//! interface's language (the command line uses them too).

use crate::domain::decision_batch::BatchRefusal;
use crate::store::decision_batches::refusal_en;

use super::strings::{Lang, Strings};

impl Strings {
    /// Why a decision for many awards was refused.
    pub fn batch_refusal(&self, r: &BatchRefusal) -> String {
        if self.lang == Lang::En {
            return refusal_en(r);
        }
        match r {
            BatchRefusal::Empty => {
                "Không có hồ sơ nào được Hội đồng thông qua trong lựa chọn này để quyết định".into()
            }
            BatchRefusal::NotInMeeting(id) => {
                format!("Hồ sơ {id} không có trong chương trình phiên họp này")
            }
            BatchRefusal::Repeated(id) => format!("Hồ sơ {id} được nêu hai lần"),
            BatchRefusal::EmptyNumber => "Số quyết định: chưa nhập số quyết định".into(),
            BatchRefusal::NumberTaken(n) => {
                format!("Số quyết định: quyết định {n} đã được ghi; hãy dùng số mới")
            }
            BatchRefusal::Nominations(v) => v
                .iter()
                .map(|(id, r)| format!("Hồ sơ {id}: {}", self.award_refusal_of(r)))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}
