//! Small charts as inline SVG: each function takes labels and numbers and returns one `<svg>`
//! holding its title, legend, axes with their labels, and every value written on its bar.
//!
//! Made to survive a grey printer: the series differ by grey level *and* by texture (solid
//! dark, diagonal hatching, light with an outline), and every bar carries its number, so
//! nothing depends on colour. Sizes are in SVG user units; the page scales the chart to its
//! width (`viewBox`), so text keeps its proportion on screen, projector and paper.

use std::fmt::Write;

use super::esc;

/// One series of a chart: its legend label and one value (and its text) per category.
pub struct Series {
    pub label: String,
    pub values: Vec<i64>,
    /// The number as written on the bar (formatted for the reader's language).
    pub texts: Vec<String>,
}

const W: f64 = 720.0;
const FONT: &str = "font-family=\"DejaVu Sans, Noto Sans, Arial, sans-serif\"";

/// Fill of series `i` (0, 1, 2): dark solid, hatched, light solid.
fn fill(id: &str, i: usize) -> String {
    match i % 3 {
        0 => "#1f3a5f".into(),
        1 => format!("url(#{id}-hatch)"),
        _ => "#a9c8e8".into(),
    }
}

/// The pattern behind series 1: dark diagonal stripes on a light ground.
fn defs(id: &str) -> String {
    format!(
        "<defs><pattern id=\"{id}-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">\
         <rect width=\"6\" height=\"6\" fill=\"#f6dcc8\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#a0401a\" stroke-width=\"3\"/></pattern></defs>"
    )
}

/// Words of `s` on lines of at most `width` characters (a longer word keeps its own line).
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for w in s.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + w.chars().count() <= width => {
                l.push(' ');
                l.push_str(w);
            }
            _ => lines.push(w.to_string()),
        }
    }
    lines
}

/// A round upper bound and tick step for values up to `max` (1, 2 or 5 × 10^k per step).
fn scale(max: i64) -> (f64, f64) {
    let max = max.max(1) as f64;
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag).max(1.0);
    ((max / step).ceil() * step, step)
}

fn open(out: &mut String, id: &str, h: f64, title: &str) {
    let _ = write!(
        out,
        "<svg viewBox=\"0 0 {W} {h}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t\" {FONT}>\
         <title id=\"{id}-t\">{t}</title>{d}\
         <text x=\"0\" y=\"20\" font-size=\"17\" font-weight=\"bold\" fill=\"#111\">{t}</text>",
        t = esc(title),
        d = defs(id)
    );
}

/// The legend on one line under the title: a swatch and a label per series.
fn legend(out: &mut String, id: &str, labels: &[&str], y: f64) {
    let mut x = 0.0;
    for (i, l) in labels.iter().enumerate() {
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"{}\" width=\"18\" height=\"13\" fill=\"{}\" stroke=\"#222\" stroke-width=\"0.8\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#222\">{}</text>",
            y - 11.0,
            fill(id, i),
            x + 24.0,
            y,
            esc(l)
        );
        x += 24.0 + 7.6 * l.chars().count() as f64 + 22.0;
    }
}

/// Vertical grouped bars: one group per category (e.g. quarters), one bar per series.
pub fn columns(id: &str, title: &str, x_label: &str, y_label: &str, cats: &[String], series: &[Series]) -> String {
    let h = 270.0;
    let (left, top, bottom) = (56.0, 62.0, 50.0);
    let plot_w = W - left - 8.0;
    let plot_h = h - top - bottom;
    let max = series.iter().flat_map(|s| s.values.iter().copied()).max().unwrap_or(0);
    let (top_v, step) = scale(max);
    let y = |v: f64| top + plot_h - v / top_v * plot_h;
    let mut o = String::new();
    open(&mut o, id, h, title);
    legend(&mut o, id, &series.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(), 44.0);
    // Grid and y ticks.
    let mut v = 0.0;
    while v <= top_v + 0.5 {
        let _ = write!(
            o,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{yy:.1}\" y2=\"{yy:.1}\" stroke=\"#ccc\" stroke-width=\"0.8\"/>\
             <text x=\"{}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#444\">{}</text>",
            W - 8.0,
            left - 5.0,
            y(v) + 4.0,
            v as i64,
            yy = y(v)
        );
        v += step;
    }
    let _ = write!(
        o,
        "<text transform=\"translate(13 {:.1}) rotate(-90)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\">{}</text>",
        top + plot_h / 2.0,
        esc(y_label)
    );
    let n = cats.len().max(1) as f64;
    let group = plot_w / n;
    let ns = series.len().max(1) as f64;
    let bar = ((group * 0.8) / ns).min(34.0);
    for (ci, cat) in cats.iter().enumerate() {
        let gx = left + group * ci as f64 + (group - bar * ns) / 2.0;
        for (si, s) in series.iter().enumerate() {
            let v = s.values.get(ci).copied().unwrap_or(0) as f64;
            let x = gx + bar * si as f64;
            let _ = write!(
                o,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"#222\" stroke-width=\"0.6\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#111\">{}</text>",
                y(v),
                bar - 1.0,
                (y(0.0) - y(v)).max(0.0),
                fill(id, si),
                x + bar / 2.0,
                y(v) - 3.0,
                esc(s.texts.get(ci).map_or("", String::as_str))
            );
        }
        let cx = left + group * (ci as f64 + 0.5);
        let _ = write!(o, "<text y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\">", y(0.0) + 17.0);
        for (li, line) in wrap(cat, (group / 7.0).max(4.0) as usize).iter().enumerate() {
            let _ = write!(o, "<tspan x=\"{cx:.1}\" dy=\"{}\">{}</tspan>", if li == 0 { 0 } else { 14 }, esc(line));
        }
        o.push_str("</text>");
    }
    let _ = write!(
        o,
        "<line x1=\"{left}\" x2=\"{}\" y1=\"{y0:.1}\" y2=\"{y0:.1}\" stroke=\"#222\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\">{}</text></svg>",
        W - 8.0,
        left + plot_w / 2.0,
        h - 8.0,
        esc(x_label),
        y0 = y(0.0)
    );
    o
}

/// Horizontal grouped bars: one row per category (ward, organization, class) with its name on
/// the left, one bar per series, the value at the bar's end.
pub fn bars(id: &str, title: &str, x_label: &str, cats: &[String], series: &[Series]) -> String {
    let ns = series.len().max(1) as f64;
    let bar = if ns > 1.0 { 13.0 } else { 18.0 };
    let row = bar * ns + 9.0;
    let top = 60.0;
    let plot_h = row * cats.len() as f64;
    let h = top + plot_h + 44.0;
    let left = (cats.iter().map(|c| c.chars().count()).max().unwrap_or(4) as f64 * 7.2 + 12.0).clamp(60.0, 380.0);
    let plot_w = W - left - 90.0;
    let max = series.iter().flat_map(|s| s.values.iter().copied()).max().unwrap_or(0);
    let (top_v, step) = scale(max);
    let x = |v: f64| left + v / top_v * plot_w;
    let mut o = String::new();
    open(&mut o, id, h, title);
    legend(&mut o, id, &series.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(), 44.0);
    x_grid(&mut o, top, plot_h, top_v, step, x);
    for (ci, cat) in cats.iter().enumerate() {
        let ry = top + row * ci as f64 + 4.0;
        let _ = write!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12.5\" text-anchor=\"end\" fill=\"#111\">{}</text>",
            left - 8.0,
            ry + bar * ns / 2.0 + 4.5,
            esc(cat)
        );
        for (si, s) in series.iter().enumerate() {
            let v = s.values.get(ci).copied().unwrap_or(0) as f64;
            let by = ry + bar * si as f64;
            let _ = write!(
                o,
                "<rect x=\"{left}\" y=\"{by:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"#222\" stroke-width=\"0.6\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11.5\" fill=\"#111\">{}</text>",
                (x(v) - left).max(0.0),
                bar - 1.0,
                fill(id, si),
                x(v) + 4.0,
                by + bar - 3.0,
                esc(s.texts.get(ci).map_or("", String::as_str))
            );
        }
    }
    close_bars(&mut o, left, top, plot_h, plot_w, h, x_label);
    o
}

/// Achieved against target per category: the target as a light outlined bar, what was
/// achieved as a dark bar inside it, and `achieved / target (pct)` written after it.
pub fn progress(
    id: &str,
    title: &str,
    x_label: &str,
    legend_labels: [&str; 2],
    cats: &[String],
    achieved: &[i64],
    target: &[i64],
    texts: &[String],
) -> String {
    let bar = 18.0;
    let row = bar + 10.0;
    let top = 60.0;
    let plot_h = row * cats.len() as f64;
    let h = top + plot_h + 44.0;
    let left = (cats.iter().map(|c| c.chars().count()).max().unwrap_or(4) as f64 * 7.2 + 12.0).clamp(60.0, 300.0);
    let plot_w = W - left - 175.0;
    let max = target.iter().chain(achieved).copied().max().unwrap_or(0);
    let (top_v, step) = scale(max);
    let x = |v: f64| left + v / top_v * plot_w;
    let mut o = String::new();
    open(&mut o, id, h, title);
    // Legend: series 0 is "achieved" (dark), the target a white bar with a thick outline.
    let lx = 24.0 + 7.6 * legend_labels[0].chars().count() as f64 + 22.0;
    let _ = write!(
        o,
        "<rect x=\"0\" y=\"33\" width=\"18\" height=\"13\" fill=\"#1f3a5f\" stroke=\"#222\" stroke-width=\"0.8\"/>\
         <text x=\"24\" y=\"44\" font-size=\"13\" fill=\"#222\">{}</text>\
         <rect x=\"{lx}\" y=\"33\" width=\"18\" height=\"13\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"1.6\" stroke-dasharray=\"3 2\"/>\
         <text x=\"{}\" y=\"44\" font-size=\"13\" fill=\"#222\">{}</text>",
        esc(legend_labels[0]),
        lx + 24.0,
        esc(legend_labels[1]),
    );
    x_grid(&mut o, top, plot_h, top_v, step, x);
    for (ci, cat) in cats.iter().enumerate() {
        let ry = top + row * ci as f64 + 5.0;
        let a = achieved.get(ci).copied().unwrap_or(0) as f64;
        let t = target.get(ci).copied().unwrap_or(0) as f64;
        let _ = write!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12.5\" text-anchor=\"end\" fill=\"#111\">{}</text>\
             <rect x=\"{left}\" y=\"{ry:.1}\" width=\"{:.1}\" height=\"{bar}\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"1.6\" stroke-dasharray=\"3 2\"/>\
             <rect x=\"{left}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#1f3a5f\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11.5\" fill=\"#111\">{}</text>",
            left - 8.0,
            ry + bar / 2.0 + 4.5,
            esc(cat),
            (x(t) - left).max(0.0),
            ry + 3.0,
            (x(a) - left).max(0.0),
            bar - 6.0,
            x(t.max(a)) + 5.0,
            ry + bar / 2.0 + 4.0,
            esc(texts.get(ci).map_or("", String::as_str))
        );
    }
    close_bars(&mut o, left, top, plot_h, plot_w, h, x_label);
    o
}

/// The value axis line and its label under a horizontal bar chart, closing the `<svg>`.
fn close_bars(o: &mut String, left: f64, top: f64, plot_h: f64, plot_w: f64, h: f64, x_label: &str) {
    let _ = write!(
        o,
        "<line x1=\"{left}\" x2=\"{left}\" y1=\"{top}\" y2=\"{:.1}\" stroke=\"#222\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#222\">{}</text></svg>",
        top + plot_h,
        left + plot_w / 2.0,
        h - 8.0,
        esc(x_label)
    );
}

/// The vertical grid lines and value labels of a horizontal bar chart, every `step` up to `top_v`.
fn x_grid(o: &mut String, top: f64, plot_h: f64, top_v: f64, step: f64, x: impl Fn(f64) -> f64) {
    let mut v = 0.0;
    while v <= top_v + 0.5 {
        let _ = write!(
            o,
            "<line x1=\"{xx:.1}\" x2=\"{xx:.1}\" y1=\"{top}\" y2=\"{:.1}\" stroke=\"#ccc\" stroke-width=\"0.8\"/>\
             <text x=\"{xx:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\">{}</text>",
            top + plot_h,
            top + plot_h + 15.0,
            v as i64,
            xx = x(v)
        );
        v += step;
    }
}

#[cfg(test)]
#[path = "../../../tests/unit/report/brief/svg.rs"]
mod tests;
