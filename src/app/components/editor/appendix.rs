//! "Soạn mẫu phụ lục số liệu": the appendix template's rows edited beside the criteria editor,
//! on the saved-reports screen. It lays out what `core::authoring::appendix_editor` says: the
//! draft's sections, tables and rows with their fields and tools, each place's problems under
//! it in the compiler's words (a removal refused says why at the row), the appendix-wide ones
//! on top. The draft lives in this component until the officer uses it (the reducer's
//! `AppendixFile`, as a loaded province file, so the version-change dialog applies) or
//! downloads it.
//!
//! DOM contract: the part is `#appendix-editor`; start button `[data-action="edit-appendix"]`;
//! places `[data-place="s0"]`, `"s0.t1"`, `"s0.t1.r2"` (a row also carries `data-row-id`); a
//! place's problem `[data-problem]`; appendix-wide problems `[data-set-problems]`; the version
//! `[data-draft-version]`; a table's `[data-action="add-row"]`, a row's `add-row-after`,
//! `remove-row`, `move-up`, `move-down`; `[data-action="use-appendix-draft"]`,
//! `download-appendix-draft`, `close-appendix-editor`.

use std::collections::HashMap;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::i18n::appendix_editor::{appendix_editor_strings, AppendixEditorStrings};
use crate::app::services::files;
use crate::core::authoring::appendix_editor::{
    kind_label, AppendixDraft, AppendixEdit, Place, Problem, KINDS,
};
use crate::core::report::TemplateRef;
use crate::core::template::appendix::{Row, Section, Table};
use crate::core::text::Lang;
use crate::core::workspace::Templates;

#[derive(Properties, PartialEq)]
pub struct AppendixEditorProps {
    pub lang: Lang,
    pub templates: Rc<Templates>,
    /// The appendices this browser's reports name: an edited draft takes a version above them.
    pub taken: Rc<Vec<TemplateRef>>,
    /// The draft as a file's text, to put in use.
    pub on_use: Callback<String>,
}

/// The editor's own state: the draft, while one is open.
#[derive(Clone, Default, PartialEq)]
struct Draft(Option<Rc<AppendixDraft>>);

enum DraftAction {
    Start(Box<AppendixDraft>),
    Edit(AppendixEdit, Rc<Templates>),
    Close,
}

impl Reducible for Draft {
    type Action = DraftAction;

    fn reduce(self: Rc<Self>, action: DraftAction) -> Rc<Self> {
        Rc::new(match action {
            DraftAction::Start(d) => Draft(Some(Rc::from(d))),
            DraftAction::Edit(e, templates) => match &self.0 {
                Some(d) => {
                    let mut d = (**d).clone();
                    d.apply(e, &templates);
                    Draft(Some(Rc::new(d)))
                }
                None => return self,
            },
            DraftAction::Close => Draft(None),
        })
    }
}

/// What the views of one draft share.
struct Ctx<'a> {
    lang: Lang,
    t: &'static AppendixEditorStrings,
    on_edit: Callback<AppendixEdit>,
    problems: &'a HashMap<Place, Vec<Problem>>,
    /// The removal just refused, told apart from the compiler's other faults at its place.
    refused: Option<&'a Problem>,
}

fn key(p: Place) -> String {
    match p {
        Place::Section(s) => format!("s{s}"),
        Place::Table(s, t) => format!("s{s}.t{t}"),
        Place::Row(s, t, r) => format!("s{s}.t{t}.r{r}"),
    }
}

#[function_component(AppendixEditor)]
pub fn appendix_editor(props: &AppendixEditorProps) -> Html {
    let t = appendix_editor_strings(props.lang);
    let draft = use_reducer(Draft::default);
    let start = {
        let (dispatch, templates, taken) = (
            draft.dispatcher(),
            props.templates.clone(),
            props.taken.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(DraftAction::Start(Box::new(AppendixDraft::start(
                &templates.appendix.template,
                &taken,
            ))))
        })
    };
    let body = match &draft.0 {
        None => Html::default(),
        Some(d) => draft_view(props, d, draft.dispatcher()),
    };
    html! {
        <section class="screen-part criteria-editor appendix-editor" id="appendix-editor" aria-labelledby="appendix-editor-title">
            <h3 id="appendix-editor-title">{ t.title }</h3>
            <p class="intro">{ t.intro }</p>
            // Hidden while a draft is open, so a click cannot start over and lose its edits.
            if draft.0.is_none() {
                <div class="editor-start">
                    <button type="button" data-action="edit-appendix" title={t.start_hint} onclick={start}>{ t.start }</button>
                </div>
            }
            { body }
        </section>
    }
}

fn draft_view(
    props: &AppendixEditorProps,
    d: &Rc<AppendixDraft>,
    dispatch: UseReducerDispatcher<Draft>,
) -> Html {
    let t = appendix_editor_strings(props.lang);
    let lang = props.lang;
    let all = d.problems(&props.templates);
    let mut at: HashMap<Place, Vec<Problem>> = HashMap::new();
    let mut whole = Vec::new();
    for p in all.iter().cloned() {
        match p.at {
            Some(place) => at.entry(place).or_default().push(p),
            None => whole.push(p),
        }
    }
    let on_edit = {
        let (dispatch, templates) = (dispatch.clone(), props.templates.clone());
        Callback::from(move |e: AppendixEdit| {
            dispatch.dispatch(DraftAction::Edit(e, templates.clone()))
        })
    };
    let ctx = Ctx {
        lang,
        t,
        on_edit: on_edit.clone(),
        problems: &at,
        refused: d.refused.as_ref(),
    };
    let set_problems = (!whole.is_empty()).then(|| {
        html! {
            <div class="editor-problems" data-set-problems="" role="alert">
                <strong>{ t.problems_set }</strong>
                <ul>{ for whole.iter().map(|p| html! { <li>{ message(&ctx, p) }</li> }) }</ul>
            </div>
        }
    });
    let edited = d.edited();
    let on_use = {
        let (on_use, d) = (props.on_use.clone(), d.clone());
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            on_use.emit(d.to_json());
            dispatch.dispatch(DraftAction::Close);
        })
    };
    let on_download = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            files::download(&d.file_name(), "application/json", &d.to_json())
        })
    };
    let close = Callback::from(move |_: MouseEvent| dispatch.dispatch(DraftAction::Close));
    let base = d.base_ref();
    let sections = &d.template.sections;
    html! {
        <div class="editor-draft">
            <div class="editor-set">
                <label class="editor-field wide" data-field="title">
                    <span>{ t.name }</span>
                    { text_input(&ctx, "", t.name, d.template.title.vi.clone(), Place::Section(0), |_, v| AppendixEdit::Title(v)) }
                </label>
                <p class={classes!("editor-scale", if edited { "ok" } else { "" })}
                    data-draft-version={d.template.version.to_string()}>
                    { (t.version)(base.version, d.template.version, edited) }
                </p>
            </div>
            { for set_problems }
            <div class="editor-tree" role="tree">
                { for sections.iter().enumerate().map(|(si, s)| section_view(&ctx, si, s)) }
            </div>
            <div class="editor-actions">
                <button type="button" class="primary" data-action="use-appendix-draft"
                    title={if edited { t.use_hint } else { t.unchanged }}
                    disabled={!all.is_empty() || !edited} onclick={on_use}>{ t.use_draft }</button>
                <button type="button" data-action="download-appendix-draft" onclick={on_download}>{ t.download }</button>
                <button type="button" data-action="close-appendix-editor" onclick={close}>{ t.close }</button>
            </div>
        </div>
    }
}

/// A problem in the compiler's words; a refused removal and the criteria set's fault say so.
fn message(ctx: &Ctx, p: &Problem) -> String {
    let prefix = if p.criteria { ctx.t.criteria_fault } else { "" };
    format!("{prefix}{}", p.message.get(ctx.lang))
}

fn problems(ctx: &Ctx, p: Place) -> Html {
    let Some(list) = ctx.problems.get(&p) else {
        return Html::default();
    };
    let line = |x: &Problem| {
        let removal = ctx.refused == Some(x);
        let text = message(ctx, x);
        html! {
            <li data-problem="">
                if removal { <strong>{ ctx.t.refused }</strong> }
                { text }
            </li>
        }
    };
    html! {
        <div class="editor-node-problems" role="alert">
            <ul>{ for list.iter().map(line) }</ul>
        </div>
    }
}

fn text_input(
    ctx: &Ctx,
    class: &'static str,
    label: &'static str,
    value: String,
    // A plain function (an edit's constructor), not a closure: one copy of this in the wasm.
    p: Place,
    make: fn(Place, String) -> AppendixEdit,
) -> Html {
    super::text_field(class, label, value, ctx.on_edit.reform(move |v| make(p, v)))
}

fn tool(
    ctx: &Ctx,
    label: &'static str,
    sym: &'static str,
    action: &'static str,
    e: AppendixEdit,
    disabled: bool,
) -> Html {
    let on_edit = ctx.on_edit.clone();
    html! {
        <button type="button" class="editor-tool" data-action={action} title={label} aria-label={label}
            {disabled} onclick={Callback::from(move |_: MouseEvent| on_edit.emit(e.clone()))}>{ sym }</button>
    }
}

fn check(
    ctx: &Ctx,
    label: &'static str,
    hint: &'static str,
    field: &'static str,
    on: bool,
    p: Place,
    make: fn(Place, bool) -> AppendixEdit,
) -> Html {
    let on_edit = ctx.on_edit.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_edit.emit(make(p, input.checked()));
    });
    html! {
        <label class="editor-check" title={hint} data-field={field}>
            <input type="checkbox" checked={on} {onchange} />{ " " }{ label }
        </label>
    }
}

fn section_view(ctx: &Ctx, si: usize, s: &Section) -> Html {
    let t = ctx.t;
    let p = Place::Section(si);
    html! {
        <div class="editor-node editor-area" data-place={key(p)} role="treeitem" aria-expanded="true">
            <div class="editor-row">
                <span class="editor-stt" title={(t.section)(&s.stt)}><strong>{ &s.stt }</strong></span>
                { text_input(ctx, "editor-title", t.section_title, s.title.vi.clone(), p, AppendixEdit::Label) }
                { tool(ctx, t.add_table, "+▦", "add-table", AppendixEdit::AddTable(p), false) }
            </div>
            { problems(ctx, p) }
            <div class="editor-children" role="group">
                { for s.tables.iter().enumerate().map(|(ti, table)| table_view(ctx, si, ti, table)) }
            </div>
        </div>
    }
}

fn table_view(ctx: &Ctx, si: usize, ti: usize, table: &Table) -> Html {
    let t = ctx.t;
    let p = Place::Table(si, ti);
    let grid = !table.columns.is_empty();
    let count = table.rows.len();
    html! {
        <div class="editor-node editor-criterion" data-place={key(p)} data-table-id={table.id.clone()} role="treeitem" aria-expanded="true">
            <div class="editor-row">
                { text_input(ctx, "editor-title", t.table_title, table.title.vi.clone(), p, AppendixEdit::Label) }
                if grid { <span class="editor-sum">{ (t.grid)(table.columns.len()) }</span> }
                <span class="editor-tools">
                    { tool(ctx, t.remove_table, "✕", "remove-table", AppendixEdit::Remove(p), false) }
                </span>
            </div>
            { problems(ctx, p) }
            <div class="editor-children" role="group">
                { for table.rows.iter().enumerate().map(|(ri, r)| row_view(ctx, si, ti, ri, r, grid, count)) }
                <p><button type="button" data-action="add-row" onclick={ctx.on_edit.reform(move |_: MouseEvent| AppendixEdit::AddRow(p))}>{ t.add_row }</button></p>
            </div>
        </div>
    }
}

fn row_view(ctx: &Ctx, si: usize, ti: usize, ri: usize, r: &Row, grid: bool, count: usize) -> Html {
    let t = ctx.t;
    let lang = ctx.lang;
    let p = Place::Row(si, ti, ri);
    let input_row = !grid && !r.heading && r.formula.is_none();
    let kind = input_row.then(|| {
        let on_edit = ctx.on_edit.clone();
        let onchange = Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let k = s.value().parse::<usize>().ok().and_then(|i| KINDS.get(i).copied());
            if let Some(k) = k {
                on_edit.emit(AppendixEdit::Kind(p, k));
            }
        });
        html! {
            <select aria-label={t.kind} title={t.kind} {onchange}>
                { for KINDS.iter().enumerate().map(|(i, k)| html! {
                    <option value={i.to_string()} selected={r.kind == Some(*k)}>{ kind_label(*k).get(lang).to_owned() }</option>
                }) }
            </select>
        }
    });
    let computed = (r.formula.is_some() && !r.heading).then(|| {
        html! { <span class="badge badge-builtin">{ t.computed }</span> }
    });
    html! {
        <div class={classes!("editor-node", "editor-item", r.heading.then_some("is-heading"))}
            data-place={key(p)} data-row-id={r.id.clone()} role="treeitem">
            <div class="editor-row">
                { text_input(ctx, "editor-stt", t.stt, r.stt.clone(), p, AppendixEdit::Stt) }
                { text_input(ctx, "editor-title", t.label, r.label.vi.clone(), p, AppendixEdit::Label) }
                <span class="editor-tools">
                    { tool(ctx, t.move_up, "↑", "move-up", AppendixEdit::MoveUp(p), ri == 0) }
                    { tool(ctx, t.move_down, "↓", "move-down", AppendixEdit::MoveDown(p), ri + 1 == count) }
                    { tool(ctx, t.add_after, "+", "add-row-after", AppendixEdit::AddRowAfter(p), false) }
                    { tool(ctx, t.remove_row, "✕", "remove-row", AppendixEdit::Remove(p), false) }
                </span>
            </div>
            { problems(ctx, p) }
            <div class="editor-row editor-extra">
                <label class="editor-field">
                    <span>{ t.label_en }</span>
                    { text_input(ctx, "", t.label_en, r.label.en.clone(), p, AppendixEdit::LabelEn) }
                </label>
                if !grid && !r.heading {
                    <label class="editor-field editor-unit">
                        <span>{ t.unit }</span>
                        { text_input(ctx, "", t.unit, r.unit.vi.clone(), p, AppendixEdit::Unit) }
                    </label>
                }
                { for kind }
                { for computed }
                { check(ctx, t.heading, t.heading_hint, "heading", r.heading, p, AppendixEdit::Heading) }
                if grid { { check(ctx, t.total, t.total_hint, "total", r.total, p, AppendixEdit::Total) } }
                <code class="editor-row-id">{ (t.row_id)(&r.id) }</code>
            </div>
        </div>
    }
}
