//! Column widths and cell text measured in display cells (unicode-width over
//! grapheme clusters), so Vietnamese text, NFC or NFD, stays aligned.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How a column takes its share of the width.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    /// Never narrower than this.
    pub min: u16,
    /// Never wider than this.
    pub max: u16,
    /// Share of the space left after the minimums (0 = fixed).
    pub grow: u16,
}

/// Widths for `specs` in `available` cells, with one cell between columns.
/// Columns are dropped from the right when even their minimum does not fit.
pub fn fit_columns(specs: &[ColumnSpec], available: u16) -> Vec<u16> {
    let mut n = specs.len();
    loop {
        let gaps = n.saturating_sub(1) as u16;
        let mins: u16 = specs[..n].iter().map(|s| s.min).sum();
        if n == 0 || mins + gaps <= available {
            break;
        }
        n -= 1;
    }
    let specs = &specs[..n];
    let mut widths: Vec<u16> = specs.iter().map(|s| s.min).collect();
    let gaps = n.saturating_sub(1) as u16;
    let mut spare = available.saturating_sub(widths.iter().sum::<u16>() + gaps);
    // Hand out the spare cells in proportion to `grow`, up to each maximum.
    while spare > 0 {
        let growable: Vec<usize> = (0..n)
            .filter(|&i| specs[i].grow > 0 && widths[i] < specs[i].max)
            .collect();
        if growable.is_empty() {
            break;
        }
        let total_grow: u16 = growable.iter().map(|&i| specs[i].grow).sum();
        let round = spare;
        let mut given = 0;
        for &i in &growable {
            let share =
                (u32::from(round) * u32::from(specs[i].grow) / u32::from(total_grow)) as u16;
            let share = share
                .max(1)
                .min(specs[i].max - widths[i])
                .min(spare - given);
            widths[i] += share;
            given += share;
            if given == spare {
                break;
            }
        }
        spare -= given;
        if given == 0 {
            break;
        }
    }
    widths
}

/// Display width of a text.
pub fn width(s: &str) -> usize {
    s.width()
}

/// Cut `s` to at most `max` cells, ending with "…" when cut; never splits a
/// grapheme (a letter and its tone marks stay together).
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// `s` cut or padded with spaces to exactly `cells` cells.
pub fn fit(s: &str, cells: usize) -> String {
    let mut out = truncate(s, cells);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// `s` right-aligned in `cells` cells.
pub fn fit_right(s: &str, cells: usize) -> String {
    let cut = truncate(s, cells);
    let pad = cells.saturating_sub(cut.width());
    format!("{}{cut}", " ".repeat(pad))
}

/// Greedy word wrap to `cells` cells a line.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let need = if line.is_empty() { 0 } else { 1 } + word.width();
        if !line.is_empty() && line.width() + need > cells {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        if word.width() > cells {
            line.push_str(&truncate(word, cells));
        } else {
            line.push_str(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn nfd_and_nfc_measure_the_same() {
        let nfc = "Nguyễn Thị Hường";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc.len(), nfd.len());
        assert_eq!(width(nfc), width(&nfd));
        assert_eq!(fit(&nfd, 20).width(), 20);
        assert_eq!(fit(nfc, 20).width(), 20);
        assert_eq!(truncate(&nfd, 8).width(), 8);
        // The cut keeps whole letters: no stray combining mark.
        let cut = truncate(&nfd, 7);
        assert_eq!(cut.nfc().collect::<String>(), "Nguyễn…");
    }

    #[test]
    fn columns_fill_the_width() {
        let specs = [
            ColumnSpec {
                min: 10,
                max: 30,
                grow: 3,
            },
            ColumnSpec {
                min: 5,
                max: 5,
                grow: 0,
            },
            ColumnSpec {
                min: 8,
                max: 20,
                grow: 1,
            },
        ];
        let w = fit_columns(&specs, 50);
        assert_eq!(w.iter().sum::<u16>() + 2, 50);
        assert_eq!(w[1], 5);
        assert!(w[0] > w[2]);
        // Too narrow: the last column goes, the rest share the width.
        let narrow = fit_columns(&specs, 17);
        assert_eq!(narrow, vec![11, 5]);
        // Wide: everything at its maximum, spare left unused.
        let wide = fit_columns(&specs, 200);
        assert_eq!(wide, vec![30, 5, 20]);
    }

    #[test]
    fn wrapping_respects_width() {
        let lines = wrap("Hoàn thành xuất sắc nhiệm vụ được giao năm 2025", 12);
        assert!(lines.iter().all(|l| l.width() <= 12), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "Hoàn thành xuất sắc nhiệm vụ được giao năm 2025"
        );
        assert_eq!(fit_right("8.5", 5), "  8.5");
    }
}
