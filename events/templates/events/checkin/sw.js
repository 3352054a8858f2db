{% comment %}
The check-in scanner's offline fallback, served by events.views.door.service_worker at /<lang>/events/checkin/sw.js
and registered by events/static/events/checkin.js with the scanner page's own URL as its scope. It keeps the scanner
page and the static files it loads, so a reload without a network (or a tab the phone killed) still shows the
scanner; the scans themselves wait in localStorage as before. The JSON endpoints and every other page are left alone.
{% endcomment %}/* The check-in scanner's offline fallback: the scanner page and its static files, network first, from the cache
 * when the network fails. The scans wait in the page's localStorage queue; nothing else goes through here. */
"use strict";

const CACHE_PREFIX = "ddsc-checkin-";
const CACHE_NAME = `${CACHE_PREFIX}{{ cache_version|escapejs }}`;
const STATIC_URL = new URL("{{ static_url|escapejs }}", self.location.href).href;
const SCANNER_PATH = /\/events\/\d+\/checkin\/$/;
// A network that takes this long (a crowded wifi at the door) is treated as no network when there is a copy.
const NETWORK_TIMEOUT_MS = 5000;
const MAX_KEEP = 200;

/** What this worker keeps: the scanner page (a navigation) and same-origin files under STATIC_URL. */
function kept(url, navigation) {
    if (url.origin !== self.location.origin) {
        return false;
    }
    return navigation ? SCANNER_PATH.test(url.pathname) : url.href.startsWith(STATIC_URL);
}

const storable = (response) => response.status === 200 && response.type === "basic" && !response.redirected;

/* Counts the times a visit found the scanner gone (logged out, no longer a volunteer, no such event). A copy of the
 * page fetched before that (a slow request sent while still logged in) is not stored when it arrives after it: the
 * scanner must not come back offline once the server has said no. */
let pageDrops = 0;

self.addEventListener("install", () => {
    self.skipWaiting();
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        (async () => {
            const names = await caches.keys();
            await Promise.all(
                names
                    .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
                    .map((name) => caches.delete(name)),
            );
            await self.clients.claim();
        })(),
    );
});

async function fromCache(key) {
    const cache = await caches.open(CACHE_NAME);
    return cache.match(key, { ignoreVary: true });
}

function timeout(promise, ms) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("timeout")), ms);
        promise.then(
            (value) => {
                clearTimeout(timer);
                resolve(value);
            },
            (error) => {
                clearTimeout(timer);
                reject(error);
            },
        );
    });
}

/** Network first; a good answer is kept, a failed, slow (with a copy) or 5xx one is answered from the cache. */
async function networkFirst(event, navigation) {
    const request = event.request;
    const key = request.url;
    const drops = pageDrops;
    const network = fetch(request).then((response) => ({
        response,
        copy: storable(response) ? response.clone() : null,
    }));
    event.waitUntil(
        network
            .then(async ({ response, copy }) => {
                const cache = await caches.open(CACHE_NAME);
                if (copy) {
                    if (!navigation || drops === pageDrops) {
                        await cache.put(key, copy);
                    }
                } else if (navigation && response.status < 500) {
                    // Logged out (a redirect to the log-in page), no longer a volunteer (403), no such event (404):
                    // the copy must not show the scanner when the network is gone.
                    pageDrops += 1;
                    await cache.delete(key);
                }
            })
            .catch(() => {}),
    );
    try {
        const { response } = await timeout(network, NETWORK_TIMEOUT_MS);
        if (response.status >= 500) {
            // The server cannot answer for a moment (a deploy, a proxy error): like no network at all.
            return (await fromCache(key)) || response;
        }
        return response;
    } catch (error) {
        const cached = await fromCache(key);
        if (cached) {
            return cached;
        }
        return (await network).response; // still waiting for a slow network, or its failure for the browser
    }
}

self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") {
        return;
    }
    const navigation = request.mode === "navigate";
    if (!kept(new URL(request.url), navigation)) {
        return; // not intercepted: the JSON endpoints, other pages, other sites
    }
    event.respondWith(networkFirst(event, navigation));
});

/* The page that registered this worker was loaded without it (the first visit, or just before a new version took
 * over): it sends its own URL and the URLs it loaded, and the ones this worker keeps but has not got are fetched. */
self.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.type !== "checkin-keep" || !Array.isArray(data.urls)) {
        return;
    }
    const [page, ...files] = data.urls.slice(0, MAX_KEEP).map((url) => new URL(String(url), self.location.href));
    const pageWanted = Boolean(page && kept(page, true));
    const wanted = [
        ...(pageWanted ? [page] : []),
        ...files.filter((url) => kept(url, false)),
    ].map((url) => url.href.split("#")[0]);
    event.waitUntil(
        (async () => {
            const cache = await caches.open(CACHE_NAME);
            const stored = await Promise.all(
                [...new Set(wanted)].map(async (url, index) => {
                    const isPage = index === 0 && pageWanted;
                    const drops = pageDrops;
                    try {
                        if (await cache.match(url, { ignoreVary: true })) {
                            return true;
                        }
                        // The page bypasses the browser's HTTP cache: it is never stored there, and a slow copy
                        // fetched through it would hold the next visit to the scanner behind it (one request per URL).
                        const response = await fetch(url, {
                            credentials: "same-origin",
                            cache: isPage ? "no-store" : "default",
                        });
                        if (!storable(response) || (isPage && drops !== pageDrops)) {
                            return false;
                        }
                        await cache.put(url, response);
                        return true;
                    } catch (error) {
                        return false;
                    }
                }),
            );
            const pageKept = pageWanted && stored[0];
            if (event.source) {
                event.source.postMessage({ type: "checkin-kept", page: pageKept });
            }
        })(),
    );
});
