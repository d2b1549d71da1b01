//! Phụ lục II, the self-scoring table, as every view lays it out (the print view, Word, Excel):
//! its header, one row per area, criterion and sub-criterion with the maximum, the points,
//! the evidence documents and the explanation, then the total rows and the lines under the
//! table. The views only place these rows; what a row says is decided here, once.
//!
//! The survey's points (ĐTXHH) are shown apart: the commune does not score them and they are
//! not in the index it computes. A sample criteria set says it is one, on paper too.

use crate::number::format_percent;
use crate::present::document::INVALID_MARK;
use crate::present::value;
use crate::report::{Assessment, Evidence, Report};
use crate::scoring::{self, ItemScore, ItemStatus, Scorecard};
use crate::template::compile::Criteria;
use crate::template::criteria::AreaKind;
use crate::text::Lang;

/// The first four columns' headers, each spanning both header rows.
pub const HEAD: [&str; 4] = [
    "STT",
    "Lĩnh vực, tiêu chí, tiêu chí thành phần",
    "Điểm tối đa",
    "Điểm tự chấm",
];
/// The group header over the three evidence columns, and theirs.
pub const EVIDENCE_HEAD: &str = "Tài liệu kiểm chứng";
pub const EVIDENCE_COLUMNS: [&str; 3] = ["Tên tài liệu", "Số, ký hiệu", "Ngày ban hành"];
/// The last column's header.
pub const EXPLANATION_HEAD: &str = "Giải trình";

pub const NOT_APPLICABLE: &str = "Không áp dụng";
pub const SURVEY_NOTE: &str = "Do cơ quan có thẩm quyền điều tra xã hội học; xã không tự chấm.";
/// Under a table holding a score that could not be read.
pub const INVALID_NOTE: &str = "(*) Điểm chưa hợp lệ, in nguyên văn như đã nhập; cần chấm lại.";

/// What a row is: it decides its weight on paper and what it adds up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Area(AreaKind),
    Criterion,
    Item,
    Total,
}

/// The points column of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Points {
    /// Nothing scored yet.
    Blank,
    Scored(f64),
    NotApplicable,
    /// A score that cannot be read or breaks the rules, printed as typed.
    Invalid(String),
}

impl Points {
    fn of(points: Option<f64>) -> Self {
        points.map_or(Points::Blank, Points::Scored)
    }

    /// The points as written in a text cell: "0,75", "", "Không áp dụng", "hai(*)".
    pub fn text(&self) -> String {
        match self {
            Points::Blank => String::new(),
            Points::Scored(p) => value::points(*p),
            Points::NotApplicable => NOT_APPLICABLE.to_owned(),
            Points::Invalid(raw) => format!("{raw}{INVALID_MARK}"),
        }
    }
}

/// An evidence document as its three columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The title with where in it the evidence is: "Kế hoạch CCHC năm 2026 (tr. 2)".
    pub title: String,
    pub number: String,
    pub date: String,
}

impl Document {
    fn of(e: &Evidence) -> Self {
        let title = match (e.title.trim(), e.location.trim()) {
            (t, "") => t.to_owned(),
            ("", l) => format!("({l})"),
            (t, l) => format!("{t} ({l})"),
        };
        Document {
            title,
            number: e.number.trim().to_owned(),
            date: e.date.trim().to_owned(),
        }
    }

    pub fn columns(&self) -> [&str; 3] {
        [&self.title, &self.number, &self.date]
    }
}

/// One row of Phụ lục II; a sub-criterion with several documents spans one line per document.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    /// The sub-criterion's id, on item rows.
    pub item: Option<String>,
    pub stt: String,
    pub title: String,
    pub max: f64,
    pub points: Points,
    /// What scoring counts as a document is what the table lists.
    pub documents: Vec<Document>,
    /// The officer's explanation, or an area's note.
    pub explanation: Option<String>,
    /// How a rule computed the points, or why they were cut: part of what the appraisal
    /// council reads. A plain manual score needs no such line.
    pub basis: Option<String>,
    /// The row's points are the sum of the rows it heads (a criterion its items, a regular
    /// area its criteria): a spreadsheet writes them as a formula.
    pub sums_below: bool,
}

impl Row {
    /// The explanation column as one text: the officer's words, then the basis.
    pub fn why(&self) -> String {
        [&self.explanation, &self.basis]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// How many lines the row takes: one per document, at least one.
    pub fn lines(&self) -> usize {
        self.documents.len().max(1)
    }

    fn heading(kind: RowKind, stt: &str, title: String, max: f64, points: Option<f64>) -> Self {
        Row {
            kind,
            item: None,
            stt: stt.to_owned(),
            title,
            max,
            points: Points::of(points),
            documents: Vec::new(),
            explanation: None,
            basis: None,
            sums_below: matches!(kind, RowKind::Criterion | RowKind::Area(AreaKind::Regular)),
        }
    }
}

/// The points of a group of items, `None` while none of them is scored yet.
fn group_points<'a>(items: impl IntoIterator<Item = &'a ItemScore>) -> Option<f64> {
    let mut scored = items
        .into_iter()
        .filter(|s| s.status == ItemStatus::Scored)
        .peekable();
    scored.peek()?;
    Some(scored.map(|s| s.points).sum())
}

/// Phụ lục II's rows in print order, ending with the total rows.
pub fn rows(criteria: &Criteria, report: &Report, card: &Scorecard) -> Vec<Row> {
    let mut out = Vec::new();
    for (ai, area) in criteria.template.areas.iter().enumerate() {
        let in_area = card
            .items
            .iter()
            .filter(|s| criteria.items.get(s.item).is_some_and(|i| i.area == ai));
        let points = match area.kind {
            AreaKind::Survey => None,
            // Bonus and penalty areas are capped at their maximum, which the scorecard applies.
            AreaKind::Bonus | AreaKind::Penalty => {
                group_points(in_area).and(card.areas.get(ai).and_then(|a| a.points))
            }
            AreaKind::Regular => group_points(in_area),
        };
        let mut row = Row::heading(
            RowKind::Area(area.kind),
            &area.stt,
            area.title.vi.to_uppercase(),
            area.max,
            points,
        );
        row.explanation = (area.kind == AreaKind::Survey).then(|| SURVEY_NOTE.to_owned());
        out.push(row);
        for (ci, crit) in area.criteria.iter().enumerate() {
            let own: Vec<&ItemScore> = card.items_in(criteria, ai, ci).collect();
            out.push(Row::heading(
                RowKind::Criterion,
                &crit.stt,
                crit.title.vi.clone(),
                crit.max,
                group_points(own.iter().copied()),
            ));
            out.extend(own.into_iter().map(|s| item_row(criteria, report, s)));
        }
    }
    out.extend(totals(criteria, card));
    out
}

fn item_row(criteria: &Criteria, report: &Report, s: &ItemScore) -> Row {
    let item = criteria.def(s.item);
    let empty = Assessment::default();
    let a = report.assessments.get(&item.id).unwrap_or(&empty);
    let points = match s.status {
        ItemStatus::Scored => Points::Scored(s.points),
        ItemStatus::Pending => Points::Blank,
        ItemStatus::NotApplicable => Points::NotApplicable,
        ItemStatus::Invalid => Points::Invalid(a.score.trim().to_owned()),
    };
    let explanation = Some(a.explanation.trim())
        .filter(|e| !e.is_empty())
        .map(str::to_owned);
    let basis = (s.auto || s.status == ItemStatus::Invalid || s.missing_evidence())
        .then(|| s.explanation.get(Lang::Vi).to_owned());
    Row {
        kind: RowKind::Item,
        item: Some(item.id.clone()),
        stt: item.stt.clone(),
        title: item.title.vi.clone(),
        max: s.max,
        points,
        documents: a.documents().map(Document::of).collect(),
        explanation,
        basis,
        sums_below: false,
    }
}

/// The total rows closing the table: self-scored points, bonus, penalty, the total. The
/// total's maximum is the applicable one (not-applicable items left out), as the index uses.
fn totals(criteria: &Criteria, card: &Scorecard) -> Vec<Row> {
    let has = |k: AreaKind| criteria.template.areas.iter().any(|a| a.kind == k);
    let total = |title: &str, max: f64, points: f64| {
        Row::heading(RowKind::Total, "", title.to_owned(), max, Some(points))
    };
    let mut out = vec![total(
        "Cộng điểm tự chấm các lĩnh vực",
        criteria.max_of(AreaKind::Regular),
        card.achieved,
    )];
    if has(AreaKind::Bonus) {
        out.push(total(
            "Điểm thưởng",
            criteria.max_of(AreaKind::Bonus),
            card.bonus,
        ));
    }
    if has(AreaKind::Penalty) {
        out.push(total(
            "Điểm trừ",
            criteria.max_of(AreaKind::Penalty),
            card.penalty,
        ));
    }
    out.push(total("TỔNG ĐIỂM TỰ CHẤM", card.applicable_max, card.total));
    out
}

/// Whether any score of the table is printed as typed, so the table needs [`INVALID_NOTE`].
pub fn has_invalid(card: &Scorecard) -> bool {
    card.items.iter().any(|s| s.status == ItemStatus::Invalid)
}

/// "Bộ tiêu chí: …", the line naming the set above the table.
pub fn criteria_line(criteria: &Criteria) -> String {
    format!("Bộ tiêu chí: {}", criteria.template.title.vi)
}

/// "MẪU — …" when the criteria set is the sample, as on paper.
pub fn sample_note(criteria: &Criteria) -> Option<String> {
    let c = &criteria.template;
    c.sample.then(|| format!("MẪU — {}", c.source.vi))
}

/// The lines under the table: the total, the index and its band, and how they were reached.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// "Tổng điểm tự chấm: 80 / 95 điểm tối đa áp dụng (đã trừ 5 điểm …)."
    pub total: String,
    /// The index rounded half-up to 2 decimals, the value the core compared with the bands.
    pub index: String,
    pub band: String,
    /// How the index is computed, and where the survey's points are.
    pub note: String,
}

impl Summary {
    /// "Chỉ số cải cách hành chính tự đánh giá: …; xếp loại: …." in parts, for a view that
    /// marks the index and the band.
    pub const INDEX_LEAD: &'static str = "Chỉ số cải cách hành chính tự đánh giá: ";
    pub const BAND_LEAD: &'static str = "; xếp loại: ";

    pub fn index_line(&self) -> String {
        format!(
            "{}{}{}{}.",
            Self::INDEX_LEAD,
            self.index,
            Self::BAND_LEAD,
            self.band
        )
    }

    /// The three lines as written under the table.
    pub fn lines(&self) -> [String; 3] {
        [self.total.clone(), self.index_line(), self.note.clone()]
    }
}

pub fn summary(criteria: &Criteria, card: &Scorecard) -> Summary {
    let excluded = criteria.max_of(AreaKind::Regular) - card.applicable_max;
    let mut total = format!(
        "Tổng điểm tự chấm: {} / {} điểm tối đa áp dụng",
        value::points(card.total),
        value::points(card.applicable_max)
    );
    if excluded > 1e-9 {
        total.push_str(&format!(
            " (đã trừ {} điểm của tiêu chí không áp dụng)",
            value::points(excluded)
        ));
    }
    total.push('.');
    let mut note = "Chỉ số = tổng điểm tự chấm / điểm tối đa áp dụng × 100, làm tròn 2 chữ số \
                    thập phân; xếp loại theo giá trị đã làm tròn."
        .to_owned();
    if card.survey_max > 0.0 {
        note.push_str(&format!(
            " Điểm điều tra xã hội học (tối đa {} điểm) do cơ quan có thẩm quyền đánh giá, không \
             tính trong chỉ số tự đánh giá.",
            value::points(card.survey_max)
        ));
    }
    Summary {
        total,
        index: format_percent(card.index),
        band: scoring::band_label(criteria, card, Lang::Vi),
        note,
    }
}
