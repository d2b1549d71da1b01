//! "Thông tin báo cáo": who reports to whom, for which period, and the document's number, date
//! and signer. Each change is an `IdentityEdit`; the period findings of `core::checks` (dates
//! reversed, outside the year, report dated before its window ends) show at their fields.
//!
//! DOM contract (tests rely on it): every control has the id `identity-{field}`, e.g.
//! `#identity-commune`, `#identity-from`; a field's findings are in `#identity-{field}-findings`.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::components::field::{Choice, DateField, SelectField, TextArea, TextField};
use crate::app::components::findings::severity_mark;
use crate::app::components::SheetProps;
use crate::app::i18n::sheets::sheets;
use crate::app::i18n::shell::shell;
use crate::core::checks::{Finding, Place, Severity};
use crate::core::edit::{Edit, IdentityEdit};
use crate::core::period::PeriodKind;
use crate::core::report::CommuneKind;
use crate::core::text::Lang;

/// Years offered: a few back (late reports, corrections) and the next one (a December report).
const YEARS_BACK: i32 = 6;

/// The line that states the decree's data window, which both date fields refer to.
const WINDOW_RULE: &str = "identity-window-rule";

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The control's id.
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Findings about this field.
    #[prop_or_default]
    pub findings: Vec<Finding>,
    pub lang: Lang,
    #[prop_or_default]
    pub class: Classes,
    /// The control, which names `described_by(id, ..)` in its `aria-describedby`.
    pub children: Html,
}

/// A label, a control, an optional hint and the findings about it, stacked.
#[function_component(Field)]
pub fn field(props: &FieldProps) -> Html {
    let s = sheets(props.lang);
    html! {
        <div class={classes!("field", props.class.clone())}>
            <label for={&props.id}>{ &props.label }</label>
            { props.children.clone() }
            if let Some(hint) = &props.hint {
                <p class="hint" id={format!("{}-hint", props.id)}>{ hint }</p>
            }
            if !props.findings.is_empty() {
                <ul class="field-findings" id={format!("{}-findings", props.id)}>
                    { for props.findings.iter().map(|f| {
                        let (icon, class, word) = severity_mark(f.severity, s);
                        html! {
                            <li class={classes!("finding", class)}>
                                <span class="sev"><span class="mark-inline" aria-hidden="true">{ icon }</span>{ word }</span>
                                <span class="message">{ f.message.get(props.lang) }</span>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}

/// The `aria-describedby` of the control `id` inside a [`Field`]: its hint if it has one, its
/// findings if any, and `also` (an element outside the field).
fn described_by(
    id: &str,
    hint: bool,
    findings: &[Finding],
    also: Option<&str>,
) -> Option<AttrValue> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if !findings.is_empty() {
        ids.push(format!("{id}-findings"));
    }
    ids.extend(also.map(str::to_owned));
    (!ids.is_empty()).then(|| ids.join(" ").into())
}

/// An error marks the control invalid; a warning is only said (through `aria-describedby`).
fn has_error(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// A callback that sends the identity edit `make` reads from a control's value, if it reads one.
fn edit_if(
    on_edit: &Callback<Edit>,
    make: impl Fn(String) -> Option<IdentityEdit> + 'static,
) -> Callback<String> {
    let on_edit = on_edit.clone();
    Callback::from(move |value| {
        if let Some(edit) = make(value) {
            on_edit.emit(Edit::Identity(edit));
        }
    })
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

#[function_component(IdentityView)]
pub fn identity_view(props: &SheetProps) -> Html {
    let t = shell(props.lang);
    let identity = &props.report.identity;
    let findings_at = |place: Place| -> Vec<Finding> {
        props
            .eval
            .findings
            .iter()
            .filter(|f| f.place == place)
            .cloned()
            .collect()
    };
    // Every control reports an `IdentityEdit`.
    let edit = |make: fn(String) -> IdentityEdit| {
        props
            .on_edit
            .reform(move |s: String| Edit::Identity(make(s)))
    };
    let edit_date = |make: fn(Option<NaiveDate>) -> IdentityEdit| {
        props
            .on_edit
            .reform(move |d: Option<NaiveDate>| Edit::Identity(make(d)))
    };

    let kinds: Vec<Choice> = CommuneKind::ALL
        .iter()
        .map(|k| Choice::new(k.code(), k.label().get(props.lang).to_owned()))
        .collect();
    let on_kind = edit_if(&props.on_edit, |code: String| {
        CommuneKind::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .map(IdentityEdit::CommuneKind)
    });
    let periods: Vec<Choice> = PeriodKind::ALL
        .iter()
        .map(|p| Choice::new(p.code(), p.label().get(props.lang).to_owned()))
        .collect();
    let on_period = edit_if(&props.on_edit, |code: String| {
        PeriodKind::from_code(&code).map(IdentityEdit::Period)
    });
    let this_year = crate::app::services::clock::this_year();
    let mut years: Vec<i32> = (this_year - YEARS_BACK..=this_year + 1).collect();
    if !years.contains(&identity.year) {
        years.push(identity.year);
        years.sort_unstable();
    }
    let years: Vec<Choice> = years
        .into_iter()
        .rev()
        .map(|y| Choice::new(y.to_string(), y.to_string()))
        .collect();
    let on_year = edit_if(&props.on_edit, |year: String| {
        year.parse().ok().map(IdentityEdit::Year)
    });

    let (from, to) = identity.window();
    let rule = identity.period.window(identity.year);
    let overridden = identity.from.is_some() || identity.to.is_some();
    let reset_window = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| {
            on_edit.emit(Edit::Identity(IdentityEdit::From(None)));
            on_edit.emit(Edit::Identity(IdentityEdit::To(None)));
        })
    };
    let (from_findings, to_findings, date_findings) = (
        findings_at(Place::From),
        findings_at(Place::To),
        findings_at(Place::Date),
    );
    let commune_name = identity.commune.trim();

    html! {
        <section class="screen identity" aria-labelledby="identity-title">
            <h2 id="identity-title">{ t.tab_identity }</h2>
            <p class="intro">{ t.identity_intro }</p>

            <fieldset class="form-group">
                <legend>{ t.identity_unit }</legend>
                <div class="form-grid">
                    <Field id="identity-commune-kind" label={t.identity_commune_kind} lang={props.lang}>
                        <SelectField id="identity-commune-kind" choices={kinds} value={identity.commune_kind.code()} on_change={on_kind} />
                    </Field>
                    <Field id="identity-commune" label={t.identity_commune} lang={props.lang} class="span-2">
                        <TextField id="identity-commune" value={identity.commune.clone()} placeholder={t.identity_commune_placeholder}
                            on_change={edit(IdentityEdit::Commune)} />
                    </Field>
                    <Field id="identity-province" label={t.identity_province} lang={props.lang}>
                        <TextField id="identity-province" value={identity.province.clone()} placeholder={t.identity_province_placeholder}
                            on_change={edit(IdentityEdit::Province)} />
                    </Field>
                    <Field id="identity-receiving-body" label={t.identity_receiving_body} lang={props.lang} class="span-4"
                        hint={t.identity_receiving_body_hint}>
                        <TextField id="identity-receiving-body" value={identity.receiving_body.clone()}
                            placeholder={identity.receiving_body_or_default()}
                            describedby={described_by("identity-receiving-body", true, &[], None)}
                            on_change={edit(IdentityEdit::ReceivingBody)} />
                    </Field>
                </div>
            </fieldset>

            <fieldset class="form-group">
                <legend>{ t.identity_period_group }</legend>
                <div class="form-grid">
                    <Field id="identity-period" label={t.identity_period} lang={props.lang}>
                        <SelectField id="identity-period" choices={periods} value={identity.period.code()} on_change={on_period} />
                    </Field>
                    <Field id="identity-year" label={t.identity_year} lang={props.lang}>
                        <SelectField id="identity-year" choices={years} value={identity.year.to_string()} on_change={on_year} />
                    </Field>
                    <Field id="identity-from" label={t.identity_from} lang={props.lang} findings={from_findings.clone()}>
                        <DateField id="identity-from" value={from} on_change={edit_date(IdentityEdit::From)}
                            invalid={has_error(&from_findings)}
                            describedby={described_by("identity-from", false, &from_findings, Some(WINDOW_RULE))} />
                    </Field>
                    <Field id="identity-to" label={t.identity_to} lang={props.lang} findings={to_findings.clone()}>
                        <DateField id="identity-to" value={to} on_change={edit_date(IdentityEdit::To)}
                            invalid={has_error(&to_findings)}
                            describedby={described_by("identity-to", false, &to_findings, Some(WINDOW_RULE))} />
                    </Field>
                </div>
                <div class="window-rule" id={WINDOW_RULE}>
                    if let Some((rule_from, rule_to)) = rule {
                        <span>{ (t.identity_window_rule)(&dmy(rule_from), &dmy(rule_to)) }</span>
                    }
                    if overridden {
                        <span class="window-own">{ t.identity_window_own }</span>
                        <button type="button" class="link-button" data-window-reset="" onclick={reset_window}>
                            { t.identity_window_reset }
                        </button>
                    }
                </div>
            </fieldset>

            <fieldset class="form-group">
                <legend>{ t.identity_document }</legend>
                <div class="form-grid">
                    <Field id="identity-number" label={t.identity_number} lang={props.lang}>
                        <div class="prefixed">
                            <span class="prefix" aria-hidden="true">{ t.identity_number_prefix }</span>
                            <TextField id="identity-number" value={identity.number.clone()} placeholder={t.identity_number_placeholder}
                                on_change={edit(IdentityEdit::Number)} />
                        </div>
                    </Field>
                    <Field id="identity-date" label={t.identity_date} lang={props.lang} findings={date_findings.clone()}>
                        <DateField id="identity-date" value={identity.date} on_change={edit_date(IdentityEdit::Date)}
                            invalid={has_error(&date_findings)}
                            describedby={described_by("identity-date", false, &date_findings, None)} />
                    </Field>
                    <Field id="identity-place" label={t.identity_place} lang={props.lang} class="span-2" hint={t.identity_place_hint}>
                        <TextField id="identity-place" value={identity.place.clone()} placeholder={commune_name.to_owned()}
                            describedby={described_by("identity-place", true, &[], None)}
                            on_change={edit(IdentityEdit::Place)} />
                    </Field>
                    <Field id="identity-signer" label={t.identity_signer} lang={props.lang} class="span-2">
                        <TextField id="identity-signer" value={identity.signer.clone()} placeholder={t.identity_signer_placeholder}
                            on_change={edit(IdentityEdit::Signer)} />
                    </Field>
                    <Field id="identity-signer-title" label={t.identity_signer_title} lang={props.lang} class="span-2">
                        <TextField id="identity-signer-title" value={identity.signer_title.clone()}
                            on_change={edit(IdentityEdit::SignerTitle)} />
                    </Field>
                    <Field id="identity-recipients" label={t.identity_recipients} lang={props.lang} class="span-4"
                        hint={t.identity_recipients_hint}>
                        <TextArea id="identity-recipients" value={identity.recipients.clone()} rows={5}
                            placeholder={t.identity_recipients_placeholder}
                            describedby={described_by("identity-recipients", true, &[], None)}
                            on_change={edit(IdentityEdit::Recipients)} />
                    </Field>
                </div>
            </fieldset>
        </section>
    }
}
