//! The office worker: receives a request from the app (postMessage), makes or reads an office
//! file with cchc-office, and posts the answer back. What it receives and sends:
//!
//! request  `{ id, op: "xlsx" | "docx" | "map", report: <Report JSON>, criteria: <criteria
//!          JSON> | null, name?: <file name>, bytes?: Uint8Array }`
//! answer   `{ ready: true }` once, when the worker listens; then per request
//!          `{ id, bytes: Uint8Array }` (xlsx, docx), `{ id, preview: <MappingPreview JSON> }`
//!          (map), or `{ id, error: <Text JSON> }`.
//!
//! The report travels as JSON and is evaluated here against the same templates as the app's,
//! so the worker needs nothing else from the page.

#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

/// Natively there is no worker; `handle` is what it runs, tested in place.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}

pub mod handle;
