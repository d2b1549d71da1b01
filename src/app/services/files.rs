//! Files in and out, without a server: a download made from a Blob, a picked or dropped file
//! read as text.

use gloo::file::callbacks::{self, FileReader};
use gloo::file::{Blob, BlobContents, FileReadError, ObjectUrl};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

use crate::state::ReadFailure;

/// Offers `text` to the officer as a file named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    download_contents(name, mime, text);
}

/// Offers `contents` (text or bytes: an .xlsx, a .docx) as a file named `name`.
pub fn download_contents(name: &str, mime: &str, contents: impl BlobContents) {
    let url = ObjectUrl::from(Blob::new_with_options(contents, Some(mime)));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(anchor) = document
        .create_element("a")
        .map(|a| a.unchecked_into::<HtmlAnchorElement>())
    else {
        return;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The browser reads the Blob after this call returns; revoke its URL a little later.
    Timeout::new(10_000, move || drop(url)).forget();
}

/// Reads `file` as UTF-8 text and hands the text, or why it could not be read, to `done`.
/// Dropping the returned reader cancels the read, so keep it until `done` runs.
pub fn read_text(
    file: &web_sys::File,
    done: impl FnOnce(Result<String, ReadFailure>) + 'static,
) -> FileReader {
    callbacks::read_as_text(&Blob::from(file.clone()), move |result| {
        done(result.map_err(|e| match e {
            FileReadError::AbortedEarly => ReadFailure::Aborted,
            _ => ReadFailure::NotReadable,
        }))
    })
}
