//! "Lời văn": the covering report's words. Two parts, both laid out from the core
//! (`core::prose`):
//!
//! - the narrative drafted from the appendix, one text box per section; an edit goes through
//!   `prose::draft::rebind` into `Edit::Narrative`, so the figures stay bound to their cells,
//!   and a number edited by hand that differs from its cells is listed under its box;
//! - "Soát số liệu": text pasted from Word, proofread against itself and against the open
//!   report (`prose::proofread_against`); the statements found wrong are marked in place, with
//!   the correct value, and listed.
//!
//! The pasted text and its result are a passing UI state of this screen, not report data.
//!
//! DOM contract for tests: `[data-paragraph="{section id}"]` on each narrative box's block,
//! `.stale` on a hand-edited number's warning, `#proof-input`, `#proof-run`, `.proof-counts`,
//! `mark.proof-error` / `mark.proof-note` in `.proof-text`, `.proof-list li`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::field::TextArea;
use crate::app::components::SheetProps;
use crate::app::i18n::words::{words, Words};
use crate::core::compute::{compute, Computed};
use crate::core::edit::Edit;
use crate::core::prose::draft::{self, Context};
use crate::core::prose::{self, Proofreading, Severity};
use crate::core::report::Report;
use crate::core::rollup::period_label;
use crate::core::text::Lang;

#[function_component]
pub fn WordsView(props: &SheetProps) -> Html {
    let t = words(props.lang);
    html! {
        <section class="sheet words" aria-labelledby="words-title">
            <header class="sheet-head">
                <h2 id="words-title">{ t.words_title }</h2>
            </header>
            <Narrative ..props.clone() />
            <Proofread ..props.clone() />
        </section>
    }
}

#[function_component]
fn Narrative(props: &SheetProps) -> Html {
    let t = words(props.lang);
    let previous = previous_of(props);
    let ctx = Context {
        appendix: &props.templates.appendix,
        report: &props.report,
        computed: &props.eval.computed,
        previous: previous.as_ref().map(|(r, c)| (r.as_ref(), c)),
    };
    let against = match &props.previous {
        Some(p) => (t.narrative_against)(
            period_label((p.identity.period, p.identity.year)).get(props.lang),
        ),
        None => t.narrative_no_previous.to_owned(),
    };
    let paragraphs = draft::builtin_for(ctx.appendix)
        .map(|n| draft::draft(n, &ctx))
        .unwrap_or_default();
    html! {
        <section class="narrative" aria-labelledby="narrative-title">
            <h3 id="narrative-title">{ t.narrative_title }</h3>
            <p class="hint">{ t.narrative_hint }</p>
            <p class="hint" data-narrative-against="">{ against }</p>
            if paragraphs.is_empty() {
                <p class="empty">{ t.narrative_empty }</p>
            }
            { for paragraphs.into_iter().map(|p| paragraph(props, t, &ctx, &previous, p)) }
        </section>
    }
}

/// The earlier report the changes are written against, with its figures.
fn previous_of(props: &SheetProps) -> Option<(Rc<Report>, Computed)> {
    let p = props.previous.clone()?;
    let computed = compute(&props.templates.appendix, &p);
    Some((p, computed))
}

fn paragraph(
    props: &SheetProps,
    t: &Words,
    ctx: &Context,
    previous: &Option<(Rc<Report>, Computed)>,
    p: draft::Paragraph,
) -> Html {
    let id = format!("narrative-{}", p.section);
    let text = draft::render(ctx, &p.segments);
    let stale = draft::stale(ctx, &p.segments);
    let on_change = {
        let (templates, report, eval) = (
            props.templates.clone(),
            props.report.clone(),
            props.eval.clone(),
        );
        let previous = previous.clone();
        let (section, old) = (p.section.clone(), p.segments.clone());
        props.on_edit.reform(move |edited: String| {
            // Read back against what it was drafted from, changes included.
            let ctx = Context {
                appendix: &templates.appendix,
                report: &report,
                computed: &eval.computed,
                previous: previous.as_ref().map(|(r, c)| (r.as_ref(), c)),
            };
            Edit::Narrative {
                section: section.clone(),
                segments: Some(draft::rebind(&ctx, &old, &edited)),
            }
        })
    };
    let on_reset = {
        let section = p.section.clone();
        props.on_edit.reform(move |_: MouseEvent| Edit::Narrative {
            section: section.clone(),
            segments: None,
        })
    };
    let heading = p.heading.get(props.lang).to_owned();
    let rows = (text.chars().count() / 90 + 2).clamp(3, 16) as u32;
    html! {
        <div class="narrative-paragraph" data-paragraph={p.section.clone()}>
            <h4>
                { heading.clone() }
                if p.edited {
                    <span class="edited-badge">{ t.narrative_edited }</span>
                }
            </h4>
            <TextArea
                id={id.clone()}
                value={text}
                {on_change}
                {rows}
                label={Some(AttrValue::from((t.narrative_label)(&heading)))}
                invalid={!stale.is_empty()}
                describedby={(!stale.is_empty()).then(|| AttrValue::from(format!("{id}-stale")))}
            />
            if !stale.is_empty() {
                <ul class="stale-list" id={format!("{id}-stale")}>
                    { for stale.iter().map(|s| html! {
                        <li class="stale">{ s.message.get(props.lang) }</li>
                    }) }
                </ul>
            }
            if p.edited {
                <button type="button" class="link-button" onclick={on_reset}>{ t.narrative_reset }</button>
            }
        </div>
    }
}

#[function_component]
fn Proofread(props: &SheetProps) -> Html {
    let t = words(props.lang);
    let input = use_state(String::new);
    // The text proofread and its result, kept until the officer proofreads again.
    let result = use_state(|| None::<Rc<(String, Proofreading)>>);
    let on_change = {
        let input = input.clone();
        Callback::from(move |s: String| input.set(s))
    };
    let on_run = {
        let (input, result) = (input.clone(), result.clone());
        let (templates, report, eval) = (
            props.templates.clone(),
            props.report.clone(),
            props.eval.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let text = (*input).clone();
            let p = prose::proofread_against(&text, &templates, &report, &eval);
            result.set(Some(Rc::new((text, p))));
        })
    };
    let on_clear = {
        let (input, result) = (input.clone(), result.clone());
        Callback::from(move |_: MouseEvent| {
            input.set(String::new());
            result.set(None);
        })
    };
    html! {
        <section class="proofread" aria-labelledby="proof-title">
            <h3 id="proof-title">{ t.proof_title }</h3>
            <p class="hint">{ t.proof_hint }</p>
            <label for="proof-input">{ t.proof_input_label }</label>
            <TextArea id="proof-input" value={(*input).clone()} {on_change} rows={10} />
            <p class="proof-actions">
                <button type="button" id="proof-run" class="primary" onclick={on_run}>{ t.proof_button }</button>
                <button type="button" class="link-button" onclick={on_clear}>{ t.proof_clear }</button>
            </p>
            if let Some(r) = &*result {
                { outcome(t, props.lang, &r.0, &r.1) }
            }
        </section>
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "proof-error",
        Severity::Note => "proof-note",
    }
}

fn outcome(t: &Words, lang: Lang, text: &str, p: &Proofreading) -> Html {
    if p.statements.is_empty() {
        return html! { <p class="proof-counts">{ t.proof_none }</p> };
    }
    let (errors, notes) = (p.count(Severity::Error), p.count(Severity::Note));
    // The text with each flagged statement marked in place; overlapping ones keep the first.
    let mut parts: Vec<Html> = Vec::new();
    let mut at = 0;
    for (n, s) in p.flagged().enumerate() {
        let Some(flag) = &s.flag else { continue };
        if s.span.start < at || s.span.end > text.len() {
            continue;
        }
        parts.push(html! { { text.get(at..s.span.start).unwrap_or("") } });
        parts.push(html! {
            <mark
                id={format!("proof-{n}")}
                class={severity_class(flag.severity)}
                title={flag.message.get(lang).to_owned()}
            >
                { s.span.slice(text) }
            </mark>
        });
        at = s.span.end;
    }
    parts.push(html! { { text.get(at..).unwrap_or("") } });
    html! {
        <div class="proof-outcome">
            <p class="proof-counts" role="status">
                { (t.proof_counts)(p.statements.len(), p.correct(), errors, notes) }
            </p>
            <p class="hint">{ t.proof_leniency }</p>
            if errors + notes > 0 {
                <ol class="proof-list">
                    { for p.flagged().enumerate().filter_map(|(n, s)| {
                        let flag = s.flag.as_ref()?;
                        let label = match flag.severity {
                            Severity::Error => t.proof_error,
                            Severity::Note => t.proof_note,
                        };
                        Some(html! {
                            <li class={severity_class(flag.severity)}>
                                <a href={format!("#proof-{n}")} class="proof-where">{ s.span.slice(text) }</a>
                                <span class="proof-kind">{ label }</span>
                                <p class="proof-message">{ flag.message.get(lang) }</p>
                                if let Some(c) = &flag.correct {
                                    <p class="proof-correct">{ t.proof_correct }{ " " }<strong>{ c }</strong></p>
                                }
                                <blockquote class="proof-sentence" lang="vi">{ s.sentence.slice(text) }</blockquote>
                            </li>
                        })
                    }) }
                </ol>
            }
            <div class="proof-text" lang="vi" aria-label={t.proof_result_label}>{ for parts }</div>
        </div>
    }
}
