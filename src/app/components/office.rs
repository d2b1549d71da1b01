//! The office files: buttons for the Excel and Word downloads and the import of figures, the
//! import's preview (what goes where, old → new, what was not recognised, Apply or Cancel),
//! and the line after an import with its undo.
//!
//! DOM contract: `[data-action="xlsx"]`, `[data-action="docx"]`, `[data-action="figures"]`
//! with the file input `#figures-file`; the preview `#figures-preview` with a row
//! `[data-change="{cell id}"]` per change, `[data-unrecognised]` items, `[data-action="apply"]`
//! and `[data-action="cancel"]`; the status `#office-status`, `[data-action="undo-figures"]`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::dialog::Dialog;
use crate::app::components::file_button::FileButton;
use crate::app::i18n::office::office;
use crate::core::mapping::MappingPreview;
use crate::core::text::{Lang, Text};

/// Where the office work stands, shown next to the buttons.
#[derive(Clone, PartialEq)]
pub enum OfficeStatus {
    Idle,
    Busy,
    Failed(Text),
    /// An import was applied: its preview, for the undo.
    Applied(Rc<MappingPreview>),
}

#[derive(Properties, PartialEq)]
pub struct OfficeActionsProps {
    pub lang: Lang,
    pub status: OfficeStatus,
    pub on_xlsx: Callback<()>,
    pub on_docx: Callback<()>,
    pub on_file: Callback<web_sys::File>,
    pub on_undo: Callback<()>,
}

#[function_component(OfficeActions)]
pub fn office_actions(props: &OfficeActionsProps) -> Html {
    let t = office(props.lang);
    let busy = props.status == OfficeStatus::Busy;
    let status = match &props.status {
        OfficeStatus::Idle => Html::default(),
        OfficeStatus::Busy => html! { { t.office_busy } },
        OfficeStatus::Failed(why) => html! {
            <span class="office-error" role="alert">{ format!("{}: {}", t.office_failed, why.get(props.lang)) }</span>
        },
        OfficeStatus::Applied(p) => html! { <>
            { (t.office_applied)(p.changes.len()) }{ " " }
            <button type="button" class="link-button" data-action="undo-figures" onclick={props.on_undo.reform(|_| ())}>
                { t.office_undo }
            </button>
        </> },
    };
    html! {
        <>
            <button type="button" data-action="xlsx" title={t.office_xlsx_hint} disabled={busy}
                onclick={props.on_xlsx.reform(|_| ())}>{ t.office_xlsx }</button>
            <button type="button" data-action="docx" title={t.office_docx_hint} disabled={busy}
                onclick={props.on_docx.reform(|_| ())}>{ t.office_docx }</button>
            <FileButton input_id="figures-file" action="figures" label={t.office_import}
                hint={t.office_import_hint} accept=".xlsx,.xlsm,.xls,.ods,.csv"
                on_file={props.on_file.clone()} />
            <span id="office-status" class="office-status" aria-live="polite">{ status }</span>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct FiguresPreviewProps {
    pub lang: Lang,
    pub file: AttrValue,
    pub preview: Rc<MappingPreview>,
    pub on_apply: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[function_component(FiguresPreview)]
pub fn figures_preview(props: &FiguresPreviewProps) -> Html {
    let t = office(props.lang);
    let p = &props.preview;
    let lang = props.lang;
    let shown = |s: &str| {
        if s.trim().is_empty() {
            t.office_empty.to_owned()
        } else {
            s.to_owned()
        }
    };
    html! {
        <Dialog id="figures-preview" title={t.office_preview_title} on_cancel={props.on_cancel.clone()} actions={html! { <>
            <button type="button" data-action="cancel" onclick={props.on_cancel.reform(|_| ())}>{ t.office_cancel }</button>
            <button type="button" class="primary" data-action="apply" disabled={p.changes.is_empty()}
                onclick={props.on_apply.reform(|_| ())}>{ t.office_apply }</button>
        </> }}>
            <p>{ (t.office_preview_intro)(&props.file, p.changes.len()) }</p>
            if p.changes.is_empty() {
                <p>{ t.office_nothing }</p>
            } else {
                <div class="figures-changes">
                    <table class="figures-table">
                        <thead><tr>
                            <th scope="col">{ t.office_col_cell }</th>
                            <th scope="col">{ t.office_col_old }</th>
                            <th scope="col">{ t.office_col_new }</th>
                            <th scope="col">{ t.office_col_source }</th>
                        </tr></thead>
                        <tbody>
                            { for p.changes.iter().map(|c| html! {
                                <tr data-change={c.cell.clone()}>
                                    <td>{ c.label.get(lang) }</td>
                                    <td class="num">{ shown(&c.old) }</td>
                                    <td class="num">{ shown(&c.new) }</td>
                                    <td>{ &c.source }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if p.unchanged > 0 {
                <p>{ (t.office_unchanged)(p.unchanged) }</p>
            }
            if !p.unrecognised.is_empty() {
                <p>{ (t.office_unrecognised)(p.unrecognised.len()) }</p>
                <ul class="figures-unrecognised">
                    { for p.unrecognised.iter().map(|u| html! {
                        <li data-unrecognised="">
                            { format!("{}: «{}» — {}", u.source, u.text, u.why.get(lang)) }
                        </li>
                    }) }
                </ul>
            }
        </Dialog>
    }
}
