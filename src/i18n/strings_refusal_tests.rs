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

#[test]
fn has_votes_keeps_the_meeting_number_as_written() {
    let r = MeetingRefusal::HasVotes {
        name: "Lê Thị Y".into(),
        meeting: MeetingLabel {
            number: "07/BB-HĐTĐKT".into(),
            id: 2,
        },
    };
    assert_eq!(
        Lang::Vi.strings().refusal(&r),
        "Chương trình: Lê Thị Y đã có kết quả biểu quyết tại phiên họp 07/BB-HĐTĐKT; nội dung này giữ lại trong chương trình"
    );
    assert_eq!(
        Lang::En.strings().refusal(&r),
        "agenda: Lê Thị Y already has votes recorded at meeting 07/BB-HĐTĐKT; the item stays on the agenda"
    );
}

#[test]
fn setup_agenda_round_and_minutes_refusals_in_vietnamese() {
    use crate::domain::nomination::NominationStatus;
    let label = MeetingLabel {
        number: "07/BB".into(),
        id: 2,
    };
    let cases = [
        (
            MeetingRefusal::NoCouncil,
            "Chưa có hội đồng: hãy lập hội đồng theo quyết định thành lập: `hoidong council new --decision SỐ --date NGÀY --signer NGƯỜI_KÝ --term 2026-2031`, rồi thêm thành viên: `hoidong council member add HỌ_TÊN --role chu-tich --from NGÀY`",
            "no council yet: establish the council by its decision: `hoidong council new --decision NUMBER --date DATE --signer SIGNER --term 2026-2031`, then add its members: `hoidong council member add NAME --role chair --from DATE`",
        ),
        (
            MeetingRefusal::BadStartsAt {
                text: "2026-13-01T08:00".into(),
            },
            "Thời gian họp: “2026-13-01T08:00” không phải là ngày giờ hợp lệ (ví dụ 2026-11-20T08:00)",
            "date and time: “2026-13-01T08:00” is not a date and time like 2026-11-20T08:00",
        ),
        (
            MeetingRefusal::NoMembers,
            "Thành viên: hội đồng chưa có thành viên đương nhiệm nào để triệu tập vào ngày họp; thêm thành viên bằng `hoidong council member add HỌ_TÊN --role … --from NGÀY`",
            "members: the council has no member in office to call on the meeting's date; add members with `hoidong council member add NAME --role … --from DATE`",
        ),
        (
            MeetingRefusal::NotCouncilMember { member: 42 },
            "Thành viên: 42 không phải là thành viên hội đồng",
            "members: 42 is not a member of the council",
        ),
        (
            MeetingRefusal::MemberNotCalled {
                member: 5,
                meeting: label.clone(),
            },
            "Thành viên 5 không có trong danh sách được triệu tập của phiên họp 07/BB",
            "member 5 is not called to meeting 07/BB",
        ),
        (
            MeetingRefusal::GuestNoName {
                position: "Bí thư Chi bộ".into(),
            },
            "Khách mời: có khách mời chưa ghi họ tên (chức vụ “Bí thư Chi bộ”)",
            "guests: a guest has no name (position “Bí thư Chi bộ”)",
        ),
        (
            MeetingRefusal::GuestNoName {
                position: String::new(),
            },
            "Khách mời: có khách mời chưa ghi họ tên",
            "guests: a guest has no name",
        ),
        (
            MeetingRefusal::NoDefaultRule {
                level: "ward".into(),
            },
            "Quy định biểu quyết: chưa có quy định chung (danh hiệu “*”) cho hội đồng cấp “ward”",
            "vote rules: no default rule (award “*”) for the council level “ward”",
        ),
        (
            MeetingRefusal::OffAgenda {
                name: "Lê Thị Y".into(),
                meeting: label.clone(),
            },
            "Chương trình: Lê Thị Y không có trong chương trình của phiên họp 07/BB",
            "agenda: Lê Thị Y is not on the agenda of meeting 07/BB",
        ),
        (
            MeetingRefusal::BadPosition {
                position: 5,
                items: 3,
            },
            "Chương trình: vị trí 5 nằm ngoài khoảng 1–3",
            "agenda: position 5 is outside 1..3",
        ),
        (
            MeetingRefusal::NoTallies { round: 2 },
            "Lần bỏ phiếu 2: hãy nhập kết quả biểu quyết của ít nhất một đối tượng",
            "round 2: enter the votes of at least one nominee",
        ),
        (
            MeetingRefusal::NotVotable {
                round: 1,
                name: "Lê Thị Y".into(),
                status: NominationStatus::Withdrawn,
            },
            "Lần bỏ phiếu 1, Lê Thị Y: hồ sơ đang ở trạng thái “Đã rút”, không biểu quyết được",
            "round 1, Lê Thị Y: the nomination is withdrawn and cannot be voted on",
        ),
        (
            MeetingRefusal::NoVoteRule {
                round: 1,
                name: "Lê Thị Y".into(),
                award: "giay_khen".into(),
                level: "ward".into(),
            },
            "Lần bỏ phiếu 1, Lê Thị Y: chưa có quy định biểu quyết cho danh hiệu “giay_khen” ở cấp “ward”, cũng không có quy định chung",
            "round 1, Lê Thị Y: no vote rule for award “giay_khen” at level “ward” and no default rule",
        ),
        (
            MeetingRefusal::AmendMethod {
                round: 1,
                original: VoteMethod::SecretBallot,
            },
            "Đính chính lần bỏ phiếu 1: lần bỏ phiếu gốc là bỏ phiếu kín; đính chính phải giữ nguyên hình thức đó",
            "amendment of round 1: the original was a secret ballot; an amendment keeps its method",
        ),
        (
            MeetingRefusal::AmendNewNominee {
                round: 3,
                name: "Lê Thị Y".into(),
                original: 1,
            },
            "Lần bỏ phiếu 3, Lê Thị Y: không được biểu quyết ở lần bỏ phiếu 1 nên không thể có trong đính chính của lần đó",
            "round 3, Lê Thị Y: not voted on in round 1, so an amendment of it cannot include this nominee",
        ),
        (
            MeetingRefusal::EmptyNote { editing: false },
            "Ghi chép: chưa có nội dung",
            "note: the text is empty",
        ),
        (
            MeetingRefusal::EmptyNote { editing: true },
            "Ghi chép: chưa có nội dung (muốn bỏ ghi chép này thì hãy xóa nó)",
            "note: the text is empty (delete the note instead)",
        ),
        (
            MeetingRefusal::MinutesSigned {
                meeting: label.clone(),
                signed_at: "2026-11-20T10:05:00".into(),
            },
            "Phiên họp 07/BB: biên bản đã được ký duyệt lúc 10:05 ngày 20/11/2026; các thay đổi sau đó hãy ghi thành biên bản bổ sung",
            "meeting 07/BB: the minutes were signed off on 2026-11-20T10:05:00; record later changes as an addendum",
        ),
        (
            MeetingRefusal::NotHeld {
                meeting: label.clone(),
                why: NotHeld::NeverOpened,
            },
            "Phiên họp 07/BB chưa từng được khai mạc: không có biên bản nào để ký duyệt",
            "meeting 07/BB was never opened: there are no minutes to sign",
        ),
        (
            MeetingRefusal::NotHeld {
                meeting: label.clone(),
                why: NotHeld::NobodyPresent,
            },
            "Phiên họp 07/BB không có thành viên nào được ghi là có mặt: không có biên bản nào để ký duyệt",
            "meeting 07/BB had nobody marked present: there are no minutes to sign",
        ),
        (
            MeetingRefusal::RevoteNoReason {
                round: 3,
                names: vec!["Lê Thị Y".into()],
            },
            "Lần bỏ phiếu 3: muốn biểu quyết lại phải ghi lý do (lưu cùng lần bỏ phiếu); đã có kết quả: Lê Thị Y",
            "round 3: Lê Thị Y already voted on in this meeting; a new round needs a reason, which is kept with it",
        ),
        (
            MeetingRefusal::Times {
                meeting: label.clone(),
                why: crate::domain::held::TimesRefused::EndBeforeStart {
                    start: chrono::NaiveTime::from_hms_opt(16, 0, 0).unwrap_or_default(),
                    end: chrono::NaiveTime::from_hms_opt(8, 30, 0).unwrap_or_default(),
                },
            },
            "Phiên họp 07/BB: thời gian, địa điểm: giờ kết thúc (08:30) trước giờ bắt đầu (16:00); hãy nhập giờ kết thúc từ giờ bắt đầu trở đi",
            "meeting 07/BB: times and place: the end (08:30) is before the start (16:00); give an end at or after the start",
        ),
        (
            MeetingRefusal::Times {
                meeting: label.clone(),
                why: crate::domain::held::TimesRefused::Signed,
            },
            "Phiên họp 07/BB: thời gian, địa điểm: biên bản đã ký duyệt nên thời gian, địa điểm ghi trong đó không sửa được nữa (điều chỉnh thì ghi vào biên bản bổ sung)",
            "meeting 07/BB: times and place: the minutes are signed: the time and place they state can no longer change (record a correction in an addendum)",
        ),
        (
            MeetingRefusal::MinutesNotSigned {
                meeting: label.clone(),
            },
            "Phiên họp 07/BB: biên bản chưa được ký duyệt nên chưa có gì để bổ sung",
            "meeting 07/BB: the minutes are not signed off yet, so there is nothing to amend",
        ),
        (
            MeetingRefusal::SignedTampered { signoff: 4 },
            "Bản ký duyệt số 4: nội dung lưu không còn khớp mã SHA-256 đã ghi, tức đã bị sửa ngoài hoidong; không in bản này (chạy “hoidong check” để xem chi tiết)",
            "sign-off 4: the stored document no longer matches its hash; it was changed outside hoidong",
        ),
        (
            MeetingRefusal::SignedUnreadable {
                signoff: 4,
                detail: "EOF while parsing".into(),
            },
            "Bản ký duyệt số 4: không đọc được nội dung đã lưu (EOF while parsing)",
            "sign-off 4: the stored document cannot be read (EOF while parsing)",
        ),
    ];
    let (vi, en) = (Lang::Vi.strings(), Lang::En.strings());
    for (r, want_vi, want_en) in cases {
        assert_eq!(vi.refusal(&r), want_vi);
        assert_eq!(en.refusal(&r), want_en);
    }
}
