//! The browser side of the worker: one message in, one message out.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::handle::{run, Answer, Op};

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Setting a property of a plain new object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_to = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let out = Object::new();
        set(&out, "id", &get(&data, "id"));
        let report = get(&data, "report").as_string().unwrap_or_default();
        let criteria = get(&data, "criteria").as_string();
        let previous = get(&data, "previous").as_string();
        let name = get(&data, "name").as_string().unwrap_or_default();
        let bytes = get(&data, "bytes")
            .dyn_into::<Uint8Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default();
        let op = match get(&data, "op").as_string().as_deref() {
            Some("xlsx") => Some(Op::Xlsx),
            Some("docx") => Some(Op::Docx {
                previous: previous.as_deref(),
            }),
            Some("map") => Some(Op::Map {
                name: &name,
                bytes: &bytes,
            }),
            _ => None,
        };
        let result = match op {
            Some(op) => run(op, &report, criteria.as_deref()),
            None => Err(cchc_core::text::Text::new(
                "Yêu cầu không hợp lệ.",
                "Not a valid request.",
            )),
        };
        match result {
            Ok(Answer::Bytes(b)) => set(&out, "bytes", &Uint8Array::from(b.as_slice())),
            Ok(Answer::Preview(json)) => set(&out, "preview", &JsValue::from_str(&json)),
            Err(text) => set(
                &out,
                "error",
                &JsValue::from_str(&serde_json::to_string(&text).unwrap_or_default()),
            ),
        }
        let _ = answer_to.post_message(&out);
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The worker lives as long as the page: the handler is never dropped.
    onmessage.forget();
    // Messages posted before this handler existed would be lost: the page waits for this.
    let ready = Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}
