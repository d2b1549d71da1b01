//! The form controls of `components::field`: controlled, and safe under an IME composition
//! (Vietnamese Telex/VNI), which is where a naive controlled input loses the officer's text.

use std::cell::RefCell;
use std::rc::Rc;

use crate::support::*;
use chrono::NaiveDate;
use phuluc_cchc::app::components::field::{Choice, DateField, SelectField, TextArea, TextField};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

/// Every text a control reported, in order.
type Reported = Rc<RefCell<Vec<String>>>;

#[derive(Properties, PartialEq)]
struct HolderProps {
    reported: Reported,
    #[prop_or_default]
    multiline: bool,
}

/// Holds the value like the app's state does, and can re-render for an unrelated reason (the
/// autosave finishing, say) through its "again" button.
#[function_component(Holder)]
fn holder(props: &HolderProps) -> Html {
    let value = use_state(String::new);
    let renders = use_state(|| 0u32);
    let on_change = {
        let (value, reported) = (value.clone(), props.reported.clone());
        Callback::from(move |text: String| {
            reported.borrow_mut().push(text.clone());
            value.set(text);
        })
    };
    let again = {
        let renders = renders.clone();
        Callback::from(move |_: MouseEvent| renders.set(*renders + 1))
    };
    html! {
        <>
            if props.multiline {
                <TextArea id="f" value={(*value).clone()} {on_change} />
            } else {
                <TextField id="f" value={(*value).clone()} {on_change} />
            }
            <output id="state">{ (*value).clone() }</output>
            <button id="again" onclick={again}>{ *renders }</button>
        </>
    }
}

async fn mount_holder(multiline: bool) -> (web_sys::Element, Reported) {
    let root = host();
    let reported = Reported::default();
    yew::Renderer::<Holder>::with_root_and_props(
        root.clone(),
        HolderProps {
            reported: reported.clone(),
            multiline,
        },
    )
    .render();
    settle().await;
    (root, reported)
}

/// "Việt" typed with Telex through an IME: the text changes under composition events.
async fn compose_viet(root: &web_sys::Element) {
    let field = get(root, "#f");
    dispatch(&field, &event("CompositionEvent", "compositionstart", &[]));
    for partial in ["V", "Vi", "Vie", "Viê", "Việ"] {
        set_value(&field, partial);
        dispatch(
            &field,
            &event(
                "InputEvent",
                "input",
                &[
                    ("isComposing", true.into()),
                    ("inputType", "insertCompositionText".into()),
                ],
            ),
        );
        settle().await;
    }
}

#[wasm_bindgen_test]
async fn plain_typing_reports_every_change() {
    let (root, reported) = mount_holder(false).await;
    type_text(&get(&root, "#f"), "Tân");
    settle().await;
    type_text(&get(&root, "#f"), "Tân Hà");
    settle().await;
    assert_eq!(*reported.borrow(), vec!["Tân", "Tân Hà"]);
    assert_eq!(text(&root, "#state"), "Tân Hà");
}

#[wasm_bindgen_test]
async fn a_composition_is_reported_once_when_it_ends() {
    let (root, reported) = mount_holder(false).await;
    compose_viet(&root).await;
    assert!(
        reported.borrow().is_empty(),
        "nothing is reported mid-composition: {:?}",
        reported.borrow()
    );
    let field = get(&root, "#f");
    set_value(&field, "Việt");
    dispatch(
        &field,
        &event(
            "CompositionEvent",
            "compositionend",
            &[("data", "Việt".into())],
        ),
    );
    settle().await;
    assert_eq!(*reported.borrow(), vec!["Việt"]);
    assert_eq!(text(&root, "#state"), "Việt");
    assert_eq!(value(&field), "Việt");
}

#[wasm_bindgen_test]
async fn a_render_during_a_composition_leaves_the_ime_text_alone() {
    let (root, _) = mount_holder(false).await;
    compose_viet(&root).await;
    // The state still says "" while the IME shows "Việ"; a render must not write "" back.
    click(&get(&root, "#again"));
    settle().await;
    assert_eq!(text(&root, "#again"), "1", "the holder did render again");
    assert_eq!(value(&get(&root, "#f")), "Việ");
}

#[wasm_bindgen_test]
async fn the_text_area_is_as_safe() {
    let (root, reported) = mount_holder(true).await;
    compose_viet(&root).await;
    click(&get(&root, "#again"));
    settle().await;
    assert_eq!(value(&get(&root, "#f")), "Việ");
    let field = get(&root, "#f");
    set_value(&field, "Việt\nNam");
    dispatch(&field, &event("CompositionEvent", "compositionend", &[]));
    settle().await;
    assert_eq!(*reported.borrow(), vec!["Việt\nNam"]);
}

#[wasm_bindgen_test]
async fn a_new_value_from_outside_replaces_the_text_when_not_composing() {
    #[derive(Properties, PartialEq)]
    struct Props {
        value: AttrValue,
    }
    #[function_component(Fixed)]
    fn fixed(props: &Props) -> Html {
        html! { <TextField id="f" value={props.value.clone()} on_change={Callback::noop()} /> }
    }
    let root = host();
    let mut handle = yew::Renderer::<Fixed>::with_root_and_props(
        root.clone(),
        Props {
            value: "cũ".into()
        },
    )
    .render();
    settle().await;
    assert_eq!(value(&get(&root, "#f")), "cũ");
    handle.update(Props {
        value: "mới".into(),
    });
    settle().await;
    assert_eq!(value(&get(&root, "#f")), "mới");
}

#[wasm_bindgen_test]
async fn date_field_reports_dates_and_clearing() {
    #[derive(Properties, PartialEq)]
    struct Props {
        reported: Rc<RefCell<Vec<Option<NaiveDate>>>>,
    }
    #[function_component(Dates)]
    fn dates(props: &Props) -> Html {
        let reported = props.reported.clone();
        let on_change = Callback::from(move |d| reported.borrow_mut().push(d));
        html! { <DateField id="d" value={NaiveDate::from_ymd_opt(2026, 3, 14)} {on_change} /> }
    }
    let root = host();
    let reported = Rc::new(RefCell::new(Vec::new()));
    yew::Renderer::<Dates>::with_root_and_props(
        root.clone(),
        Props {
            reported: reported.clone(),
        },
    )
    .render();
    settle().await;
    let field = get(&root, "#d");
    assert_eq!(value(&field), "2026-03-14");
    type_text(&field, "2026-03-20");
    type_text(&field, "");
    assert_eq!(
        *reported.borrow(),
        vec![NaiveDate::from_ymd_opt(2026, 3, 20), None]
    );
}

#[wasm_bindgen_test]
async fn select_field_marks_the_chosen_option_and_reports_a_choice() {
    #[derive(Properties, PartialEq)]
    struct Props {
        reported: Reported,
    }
    #[function_component(Pick)]
    fn pick(props: &Props) -> Html {
        let reported = props.reported.clone();
        let choices = vec![Choice::new("xa", "xã"), Choice::new("phuong", "phường")];
        html! {
            <SelectField id="s" {choices} value="phuong"
                on_change={Callback::from(move |v| reported.borrow_mut().push(v))} />
        }
    }
    let root = host();
    let reported = Reported::default();
    yew::Renderer::<Pick>::with_root_and_props(
        root.clone(),
        Props {
            reported: reported.clone(),
        },
    )
    .render();
    settle().await;
    let select = get(&root, "#s");
    assert_eq!(
        select.unchecked_ref::<web_sys::HtmlSelectElement>().value(),
        "phuong"
    );
    choose(&select, "xa");
    assert_eq!(*reported.borrow(), vec!["xa"]);
}
