//! Files in and out, without a server: a download made from a Blob, a picked or dropped file
//! read as text, many picked files read together.

use std::cell::RefCell;
use std::rc::Rc;

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

/// Files read in batches: the reads in flight; dropping it cancels them.
#[derive(Default)]
pub struct Reads(Rc<RefCell<Vec<FileReader>>>);

/// How many files one read joins. Chromium spends some milliseconds on each read of a file
/// from disk whatever its size (1,000 picked files: ~5 s one by one, ~1.4 s joined), so files
/// are joined into one Blob and read at once; a batch bounds the memory a read holds.
const BATCH: usize = 200;

/// Reads every file in `files` as UTF-8 text, as [`read_text`] does (malformed bytes become
/// U+FFFD), and hands `done` the texts in the same order. Files are read joined in batches;
/// a batch that cannot be read so (a file gone since it was picked) is read file by file, so
/// that only the missing file is reported unreadable.
pub fn read_texts(
    files: Vec<web_sys::File>,
    done: impl FnOnce(Vec<Result<String, ReadFailure>>) + 'static,
) -> Reads {
    let reads = Reads::default();
    let slots = Rc::new(RefCell::new(Gather {
        texts: (0..files.len()).map(|_| None).collect(),
        left: files.len(),
        done: Some(Box::new(done)),
    }));
    if files.is_empty() {
        slots.borrow_mut().finish_if_done();
    }
    for (b, batch) in files.chunks(BATCH).enumerate() {
        read_batch(&reads.0, &slots, b * BATCH, batch.to_vec());
    }
    reads
}

type Done = Box<dyn FnOnce(Vec<Result<String, ReadFailure>>)>;

/// The texts read so far, by file; `done` runs when none is left.
struct Gather {
    texts: Vec<Option<Result<String, ReadFailure>>>,
    left: usize,
    done: Option<Done>,
}

impl Gather {
    fn put(&mut self, i: usize, text: Result<String, ReadFailure>) {
        if let Some(slot @ None) = self.texts.get_mut(i) {
            *slot = Some(text);
            self.left = self.left.saturating_sub(1);
        }
        self.finish_if_done();
    }

    fn finish_if_done(&mut self) {
        if self.left == 0 {
            if let Some(done) = self.done.take() {
                let texts = std::mem::take(&mut self.texts);
                done(
                    texts
                        .into_iter()
                        .map(|t| t.unwrap_or(Err(ReadFailure::NotReadable)))
                        .collect(),
                );
            }
        }
    }
}

fn read_batch(
    reads: &Rc<RefCell<Vec<FileReader>>>,
    slots: &Rc<RefCell<Gather>>,
    first: usize,
    batch: Vec<web_sys::File>,
) {
    let parts = js_sys::Array::new();
    for f in &batch {
        parts.push(f);
    }
    let Ok(joined) = web_sys::Blob::new_with_blob_sequence(&parts) else {
        return one_by_one(reads, slots, first, batch);
    };
    let (reads2, slots2) = (Rc::downgrade(reads), slots.clone());
    let reader = callbacks::read_as_bytes(&Blob::from(joined), move |result| {
        let sizes: Vec<usize> = batch.iter().map(|f| f.size() as usize).collect();
        match result {
            Ok(bytes) if bytes.len() == sizes.iter().sum::<usize>() => {
                let mut at = 0;
                for (k, size) in sizes.into_iter().enumerate() {
                    let text = bytes.get(at..at + size).map(String::from_utf8_lossy);
                    at += size;
                    let text = text.map(|t| t.into_owned()).ok_or(ReadFailure::NotReadable);
                    slots2.borrow_mut().put(first + k, text);
                }
            }
            Err(FileReadError::AbortedEarly) => {}
            _ => {
                if let Some(reads) = reads2.upgrade() {
                    one_by_one(&reads, &slots2, first, batch);
                }
            }
        }
    });
    reads.borrow_mut().push(reader);
}

fn one_by_one(
    reads: &Rc<RefCell<Vec<FileReader>>>,
    slots: &Rc<RefCell<Gather>>,
    first: usize,
    batch: Vec<web_sys::File>,
) {
    for (k, file) in batch.iter().enumerate() {
        let slots = slots.clone();
        let reader = read_text(file, move |text| slots.borrow_mut().put(first + k, text));
        reads.borrow_mut().push(reader);
    }
}
