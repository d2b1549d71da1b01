//! "Soạn bộ tiêu chí": the criteria editor, a part of the saved-reports screen. It lays out
//! what `core::authoring::editor` says: the draft's tree (areas, criteria, sub-criteria) with
//! their fields and rules, each node's problems under it in the compiler's words, the maxima
//! adding up, and the open report scored with the draft. The draft lives in this component
//! until the officer uses it (the reducer's `CriteriaFile`, as a loaded file) or downloads it.
//!
//! DOM contract: the part is `#criteria-editor`; start buttons `[data-action="edit-current"]`,
//! `edit-blank`, `edit-sheet` (file input `#criteria-sheet`); nodes `[data-node="a0"]`,
//! `"a0.c1"`, `"a0.c1.i2"`; a node's problem `[data-problem]`; set-level problems
//! `[data-set-problems]`; the rows to finish `[data-to-finish]`; the preview `[data-preview]`
//! with `[data-preview-total]`; `[data-action="use-draft"]`, `download-draft`, `close-editor`.

mod appendix;
mod node;

pub use appendix::AppendixEditor;

use std::collections::HashMap;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::i18n::editor::editor_strings;
use crate::app::services::{files, office};
use crate::core::authoring::editor::{self, DraftEdit, Node, Problem};
use crate::core::authoring::import::{import_criteria, ImportNote, NoteKind, SetMeta};
use crate::core::authoring::sheet::{parse_csv, Sheet};
use crate::core::number::{self, format_decimal, format_percent};
use crate::core::report::Report;
use crate::core::template::criteria::CriteriaTemplate;
use crate::core::text::{Lang, Text};
use crate::core::workspace::{Evaluation, Templates};

use node::{area_view, Ctx};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub lang: Lang,
    pub templates: Rc<Templates>,
    pub report: Rc<Report>,
    pub eval: Rc<Evaluation>,
    /// The draft as a file's text, to put in use.
    pub on_use: Callback<String>,
}

/// The editor's own state: the draft, and what the spreadsheet import said about it.
#[derive(Clone, Default)]
struct Draft {
    set: Option<Rc<CriteriaTemplate>>,
    notes: Rc<Vec<ImportNote>>,
    failure: Option<Text>,
}

enum DraftAction {
    Start(CriteriaTemplate, Vec<ImportNote>),
    Edit(DraftEdit, Rc<Templates>),
    Failed(Text),
    Close,
}

impl Reducible for Draft {
    type Action = DraftAction;

    fn reduce(self: Rc<Self>, action: DraftAction) -> Rc<Self> {
        let mut d = (*self).clone();
        match action {
            DraftAction::Start(set, notes) => {
                d.set = Some(Rc::new(set));
                d.notes = Rc::new(notes);
                d.failure = None;
            }
            DraftAction::Edit(e, templates) => {
                if let Some(set) = &d.set {
                    let mut set = (**set).clone();
                    editor::apply(&mut set, e, &templates.appendix);
                    d.set = Some(Rc::new(set));
                }
            }
            DraftAction::Failed(m) => d.failure = Some(m),
            DraftAction::Close => d = Draft::default(),
        }
        Rc::new(d)
    }
}

#[function_component(CriteriaEditor)]
pub fn criteria_editor(props: &EditorProps) -> Html {
    let t = editor_strings(props.lang);
    let draft = use_reducer(Draft::default);
    let reading = use_mut_ref(|| None::<FileReader>);
    let templates = props.templates.clone();

    let on_edit = {
        let (dispatch, templates) = (draft.dispatcher(), templates.clone());
        Callback::from(move |e: DraftEdit| {
            dispatch.dispatch(DraftAction::Edit(e, templates.clone()))
        })
    };
    let start_current = {
        let (dispatch, templates) = (draft.dispatcher(), templates.clone());
        Callback::from(move |_: MouseEvent| {
            let mut set = templates.criteria.template.clone();
            // An edited set is another version: reports name their set by id and version.
            set.version += 1;
            set.sample = false;
            dispatch.dispatch(DraftAction::Start(set, Vec::new()))
        })
    };
    let start_blank = {
        let (dispatch, templates) = (draft.dispatcher(), templates.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(DraftAction::Start(
                editor::blank(&templates.appendix),
                Vec::new(),
            ))
        })
    };
    let picker = use_node_ref();
    let open_picker = {
        let picker = picker.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = picker.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_sheet = {
        let (dispatch, templates, reading) =
            (draft.dispatcher(), templates.clone(), reading.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (dispatch, templates) = (dispatch.clone(), templates.clone());
            let unreadable = || Text::new("tệp không đọc được.", "the file cannot be read.");
            // What the rows of either reader become: a draft, or why not.
            let start = move |rows: Result<Sheet, Text>| {
                let result = rows.and_then(|sheet| {
                    import_criteria(&sheet, &templates.appendix, SetMeta::default())
                });
                dispatch.dispatch(match result {
                    Ok(imp) => DraftAction::Start(imp.template, imp.notes),
                    Err(m) => DraftAction::Failed(m),
                })
            };
            let name = file.name();
            if name.to_lowercase().ends_with(".csv") {
                *reading.borrow_mut() = Some(files::read_text(&file, move |read| {
                    start(read.map_err(|_| unreadable()).and_then(|t| parse_csv(&t)))
                }));
                return;
            }
            // A workbook: read in the office worker (calamine), loaded at this first use.
            *reading.borrow_mut() = Some(office::read_bytes(&file, move |read| {
                let Ok(bytes) = read else {
                    return start(Err(unreadable()));
                };
                let op = office::Op::Rows {
                    name: &name,
                    bytes: &bytes,
                };
                office::request(op, "", None, move |reply| {
                    start(match reply {
                        Ok(office::Reply::Rows(json)) => {
                            serde_json::from_str(&json).map_err(|_| unreadable())
                        }
                        Ok(_) => Err(unreadable()),
                        Err(why) => Err(why),
                    })
                });
            }));
        })
    };

    let failure = draft.failure.as_ref().map(|m| {
        html! { <p class="editor-failure" role="alert">{ (t.sheet_failed)(m.get(props.lang)) }</p> }
    });
    let starts = html! {
        <div class="editor-start">
            <button type="button" data-action="edit-current" onclick={start_current}>{ t.start_current }</button>
            <button type="button" data-action="edit-blank" onclick={start_blank}>{ t.start_blank }</button>
            <button type="button" data-action="edit-sheet" title={t.start_sheet_hint} onclick={open_picker}>{ t.start_sheet }</button>
            <input type="file" id="criteria-sheet" ref={picker} accept=".xlsx,.xlsm,.ods,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden=true onchange={on_sheet} />
        </div>
    };
    let body = match &draft.set {
        None => Html::default(),
        Some(set) => draft_view(props, set, &draft.notes, on_edit, draft.dispatcher()),
    };
    html! {
        <section class="screen-part criteria-editor" id="criteria-editor" aria-labelledby="criteria-editor-title">
            <h3 id="criteria-editor-title">{ t.title }</h3>
            <p class="intro">{ t.intro }</p>
            { starts }
            { for failure }
            { body }
        </section>
    }
}

fn draft_view(
    props: &EditorProps,
    set: &Rc<CriteriaTemplate>,
    notes: &[ImportNote],
    on_edit: Callback<DraftEdit>,
    dispatch: UseReducerDispatcher<Draft>,
) -> Html {
    let t = editor_strings(props.lang);
    let lang = props.lang;
    let appendix = &props.templates.appendix;
    let all = editor::problems(set, appendix);
    let mut at: HashMap<Node, Vec<Text>> = HashMap::new();
    let mut whole = Vec::new();
    for Problem { at: node, message } in all.iter().cloned() {
        match node {
            Some(n) => at.entry(n).or_default().push(message),
            None => whole.push(message),
        }
    }
    let ctx = Ctx {
        lang,
        appendix,
        on_edit: on_edit.clone(),
        problems: &at,
    };
    let text_field =
        |label: &'static str, value: String, make: fn(String) -> DraftEdit, key: &'static str| {
            let on_edit = on_edit.clone();
            let onchange = Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                on_edit.emit(make(input.value()));
            });
            html! {
                <label class="editor-field" data-field={key}>
                    <span>{ label }</span>
                    <input type="text" {value} {onchange} />
                </label>
            }
        };
    let version = {
        let on_edit = on_edit.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().trim().parse::<u32>() {
                on_edit.emit(DraftEdit::SetVersion(v));
            }
        })
    };
    let classes = {
        let (on_edit, old) = (on_edit.clone(), set.bands.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(b) = editor::classes_from_text(&input.value(), &old) {
                on_edit.emit(DraftEdit::Bands(b));
            }
        })
    };
    let sum = editor::scale_sum(set);
    let scale_ok = (sum - set.scale).abs() < 1e-9;
    let set_problems = (!whole.is_empty()).then(|| {
        html! {
            <div class="editor-problems" data-set-problems="" role="alert">
                <strong>{ t.problems_set }</strong>
                <ul>{ for whole.iter().map(|m| html! { <li>{ m.get(lang) }</li> }) }</ul>
            </div>
        }
    });
    let to_finish: Vec<&ImportNote> = notes
        .iter()
        .filter(|n| {
            matches!(
                n.kind,
                NoteKind::Manual | NoteKind::Unreadable | NoteKind::Points
            )
        })
        .collect();
    let finish = (!to_finish.is_empty()).then(|| html! {
        <details class="editor-notes" data-to-finish="" open=true>
            <summary>{ (t.to_finish)(to_finish.len()) }</summary>
            <ul>{ for to_finish.iter().map(|n| html! {
                <li data-row={n.row.to_string()}><strong>{ (t.row)(n.row) }</strong>{ ": " }{ n.message.get(lang) }</li>
            }) }</ul>
        </details>
    });
    let on_use = {
        let (on_use, set) = (props.on_use.clone(), set.clone());
        Callback::from(move |_: MouseEvent| on_use.emit(editor::to_json(&set)))
    };
    let on_download = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("bo-tieu-chi_{}_v{}.json", set.id, set.version);
            files::download(&name, "application/json", &editor::to_json(&set));
        })
    };
    let add_area = on_edit.reform(|_: MouseEvent| DraftEdit::AddArea);
    let close = Callback::from(move |_: MouseEvent| dispatch.dispatch(DraftAction::Close));
    html! {
        <div class="editor-draft">
            <div class="editor-set">
                { text_field(t.set_title, set.title.vi.clone(), DraftEdit::SetTitle, "title") }
                { text_field(t.set_id, set.id.clone(), DraftEdit::SetId, "id") }
                <label class="editor-field" data-field="version">
                    <span>{ t.set_version }</span>
                    <input type="text" inputmode="numeric" value={set.version.to_string()} onchange={version} />
                </label>
                { text_field(t.set_source, set.source.vi.clone(), DraftEdit::SetSource, "source") }
                <label class="editor-field wide" data-field="bands" title={t.set_bands_hint}>
                    <span>{ t.set_bands }</span>
                    <input type="text" value={editor::classes_text(&set.bands)} onchange={classes} />
                </label>
                <p class={classes!("editor-scale", if scale_ok { "ok" } else { "bad" })} data-scale="">
                    { (t.scale_sum)(&number::format_trimmed(sum, 2), &number::format_trimmed(set.scale, 2)) }
                </p>
            </div>
            { for set_problems }
            { for finish }
            <div class="editor-tree" role="tree">
                { for set.areas.iter().enumerate().map(|(ai, a)| area_view(&ctx, ai, a, set.areas.len())) }
            </div>
            <p><button type="button" data-action="add-area" onclick={add_area}>{ t.add_area }</button></p>
            { preview(props, set) }
            <div class="editor-actions">
                <button type="button" class="primary" data-action="use-draft" title={t.use_set_hint}
                    disabled={!all.is_empty()} onclick={on_use}>{ t.use_set }</button>
                <button type="button" data-action="download-draft" onclick={on_download}>{ t.download }</button>
                <button type="button" data-action="close-editor" onclick={close}>{ t.close }</button>
            </div>
        </div>
    }
}

/// The open report scored with the draft, area by area.
fn preview(props: &EditorProps, set: &CriteriaTemplate) -> Html {
    let t = editor_strings(props.lang);
    let lang = props.lang;
    let appendix = &props.templates.appendix;
    let card = editor::preview(set, appendix, &props.eval.computed, &props.report);
    let body = match card {
        Err(_) => html! { <p class="editor-preview-blocked">{ t.preview_blocked }</p> },
        Ok(card) => {
            let band = card
                .band
                .and_then(|b| set.bands.get(b))
                .map(|b| b.label.get(lang).to_owned())
                .unwrap_or_else(|| number::NO_VALUE.to_owned());
            html! { <>
                <table class="editor-preview-table">
                    <tbody>
                        { for set.areas.iter().zip(&card.areas).map(|(a, s)| html! {
                            <tr>
                                <td>{ &a.stt }</td>
                                <td>{ a.title.get(lang) }</td>
                                <td class="num">{ s.points.map(|p| format_decimal(p, 2)).unwrap_or_else(|| number::NO_VALUE.to_owned()) }</td>
                                <td class="num">{ number::format_trimmed(a.max, 2) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p data-preview-total="">
                    <strong>{ (t.preview_total)(&format_decimal(card.total, 2), &number::format_trimmed(card.applicable_max, 2)) }</strong>
                    { " · " }{ (t.preview_index)(&format_percent(card.index), &band) }
                </p>
            </> }
        }
    };
    html! {
        <div class="editor-preview" data-preview="">
            <h4>{ t.preview }</h4>
            { body }
        </div>
    }
}

/// A text field of a draft, in either editor: what was typed goes to `on_value` when the
/// officer leaves the field.
fn text_field(
    class: &'static str,
    label: &'static str,
    value: String,
    on_value: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_value.emit(input.value());
    });
    html! { <input type="text" {class} aria-label={label} title={label} {value} {onchange} /> }
}
