//! The bottom line of key hints, generated from the keymap of the layer on top.

use ratatui::text::{Line, Span};

use crate::i18n::strings::Strings;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::width;

/// Hints of `context` that fit in `cells`, in keymap order.
pub fn hint_line(context: Context, s: &Strings, cells: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for b in keymap::bindings(context).filter(|b| b.hint) {
        // The first key is enough here; the help lists them all.
        let first = match b.label {
            Some(l) => l.to_string(),
            None => b.keys.first().map(|k| k.label()).unwrap_or_default(),
        };
        let key = format!(" {first} ");
        let text = format!(" {} ", s.action(&b.action).0);
        let need = width(&key) + width(&text);
        if used + need > cells {
            break;
        }
        used += need;
        spans.push(Span::styled(key, THEME.hint_key));
        spans.push(Span::styled(text, THEME.hint_text));
    }
    Line::from(spans)
}
