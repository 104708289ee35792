//! The meeting refusals rendered in both languages.

use super::*;
use crate::domain::meeting::MeetingStatus;
use crate::domain::vote::VoteError;

#[test]
fn tally_refusal_in_vietnamese_and_english() {
    let r = MeetingRefusal::Tally {
        round: 1,
        name: "Trần Văn X".into(),
        error: VoteError::VotesOverValid {
            agree: 9,
            disagree: 2,
            valid: 8,
        },
    };
    assert_eq!(
        Lang::Vi.strings().refusal(&r),
        "Lần bỏ phiếu 1, Trần Văn X: đồng ý (9) + không đồng ý (2) nhiều hơn số phiếu hợp lệ (8)"
    );
    assert_eq!(
        Lang::En.strings().refusal(&r),
        "round 1, Trần Văn X: agree (9) + disagree (2) exceed valid ballots (8)"
    );
}

#[test]
fn closed_meeting_names_the_meeting() {
    let r = MeetingRefusal::Closed {
        meeting: MeetingLabel {
            number: "01/BB".into(),
            id: 3,
        },
        doing: Doing::ChangingAgenda,
    };
    let vi = Lang::Vi.strings().refusal(&r);
    assert!(
        vi.starts_with("Phiên họp 01/BB đã kết thúc: không thể thay đổi chương trình"),
        "{vi}"
    );
    assert!(
        Lang::En
            .strings()
            .refusal(&r)
            .starts_with("meeting 01/BB is closed:")
    );
}

#[test]
fn form_vote_and_amendment_refusals_in_vietnamese() {
    let vi = Lang::Vi.strings();
    let label = MeetingLabel {
        number: "07/BB".into(),
        id: 2,
    };
    let cases = [
        (
            MeetingRefusal::EmptySubject,
            "Nội dung phiên họp: chưa nhập nội dung",
            "subject: the subject is empty",
        ),
        (
            MeetingRefusal::NotCalled {
                role: Role::Chair,
                member: 4,
            },
            "Chủ trì: thành viên 4 không có trong danh sách thành viên được triệu tập",
            "chair: member 4 is not among the members called to the meeting",
        ),
        (
            MeetingRefusal::NotCalled {
                role: Role::Secretary,
                member: 5,
            },
            "Thư ký: thành viên 5 không có trong danh sách thành viên được triệu tập",
            "secretary: member 5 is not among the members called to the meeting",
        ),
        (
            MeetingRefusal::WrongMethod {
                round: 1,
                name: "Lê Thị Y".into(),
                rule: VoteMethod::SecretBallot,
                used: VoteMethod::Open,
                source_name: "Điều 1".into(),
            },
            "Lần bỏ phiếu 1, Lê Thị Y: quy định của danh hiệu này yêu cầu bỏ phiếu kín, nhưng lần bỏ phiếu này là biểu quyết giơ tay (quy định: Điều 1)",
            "round 1, Lê Thị Y: the rule for this award asks for a secret ballot, but this round is an open vote (rule: Điều 1)",
        ),
        (
            MeetingRefusal::SecretAbstain {
                round: 2,
                name: "Lê Thị Y".into(),
                abstain: 3,
            },
            "Lần bỏ phiếu 2, Lê Thị Y: bỏ phiếu kín không có phiếu không biểu quyết (đang nhập 3); phiếu trắng tính là phiếu không hợp lệ",
            "round 2, Lê Thị Y: a secret ballot has no abstentions (abstain 3); count blank papers as invalid",
        ),
        (
            MeetingRefusal::EnteredTwice {
                round: 1,
                name: "Lê Thị Y".into(),
            },
            "Lần bỏ phiếu 1, Lê Thị Y: được nhập hai lần trong cùng một lần bỏ phiếu",
            "round 1, Lê Thị Y: entered twice in the same round",
        ),
        (
            MeetingRefusal::NotOnAgenda {
                round: 1,
                name: "Lê Thị Y".into(),
            },
            "Lần bỏ phiếu 1, Lê Thị Y: không có trong chương trình phiên họp này",
            "round 1, Lê Thị Y: not on the agenda of this meeting",
        ),
        (
            MeetingRefusal::AmendNotClosed {
                meeting: label.clone(),
                status: MeetingStatus::Open,
            },
            "Phiên họp 07/BB đang ở trạng thái “đang họp”: khi phiên họp chưa kết thúc, hãy ghi một lần bỏ phiếu mới thay vì đính chính",
            "meeting 07/BB is open: while it is not closed, record a new round instead of an amendment",
        ),
        (
            MeetingRefusal::AmendUnknownRound {
                round: 9,
                meeting: label.clone(),
            },
            "Đính chính: lần bỏ phiếu 9 không thuộc phiên họp 07/BB",
            "amendment: round 9 is not a round of meeting 07/BB",
        ),
        (
            MeetingRefusal::NoAbsenceReason {
                name: "Lê Thị Y".into(),
            },
            "Điểm danh: hãy ghi lý do Lê Thị Y vắng mặt (biên bản ghi lý do này)",
            "attendance: give the reason why Lê Thị Y is absent (the minutes record it)",
        ),
        (
            MeetingRefusal::AmendNoReason { round: 1 },
            "Đính chính lần bỏ phiếu 1: hãy ghi lý do đính chính",
            "amendment of round 1: give the reason for the correction",
        ),
    ];
    for (r, want_vi, want_en) in cases {
        assert_eq!(vi.refusal(&r), want_vi);
        assert_eq!(Lang::En.strings().refusal(&r), want_en);
    }
}
