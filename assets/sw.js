// Service worker of Phụ lục CCHC: after one visit the app opens and works with no network.
//
// Every file of the build is cached when the worker installs, except the office worker's files
// (PRECACHE.lazy), cached at their first use; requests are answered from that cache first, the
// network only for anything else. A new deployment is a new sw.js (its
// PRECACHE line changes): the browser installs it in the background, and it waits until the
// page asks it to take over (the officer clicked "Tải lại" on the notice), so the running
// version is never swapped under the officer's hands. Reports are in localStorage, which no
// version of this worker touches.

// scripts/precache.mjs rewrites the next line after each build with the build's files and a
// version made from their contents. Left as is (a build without the script), nothing is
// precached and every request goes to the network.
const PRECACHE = { version: 'unbuilt', files: [], lazy: [] };

const CACHE_PREFIX = 'phuluc-cchc-';
const CACHE = CACHE_PREFIX + PRECACHE.version;
// What the page posts to a waiting worker when the officer accepts the new version.
const ACTIVATE_UPDATE = 'activate-update';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // 'reload' bypasses the HTTP cache, so a file is this build's, not a stale copy.
      cache.addAll(PRECACHE.files.map((file) => new Request(file, { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const stale = (await caches.keys()).filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE);
      await Promise.all(stale.map((key) => caches.delete(key)));
      // The first version takes control of the page that installed it, so that page already
      // works offline; a later one only activates when the page asked for it.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === ACTIVATE_UPDATE) self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  // The app is one page: any navigation gets this version's index.html, whose hashed files
  // are in the same cache.
  if (request.mode === 'navigate') {
    const page = await cache.match('index.html');
    if (page) return page;
  }
  const cached = await cache.match(request);
  if (cached) return cached;
  // A file loaded on first use (the office worker) is kept once fetched, so it works offline
  // from then on; its name has no hash, so 'reload' takes this build's copy, not a stale one.
  const path = new URL(request.url).pathname.replace(/^\//, '');
  if ((PRECACHE.lazy ?? []).includes(path)) {
    const response = await fetch(request.url, { cache: 'reload' });
    if (response.ok) await cache.put(request, response.clone());
    return response;
  }
  return fetch(request);
}
