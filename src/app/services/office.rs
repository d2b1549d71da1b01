//! The office worker (office-worker/, Trunk `data-type="worker"`): started at the officer's
//! first request for an Excel or Word file, so its wasm (the xlsx/docx writers and readers) is
//! not part of the first visit. Requests wait until the worker says it listens; each answer
//! goes to the callback of its request.

use std::cell::RefCell;
use std::collections::HashMap;

use gloo::file::callbacks::{self, FileReader};
use gloo::file::Blob;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use crate::core::text::Text;

/// Trunk's loader for the worker: it imports the glue and starts the wasm next to it.
const WORKER_URL: &str = "./office_loader.js";

pub enum Reply {
    Bytes(Vec<u8>),
    /// A `MappingPreview` as JSON.
    Preview(String),
}

type Done = Box<dyn FnOnce(Result<Reply, Text>)>;

#[derive(Default)]
struct Office {
    worker: Option<Worker>,
    ready: bool,
    next_id: u32,
    /// Requests posted before the worker listened.
    queued: Vec<Object>,
    pending: HashMap<u32, Done>,
}

thread_local! {
    static OFFICE: RefCell<Office> = RefCell::new(Office::default());
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn unavailable() -> Text {
    Text::new(
        "Không tải được phần xử lý tệp Excel/Word. Lần dùng đầu cần kết nối mạng; hãy thử lại.",
        "The Excel/Word module could not be loaded. Its first use needs the network; try again.",
    )
}

/// Everything waiting gets `why`; the worker is dropped so the next request starts afresh.
fn fail_all(why: Text) {
    let pending: Vec<Done> = OFFICE.with(|o| {
        let mut o = o.borrow_mut();
        if let Some(w) = o.worker.take() {
            w.terminate();
        }
        o.ready = false;
        o.queued.clear();
        o.pending.drain().map(|(_, d)| d).collect()
    });
    for done in pending {
        done(Err(why.clone()));
    }
}

fn on_message(event: MessageEvent) {
    let data = event.data();
    if get(&data, "ready").is_truthy() {
        let queued = OFFICE.with(|o| {
            let mut o = o.borrow_mut();
            o.ready = true;
            std::mem::take(&mut o.queued)
        });
        OFFICE.with(|o| {
            if let Some(w) = &o.borrow().worker {
                for msg in queued {
                    let _ = w.post_message(&msg);
                }
            }
        });
        return;
    }
    let id = get(&data, "id").as_f64().unwrap_or(-1.0) as u32;
    let Some(done) = OFFICE.with(|o| o.borrow_mut().pending.remove(&id)) else {
        return;
    };
    let reply = if let Ok(bytes) = get(&data, "bytes").dyn_into::<Uint8Array>() {
        Ok(Reply::Bytes(bytes.to_vec()))
    } else if let Some(json) = get(&data, "preview").as_string() {
        Ok(Reply::Preview(json))
    } else {
        let text = get(&data, "error")
            .as_string()
            .and_then(|s| serde_json::from_str::<Text>(&s).ok())
            .unwrap_or_else(unavailable);
        Err(text)
    };
    done(reply);
}

fn start() -> Result<Worker, JsValue> {
    let worker = Worker::new(WORKER_URL)?;
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let onerror = Closure::<dyn Fn(web_sys::Event)>::new(|_| fail_all(unavailable()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    Ok(worker)
}

/// What the worker is asked to do.
pub enum Op<'a> {
    Xlsx,
    /// `previous`: the earlier report the narrative compares with, as JSON.
    Docx {
        previous: Option<String>,
    },
    /// Read a sheet and map its figures onto the report.
    Map {
        name: &'a str,
        bytes: &'a [u8],
    },
}

/// Sends a request about `report` (the open report, as JSON) against the criteria set in use
/// (`criteria`: a province's file as loaded; `None` for the sample).
pub fn request(
    op: Op,
    report: &str,
    criteria: Option<&str>,
    done: impl FnOnce(Result<Reply, Text>) + 'static,
) {
    let msg = Object::new();
    let op_name = match &op {
        Op::Xlsx => "xlsx",
        Op::Docx { previous } => {
            if let Some(p) = previous {
                set(&msg, "previous", &JsValue::from_str(p));
            }
            "docx"
        }
        Op::Map { name, bytes } => {
            set(&msg, "name", &JsValue::from_str(name));
            set(&msg, "bytes", &Uint8Array::from(*bytes));
            "map"
        }
    };
    set(&msg, "op", &JsValue::from_str(op_name));
    set(&msg, "report", &JsValue::from_str(report));
    if let Some(c) = criteria {
        set(&msg, "criteria", &JsValue::from_str(c));
    }
    let started = OFFICE.with(|o| {
        let mut o = o.borrow_mut();
        if o.worker.is_none() {
            match start() {
                Ok(w) => o.worker = Some(w),
                Err(_) => return false,
            }
        }
        let id = o.next_id;
        o.next_id = o.next_id.wrapping_add(1);
        set(&msg, "id", &JsValue::from_f64(id as f64));
        o.pending.insert(id, Box::new(done));
        if o.ready {
            if let Some(w) = &o.worker {
                let _ = w.post_message(&msg);
            }
        } else {
            o.queued.push(msg);
        }
        true
    });
    if !started {
        fail_all(unavailable());
    }
}

/// Reads `file` as bytes; keep the reader until `done` runs.
pub fn read_bytes(
    file: &web_sys::File,
    done: impl FnOnce(Result<Vec<u8>, String>) + 'static,
) -> FileReader {
    callbacks::read_as_bytes(&Blob::from(file.clone()), move |result| {
        done(result.map_err(|e| e.to_string()))
    })
}

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
