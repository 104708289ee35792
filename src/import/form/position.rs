//! Splitting "Chức vụ, đơn vị công tác (nơi cư trú)" into the position and
//! the unit: at the first comma when what comes before it is a position
//! ("Tổ trưởng tổ dân phố số 5, khu dân cư số 3"); kept whole otherwise.

/// The first words of positions, with their marks ("trưởng" is not
/// "trường", a school).
const POSITION_WORDS: &[&str] = &[
    "tổ trưởng",
    "tổ phó",
    "trưởng",
    "phó",
    "chi hội trưởng",
    "chi hội phó",
    "bí thư",
    "chủ tịch",
    "giám đốc",
    "cán bộ",
    "chuyên viên",
    "công chức",
    "viên chức",
    "nhân viên",
    "giáo viên",
    "kế toán",
    "hội viên",
    "đoàn viên",
    "đảng viên",
    "ủy viên",
    "uỷ viên",
    "thành viên",
    "công an viên",
    "bác sĩ",
    "y sĩ",
    "điều dưỡng",
    "chỉ huy",
    "cựu chiến binh",
    "hiệu trưởng",
    "hiệu phó",
    "chủ nhiệm",
    "thủ quỹ",
    "văn thư",
    "phụ trách",
    "công nhân",
];

/// (position, unit): the position is empty when the text does not start
/// with one.
pub fn split_position_unit(text: &str) -> (String, String) {
    let text = text.trim();
    if let Some((head, tail)) = text.split_once(',') {
        let lower = crate::domain::text::nfc(head).to_lowercase();
        let is_position = POSITION_WORDS.iter().any(|w| {
            lower
                .strip_prefix(w)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        });
        if is_position && !tail.trim().is_empty() {
            return (head.trim().to_string(), tail.trim().to_string());
        }
    }
    (String::new(), text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_at_the_first_comma_after_a_position() {
        assert_eq!(
            split_position_unit("Tổ trưởng tổ dân phố số 5, khu dân cư số 3"),
            ("Tổ trưởng tổ dân phố số 5".into(), "khu dân cư số 3".into())
        );
        assert_eq!(
            split_position_unit("Chi hội trưởng, Chi hội Phụ nữ khu dân cư số 3"),
            (
                "Chi hội trưởng".into(),
                "Chi hội Phụ nữ khu dân cư số 3".into()
            )
        );
    }

    #[test]
    fn kept_whole_when_it_does_not_start_with_a_position() {
        assert_eq!(
            split_position_unit("Tổ 5, khu dân cư số 3"),
            (String::new(), "Tổ 5, khu dân cư số 3".into())
        );
        assert_eq!(
            split_position_unit("Trường THCS Lê Lợi, phường 3"),
            (String::new(), "Trường THCS Lê Lợi, phường 3".into())
        );
        assert_eq!(
            split_position_unit("Khu dân cư số 3"),
            (String::new(), "Khu dân cư số 3".into())
        );
    }
}
