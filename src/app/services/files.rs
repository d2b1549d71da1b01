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
/// are joined into one Blob and read at once; a batch bounds the memory a read holds. The
/// first batch is small, so that its files are being read into reports while the browser
/// fetches the rest.
const BATCH: usize = 200;
const FIRST_BATCH: usize = 25;

/// A picked file and its name, asked of the browser once.
pub struct Picked {
    pub file: web_sys::File,
    pub name: String,
}

/// The files of a file input or a drop, in their order.
pub fn picked(list: &web_sys::FileList) -> Vec<Picked> {
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| Picked {
            name: file.name(),
            file,
        })
        .collect()
}

/// What reading one of many files gave.
pub enum Got<'a> {
    /// Its bytes, borrowed from its batch's (the caller decodes them: the core reads JSON from
    /// bytes without checking the whole file's UTF-8 first).
    Bytes(&'a [u8]),
    /// Its size in bytes, over the caller's limit: the file was not read.
    TooLarge(usize),
    Failed(ReadFailure),
}

/// Reads every file in `files`; a file over `limit` bytes is turned away by its size, unread.
/// As soon as a batch is read, while later batches are still being fetched, each file goes to
/// `take` with what it gave, for what the caller keeps of it; `done` gets those in the files'
/// order.
///
/// Files are read joined in batches. A batch that cannot be read so (a file gone since it was
/// picked) is read file by file, so that only that file is reported. Each file's size is
/// asked (`File.size` of a file on disk is a synchronous call into the browser process,
/// ~0.3 ms) just before its batch is read, so that the browser reads the first batches while
/// the sizes of the next are asked.
pub fn read_many<T: 'static>(
    files: Vec<Picked>,
    limit: usize,
    take: impl Fn(&Picked, Got<'_>) -> T + 'static,
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
    let mut first = 0;
    while first < files.len() {
        let end = files
            .len()
            .min(first + if first == 0 { FIRST_BATCH } else { BATCH });
        let mut batch = Vec::with_capacity(end - first);
        for i in first..end {
            let size = files[i].file.size() as usize;
            if size > limit {
                gather.borrow_mut().put(i, Got::TooLarge(size));
            } else {
                batch.push((i, size));
            }
        }
        read_batch(&reads.0, &gather, &files, batch);
        first = end;
    }
    reads
}

/// What the caller keeps of a file.
type Take<T> = dyn Fn(&Picked, Got<'_>) -> T;

/// What is kept of each file so far; `done` runs when none is left.
struct Gather<T> {
    kept: Vec<Option<T>>,
    left: usize,
    files: Rc<[Picked]>,
    take: Box<Take<T>>,
    done: Option<Box<dyn FnOnce(Vec<T>)>>,
}

impl<T> Gather<T> {
    fn put(&mut self, i: usize, got: Got<'_>) {
        if let (Some(slot @ None), Some(file)) = (self.kept.get_mut(i), self.files.get(i)) {
            *slot = Some((self.take)(file, got));
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

/// Reads the files of `batch` (index into `files`, size) joined, and splits them by size.
fn read_batch<T: 'static>(
    reads: &Rc<RefCell<Vec<FileReader>>>,
    gather: &Rc<RefCell<Gather<T>>>,
    files: &Rc<[Picked]>,
    batch: Vec<(usize, usize)>,
) {
    if batch.is_empty() {
        return;
    }
    let parts = js_sys::Array::new();
    for p in batch.iter().filter_map(|&(i, _)| files.get(i)) {
        parts.push(&p.file);
    }
    let Ok(joined) = web_sys::Blob::new_with_blob_sequence(&parts) else {
        return one_by_one(reads, gather, files, batch);
    };
    let (reads2, gather2, files2) = (Rc::downgrade(reads), gather.clone(), files.clone());
    let reader = callbacks::read_as_bytes(&Blob::from(joined), move |result| match result {
        Ok(bytes) if bytes.len() == batch.iter().map(|&(_, size)| size).sum::<usize>() => {
            let mut at = 0;
            for &(i, size) in &batch {
                let got = match bytes.get(at..at + size) {
                    Some(bytes) => Got::Bytes(bytes),
                    None => Got::Failed(ReadFailure::NotReadable),
                };
                at += size;
                gather2.borrow_mut().put(i, got);
            }
        }
        Err(FileReadError::AbortedEarly) => {}
        _ => {
            if let Some(reads) = reads2.upgrade() {
                one_by_one(&reads, &gather2, &files2, batch);
            }
        }
    });
    reads.borrow_mut().push(reader);
}

fn one_by_one<T: 'static>(
    reads: &Rc<RefCell<Vec<FileReader>>>,
    gather: &Rc<RefCell<Gather<T>>>,
    files: &[Picked],
    batch: Vec<(usize, usize)>,
) {
    for (i, _) in batch {
        let Some(picked) = files.get(i) else {
            continue;
        };
        let gather = gather.clone();
        let reader = callbacks::read_as_bytes(&Blob::from(picked.file.clone()), move |bytes| {
            let got = match &bytes {
                Ok(bytes) => Got::Bytes(bytes),
                Err(FileReadError::AbortedEarly) => Got::Failed(ReadFailure::Aborted),
                Err(_) => Got::Failed(ReadFailure::NotReadable),
            };
            gather.borrow_mut().put(i, got)
        });
        reads.borrow_mut().push(reader);
    }
}
