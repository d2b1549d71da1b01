//! Phụ lục II: the self-scoring table as the core's `present::scores` rows it, laid out as
//! HTML: each row group is a `<tbody>` kept on one page, and a sub-criterion with several
//! evidence documents spans one line per document.

use yew::prelude::*;

use super::Doc;
use crate::core::present::document;
use crate::core::present::scores::{
    self, Document, Points, Row, RowKind, Summary, EVIDENCE_COLUMNS, EVIDENCE_HEAD,
    EXPLANATION_HEAD, HEAD,
};
use crate::core::present::value;
use crate::core::scoring::Scorecard;
use crate::core::template::Criteria;

/// Phụ lục II on its own landscape sheet.
pub fn render(doc: &Doc) -> Html {
    let criteria = &doc.templates.criteria;
    let card = &doc.eval.scorecard;
    let id = &doc.report.identity;
    let sample = scores::sample_note(criteria).map(|note| {
        html! { <p class="sample-note" data-sample=""><strong>{ note }</strong></p> }
    });
    let rows = scores::rows(criteria, doc.report, card);
    html! {
        <section class="paper wide" data-print="appendix-ii">
            <header class="appendix-head">
                <p class="appendix-label">{ document::APPENDIX_II }</p>
                <p class="appendix-title">{ document::scoring_title(id) }</p>
                <p class="appendix-attached">{ document::attached_line(id) }</p>
            </header>
            <p class="criteria-source">{ scores::criteria_line(criteria) }</p>
            { sample }
            <table class="doc-table doc-scores">
                <colgroup>
                    <col class="c-stt" /><col class="c-title" /><col class="c-max" /><col class="c-score" />
                    <col class="c-doc" /><col class="c-number" /><col class="c-date" /><col class="c-why" />
                </colgroup>
                <thead>
                    <tr>
                        { for HEAD.iter().map(|h| html! { <th rowspan="2">{ *h }</th> }) }
                        <th colspan="3">{ EVIDENCE_HEAD }</th>
                        <th rowspan="2">{ EXPLANATION_HEAD }</th>
                    </tr>
                    <tr>{ for EVIDENCE_COLUMNS.iter().map(|h| html! { <th>{ *h }</th> }) }</tr>
                </thead>
                { body(&rows, summary(criteria, card)) }
            </table>
        </section>
    }
}

/// The rows as `<tbody>` groups: one per area, criterion and sub-criterion, and last the
/// totals with the lines under the table in a borderless row, so that a page break never
/// leaves those lines alone on a page.
fn body(rows: &[Row], under: Html) -> Html {
    let (table, totals): (Vec<&Row>, Vec<&Row>) =
        rows.iter().partition(|r| r.kind != RowKind::Total);
    html! {
        <>
            { for table.into_iter().map(|r| match r.kind {
                RowKind::Item => item_rows(r),
                _ => html! { <tbody>{ heading_row(r) }</tbody> },
            }) }
            <tbody class="totals">
                { for totals.into_iter().map(heading_row) }
                <tr class="under-table"><td colspan="8">{ under }</td></tr>
            </tbody>
        </>
    }
}

/// An area, criterion or total row.
fn heading_row(r: &Row) -> Html {
    let class = match r.kind {
        RowKind::Area(_) => "area-row",
        RowKind::Criterion => "criterion-row",
        RowKind::Item | RowKind::Total => "total-row",
    };
    html! {
        <tr class={class}>
            <td class="stt">{ &r.stt }</td>
            <td>{ &r.title }</td>
            <td class="num">{ value::points(r.max) }</td>
            <td class="num">{ r.points.text() }</td>
            <td></td><td></td><td></td>
            <td class="why">{ r.explanation.clone() }</td>
        </tr>
    }
}

/// A sub-criterion: one line per evidence document (at least one), its own cells spanning them.
fn item_rows(r: &Row) -> Html {
    let span = r.lines().to_string();
    let score = match &r.points {
        Points::Invalid(raw) => html! {
            <td class="num invalid" rowspan={span.clone()}>
                { raw }<sup class="invalid-mark">{ document::INVALID_MARK }</sup>
            </td>
        },
        p @ Points::NotApplicable => {
            html! { <td class="num na" rowspan={span.clone()}>{ p.text() }</td> }
        }
        p => html! { <td class="num" rowspan={span.clone()}>{ p.text() }</td> },
    };
    let documents = |d: Option<&Document>| match d {
        Some(d) => html! {
            <><td>{ &d.title }</td><td>{ &d.number }</td><td class="date">{ &d.date }</td></>
        },
        None => html! { <><td></td><td></td><td></td></> },
    };
    html! {
        <tbody class="item-group" data-item={r.item.clone()}>
            <tr class="item-row">
                <td class="stt" rowspan={span.clone()}>{ &r.stt }</td>
                <td rowspan={span.clone()}>{ &r.title }</td>
                <td class="num" rowspan={span.clone()}>{ value::points(r.max) }</td>
                { score }
                { documents(r.documents.first()) }
                <td class="why" rowspan={span}>
                    if let Some(e) = &r.explanation {
                        <div>{ e }</div>
                    }
                    if let Some(b) = &r.basis {
                        <div class="basis">{ b }</div>
                    }
                </td>
            </tr>
            { for r.documents.iter().skip(1).map(|d| html! { <tr class="item-row">{ documents(Some(d)) }</tr> }) }
        </tbody>
    }
}

/// Under the table: the note on scores printed as typed, if any; the index and band, and how
/// they were reached.
fn summary(criteria: &Criteria, card: &Scorecard) -> Html {
    let s = scores::summary(criteria, card);
    html! {
        <div class="score-summary">
            if scores::has_invalid(card) {
                <p class="table-note">{ scores::INVALID_NOTE }</p>
            }
            <p>{ &s.total }</p>
            <p>
                { Summary::INDEX_LEAD }<strong data-index="">{ &s.index }</strong>
                { Summary::BAND_LEAD }<strong data-band="">{ &s.band }</strong>{ "." }
            </p>
            <p class="summary-note">{ &s.note }</p>
        </div>
    }
}
