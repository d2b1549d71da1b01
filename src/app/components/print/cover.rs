//! The covering report on the first page: the two-column header of Nghị định 30 (issuing body
//! and number on the left, national title, motto and place-and-date on the right), the title,
//! one paragraph naming the appendices, then "Nơi nhận:" and the signature side by side.
//! The appendices follow, each on its own page; they carry no signature of their own.

use yew::prelude::*;

use super::Doc;
use crate::core::present::document;
use crate::core::prose::draft::{document_text, Context};

/// Each section's heading and text, as the covering report prints them.
fn narrative(doc: &Doc) -> Vec<(String, String)> {
    let ctx = Context {
        appendix: &doc.templates.appendix,
        report: doc.report,
        computed: &doc.eval.computed,
        previous: doc.previous,
    };
    document_text(&ctx)
        .into_iter()
        .map(|(heading, text)| (heading.vi, text))
        .collect()
}

pub fn render(doc: &Doc) -> Html {
    let id = &doc.report.identity;
    let (opening, narrative) = document::body_with_narrative(id, narrative(doc));
    html! {
        <section class="paper portrait cover" data-print="cover">
            <header class="doc-header">
                <div class="issuer">
                    <p class="issuer-body">{ document::COMMITTEE }</p>
                    <p class="issuer-body issuer-name">{ document::body_name(id) }</p>
                    <p class="doc-number">{ format!("Số: {}", document::report_number(id)) }</p>
                </div>
                <div class="nation">
                    <p class="nation-name">{ document::NATION }</p>
                    <p class="motto">{ document::MOTTO }</p>
                    <p class="place-date">{ document::place_and_date(id) }</p>
                </div>
            </header>
            <p class="doc-kind">{ document::REPORT }</p>
            <p class="doc-subject">{ document::report_subject(id) }</p>
            <p class="doc-body">{ opening }</p>
            // The narrative drafted from the figures (or as the officer edited it).
            { for narrative.into_iter().map(|(heading, text)| html! { <>
                <p class="doc-section">{ heading }</p>
                <p class="doc-body" data-narrative="">{ text }</p>
            </> }) }
            <div class="doc-foot">
                <div class="recipients">
                    <p class="recipients-label">{ document::RECIPIENTS }</p>
                    { for document::recipients(id).into_iter().map(|r| html! { <p class="recipient">{ r }</p> }) }
                </div>
                <div class="signature">
                    { for document::signature_titles(id).into_iter().map(|t| html! { <p class="signature-title">{ t }</p> }) }
                    // Room for the signature and the seal.
                    <div class="signature-space"></div>
                    <p class="signer">{ id.signer.trim() }</p>
                </div>
            </div>
        </section>
    }
}
