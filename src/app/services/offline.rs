//! Offline use: registers the service worker (`assets/sw.js`), which keeps every file of the
//! app in the browser's cache so it opens and works with no network after one visit, and tells
//! the page when a new version has been installed in the background.
//!
//! A new version never replaces the running one by itself: [`register`] hands the page an
//! [`Update`] to show as a notice, and only [`Update::apply`] (the officer clicked "Tải lại")
//! lets it take over and reloads. Reports live in localStorage, which no version touches.
//!
//! Browsers look for a new sw.js each time the app is opened; where service workers are not
//! available (a page served over plain http from another machine, a private window, a browser
//! setting, an old browser) the app works online only, and [`register`] says so once, so the
//! page can tell the officer quietly.

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};
use yew::Callback;

/// The worker's file, next to index.html: its scope is the app's directory.
const WORKER_URL: &str = "./sw.js";
/// What a waiting worker takes as the officer's consent to take over (see `assets/sw.js`).
const ACTIVATE_UPDATE: &str = "activate-update";

/// A new version of the app, installed and waiting for the officer's word.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    worker: ServiceWorker,
}

impl Update {
    /// Lets the new version take over, then reloads the page under it. The caller saves any
    /// pending change first: the reload ends this page.
    pub fn apply(&self) {
        let Some(container) = container() else {
            return reload();
        };
        if self.worker.state() != ServiceWorkerState::Installed {
            // Another tab already let it take over: this one only needs the reload.
            return reload();
        }
        // Reload once the new worker controls the page, so the page and all its files come
        // from the same version.
        EventListener::once(&container, "controllerchange", |_| reload()).forget();
        if self
            .worker
            .post_message(&JsValue::from_str(ACTIVATE_UPDATE))
            .is_err()
        {
            reload();
        }
    }
}

fn reload() {
    // Nothing better to do if the browser refuses: the officer can reload by hand.
    let _ = gloo::utils::window().location().reload();
}

/// The page's service worker container, `None` where the browser offers none.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = gloo::utils::window().navigator();
    // `navigator.serviceWorker` is absent outside a secure context (https or localhost), and
    // may be there but undefined (a browser setting, a privacy extension): only a real
    // container counts (wasm-bindgen's instanceof check is false, never a throw, when the
    // browser does not even know the interface).
    js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .dyn_into::<ServiceWorkerContainer>()
        .ok()
}

/// Registers the service worker and calls `on_update` whenever a new version is installed
/// and waiting, including one that was already waiting when the page opened. Calls
/// `on_unavailable` once when this browser gives the app no service worker (none at all, or a
/// registration refused): the app then needs the network to open.
pub fn register(on_update: Callback<Update>, on_unavailable: Callback<()>) {
    let Some(container) = container() else {
        return on_unavailable.emit(());
    };
    let registered = {
        let (container, on_unavailable) = (container.clone(), on_unavailable.clone());
        Closure::once(move |registration: JsValue| {
            match registration.dyn_into::<ServiceWorkerRegistration>() {
                Ok(registration) => watch(container, registration, on_update),
                Err(_) => on_unavailable.emit(()),
            }
        })
    };
    // Without the worker the app still works online; the officer is told it will not offline.
    let failed = Closure::once(move |_: JsValue| on_unavailable.emit(()));
    let _ = container.register(WORKER_URL).then2(&registered, &failed);
    // One registration per page: the two closures live as long as the page.
    registered.forget();
    failed.forget();
}

fn watch(
    container: ServiceWorkerContainer,
    registration: ServiceWorkerRegistration,
    on_update: Callback<Update>,
) {
    // Only a page already run by a worker has an older version to replace: the very first
    // install is no news.
    let is_update = move || container.controller().is_some();
    if let Some(worker) = registration.waiting() {
        if is_update() {
            on_update.emit(Update { worker });
        }
    }
    let track = move |worker: ServiceWorker| {
        let (on_update, is_update, installed) =
            (on_update.clone(), is_update.clone(), worker.clone());
        EventListener::new(&worker, "statechange", move |_| {
            if installed.state() == ServiceWorkerState::Installed && is_update() {
                on_update.emit(Update {
                    worker: installed.clone(),
                });
            }
        })
        .forget();
    };
    // The browser looks for a new version as the page opens: it may be installing already.
    if let Some(worker) = registration.installing() {
        track(worker);
    }
    let found = registration.clone();
    EventListener::new(&registration, "updatefound", move |_| {
        if let Some(worker) = found.installing() {
            track(worker);
        }
    })
    .forget();
}
