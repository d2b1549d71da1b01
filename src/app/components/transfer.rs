//! Reports in and out as JSON files: the export and import buttons, dropping a file anywhere
//! on the page, and the preview an import waits in until the officer confirms it.
//!
//! DOM contract: `[data-action="export"]`, `[data-action="import"]` and the file input
//! `#import-file`; the preview is `#import-preview`, with `[data-action="confirm"]` and
//! `[data-action="cancel"]`, and what the import could not keep in `[data-import-notes]`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::DragEvent;
use yew::prelude::*;

use crate::app::components::dialog::Dialog;
use crate::app::components::file_button::FileButton;
use crate::app::i18n::safety::safety;
use crate::app::i18n::shell::shell;
use crate::core::exchange;
use crate::core::present::document;
use crate::core::report::Report;
use crate::core::scoring::ItemStatus;
use crate::core::text::{Lang, Text};
use crate::core::workspace::{self, Templates};
use crate::state::IndexEntry;

#[derive(Properties, PartialEq)]
pub struct TransferActionsProps {
    pub lang: Lang,
    pub on_export: Callback<()>,
    /// A file the officer picked.
    pub on_file: Callback<web_sys::File>,
}

#[function_component(TransferActions)]
pub fn transfer_actions(props: &TransferActionsProps) -> Html {
    let t = shell(props.lang);
    html! {
        <>
            <button type="button" data-action="export" title={t.export_hint} onclick={props.on_export.reform(|_| ())}>
                { t.export_json }
            </button>
            <FileButton input_id="import-file" action="import" label={t.import_json} hint={t.import_hint}
                on_file={props.on_file.clone()} />
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct DropTargetProps {
    pub lang: Lang,
    /// A file dropped on the page.
    pub on_file: Callback<web_sys::File>,
    pub children: Html,
}

/// Makes the whole page a place to drop a file, and says so while one is dragged over it.
#[function_component(DropTarget)]
pub fn drop_target(props: &DropTargetProps) -> Html {
    let t = shell(props.lang);
    let node = use_node_ref();
    let dragging = use_state(|| false);
    let carries_files = |e: &DragEvent| {
        e.data_transfer()
            .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                // Without this the browser would open the file instead of letting us drop it.
                e.prevent_default();
                if !*dragging {
                    dragging.set(true);
                }
            }
        })
    };
    let ondragleave = {
        let (dragging, node) = (dragging.clone(), node.clone());
        Callback::from(move |e: DragEvent| {
            // Moving between children fires leave too; only leaving the page counts.
            let to = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let still_inside =
                matches!((node.get(), to), (Some(root), Some(to)) if root.contains(Some(&to)));
            if !still_inside {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let (dragging, on_file) = (dragging.clone(), props.on_file.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|files| files.get(0))
            {
                on_file.emit(file);
            }
        })
    };
    html! {
        <div class={classes!("drop-target", dragging.then_some("is-dragging"))} ref={node} {ondragover} {ondragleave} {ondrop}>
            { props.children.clone() }
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ t.drop_hint }</p></div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportPreviewProps {
    pub templates: Rc<Templates>,
    pub incoming: Rc<Report>,
    /// What the file held that the report cannot keep (`exchange::Imported::notes`).
    #[prop_or_default]
    pub notes: Rc<Vec<Text>>,
    /// The saved report with the same id, which the import would replace.
    pub replaces: Option<IndexEntry>,
    /// That saved report is the open one.
    pub replaces_open: bool,
    pub lang: Lang,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

/// What a file holds, and whether importing it adds a report or replaces one.
#[function_component(ImportPreview)]
pub fn import_preview(props: &ImportPreviewProps) -> Html {
    let t = shell(props.lang);
    let report = &props.incoming;
    let identity = &report.identity;
    let card = workspace::evaluate(&props.templates, report).scorecard;
    let scored = card
        .items
        .iter()
        .filter(|i| matches!(i.status, ItemStatus::Scored | ItemStatus::NotApplicable))
        .count();
    let unit = document::named_issuer(identity).unwrap_or_else(|| t.untitled.to_owned());
    let outcome = match &props.replaces {
        None => html! { <p class="import-outcome" data-outcome="add">{ t.import_adds }</p> },
        Some(old) => html! {
            <p class="import-outcome" data-outcome="replace">
                { (t.import_replaces)(&old.title(props.lang, t.untitled)) }
                if props.replaces_open { { " " }{ t.import_replaces_open } }
            </p>
        },
    };
    // What the import could not keep, and what the templates in use have no place for: said,
    // not dropped silently.
    let notes: Vec<Text> = props
        .notes
        .iter()
        .cloned()
        .chain(exchange::not_in_templates(&props.templates, report))
        .collect();
    let notes = (!notes.is_empty()).then(|| {
        html! {
            <div class="import-notes" data-import-notes="">
                <p>{ safety(props.lang).import_notes }</p>
                <ul>{ for notes.iter().map(|n| html! { <li>{ n.get(props.lang) }</li> }) }</ul>
            </div>
        }
    });
    let confirm_label = if props.replaces.is_some() {
        t.import_confirm_replace
    } else {
        t.import_confirm_add
    };
    html! {
        <Dialog id="import-preview" title={t.import_title} on_cancel={props.on_cancel.clone()} actions={html! { <>
            <button type="button" data-action="cancel" onclick={props.on_cancel.reform(|_| ())}>{ t.cancel }</button>
            <button type="button" class="primary" data-action="confirm" onclick={props.on_confirm.reform(|_| ())}>
                { confirm_label }
            </button>
        </> }}>
            <dl class="import-facts">
                <dt>{ t.import_unit }</dt>
                <dd data-fact="unit">{ unit }</dd>
                <dt>{ t.import_period }</dt>
                <dd data-fact="period">{ format!("{} {}", identity.period.label().get(props.lang), identity.year) }</dd>
                <dt>{ t.import_cells }</dt>
                <dd data-fact="cells">{ report.values.len() }</dd>
                <dt>{ t.import_scored }</dt>
                <dd data-fact="scored">{ (t.import_scored_count)(scored, card.items.len()) }</dd>
            </dl>
            { outcome }
            { for notes }
        </Dialog>
    }
}
