//! The command line's own refusals (an unknown option, a missing value, no
//! subcommand…) in Vietnamese: clap words them in English only, so the kind
//! and the values it found are worded here, keeping its usage line.

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The whole message for a command line clap refused, ending in a newline.
pub fn vietnamese(e: &clap::Error) -> String {
    let mut out = format!("lỗi: {}", what(e));
    let suggestions = [
        (ContextKind::SuggestedSubcommand, "lệnh con"),
        (ContextKind::SuggestedArg, "tuỳ chọn"),
        (ContextKind::SuggestedValue, "giá trị"),
    ];
    let mut first = true;
    for (kind, noun) in suggestions {
        if let Some(similar) = e.get(kind) {
            out.push_str(if first { "\n\n" } else { "\n" });
            first = false;
            let _ = write!(out, "  gợi ý: có {noun} gần giống: {}", quoted(similar));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        if first {
            out.push('\n');
        }
        for tip in tips {
            let _ = write!(out, "\n  gợi ý: {}", tip_in_vietnamese(&tip.to_string()));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage);
        let _ = write!(out, "\n\nCách dùng:{usage}");
    }
    out.push_str("\n\nXem thêm: hoidong --help (hoặc hoidong LỆNH --help)\n");
    out
}

fn what(e: &clap::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let (arg, value) = (
        text(ContextKind::InvalidArg),
        text(ContextKind::InvalidValue),
    );
    match e.kind() {
        ErrorKind::UnknownArgument => format!("không có tuỳ chọn '{arg}' ở đây"),
        ErrorKind::InvalidSubcommand => {
            format!("không có lệnh '{}'", text(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("'{arg}' cần một giá trị nhưng chưa có")
        }
        ErrorKind::InvalidValue => {
            let mut s = format!("giá trị '{value}' không hợp lệ cho '{arg}'");
            if let Some(ContextValue::Strings(valid)) = e.get(ContextKind::ValidValue) {
                let _ = write!(s, "\n  [các giá trị được dùng: {}]", valid.join(", "));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let mut s = format!("giá trị '{value}' không hợp lệ cho '{arg}'");
            match std::error::Error::source(e) {
                Some(why) if why.is::<std::num::ParseIntError>() => {
                    s.push_str(": cần một số nguyên");
                }
                Some(why) => {
                    let _ = write!(s, ": {why}");
                }
                None => {}
            }
            s
        }
        ErrorKind::MissingRequiredArgument => {
            let mut s = "thiếu các tham số bắt buộc sau:".to_string();
            if let Some(ContextValue::Strings(missing)) = e.get(ContextKind::InvalidArg) {
                for m in missing {
                    let _ = write!(s, "\n  {m}");
                }
            }
            s
        }
        ErrorKind::MissingSubcommand => {
            let mut s = format!(
                "'{}' cần một lệnh con nhưng chưa có",
                text(ContextKind::InvalidSubcommand)
            );
            if let Some(ContextValue::Strings(valid)) = e.get(ContextKind::ValidSubcommand) {
                let _ = write!(s, "\n  [các lệnh con: {}]", valid.join(", "));
            }
            s
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg);
            if prior.is_empty() || prior == arg {
                format!("không được dùng '{arg}' nhiều lần")
            } else {
                format!("không được dùng '{arg}' cùng với '{prior}'")
            }
        }
        ErrorKind::NoEquals => format!("cần dấu bằng khi gán giá trị cho '{arg}' ({arg}=…)"),
        ErrorKind::TooManyValues => {
            format!("giá trị '{value}' thừa cho '{arg}'; không cần thêm giá trị nào")
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!(
            "'{arg}' cần {} giá trị, mới có {}",
            text(ContextKind::MinValues) + &text(ContextKind::ExpectedNumValues),
            text(ContextKind::ActualNumValues)
        ),
        ErrorKind::InvalidUtf8 => "một tham số không phải văn bản UTF-8 hợp lệ".to_string(),
        _ => format!("dòng lệnh không hợp lệ ({})", e.kind()),
    }
}

fn quoted(value: &ContextValue) -> String {
    match value {
        ContextValue::String(s) => format!("'{s}'"),
        ContextValue::Strings(v) => v
            .iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// clap's one tip about an option-like value ("to pass '--x' as a value,
/// use '-- --x'"), in Vietnamese; any other tip as clap wrote it.
fn tip_in_vietnamese(tip: &str) -> String {
    let parts = tip
        .strip_prefix("to pass '")
        .and_then(|rest| rest.split_once("' as a value, use '"));
    match parts {
        Some((value, usage)) => format!(
            "muốn dùng '{value}' làm giá trị, hãy viết '{}'",
            usage.trim_end_matches('\'')
        ),
        None => tip.to_string(),
    }
}
