//! What both writers lay out, decided once: the page groups of Phụ lục I (as the print view
//! makes them) and the rows of Phụ lục II with their texts.

use cchc_core::number::{format_percent, format_points};
use cchc_core::report::{Assessment, Evidence, Report};
use cchc_core::scoring::{self, ItemScore, ItemStatus};
use cchc_core::template::appendix::Table;
use cchc_core::template::criteria::AreaKind;
use cchc_core::text::Lang;
use cchc_core::workspace::{Evaluation, Templates};

/// The note under a table holding an entry printed as typed (as the print view's).
pub const INVALID_FIGURE_NOTE: &str =
    "(*) Số liệu chưa đúng định dạng, in nguyên văn như đã nhập; cần kiểm tra lại.";

/// A table by its place in the template: (section, table).
pub type TableAt = (usize, usize);

/// A page group of Phụ lục I: consecutive list tables (portrait), or one grid (landscape).
pub enum Block {
    Lists(Vec<TableAt>),
    Grid(TableAt),
}

/// The included sections' tables in order, grouped as the print view pages them.
pub fn blocks(t: &Templates, report: &Report) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for (si, section) in t.appendix.template.sections.iter().enumerate() {
        if section.optional && !report.optional_sections.contains(&section.id) {
            continue;
        }
        for (ti, table) in section.tables.iter().enumerate() {
            match (table.columns.is_empty(), out.last_mut()) {
                (true, Some(Block::Lists(run))) => run.push((si, ti)),
                (true, _) => out.push(Block::Lists(vec![(si, ti)])),
                (false, _) => out.push(Block::Grid((si, ti))),
            }
        }
    }
    out
}

pub fn table_at(t: &Templates, (si, ti): TableAt) -> &Table {
    &t.appendix.template.sections[si].tables[ti]
}

/// "Biểu 06" from "Tình hình … (Biểu 06/VPCP/KSTT)": a grid's short name, for its sheet.
pub fn short_name(table: &Table) -> String {
    let title = &table.title.vi;
    let inner = title
        .rfind('(')
        .map(|at| &title[at + 1..])
        .map(|s| s.split(['/', ')']).next().unwrap_or_default().trim())
        .filter(|s| !s.is_empty());
    let name = inner.unwrap_or(title.as_str());
    // Excel: at most 31 characters, none of []:*?/\ .
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// The kind of a row of Phụ lục II.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ScoreKind {
    Area,
    Criterion,
    Item,
    Total,
}

/// One row (or, for an item with several documents, one row group) of Phụ lục II.
pub struct ScoreRow {
    pub kind: ScoreKind,
    pub stt: String,
    pub title: String,
    pub max: f64,
    /// Points as a number when scored; otherwise the text the print view shows ("", "Không áp
    /// dụng", or an unreadable score as typed with "(*)").
    pub points: Result<f64, String>,
    /// Title, number, date of each evidence document (none, one or several).
    pub evidence: Vec<[String; 3]>,
    pub why: String,
    /// The row is a sum of the rows below it (criterion, regular area): Excel adds them up.
    pub sums_below: bool,
}

const NOT_APPLICABLE: &str = "Không áp dụng";
const SURVEY_NOTE: &str = "Do cơ quan có thẩm quyền điều tra xã hội học; xã không tự chấm.";

fn group_points(items: &[ItemScore]) -> Option<f64> {
    let scored: Vec<&ItemScore> = items
        .iter()
        .filter(|s| s.status == ItemStatus::Scored)
        .collect();
    (!scored.is_empty()).then(|| scored.iter().map(|s| s.points).sum())
}

fn or_blank(p: Option<f64>) -> Result<f64, String> {
    p.ok_or_default()
}

trait OkOrDefault {
    fn ok_or_default(self) -> Result<f64, String>;
}
impl OkOrDefault for Option<f64> {
    fn ok_or_default(self) -> Result<f64, String> {
        self.ok_or_else(String::new)
    }
}

/// A document's title with where in it the evidence is: "Kế hoạch CCHC năm 2026 (tr. 2)".
fn evidence_title(e: &Evidence) -> String {
    match (e.title.trim(), e.location.trim()) {
        (t, "") => t.to_owned(),
        ("", l) => format!("({l})"),
        (t, l) => format!("{t} ({l})"),
    }
}

/// Phụ lục II's rows in print order, ending with the total rows.
pub fn score_rows(t: &Templates, report: &Report, eval: &Evaluation) -> Vec<ScoreRow> {
    let criteria = &t.criteria.template;
    let card = &eval.scorecard;
    let mut out = Vec::new();
    let mut item_at = 0;
    for (ai, area) in criteria.areas.iter().enumerate() {
        let n: usize = area.criteria.iter().map(|c| c.items.len()).sum();
        let items = card.items.get(item_at..item_at + n).unwrap_or_default();
        item_at += n;
        let points = match area.kind {
            AreaKind::Survey => None,
            AreaKind::Bonus | AreaKind::Penalty => {
                group_points(items).and(card.areas.get(ai).and_then(|a| a.points))
            }
            AreaKind::Regular => group_points(items),
        };
        out.push(ScoreRow {
            kind: ScoreKind::Area,
            stt: area.stt.clone(),
            title: area.title.vi.to_uppercase(),
            max: area.max,
            points: or_blank(points),
            evidence: Vec::new(),
            why: if area.kind == AreaKind::Survey {
                SURVEY_NOTE.to_owned()
            } else {
                String::new()
            },
            sums_below: area.kind == AreaKind::Regular,
        });
        let mut at = 0;
        for crit in &area.criteria {
            let own = items.get(at..at + crit.items.len()).unwrap_or_default();
            at += crit.items.len();
            out.push(ScoreRow {
                kind: ScoreKind::Criterion,
                stt: crit.stt.clone(),
                title: crit.title.vi.clone(),
                max: crit.max,
                points: or_blank(group_points(own)),
                evidence: Vec::new(),
                why: String::new(),
                sums_below: true,
            });
            for (item, s) in crit.items.iter().zip(own) {
                out.push(item_row(report, &item.id, &item.stt, &item.title.vi, s));
            }
        }
    }
    let max_of = |k: AreaKind| -> Option<f64> {
        let m: Vec<f64> = criteria
            .areas
            .iter()
            .filter(|a| a.kind == k)
            .map(|a| a.max)
            .collect();
        (!m.is_empty()).then(|| m.iter().sum())
    };
    let total = |title: &str, max: f64, points: f64| ScoreRow {
        kind: ScoreKind::Total,
        stt: String::new(),
        title: title.to_owned(),
        max,
        points: Ok(points),
        evidence: Vec::new(),
        why: String::new(),
        sums_below: false,
    };
    out.push(total(
        "Cộng điểm tự chấm các lĩnh vực",
        max_of(AreaKind::Regular).unwrap_or_default(),
        card.achieved,
    ));
    if let Some(cap) = max_of(AreaKind::Bonus) {
        out.push(total("Điểm thưởng", cap, card.bonus));
    }
    if let Some(cap) = max_of(AreaKind::Penalty) {
        out.push(total("Điểm trừ", cap, card.penalty));
    }
    out.push(total("TỔNG ĐIỂM TỰ CHẤM", card.applicable_max, card.total));
    out
}

fn item_row(report: &Report, item_id: &str, stt: &str, title: &str, s: &ItemScore) -> ScoreRow {
    let empty = Assessment::default();
    let a = report.assessments.get(item_id).unwrap_or(&empty);
    let evidence = a
        .evidence
        .iter()
        .filter(|e| {
            [&e.title, &e.number, &e.date, &e.location]
                .iter()
                .any(|f| !f.trim().is_empty())
        })
        .map(|e| {
            [
                evidence_title(e),
                e.number.trim().to_owned(),
                e.date.trim().to_owned(),
            ]
        })
        .collect();
    let points = match s.status {
        ItemStatus::Scored => Ok(s.points),
        ItemStatus::Pending => Err(String::new()),
        ItemStatus::NotApplicable => Err(NOT_APPLICABLE.to_owned()),
        ItemStatus::Invalid => Err(format!(
            "{}{}",
            a.score.trim(),
            cchc_core::present::document::INVALID_MARK
        )),
    };
    let mut why: Vec<String> = Vec::new();
    if !a.explanation.trim().is_empty() {
        why.push(a.explanation.trim().to_owned());
    }
    // As the print view: how a rule computed the points, or why they were cut.
    if s.auto || s.status == ItemStatus::Invalid || s.missing_evidence() {
        why.push(s.explanation.get(Lang::Vi).to_owned());
    }
    ScoreRow {
        kind: ScoreKind::Item,
        stt: stt.to_owned(),
        title: title.to_owned(),
        max: s.max,
        points,
        evidence,
        why: why.join("\n"),
        sums_below: false,
    }
}

/// The lines under Phụ lục II: total, index and band, and how they were reached.
pub fn score_summary(t: &Templates, eval: &Evaluation) -> Vec<String> {
    let card = &eval.scorecard;
    let regular_max: f64 = t
        .criteria
        .template
        .areas
        .iter()
        .filter(|a| a.kind == AreaKind::Regular)
        .map(|a| a.max)
        .sum();
    let excluded = regular_max - card.applicable_max;
    let mut first = format!(
        "Tổng điểm tự chấm: {} / {} điểm tối đa áp dụng",
        format_points(card.total),
        format_points(card.applicable_max)
    );
    if excluded > 1e-9 {
        first.push_str(&format!(
            " (đã trừ {} điểm của tiêu chí không áp dụng)",
            format_points(excluded)
        ));
    }
    first.push('.');
    let mut note = "Chỉ số = tổng điểm tự chấm / điểm tối đa áp dụng × 100, làm tròn 2 chữ số \
                    thập phân; xếp loại theo giá trị đã làm tròn."
        .to_owned();
    if card.survey_max > 0.0 {
        note.push_str(&format!(
            " Điểm điều tra xã hội học (tối đa {} điểm) do cơ quan có thẩm quyền đánh giá, không \
             tính trong chỉ số tự đánh giá.",
            format_points(card.survey_max)
        ));
    }
    vec![
        first,
        format!(
            "Chỉ số cải cách hành chính tự đánh giá: {}; xếp loại: {}.",
            format_percent(card.index),
            scoring::band_label(&t.criteria, card, Lang::Vi)
        ),
        note,
    ]
}

/// "MẪU — …" when the criteria set is the sample, as on paper.
pub fn sample_note(t: &Templates) -> Option<String> {
    let c = &t.criteria.template;
    c.sample.then(|| format!("MẪU — {}", c.source.vi))
}
