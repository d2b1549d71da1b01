//! Phụ lục II: the self-scoring table. One row per area, criterion and sub-criterion, with the
//! maximum, the self-score, the evidence documents (title, number, date) and the explanation;
//! then the totals, the index and its band. The survey's points (ĐTXHH) are shown apart: the
//! commune does not score them and they are not in the index it computes. A sample criteria
//! set is said to be one, on paper too.

use yew::prelude::*;

use super::Doc;
use crate::core::number::format_percent;
use crate::core::present::document;
use crate::core::present::value;
use crate::core::report::{Assessment, Evidence};
use crate::core::scoring::{self, ItemScore, ItemStatus};
use crate::core::template::criteria::{Area, AreaKind};
use crate::core::text::Lang;

const NOT_APPLICABLE: &str = "Không áp dụng";
const SURVEY_NOTE: &str = "Do cơ quan có thẩm quyền điều tra xã hội học; xã không tự chấm.";
const INVALID_NOTE: &str = "(*) Điểm chưa hợp lệ, in nguyên văn như đã nhập; cần chấm lại.";

/// Phụ lục II on its own landscape sheet.
pub fn render(doc: &Doc) -> Html {
    let criteria = &doc.templates.criteria.template;
    let card = &doc.eval.scorecard;
    let id = &doc.report.identity;
    let sample = criteria.sample.then(|| {
        html! {
            <p class="sample-note" data-sample="">
                <strong>{ "MẪU — " }</strong>{ &criteria.source.vi }
            </p>
        }
    });
    let areas: Vec<Html> = criteria
        .areas
        .iter()
        .enumerate()
        .map(|(ai, area)| area_rows(doc, ai, area))
        .collect();
    let any_invalid = card.items.iter().any(|s| s.status == ItemStatus::Invalid);
    html! {
        <section class="paper wide" data-print="appendix-ii">
            <header class="appendix-head">
                <p class="appendix-label">{ document::APPENDIX_II }</p>
                <p class="appendix-title">{ document::scoring_title(id) }</p>
                <p class="appendix-attached">{ document::attached_line(id) }</p>
            </header>
            <p class="criteria-source">{ format!("Bộ tiêu chí: {}", criteria.title.vi) }</p>
            { sample }
            <table class="doc-table doc-scores">
                <colgroup>
                    <col class="c-stt" /><col class="c-title" /><col class="c-max" /><col class="c-score" />
                    <col class="c-doc" /><col class="c-number" /><col class="c-date" /><col class="c-why" />
                </colgroup>
                <thead>
                    <tr>
                        <th rowspan="2">{ "STT" }</th>
                        <th rowspan="2">{ "Lĩnh vực, tiêu chí, tiêu chí thành phần" }</th>
                        <th rowspan="2">{ "Điểm tối đa" }</th>
                        <th rowspan="2">{ "Điểm tự chấm" }</th>
                        <th colspan="3">{ "Tài liệu kiểm chứng" }</th>
                        <th rowspan="2">{ "Giải trình" }</th>
                    </tr>
                    <tr><th>{ "Tên tài liệu" }</th><th>{ "Số, ký hiệu" }</th><th>{ "Ngày ban hành" }</th></tr>
                </thead>
                { for areas }
                { totals(doc) }
            </table>
            if any_invalid {
                <p class="table-note">{ INVALID_NOTE }</p>
            }
            { summary(doc) }
        </section>
    }
}

/// Points with at most 2 decimals ("0,75", "2"), or blank when nothing was scored.
fn points_or_blank(points: Option<f64>) -> String {
    points.map(value::points).unwrap_or_default()
}

/// The points of a group of items, `None` while none of them is scored yet.
fn group_points<'a>(items: impl IntoIterator<Item = &'a ItemScore>) -> Option<f64> {
    let scored: Vec<&ItemScore> = items
        .into_iter()
        .filter(|s| s.status == ItemStatus::Scored)
        .collect();
    (!scored.is_empty()).then(|| scored.iter().map(|s| s.points).sum())
}

/// An area's row, then each criterion's row and its items' rows. Each row group is a
/// `<tbody>` kept on one page: an item with several evidence documents spans several rows.
fn area_rows(doc: &Doc, ai: usize, area: &Area) -> Html {
    let card = &doc.eval.scorecard;
    let set = &doc.templates.criteria;
    let score = &card.areas[ai];
    // Each score names its item in the compiled set, which knows its area and criterion.
    let items = card
        .items
        .iter()
        .filter(|s| set.items.get(s.item).is_some_and(|i| i.area == ai));
    let points = match area.kind {
        AreaKind::Survey => None,
        // Bonus and penalty areas are capped at their maximum, which the scorecard applies.
        AreaKind::Bonus | AreaKind::Penalty => group_points(items).and(score.points),
        AreaKind::Regular => group_points(items),
    };
    let why = (area.kind == AreaKind::Survey).then_some(SURVEY_NOTE);
    let criteria = area.criteria.iter().enumerate().map(|(ci, crit)| {
        let own: Vec<&ItemScore> = card.items_in(set, ai, ci).collect();
        html! {
            <>
                <tbody>
                    <tr class="criterion-row">
                        <td class="stt">{ &crit.stt }</td>
                        <td>{ &crit.title.vi }</td>
                        <td class="num">{ value::points(crit.max) }</td>
                        <td class="num">{ points_or_blank(group_points(own.iter().copied())) }</td>
                        <td></td><td></td><td></td><td></td>
                    </tr>
                </tbody>
                { for crit.items.iter().zip(own.iter().copied()).map(|(item, s)| {
                    item_rows(doc, &item.id, &item.stt, &item.title.vi, s)
                }) }
            </>
        }
    });
    html! {
        <>
            <tbody>
                <tr class="area-row">
                    <td class="stt">{ &area.stt }</td>
                    <td>{ area.title.vi.to_uppercase() }</td>
                    <td class="num">{ value::points(area.max) }</td>
                    <td class="num">{ points_or_blank(points) }</td>
                    <td></td><td></td><td></td>
                    <td class="why">{ why }</td>
                </tr>
            </tbody>
            { for criteria }
        </>
    }
}

/// A sub-criterion: one row per evidence document (at least one row), the item's own cells
/// spanning them all.
fn item_rows(doc: &Doc, item_id: &str, stt: &str, title: &str, s: &ItemScore) -> Html {
    let empty = Assessment::default();
    let a = doc.report.assessments.get(item_id).unwrap_or(&empty);
    // What scoring counts as a document is what the table lists.
    let evidence: Vec<&Evidence> = a.documents().collect();
    let span = evidence.len().max(1).to_string();
    let score = match s.status {
        ItemStatus::Scored => {
            html! { <td class="num" rowspan={span.clone()}>{ value::points(s.points) }</td> }
        }
        ItemStatus::Pending => html! { <td class="num" rowspan={span.clone()}></td> },
        ItemStatus::NotApplicable => {
            html! { <td class="num na" rowspan={span.clone()}>{ NOT_APPLICABLE }</td> }
        }
        ItemStatus::Invalid => html! {
            <td class="num invalid" rowspan={span.clone()}>
                { a.score.trim() }<sup class="invalid-mark">{ document::INVALID_MARK }</sup>
            </td>
        },
    };
    // How a rule computed the points (or why they were cut) is part of the explanation the
    // appraisal council reads; a plain manual score needs no such line.
    let basis = (s.auto || s.status == ItemStatus::Invalid || s.missing_evidence())
        .then(|| html! { <div class="basis">{ s.explanation.get(Lang::Vi) }</div> });
    let documents = |e: Option<&Evidence>| match e {
        Some(e) => html! {
            <>
                <td>{ evidence_title(e) }</td>
                <td>{ e.number.trim() }</td>
                <td class="date">{ e.date.trim() }</td>
            </>
        },
        None => html! { <><td></td><td></td><td></td></> },
    };
    html! {
        <tbody class="item-group" data-item={item_id.to_owned()}>
            <tr class="item-row">
                <td class="stt" rowspan={span.clone()}>{ stt }</td>
                <td rowspan={span.clone()}>{ title }</td>
                <td class="num" rowspan={span.clone()}>{ value::points(s.max) }</td>
                { score }
                { documents(evidence.first().copied()) }
                <td class="why" rowspan={span}>
                    if !a.explanation.trim().is_empty() {
                        <div>{ a.explanation.trim() }</div>
                    }
                    { basis }
                </td>
            </tr>
            { for evidence.iter().skip(1).map(|&e| html! { <tr class="item-row">{ documents(Some(e)) }</tr> }) }
        </tbody>
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

/// The total rows closing the table: self-scored points, bonus, penalty, the total. The
/// total's maximum is the applicable one (not-applicable items left out), as the index uses.
fn totals(doc: &Doc) -> Html {
    let card = &doc.eval.scorecard;
    let t = &doc.templates.criteria.template;
    let max_of = |k: AreaKind| -> Option<f64> {
        let areas: Vec<f64> = t
            .areas
            .iter()
            .filter(|a| a.kind == k)
            .map(|a| a.max)
            .collect();
        (!areas.is_empty()).then(|| areas.iter().sum())
    };
    let row = |label: &str, max: f64, points: f64| {
        html! {
            <tr class="total-row">
                <td></td><td>{ label.to_owned() }</td>
                <td class="num">{ value::points(max) }</td><td class="num">{ value::points(points) }</td>
                <td></td><td></td><td></td><td></td>
            </tr>
        }
    };
    html! {
        <tbody>
            { row("Cộng điểm tự chấm các lĩnh vực", max_of(AreaKind::Regular).unwrap_or_default(), card.achieved) }
            if let Some(cap) = max_of(AreaKind::Bonus) {
                { row("Điểm thưởng", cap, card.bonus) }
            }
            if let Some(cap) = max_of(AreaKind::Penalty) {
                { row("Điểm trừ", cap, card.penalty) }
            }
            { row("TỔNG ĐIỂM TỰ CHẤM", card.applicable_max, card.total) }
        </tbody>
    }
}

/// The index and band under the table, and how they were reached.
fn summary(doc: &Doc) -> Html {
    let card = &doc.eval.scorecard;
    let criteria = &doc.templates.criteria;
    // Shown rounded half-up to 2 decimals, the value the core compared with the bands.
    let index = format_percent(card.index);
    let band = scoring::band_label(criteria, card, Lang::Vi);
    let regular_max: f64 = criteria
        .template
        .areas
        .iter()
        .filter(|a| a.kind == AreaKind::Regular)
        .map(|a| a.max)
        .sum();
    let excluded = regular_max - card.applicable_max;
    html! {
        <div class="score-summary">
            <p>
                { "Tổng điểm tự chấm: " }<strong>{ value::points(card.total) }</strong>
                { format!(" / {} điểm tối đa áp dụng", value::points(card.applicable_max)) }
                if excluded > 1e-9 {
                    { format!(" (đã trừ {} điểm của tiêu chí không áp dụng)", value::points(excluded)) }
                }
                { "." }
            </p>
            <p>
                { "Chỉ số cải cách hành chính tự đánh giá: " }<strong data-index="">{ index }</strong>
                { "; xếp loại: " }<strong data-band="">{ band }</strong>{ "." }
            </p>
            <p class="summary-note">
                { "Chỉ số = tổng điểm tự chấm / điểm tối đa áp dụng × 100, làm tròn 2 chữ số thập phân; \
                   xếp loại theo giá trị đã làm tròn." }
                if card.survey_max > 0.0 {
                    { format!(
                        " Điểm điều tra xã hội học (tối đa {} điểm) do cơ quan có thẩm quyền đánh giá, \
                         không tính trong chỉ số tự đánh giá.",
                        value::points(card.survey_max)
                    ) }
                }
            </p>
        </div>
    }
}
