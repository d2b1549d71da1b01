//! Tài liệu kiểm chứng of one sub-criterion: rows of title, number/symbol (15/KH-UBND), date
//! and page or section, added and removed by the officer.

use yew::prelude::*;

use crate::app::components::field::TextField;
use crate::app::i18n::sheets::sheets;
use crate::core::edit::{Edit, EvidenceField};
use crate::core::report::Evidence;
use crate::core::text::Lang;

#[derive(Properties, PartialEq)]
pub struct EvidenceProps {
    pub item: AttrValue,
    /// The item's DOM id stem ("item-1-1-1"): rows are `{stem}-ev{index}-{field}`.
    pub dom_id: AttrValue,
    /// What the council expects, from the criteria set.
    pub hint: AttrValue,
    pub evidence: Vec<Evidence>,
    pub lang: Lang,
    pub on_edit: Callback<Edit>,
}

#[function_component]
pub fn EvidenceList(props: &EvidenceProps) -> Html {
    let s = sheets(props.lang);
    let add = {
        let (item, on_edit) = (props.item.to_string(), props.on_edit.clone());
        Callback::from(move |_: MouseEvent| on_edit.emit(Edit::AddEvidence { item: item.clone() }))
    };
    html! {
        <div class="evidence">
            <p class="evidence-title">
                <strong>{ s.evidence_title }</strong>
                if !props.hint.is_empty() {
                    <span class="evidence-hint">{ " — " }{ s.evidence_expected }{ ": " }{ props.hint.clone() }</span>
                }
            </p>
            if !props.evidence.is_empty() {
                <table class="evidence-table">
                    <thead>
                        <tr>
                            <th scope="col">{ s.evidence_doc }</th>
                            <th scope="col">{ s.evidence_number }</th>
                            <th scope="col">{ s.evidence_date }</th>
                            <th scope="col">{ s.evidence_location }</th>
                            <th scope="col"><span class="visually-hidden">{ s.evidence_remove }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.evidence.iter().enumerate().map(|(i, e)| row(props, i, e)) }
                    </tbody>
                </table>
            }
            <button type="button" class="add-evidence" id={format!("{}-add-evidence", props.dom_id)} onclick={add}>
                <span aria-hidden="true">{ "+ " }</span>{ s.evidence_add }
            </button>
        </div>
    }
}

fn row(props: &EvidenceProps, index: usize, e: &Evidence) -> Html {
    let s = sheets(props.lang);
    let stem = format!("{}-ev{index}", props.dom_id);
    let field = |field: EvidenceField,
                 name: &str,
                 label: &str,
                 value: &str,
                 placeholder: &'static str| {
        let (item, on_edit) = (props.item.to_string(), props.on_edit.clone());
        let on_change = Callback::from(move |text: String| {
            on_edit.emit(Edit::Evidence {
                item: item.clone(),
                index,
                field,
                text,
            })
        });
        html! {
            <td>
                <TextField id={format!("{stem}-{name}")} value={value.to_owned()} {on_change}
                    placeholder={placeholder} label={AttrValue::from(format!("{label} {}", index + 1))} />
            </td>
        }
    };
    let remove = {
        let (item, on_edit) = (props.item.to_string(), props.on_edit.clone());
        Callback::from(move |_: MouseEvent| {
            on_edit.emit(Edit::RemoveEvidence {
                item: item.clone(),
                index,
            })
        })
    };
    html! {
        <tr data-evidence={index.to_string()}>
            { field(EvidenceField::Title, "title", s.evidence_doc, &e.title, s.evidence_doc_placeholder) }
            { field(EvidenceField::Number, "number", s.evidence_number, &e.number, "15/KH-UBND") }
            { field(EvidenceField::Date, "date", s.evidence_date, &e.date, s.date_placeholder) }
            { field(EvidenceField::Location, "location", s.evidence_location, &e.location, s.evidence_location_placeholder) }
            <td>
                <button type="button" class="remove-evidence" id={format!("{stem}-remove")}
                    aria-label={format!("{} {}", s.evidence_remove, index + 1)} onclick={remove}>
                    <span aria-hidden="true">{ "✕" }</span>
                </button>
            </td>
        </tr>
    }
}
