//! Horizontal bars for scores, drawn with eighth blocks so that small
//! differences show.

use ratatui::text::Span;

use crate::tui::theme::THEME;

const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// A bar `width` cells wide for `value` out of `max`: filled part, then the
/// empty rest, both exactly `width` cells together.
pub fn bar_text(value: f64, max: f64, width: u16) -> (String, String) {
    let width = usize::from(width);
    if width == 0 {
        return (String::new(), String::new());
    }
    let ratio = if max > 0.0 {
        (value / max).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let eighths = (ratio * (width * 8) as f64).round() as usize;
    let full = eighths / 8;
    let part = eighths % 8;
    let mut filled = "█".repeat(full);
    let mut used = full;
    if part > 0 && used < width {
        filled.push(EIGHTHS[part]);
        used += 1;
    }
    (filled, "░".repeat(width - used))
}

pub fn bar_spans(value: f64, max: f64, width: u16) -> Vec<Span<'static>> {
    let (filled, empty) = bar_text(value, max, width);
    vec![
        Span::styled(filled, THEME.bar_fill),
        Span::styled(empty, THEME.bar_empty),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn bars_fill_in_proportion_and_keep_their_width() {
        assert_eq!(bar_text(100.0, 100.0, 10), ("█".repeat(10), String::new()));
        assert_eq!(bar_text(0.0, 100.0, 4), (String::new(), "░".repeat(4)));
        assert_eq!(bar_text(50.0, 100.0, 4), ("██".into(), "░░".into()));
        let (f, e) = bar_text(55.0, 100.0, 4);
        assert_eq!(f, "██▎");
        assert_eq!(f.width() + e.width(), 4);
        for v in 0..=100 {
            let (f, e) = bar_text(f64::from(v), 100.0, 7);
            assert_eq!(f.chars().count() + e.chars().count(), 7, "value {v}");
        }
        assert_eq!(bar_text(150.0, 100.0, 3).0, "███");
        assert_eq!(bar_text(5.0, 0.0, 3).1, "░░░");
    }
}
