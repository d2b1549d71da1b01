//! "Tổng hợp nhiều đơn vị": the receiving body's roll-up of many commune reports. Files are
//! picked or dropped (and the app's saved reports added); the core reads, sorts out, scores and
//! adds them up (`core::rollup`); this screen lays out what it says.
//!
//! DOM contract for tests: `[data-rollup-ms]` (the last roll-up's time; `data-read-ms` the
//! last files' reading), `[data-band-count]`
//! per band, `[data-finding-type]`, `[data-rejected]` per file set aside, `[data-cell]` on the
//! summed figures, `[data-commune]` on each row of the commune table.

mod table;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::app::components::print::PrintView;
use crate::app::i18n::rollup::rollup as texts;
use crate::app::services::{clock, files};
use crate::core::compare::default_rows;
use crate::core::exchange::MAX_IMPORT_BYTES;
use crate::core::number::format_decimal;
use crate::core::present::{document, value};
use crate::core::rollup::{self, Input, Options, RollUp};
use crate::core::text::Lang;
use crate::core::workspace::Templates;
use crate::state::Shelved;
use table::CommuneTable;

#[derive(Properties, PartialEq)]
pub struct RollUpProps {
    pub templates: Rc<Templates>,
    pub lang: Lang,
    pub shelf: Rc<Vec<Shelved>>,
}

/// The files picked so far. Shared and appended in place: a thousand files of 90 KB are not
/// copied at each one read.
#[derive(Default)]
struct Picked {
    inputs: Rc<RefCell<Vec<Input>>>,
    /// Bumped at each change, so the roll-up is redone.
    generation: u64,
    /// Files still being read.
    reading: usize,
    /// How long the last batch of files took to read, in ms.
    read_ms: Option<f64>,
}

enum Msg {
    Reading(usize),
    /// Files read together, in the order they were picked; `of` is how many were being read.
    Read {
        inputs: Vec<Input>,
        of: usize,
        ms: f64,
    },
    Add(Vec<Input>),
    Clear,
}

impl Reducible for Picked {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let (mut reading, mut read_ms) = (self.reading, self.read_ms);
        match msg {
            Msg::Reading(n) => reading += n,
            Msg::Read { inputs, of, ms } => {
                self.inputs.borrow_mut().extend(inputs);
                reading = reading.saturating_sub(of);
                read_ms = Some(ms);
            }
            Msg::Add(list) => self.inputs.borrow_mut().extend(list),
            Msg::Clear => self.inputs.borrow_mut().clear(),
        }
        Rc::new(Picked {
            inputs: self.inputs.clone(),
            generation: self.generation + 1,
            reading,
            read_ms,
        })
    }
}

/// The roll-up and how long the core took, in ms.
pub(super) struct Done {
    pub(super) rollup: RollUp,
    ms: f64,
}

#[function_component]
pub fn RollUpView(props: &RollUpProps) -> Html {
    let t = texts(props.lang);
    let picked = use_reducer(Picked::default);
    let readers = use_mut_ref(Vec::<files::Reads>::new);
    // The commune whose report is shown read-only, by its row.
    let opened = use_state(|| None::<usize>);
    let on_open = {
        let opened = opened.clone();
        use_callback((), move |i: usize, _| opened.set(Some(i)))
    };
    // Rows are renumbered by each roll-up: a row chosen before means nothing after.
    {
        let opened = opened.clone();
        use_effect_with(picked.generation, move |_| opened.set(None));
    }
    // Rolled up again only once every file has been read.
    let done = use_memo(
        (
            props.templates.clone(),
            picked.generation,
            picked.reading == 0,
        ),
        {
            let inputs = picked.inputs.clone();
            move |(templates, _, idle)| {
                let list: Vec<Input> = if *idle {
                    inputs.borrow().clone()
                } else {
                    Vec::new()
                };
                let start = js_sys::Date::now();
                let rollup = rollup::roll_up(templates, list, &Options::default());
                Done {
                    rollup,
                    ms: js_sys::Date::now() - start,
                }
            }
        },
    );

    let read_files = {
        let (dispatch, readers) = (picked.dispatcher(), readers.clone());
        Callback::from(move |list: web_sys::FileList| {
            let picked = files::picked(&list);
            let n = picked.len();
            dispatch.dispatch(Msg::Reading(n));
            let (dispatch, start) = (dispatch.clone(), js_sys::Date::now());
            // Each file is read into its reports as soon as its batch is there, while the
            // browser fetches the next, and its text let go: the roll-up then only adds up.
            let take = |file: &files::Picked, got: files::Got<'_>| match got {
                files::Got::Bytes(bytes) => Input::read_bytes(file.name.clone(), bytes),
                // A file too large to be a report, turned away by its size, unread.
                files::Got::TooLarge(bytes) => Input::too_large(file.name.clone(), bytes),
                // An unreadable file is set aside by the core as "not JSON".
                files::Got::Failed(_) => Input::read_bytes(file.name.clone(), b""),
            };
            // One update when every file is read, not one per file: a thousand files would
            // otherwise redraw the screen a thousand times.
            readers.borrow_mut().push(files::read_many(
                picked,
                MAX_IMPORT_BYTES,
                take,
                move |inputs| {
                    dispatch.dispatch(Msg::Read {
                        inputs,
                        of: n,
                        ms: js_sys::Date::now() - start,
                    });
                },
            ));
        })
    };
    let on_pick = {
        let read_files = read_files.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                read_files.emit(list);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let read_files = read_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                read_files.emit(list);
            }
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| {
        e.prevent_default();
        e.stop_propagation();
    });
    let on_add_saved = {
        let (dispatch, shelf, lang) = (picked.dispatcher(), props.shelf.clone(), props.lang);
        Callback::from(move |_: MouseEvent| {
            let untitled = crate::app::i18n::shell::shell(lang).untitled;
            dispatch.dispatch(Msg::Add(
                shelf
                    .iter()
                    .map(|s| {
                        Input::saved(
                            s.entry().title(lang, untitled),
                            (*s.report).clone(),
                            s.saved_at,
                        )
                    })
                    .collect(),
            ))
        })
    };
    let on_clear = {
        let dispatch = picked.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::Clear))
    };
    let r = &done.rollup;
    let receiving = receiving_body(r);
    let on_export = {
        let (done, templates, receiving) =
            (done.clone(), props.templates.clone(), receiving.clone());
        Callback::from(move |_: MouseEvent| {
            let r = &done.rollup;
            let json = rollup::export(&templates, r, &receiving, &clock::now_iso());
            files::download(&rollup::file_name(r), "application/json", &json);
        })
    };
    // On paper the commune table has every row, however the screen pages it: set when the
    // browser is about to print (Ctrl+P), and by the print button, which prints once the rows
    // are drawn (its own `print()` call would lay out the page before they are).
    let printing = use_state(|| false);
    let print_asked = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let before = {
                let printing = printing.clone();
                EventListener::new(&window, "beforeprint", move |_| printing.set(true))
            };
            let after = EventListener::new(&window, "afterprint", move |_| printing.set(false));
            move || drop((before, after))
        });
    }
    {
        let (print_asked, printing) = (print_asked.clone(), printing.clone());
        use_effect_with(*print_asked, move |&asked| {
            if asked {
                print_asked.set(false);
                let _ = gloo::utils::window().print();
                printing.set(false);
            }
        });
    }
    let on_print = {
        let (printing, print_asked) = (printing.clone(), print_asked.clone());
        Callback::from(move |_: MouseEvent| {
            printing.set(true);
            print_asked.set(true);
        })
    };

    let lang = props.lang;
    let tpl = &props.templates;
    let bands = &tpl.criteria.template.bands;
    let has_result = !r.rows.is_empty() || !r.rejected.is_empty();
    html! {
        <section class="sheet rollup-view" aria-labelledby="rollup-title"
            ondragover={on_drag_over.clone()} ondrop={on_drop.clone()}>
            <header class="rollup-toolbar no-print">
                <h2 id="rollup-title">{ t.rollup_title }</h2>
                <p class="rollup-intro">{ t.rollup_intro }</p>
                <div class="rollup-actions">
                    <label class="button file-button">
                        { t.rollup_pick }
                        <input type="file" multiple=true accept=".json,application/json"
                            class="visually-hidden" data-rollup-files="" onchange={on_pick} />
                    </label>
                    <button type="button" onclick={on_add_saved} disabled={props.shelf.is_empty()}>{ t.rollup_add_saved }</button>
                    <button type="button" onclick={on_clear} disabled={!has_result}>{ t.rollup_clear }</button>
                    <button type="button" onclick={on_export} disabled={r.rows.is_empty()} data-rollup-export="">{ t.rollup_export }</button>
                    <button type="button" onclick={on_print} disabled={r.rows.is_empty()}>{ t.rollup_print }</button>
                </div>
                <div class="rollup-drop" ondragover={on_drag_over} ondrop={on_drop}>{ t.rollup_drop }</div>
                if picked.reading > 0 {
                    <p class="rollup-status" role="status">{ (t.rollup_reading)(picked.reading) }</p>
                } else if has_result {
                    <p class="rollup-status" role="status" data-rollup-ms={format!("{:.0}", done.ms)}
                        data-read-ms={picked.read_ms.map(|ms| format!("{ms:.0}"))}>
                        { (t.rollup_counts)(r.rows.len(), r.rejected.len()) }{ " " }
                        if let Some(ms) = picked.read_ms {
                            { (t.rollup_read_timing)(&format_decimal(ms, 0)) }{ " " }
                        }
                        { (t.rollup_timing)(&format_decimal(done.ms, 0)) }
                    </p>
                }
            </header>
            { opened.and_then(|i| r.rows.get(i)).map(|row| {
                let close = { let opened = opened.clone(); Callback::from(move |_: MouseEvent| opened.set(None)) };
                let report = row.member.report.clone();
                let eval = Rc::new(crate::core::workspace::evaluate(tpl, &report));
                html! {
                    <section class="rollup-opened" aria-label={(t.opened_title)(&row.name)} data-opened={row.name.clone()}>
                        <div class="no-print rollup-opened-bar">
                            <strong>{ (t.opened_title)(&row.name) }</strong>{ " " }
                            <button type="button" onclick={close}>{ t.opened_close }</button>
                        </div>
                        <PrintView templates={tpl.clone()} {report} {eval} {lang} on_edit={Callback::noop()} />
                    </section>
                }
            }).unwrap_or_default() }
            if has_result && opened.is_none() {
                <article class="print-doc rollup-doc" lang={if lang == Lang::Vi { "vi" } else { "en" }}>
                  <section class="paper wide rollup-paper" data-print="rollup">
                    // The official header (Nghị định 30): the receiving body issues the roll-up.
                    <header class="doc-header">
                        <div class="issuer">
                            <p class="issuer-body issuer-name">{ receiving.to_uppercase() }</p>
                        </div>
                        <div class="nation">
                            <p class="nation-name">{ document::NATION }</p>
                            <p class="motto">{ document::MOTTO }</p>
                        </div>
                    </header>
                    <p class="doc-kind">{ "BẢNG TỔNG HỢP" }</p>
                    <p class="doc-subject">{ rollup::document_subject(r) }</p>
                    <div class="rollup-head no-print">
                        <p class="rollup-issuer">{ t.rollup_issuer }{ ": " }<strong>{ receiving.clone() }</strong></p>
                        if let Some(p) = r.period {
                            <p class="rollup-period" data-rollup-period="">{ (t.rollup_period)(rollup::period_label(p).get(lang)) }</p>
                        }
                    </div>
                    <section class="rollup-counts">
                        <h3>{ t.rollup_bands }</h3>
                        <p class="rollup-band-summary">{ r.band_summary(tpl, lang) }</p>
                        <ul class="rollup-bands">
                            { for bands.iter().zip(&r.bands).map(|(b, n)| html! {
                                <li data-band-count={b.label.vi.clone()}>{ b.label.get(lang) }{ ": " }<strong>{ n }</strong></li>
                            }) }
                            if r.unscored > 0 {
                                <li data-band-count="">{ t.rollup_unscored }{ ": " }<strong>{ r.unscored }</strong></li>
                            }
                        </ul>
                        <h3>{ t.rollup_findings }</h3>
                        if r.finding_types.is_empty() {
                            <p>{ t.rollup_no_findings }</p>
                        } else {
                            <ul class="rollup-findings">
                                { for (0..r.finding_types.len()).map(|i| html! {
                                    <li data-finding-type={r.finding_types[i].label.vi.clone()}>{ r.finding_line(i, lang) }</li>
                                }) }
                            </ul>
                        }
                    </section>
                    if !r.rejected.is_empty() {
                        <section class="rollup-rejected">
                            <h3>{ t.rollup_rejected }{ format!(" ({})", r.rejected.len()) }</h3>
                            <ul>
                                { for r.rejected.iter().map(|x| html! {
                                    <li data-rejected={x.source.clone()}>
                                        <strong>{ &x.source }</strong>
                                        { x.commune.as_ref().map(|c| format!(" ({c})")).unwrap_or_default() }
                                        { ": " }{ x.reason.message().get(lang).to_owned() }
                                    </li>
                                }) }
                            </ul>
                        </section>
                    }
                    { figures(tpl, r, lang) }
                    <CommuneTable templates={tpl.clone()} rollup={done.clone()} {lang} {on_open} printing={*printing} />
                  </section>
                </article>
            }
        </section>
    }
}

impl PartialEq for Done {
    fn eq(&self, other: &Self) -> bool {
        self.rollup == other.rollup
    }
}

/// The body the reports were sent to, as most of them name it: the roll-up's issuer.
fn receiving_body(r: &RollUp) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for row in &r.rows {
        let body = row.member.report.identity.receiving_body_or_default();
        match counts.iter_mut().find(|(b, _)| *b == body) {
            Some((_, n)) => *n += 1,
            None => counts.push((body, 1)),
        }
    }
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(b, _)| b)
        .unwrap_or_else(|| "Sở Nội vụ".to_owned())
}

/// The summed figures: the dossier totals and the named rates first, then every other value.
fn figures(tpl: &Templates, r: &RollUp, lang: Lang) -> Html {
    let t = texts(lang);
    let a = &tpl.appendix;
    let key = default_rows(a);
    let row = |ix: usize| {
        let Some(v) = r.computed.number(ix) else {
            return html! {};
        };
        html! {
            <tr>
                <th scope="row">{ a.cell_label(ix).get(lang).to_owned() }</th>
                <td class="value" data-cell={a.cells[ix].id.clone()}>{ value::number(a.cells[ix].kind, v) }</td>
            </tr>
        }
    };
    let rest: Vec<usize> = (0..a.cells.len())
        .filter(|ix| !key.contains(ix) && r.computed.number(*ix).is_some())
        .collect();
    html! {
        <section class="rollup-figures">
            <h3>{ t.rollup_figures }</h3>
            <p class="rollup-note">{ t.rollup_figures_note }</p>
            <table class="rollup-key">
                <tbody>{ for key.iter().map(|&ix| row(ix)) }</tbody>
            </table>
            <details>
                <summary>{ t.rollup_all_values }</summary>
                <table class="rollup-all">
                    <tbody>{ for rest.iter().map(|&ix| row(ix)) }</tbody>
                </table>
            </details>
        </section>
    }
}
