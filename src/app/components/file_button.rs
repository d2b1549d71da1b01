//! A button that opens the browser's file picker for one file (JSON unless told otherwise). A real button opens a
//! hidden file input: focusable, labelled and styled like the other buttons, which a file
//! input is not.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileButtonProps {
    /// The DOM id of the hidden file input (tests set files on it).
    pub input_id: AttrValue,
    /// The button's `data-action`.
    pub action: AttrValue,
    pub label: AttrValue,
    pub hint: AttrValue,
    /// The file the officer picked.
    pub on_file: Callback<web_sys::File>,
    /// The kinds of file the picker offers.
    #[prop_or(AttrValue::Static(".json,application/json"))]
    pub accept: AttrValue,
}

#[function_component(FileButton)]
pub fn file_button(props: &FileButtonProps) -> Html {
    let picker = use_node_ref();
    let open_picker = {
        let picker = picker.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = picker.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    html! {
        <>
            <button type="button" data-action={props.action.clone()} title={props.hint.clone()}
                onclick={open_picker}>
                { props.label.clone() }
            </button>
            <input type="file" id={props.input_id.clone()} ref={picker}
                accept={props.accept.clone()} hidden=true {onchange} />
        </>
    }
}
