//! Texts of the live minutes, the preview and printing, Vietnamese and
//! English, reached through `Strings::minutes()`.

use crate::domain::meeting::NoteKind;

use super::strings::Strings;
use crate::i18n::Lang;
use crate::tui::action::MinutesAction;

pub struct MinutesStrings {
    pub title: &'static str,
    pub item: &'static str,
    pub no_item: &'static str,
    pub this_item: &'static str,
    pub whole_meeting: &'static str,
    pub no_notes: &'static str,
    pub editing: &'static str,
    pub new_note: &'static str,
    pub saved: &'static str,
    pub unsaved: &'static str,
    pub placeholder: &'static str,
    pub edit_hint: &'static str,
    pub kind_hint: &'static str,
    pub deleted_empty: &'static str,
    pub save_failed: &'static str,
    pub preview_minutes: &'static str,
    pub preview_ballots: &'static str,
    pub preview_addendum: &'static str,
    pub addendum_draft_note: &'static str,
    pub no_addendum_unsigned: &'static str,
    pub no_addendum_yet: &'static str,
    /// Notes screen after sign-off, before the addendum's number.
    pub goes_to_addendum: &'static str,
    /// …and after it.
    pub goes_to_addendum_how: &'static str,
    pub not_signed: &'static str,
    pub signed: &'static str,
    pub confirm_sign: &'static str,
    pub confirm_addendum: &'static str,
    pub signed_now: &'static str,
    pub addendum_now: &'static str,
    pub unchanged: &'static str,
    pub printing: &'static str,
    pub written: &'static str,
    pub sent_to_printer: &'static str,
    pub no_printer: &'static str,
    pub print_failed: &'static str,
    pub ballots_only_pdf_note: &'static str,
}

static VI: MinutesStrings = MinutesStrings {
    title: "Biên bản",
    item: "Nội dung",
    no_item: "Chương trình họp chưa có nội dung; ghi chép được ghi chung cho phiên họp.",
    this_item: "Ghi chép về nội dung này",
    whole_meeting: "Ghi chép chung của phiên họp",
    no_notes: "Chưa có ghi chép. Nhấn n để ghi.",
    editing: "Đang soạn",
    new_note: "ghi chép mới",
    saved: "đã lưu",
    unsaved: "chưa lưu",
    placeholder: "Gõ nội dung; Enter xuống dòng; tự lưu sau mỗi giây.",
    edit_hint: "Enter hoặc e để sửa ghi chép đang chọn.",
    kind_hint: "Khai mạc, kết luận, bế mạc được ghi chung cho phiên họp; ý kiến gắn với nội dung đang xét.",
    deleted_empty: "Ghi chép để trống nên đã xóa",
    save_failed: "Không lưu được ghi chép",
    preview_minutes: "Xem trước biên bản",
    preview_ballots: "Xem trước biên bản kiểm phiếu",
    preview_addendum: "Biên bản bổ sung số",
    addendum_draft_note: "Bản nháp (ghi sau khi ký duyệt); s: ký duyệt bản này",
    no_addendum_unsigned: "Biên bản chưa ký duyệt nên chưa có biên bản bổ sung; mọi ghi chép vẫn vào biên bản.",
    no_addendum_yet: "Chưa có biên bản bổ sung: từ khi ký duyệt chưa có nội dung mới.",
    goes_to_addendum: "Biên bản đã ký duyệt: ghi chép từ nay vào biên bản bổ sung số",
    goes_to_addendum_how: "(p xem trước, a xem bản bổ sung, s ký duyệt)",
    not_signed: "Chưa ký duyệt",
    signed: "Đã ký duyệt",
    confirm_sign: "Ký duyệt biên bản? KHÔNG THỂ HOÀN TÁC: nội dung được khóa lại (lưu mã SHA-256); thay đổi sau đó thành biên bản bổ sung.",
    confirm_addendum: "Biên bản đã ký duyệt. Ghi các thay đổi từ đó thành biên bản bổ sung có ngày riêng? KHÔNG THỂ HOÀN TÁC.",
    signed_now: "Đã ký duyệt biên bản; SHA-256",
    addendum_now: "Đã ghi biên bản bổ sung; SHA-256",
    unchanged: "Không có thay đổi từ lần ký duyệt; SHA-256",
    printing: "Đang tạo",
    written: "Đã ghi",
    sent_to_printer: "Đã gửi máy in",
    no_printer: "Không có lệnh in (lp); đã lưu PDF tại",
    print_failed: "In thất bại",
    ballots_only_pdf_note: "b: đổi biên bản / biên bản kiểm phiếu",
};

static EN: MinutesStrings = MinutesStrings {
    title: "Minutes",
    item: "Item",
    no_item: "The agenda has no items; notes are for the whole meeting.",
    this_item: "Notes on this item",
    whole_meeting: "Notes for the whole meeting",
    no_notes: "No notes yet. Press n to write one.",
    editing: "Editing",
    new_note: "new note",
    saved: "saved",
    unsaved: "not saved yet",
    placeholder: "Type; Enter starts a new line; saved every second.",
    edit_hint: "Enter or e edits the selected note.",
    kind_hint: "Opening, conclusion and closing are for the whole meeting; notes belong to the current item.",
    deleted_empty: "The note was left empty, so it was deleted",
    save_failed: "The note could not be saved",
    preview_minutes: "Minutes preview",
    preview_ballots: "Ballot-count record preview",
    preview_addendum: "Addendum no.",
    addendum_draft_note: "Draft (recorded after sign-off); s: sign it",
    no_addendum_unsigned: "The minutes are not signed, so there is no addendum; every note goes into the minutes.",
    no_addendum_yet: "No addendum yet: nothing new since the sign-off.",
    goes_to_addendum: "The minutes are signed: notes from now on go into addendum no.",
    goes_to_addendum_how: "(p preview, a show the addendum, s sign it)",
    not_signed: "Not signed off",
    signed: "Signed off",
    confirm_sign: "Sign the minutes off? THIS CANNOT BE UNDONE: the content is frozen (its SHA-256 is stored); later changes become an addendum.",
    confirm_addendum: "The minutes are signed off. Record the changes since as a dated addendum? THIS CANNOT BE UNDONE.",
    signed_now: "Minutes signed off; SHA-256",
    addendum_now: "Addendum recorded; SHA-256",
    unchanged: "Nothing changed since the sign-off; SHA-256",
    printing: "Preparing",
    written: "Written",
    sent_to_printer: "Sent to the printer",
    no_printer: "No printer command (lp); the PDF was saved to",
    print_failed: "Printing failed",
    ballots_only_pdf_note: "b: minutes / ballot-count record",
};

impl Strings {
    pub fn minutes(&self) -> &'static MinutesStrings {
        match self.lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    pub fn note_kind(&self, k: NoteKind) -> &'static str {
        match (self.lang, k) {
            (Lang::Vi, NoteKind::Opening) => "khai mạc",
            (Lang::Vi, NoteKind::Note) => "ý kiến",
            (Lang::Vi, NoteKind::Conclusion) => "kết luận",
            (Lang::Vi, NoteKind::Closing) => "bế mạc",
            (Lang::En, NoteKind::Opening) => "opening",
            (Lang::En, NoteKind::Note) => "note",
            (Lang::En, NoteKind::Conclusion) => "conclusion",
            (Lang::En, NoteKind::Closing) => "closing",
        }
    }

    /// Short and long labels of minutes actions (hint bar, help).
    pub fn minutes_action(&self, a: &MinutesAction) -> (&'static str, &'static str) {
        use MinutesAction::*;
        let (vi, en) = match a {
            Open => (
                ("biên bản", "Ghi biên bản: ghi chép theo nội dung đang xét"),
                ("minutes", "Write the minutes: notes on the current item"),
            ),
            NewNote => (
                ("ghi mới", "Ghi chép mới về nội dung đang xét"),
                ("new note", "New note on the current item"),
            ),
            EditNote => (
                ("sửa", "Sửa ghi chép đang chọn"),
                ("edit", "Edit the selected note"),
            ),
            CycleKind => (
                ("loại", "Đổi loại: ý kiến, khai mạc, kết luận, bế mạc"),
                (
                    "kind",
                    "Change the kind: note, opening, conclusion, closing",
                ),
            ),
            Done => (
                ("xong", "Lưu và thôi soạn"),
                ("done", "Save and stop editing"),
            ),
            Save => (("lưu", "Lưu ngay"), ("save", "Save now")),
            NextItem => (
                ("nội dung sau", "Nội dung kế tiếp của chương trình"),
                ("next item", "Next agenda item"),
            ),
            PrevItem => (
                ("nội dung trước", "Nội dung trước của chương trình"),
                ("prev item", "Previous agenda item"),
            ),
            Preview => (
                (
                    "xem biên bản",
                    "Xem trước biên bản (và biên bản kiểm phiếu)",
                ),
                (
                    "preview",
                    "Preview the minutes (and the ballot-count record)",
                ),
            ),
            ToggleDocument => (
                (
                    "BB / kiểm phiếu",
                    "Đổi giữa biên bản và biên bản kiểm phiếu",
                ),
                (
                    "minutes / ballots",
                    "Switch between minutes and ballot-count record",
                ),
            ),
            NextAddendum => (
                (
                    "bản bổ sung",
                    "Xem biên bản bổ sung: các bản đã ký, rồi bản nháp",
                ),
                ("addendum", "Show the addenda: signed ones, then the draft"),
            ),
            WritePdf => (
                ("PDF", "Ghi tệp PDF vào thư mục hiện tại (chạy nền)"),
                (
                    "PDF",
                    "Write a PDF file to the current folder (in the background)",
                ),
            ),
            WriteDocx => (
                ("DOCX", "Ghi tệp DOCX vào thư mục hiện tại (chạy nền)"),
                (
                    "DOCX",
                    "Write a DOCX file to the current folder (in the background)",
                ),
            ),
            WriteMarkdown => (
                ("MD", "Ghi tệp Markdown vào thư mục hiện tại"),
                ("MD", "Write a Markdown file to the current folder"),
            ),
            PrintPdf => (
                (
                    "in",
                    "In (lệnh lp); không có máy in thì lưu PDF và báo nơi lưu",
                ),
                (
                    "print",
                    "Print with lp; without it, save the PDF and say where",
                ),
            ),
            SignOff => (
                (
                    "ký duyệt",
                    "Ký duyệt biên bản, rồi biên bản bổ sung (hỏi lại; không hoàn tác)",
                ),
                (
                    "sign off",
                    "Sign the minutes, later an addendum (asks first; cannot be undone)",
                ),
            ),
        };
        match self.lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

impl Strings {
    /// Why a document was not written or printed, in the interface's language.
    pub fn print_failure(&self, e: &crate::tui::print_jobs::PrintFailure) -> String {
        use crate::tui::print_jobs::PrintFailure::*;
        match (e, self.lang) {
            (Render(detail), Lang::Vi) => format!("không dàn trang được văn bản ({detail})"),
            (Render(detail), Lang::En) => format!("the document could not be typeset ({detail})"),
            (Write { path, detail }, Lang::Vi) => {
                format!("không ghi được tệp {} ({detail})", path.display())
            }
            (Write { path, detail }, Lang::En) => {
                format!("{} could not be written ({detail})", path.display())
            }
            (Printer(detail), Lang::Vi) => format!("máy in (lp) không nhận lệnh in: {detail}"),
            (Printer(detail), Lang::En) => format!("lp: {detail}"),
        }
    }
}
