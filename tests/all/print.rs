//! Printing: minutes and ballot-count record in PDF, DOCX and Markdown;
//! determinism; sign-off; notes; the commands.

use crate::print_fixture;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use hoidong::domain::meeting::NoteKind;
use hoidong::print::model::Block;
use hoidong::print::signed::{self, SignOutcome};
use hoidong::print::{self, Format, Template, compose};
use hoidong::store::notes::NewNote;
use hoidong::store::{Clock, Store};
use print_fixture::{MEETING_ID, record, seed};
use unicode_normalization::UnicodeNormalization;

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    assert!(out.status.success(), "pdftotext failed");
    Some(String::from_utf8(out.stdout).unwrap())
}

/// Words of `s`, so that line breaks and justification do not matter.
fn words(s: &str) -> Vec<String> {
    nfc(s).split_whitespace().map(str::to_string).collect()
}

/// Every string of the document comes back from the PDF text layer, NFC on
/// both sides. Paragraphs must come back whole; a table cell that wraps is
/// read out interleaved with its neighbours, so for cells every word must.
fn assert_texts_in(doc: &print::Document, text: &str) {
    let haystack = words(text).join(" ");
    let squeezed: String = haystack.split_whitespace().collect();
    let cells: std::collections::HashSet<&str> = doc
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Table(t) => t
                .columns
                .iter()
                .map(|c| c.title.as_str())
                .chain(t.rows.iter().flatten().map(String::as_str))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
        .collect();
    for t in doc.texts() {
        let needle = words(t).join(" ");
        if haystack.contains(&needle) {
            continue;
        }
        assert!(
            cells.contains(t),
            "“{needle}” is missing from the PDF text layer"
        );
        for w in words(t) {
            assert!(
                squeezed.contains(&w),
                "“{w}” of “{t}” is missing from the PDF text layer"
            );
        }
    }
}

#[test]
fn every_string_of_the_minutes_is_in_the_pdf_text_layer() {
    let rec = record(4);
    for doc in [compose::minutes(&rec), compose::ballot_record(&rec)] {
        let pdf = print::render(&doc, Format::Pdf, &Template::BuiltIn).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let Some(text) = pdftotext(&pdf) else {
            println!("pdftotext not found (poppler-utils): text-layer check skipped");
            return;
        };
        assert_texts_in(&doc, &text);
    }
}

#[test]
fn minutes_follow_the_domain_order_and_content() {
    let doc = compose::minutes(&record(4));
    let all = doc.texts().join("\n");
    for expected in [
        "Số: 07/BB-HĐTĐKT",
        "UBND PHƯỜNG HÒA LẠC",
        "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
        "Hòa Lạc, ngày 20 tháng 11 năm 2026",
        "tổng số thành viên Hội đồng: 7; có mặt: 5; vắng mặt: 2 (trong đó 1 thành viên gửi ý kiến bằng văn bản).",
        "Bà Ôn Thị Hằng Nga, Bí thư Đoàn Thanh niên phường – Ủy viên, lý do: đi công tác tại Sở Nội vụ tỉnh (có ý kiến bằng văn bản);",
        "- Tạ Minh Nhựt, Chuyên viên Ban Thi đua – Khen thưởng, Sở Nội vụ tỉnh;",
        // Chiến sĩ thi đua cơ sở: 5 + 1 written = 6 of 7 = 85.7% ≥ 80%.
        "Tỷ lệ đồng ý 85,7% trên tổng số thành viên Hội đồng (6/7, tính cả 1 ý kiến đồng ý bằng văn bản (VB)); yêu cầu tối thiểu 80% tổng số thành viên Hội đồng (cần 6 phiếu). Kết quả: ĐẠT.",
        // Bằng khen: 3 of 7 = 42.9%, not more than half.
        "Tỷ lệ đồng ý 42,9% trên tổng số thành viên Hội đồng (3/7); yêu cầu trên 1/2 tổng số thành viên Hội đồng (cần 4 phiếu). Kết quả: KHÔNG ĐẠT.",
        // Notes print without clock stamps unless asked for.
        "\nÔng Nghiêm Xuân Trường đề nghị bổ sung giấy chứng nhận sáng kiến; Thư ký xác nhận đã có trong hồ sơ.",
        "1. Hội đồng thống nhất đề nghị Chủ tịch UBND phường Hòa Lạc khen thưởng (3 trường hợp):",
        // One date for the whole meeting: the end is "the same day".
        "Cuộc họp kết thúc vào hồi 10 giờ 40 phút, cùng ngày.",
    ] {
        assert!(all.contains(expected), "missing: {expected}\n---\n{all}");
    }
    // The failed proposal goes neither to the ward nor upward.
    assert!(!all.contains("trình cấp trên xem xét"));
    assert_eq!(doc.signatures[0].role, "THƯ KÝ");
    assert_eq!(doc.signatures[0].name, "Lê Thị Thùy Dương");
    assert_eq!(doc.signatures[1].role, "CHỦ TỌA");
    assert_eq!(doc.signatures[1].name, "Đặng Quốc Vượng");
    assert_eq!(
        doc.recipients.last().map(String::as_str),
        Some("- Lưu: VT, HĐTĐKT.")
    );
    // Every note appears exactly once.
    let rec = record(4);
    for n in &rec.notes {
        assert_eq!(all.matches(&n.text).count(), 1, "note {}", n.text);
    }
}

#[test]
fn ballot_record_sorts_by_votes_and_counts_on_all_members() {
    let doc = compose::ballot_record(&record(4));
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    let names: Vec<&str> = table.rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        names,
        [
            "Hồ Thị Mỹ Duyên",
            "Quách Đức Thịnh",
            "Trường Mầm non Hoa Sữa",
            "Lưu Thị Thu Hường"
        ]
    );
    // The full tally: agree (with the written opinion), disagree, the share
    // on all members with its counts, the result.
    let titles: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles[6..],
        ["Đồng ý", "Không đồng ý", "Tỷ lệ đồng ý", "Kết quả"]
    );
    assert_eq!(table.rows[0][6..], ["5 + 1 VB", "0", "85,7% (6/7)", "Đạt"]);
    assert_eq!(table.rows[3][6..], ["3", "2", "42,9% (3/7)", "Không đạt"]);
    assert_eq!(table.rows[2][2], "—");
    let roles: Vec<&str> = doc.signatures.iter().map(|s| s.role.as_str()).collect();
    assert_eq!(roles, ["TRƯỞNG BAN", "THÀNH VIÊN"]);
    let all = doc.texts().join("\n");
    assert!(all.contains("Căn cứ Quyết định số 17/QĐ-UBND ngày 06/01/2026"));
    assert!(all.contains("- Ông Bạch Văn Lũy, lý do: ốm, có giấy nghỉ phép;"));
}

#[test]
fn ballot_record_puts_women_first_on_equal_votes_and_shows_pass_or_fail() {
    let mut rec = record(4);
    // Whatever the agenda order, the woman comes first among equal votes.
    rec.agenda.reverse();
    for r in &mut rec.rounds {
        r.results.reverse();
    }
    let doc = compose::ballot_record(&rec);
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(table.rows[0][1], "Hồ Thị Mỹ Duyên");
    assert_eq!(table.rows[1][1], "Quách Đức Thịnh");
    assert_eq!(table.columns[9].title, "Kết quả");
    assert_eq!(table.rows[0][9], "Đạt");
    assert_eq!(table.rows[3][9], "Không đạt");
    let all = doc.texts().join("\n");
    assert!(all.contains("xếp trước Hồ Thị Mỹ Duyên theo nguyên tắc ưu tiên nữ"));
}

#[test]
fn open_votes_missing_votes_and_an_empty_committee_are_printed_plainly() {
    use hoidong::domain::vote::VoteMethod;
    let mut rec = record(4);
    rec.rounds[0].round.method = VoteMethod::Open;
    rec.rounds[0].results.retain(|r| r.nomination_id != 3);
    rec.counting_committee.clear();
    rec.meeting.closed_at = None;
    let minutes = compose::minutes(&rec).texts().join("\n");
    assert!(minutes.contains("Kết quả biểu quyết công khai (lần 1):"));
    // An open vote's table: members present, agree, disagree, abstain, share, result.
    let md = print::markdown::render(&compose::minutes(&rec));
    assert!(
        md.contains(
            "| Có mặt | Đồng ý | Không đồng ý | Không biểu quyết | Tỷ lệ đồng ý | Kết quả |\n\
             | :-: | :-: | :-: | :-: | :-: | :-: |\n\
             | 5 | 5 + 1 VB | 0 | 0 | 85,7% (6/7) | Đạt |"
        ),
        "{md}"
    );
    // A secret ballot's: the paper counts (with the invalid ones) before the votes.
    let secret = print::markdown::render(&compose::minutes(&record(4)));
    assert!(
        secret.contains(
            "| Phiếu phát ra | Phiếu thu về | Hợp lệ | Không hợp lệ | Đồng ý | Không đồng ý | Tỷ lệ đồng ý | Kết quả |\n\
             | :-: | :-: | :-: | :-: | :-: | :-: | :-: | :-: |\n\
             | 5 | 5 | 5 | 0 | 3 | 2 | 42,9% (3/7) | Không đạt |"
        ),
        "{secret}"
    );
    assert!(minutes.contains("Chưa biểu quyết."));
    assert!(minutes.contains("Cuộc họp kết thúc vào hồi … giờ … phút cùng ngày."));
    let ballots = compose::ballot_record(&rec);
    let text = ballots.texts().join("\n");
    assert!(text.contains("Cuộc họp không có lần bỏ phiếu kín nào."));
    assert!(text.contains("(chưa ghi nhận thành viên Ban kiểm phiếu)"));
    for doc in [compose::minutes(&rec), ballots] {
        for format in [Format::Pdf, Format::Docx, Format::Markdown] {
            assert!(
                !print::render(&doc, format, &Template::BuiltIn)
                    .unwrap()
                    .is_empty()
            );
        }
    }
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn docx_is_a_well_formed_package_with_the_content() {
    let rec = record(4);
    let doc = compose::minutes(&rec);
    let bytes = print::render(&doc, Format::Docx, &Template::BuiltIn).unwrap();
    let xml = unzip(&bytes, "word/document.xml");
    assert!(xml.contains(">BIÊN BẢN<"));
    assert!(xml.contains(">THƯ KÝ<") && xml.contains(">CHỦ TỌA<"));
    assert!(xml.contains(">Đặng Quốc Vượng<"));
    // A4 and the Decree 30 margins (twips).
    assert!(xml.contains(r#"w:w="11906""#) && xml.contains(r#"w:h="16838""#));
    assert!(xml.contains(r#"w:left="1701""#) && xml.contains(r#"w:right="850""#));
    assert!(xml.contains(r#"w:jc w:val="both""#));
    assert!(xml.contains(r#"w:firstLine="720""#));
    // Agenda table: a header row and one row per agenda item; the result
    // tables have a header and one row each.
    let rows = xml.matches("<w:tr>").count() + xml.matches("<w:tr ").count();
    let data_rows: usize = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => t.rows.len() + 1,
            _ => 0,
        })
        .sum();
    // + 2 rows of the heading block + the row holding the signatures, and its row of names
    assert_eq!(rows, data_rows + 4);
    for n in &rec.notes {
        assert!(xml.contains(&n.text), "note missing from DOCX: {}", n.text);
    }
    let core = unzip(&bytes, "docProps/core.xml");
    assert!(core.contains("1970-01-01T00:00:00Z"));
}

#[test]
fn same_data_gives_the_same_bytes() {
    let doc = compose::minutes(&record(4));
    for format in [Format::Pdf, Format::Docx, Format::Markdown] {
        let a = print::render(&doc, format, &Template::BuiltIn).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let b = print::render(&doc, format, &Template::BuiltIn).unwrap();
        assert!(a == b, "{format:?} differs between two renders");
    }
}

#[test]
fn rendering_runs_on_a_background_thread() {
    let doc = compose::ballot_record(&record(4));
    let job = std::thread::spawn(move || print::render(&doc, Format::Pdf, &Template::BuiltIn));
    let pdf = job.join().unwrap().unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn markdown_snapshot() {
    let rec = record(4);
    insta::assert_snapshot!(
        "minutes_md",
        print::markdown::render(&compose::minutes(&rec))
    );
    insta::assert_snapshot!(
        "ballot_record_md",
        print::markdown::render(&compose::ballot_record(&rec))
    );
}

#[test]
fn a_broken_template_names_the_line_and_the_built_in_one_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ward.typ");
    std::fs::write(
        &path,
        "#let data = json(\"data.json\")\n= #data.title\n#data.no_such_field\n",
    )
    .unwrap();
    let doc = compose::minutes(&record(4));
    let err = print::render(&doc, Format::Pdf, &Template::File(path.clone()))
        .unwrap_err()
        .to_string();
    assert!(err.contains("ward.typ"), "{err}");
    assert!(err.contains("template:3:"), "{err}");
    assert!(err.contains("no_such_field"), "{err}");
    assert!(print::render(&doc, Format::Pdf, &Template::BuiltIn).is_ok());

    // A ward's own template, with an extra signature and its own number format
    // (the changes data/README.md describes), works.
    let own = print::pdf::BUILTIN_MINUTES
        .replace(
            "#let h = data.header",
            "#let h = data.header\n#{ h.number = h.number.replace(\"BB-HĐTĐKT\", \"BB-HĐ\") }\n#{ data.signatures.push((role: \"XÁC NHẬN CỦA ĐẢNG ỦY\", hint: \"(Ký, đóng dấu)\", name: \"\")) }",
        );
    assert_ne!(own, print::pdf::BUILTIN_MINUTES);
    std::fs::write(&path, own).unwrap();
    let pdf = print::render(&doc, Format::Pdf, &Template::File(path)).unwrap();
    if let Some(text) = pdftotext(&pdf) {
        let text = format!(" {} ", words(&text).join(" "));
        assert!(text.contains(" XÁC NHẬN CỦA ĐẢNG ỦY "), "{text}");
        assert!(text.contains(" Số: 07/BB-HĐ "), "{text}");
    }
}

fn seeded_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.set_clock(Clock::Fixed("2026-11-21T09:00:00".into()));
    seed(&mut store, &record(4));
    store
}

#[test]
fn the_record_read_from_the_database_prints_like_the_fixture() {
    let store = seeded_store();
    let from_db = compose::minutes(&store.meeting_record(MEETING_ID).unwrap());
    assert_eq!(from_db, compose::minutes(&record(4)));
}

#[test]
fn notes_are_added_edited_and_audited() {
    let mut store = seeded_store();
    let id = store
        .add_note(
            MEETING_ID,
            &NewNote {
                agenda_item_id: Some(3),
                kind: NoteKind::Note,
                at: None,
                text: "Ba\u{300} Khu\u{301}c Thi\u{323} Ửng hỏi về tỷ lệ nữ".into(),
            },
        )
        .unwrap();
    let mut note = store.note(id).unwrap();
    assert_eq!(note.at, "2026-11-21T09:00:00");
    assert_eq!(note.text, "Bà Khúc Thị Ửng hỏi về tỷ lệ nữ", "stored NFC");
    note.text.push_str(" trong tập thể.");
    note.kind = NoteKind::Conclusion;
    store.edit_note(&note).unwrap();
    assert_eq!(store.note(id).unwrap(), note);
    let audited: i64 = store
        .raw_connection_for_tests()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE table_name = 'minutes_notes' AND record_id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 2);
    // An agenda item of another meeting, or an empty text, is refused.
    let bad = NewNote {
        agenda_item_id: Some(99),
        kind: NoteKind::Note,
        at: None,
        text: "x".into(),
    };
    assert!(store.add_note(MEETING_ID, &bad).is_err());
    let empty = NewNote {
        agenda_item_id: None,
        text: "   ".into(),
        ..bad
    };
    assert!(store.add_note(MEETING_ID, &empty).is_err());
    let doc = compose::minutes(&store.meeting_record(MEETING_ID).unwrap());
    assert!(
        doc.texts()
            .join("\n")
            .contains("hỏi về tỷ lệ nữ trong tập thể.")
    );
    store.delete_note(id).unwrap();
    assert_eq!(store.notes(MEETING_ID).unwrap().len(), 5);
}

#[test]
fn signed_minutes_are_frozen_and_changes_become_an_addendum() {
    let mut store = seeded_store();
    let before = print::render(
        &signed::minutes_for_print(&store, MEETING_ID).unwrap(),
        Format::Pdf,
        &Template::BuiltIn,
    )
    .unwrap();
    let SignOutcome::Signed(s) = signed::sign(&mut store, MEETING_ID).unwrap() else {
        panic!("expected a first sign-off")
    };
    assert_eq!(s.content_hash, print::sha256_hex(&s.content));
    assert_eq!(s.content_hash.len(), 64);
    let print_signed = |store: &Store| {
        print::render(
            &signed::minutes_for_print(store, MEETING_ID).unwrap(),
            Format::Pdf,
            &Template::BuiltIn,
        )
        .unwrap()
    };
    let first = print_signed(&store);
    assert_ne!(
        first, before,
        "the signed print carries the hash in its footer"
    );
    if let Some(text) = pdftotext(&first) {
        assert!(text.contains(&s.content_hash));
    }
    // A change after sign-off does not alter the signed minutes …
    store
        .add_note(
            MEETING_ID,
            &NewNote {
                agenda_item_id: None,
                kind: NoteKind::Conclusion,
                at: Some("2026-11-20T10:35:00".into()),
                text: "Bổ sung: đề nghị UBND phường bố trí kinh phí khen thưởng.".into(),
            },
        )
        .unwrap();
    assert_eq!(print_signed(&store), first);
    // … it becomes an addendum with its own date.
    store.set_clock(Clock::Fixed("2026-11-25T14:00:00".into()));
    let SignOutcome::Addendum(a) = signed::sign(&mut store, MEETING_ID).unwrap() else {
        panic!("expected an addendum")
    };
    assert_eq!(a.signed_at, "2026-11-25T14:00:00");
    let add = signed::addendum_for_print(&store, MEETING_ID, 1).unwrap();
    assert_eq!(add.title, "BIÊN BẢN BỔ SUNG");
    assert_eq!(add.header.place_date, "Hòa Lạc, ngày 25 tháng 11 năm 2026");
    let text = add.texts().join("\n");
    assert!(text.contains("bố trí kinh phí khen thưởng"));
    assert!(!text.contains("Chủ tọa khai mạc"), "only what is new");
    assert!(matches!(
        signed::sign(&mut store, MEETING_ID).unwrap(),
        SignOutcome::Unchanged(_)
    ));
    // Tampering with the stored content is detected.
    store
        .raw_connection_for_tests()
        .execute(
            "UPDATE minutes_signoffs SET content = replace(content, 'Vượng', 'Vương') WHERE kind = 'minutes'",
            [],
        )
        .unwrap();
    assert!(signed::minutes_for_print(&store, MEETING_ID).is_err());
}

fn hoidong(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .args(args)
        .output()
        .unwrap()
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn commands_write_private_files_and_sign_off() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hd.db");
    {
        let mut store = Store::open(&db).unwrap();
        seed(&mut store, &record(4));
    }
    let dbs = db.to_str().unwrap();
    let out_pdf = dir.path().join("bb.pdf");
    let o = hoidong(&[
        "--db",
        dbs,
        "minutes",
        "1",
        "--format",
        "pdf",
        "-o",
        out_pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(mode(&out_pdf), 0o600);
    let kp = dir.path().join("kp.docx");
    let o = hoidong(&[
        "--db",
        dbs,
        "minutes",
        "1",
        "--ballots",
        "--format",
        "docx",
        "-o",
        kp.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        unzip(&std::fs::read(&kp).unwrap(), "word/document.xml").contains("BIÊN BẢN KIỂM PHIẾU")
    );
    let o = hoidong(&["--db", dbs, "minutes", "1", "--format", "odt", "-o", "x"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--format odt"));
    // Without --yes nothing is signed.
    let o = hoidong(&["--db", dbs, "sign", "1"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--yes"));
    let o = hoidong(&["--db", dbs, "sign", "1", "--yes"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let a = dir.path().join("a.pdf");
    let b = dir.path().join("b.pdf");
    for p in [&a, &b] {
        let o = hoidong(&["--db", dbs, "minutes", "1", "-o", p.to_str().unwrap()]);
        assert!(o.status.success());
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    // `print` without lp saves the PDF and says where.
    let o = Command::new(env!("CARGO_BIN_EXE_hoidong"))
        .args(["--db", dbs, "print", "1"])
        .current_dir(dir.path())
        .env("PATH", "")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("bien-ban-1.pdf"));
    let saved = dir.path().join("bien-ban-1.pdf");
    assert_eq!(std::fs::read(&saved).unwrap(), std::fs::read(&a).unwrap());
    assert_eq!(mode(&saved), 0o600);
}

/// Writes the fixture meeting into the database named by HOIDONG_FIXTURE_DB,
/// to look at the printed documents by hand:
/// `HOIDONG_FIXTURE_DB=/tmp/f.db cargo test --test all print:: -- --ignored`.
#[test]
#[ignore]
fn write_fixture_database() {
    let path = std::env::var("HOIDONG_FIXTURE_DB").expect("set HOIDONG_FIXTURE_DB");
    let mut store = Store::open(Path::new(&path)).unwrap();
    seed(&mut store, &record(4));
}
