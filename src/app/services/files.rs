//! Files in and out, without a server: a download made from a Blob, a picked or dropped file
//! read as text, many picked files read together.

use std::cell::RefCell;
use std::ops::Range;
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

/// A picked file with its name and size, asked of the browser once: `File.size` of a file on
/// disk is a synchronous call into the browser process (~0.3 ms each in a profile of 1,000).
pub struct Picked {
    pub file: web_sys::File,
    pub name: String,
    pub size: usize,
}

/// The files of a file input or a drop, in their order.
pub fn picked(list: &web_sys::FileList) -> Vec<Picked> {
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| Picked {
            name: file.name(),
            size: file.size() as usize,
            file,
        })
        .collect()
}

/// Reads every file in `files` as UTF-8 text, as [`read_text`] does (malformed bytes become
/// U+FFFD). As soon as a batch is read, while later batches are still being fetched, each
/// text goes to `take` (the file, its text borrowed from the batch's bytes, not copied) for
/// what the caller keeps of it; `done` gets those in the files' order. Files are read joined
/// in batches; a batch that cannot be read so (a file gone since it was picked) is read file
/// by file, so that only the missing file is reported unreadable.
pub fn read_texts<T: 'static>(
    files: Vec<Picked>,
    take: impl Fn(&Picked, Result<&str, ReadFailure>) -> T + 'static,
    done: impl FnOnce(Vec<T>) + 'static,
) -> Reads {
    let reads = Reads::default();
    let files: Rc<[Picked]> = files.into();
    let gather = Rc::new(RefCell::new(Gather {
        kept: (0..files.len()).map(|_| None).collect(),
        left: files.len(),
        files: files.clone(),
        take: Box::new(take),
        done: Some(Box::new(done)),
    }));
    if files.is_empty() {
        gather.borrow_mut().finish_if_done();
    }
    for first in (0..files.len()).step_by(BATCH) {
        let batch = first..files.len().min(first + BATCH);
        read_batch(&reads.0, &gather, &files, batch);
    }
    reads
}

/// What the caller keeps of a file's text.
type Take<T> = dyn Fn(&Picked, Result<&str, ReadFailure>) -> T;

/// What is kept of each file so far; `done` runs when none is left.
struct Gather<T> {
    kept: Vec<Option<T>>,
    left: usize,
    files: Rc<[Picked]>,
    take: Box<Take<T>>,
    done: Option<Box<dyn FnOnce(Vec<T>)>>,
}

impl<T> Gather<T> {
    fn put(&mut self, i: usize, text: Result<&str, ReadFailure>) {
        if let (Some(slot @ None), Some(file)) = (self.kept.get_mut(i), self.files.get(i)) {
            *slot = Some((self.take)(file, text));
            self.left = self.left.saturating_sub(1);
        }
        self.finish_if_done();
    }

    fn finish_if_done(&mut self) {
        if self.left == 0 {
            if let Some(done) = self.done.take() {
                done(
                    std::mem::take(&mut self.kept)
                        .into_iter()
                        .flatten()
                        .collect(),
                );
            }
        }
    }
}

fn read_batch<T: 'static>(
    reads: &Rc<RefCell<Vec<FileReader>>>,
    gather: &Rc<RefCell<Gather<T>>>,
    files: &Rc<[Picked]>,
    batch: Range<usize>,
) {
    let Some(picked) = files.get(batch.clone()) else {
        return;
    };
    let parts = js_sys::Array::new();
    for p in picked {
        parts.push(&p.file);
    }
    let Ok(joined) = web_sys::Blob::new_with_blob_sequence(&parts) else {
        return one_by_one(reads, gather, files, batch);
    };
    let (reads2, gather2, files2) = (Rc::downgrade(reads), gather.clone(), files.clone());
    let reader = callbacks::read_as_bytes(&Blob::from(joined), move |result| {
        let sizes = files2
            .get(batch.clone())
            .unwrap_or_default()
            .iter()
            .map(|p| p.size);
        match result {
            Ok(bytes) if bytes.len() == sizes.clone().sum::<usize>() => {
                let mut at = 0;
                for (i, size) in batch.zip(sizes) {
                    // Valid UTF-8 is borrowed as it is; only a malformed file is copied to
                    // have its bad bytes replaced.
                    let text = bytes.get(at..at + size).map(utf8);
                    at += size;
                    let text = text.as_deref().ok_or(ReadFailure::NotReadable);
                    gather2.borrow_mut().put(i, text);
                }
            }
            Err(FileReadError::AbortedEarly) => {}
            _ => {
                if let Some(reads) = reads2.upgrade() {
                    one_by_one(&reads, &gather2, &files2, batch);
                }
            }
        }
    });
    reads.borrow_mut().push(reader);
}

/// The text of a file's bytes: borrowed when they are UTF-8 (`str::from_utf8` checks a word
/// at a time, several times faster here than the lossy decoder), else with U+FFFD for each
/// malformed sequence as `FileReader.readAsText` gives.
fn utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

fn one_by_one<T: 'static>(
    reads: &Rc<RefCell<Vec<FileReader>>>,
    gather: &Rc<RefCell<Gather<T>>>,
    files: &[Picked],
    batch: Range<usize>,
) {
    for i in batch {
        let Some(picked) = files.get(i) else {
            continue;
        };
        let gather = gather.clone();
        let reader = read_text(&picked.file, move |text| {
            gather.borrow_mut().put(i, text.as_deref().map_err(|e| *e))
        });
        reads.borrow_mut().push(reader);
    }
}
