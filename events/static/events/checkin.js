/* The check-in scanner (events/checkin/scanner.html): reads QR codes from the camera, checks tickets in by
 * code or name, shows live counts, and keeps scans made without a connection in localStorage until the
 * server has answered them. URLs come from the "checkin-config" JSON, words from data-text-* on #checkin. */
(() => {
    "use strict";

    const root = document.getElementById("checkin");
    const configElement = document.getElementById("checkin-config");
    if (!root || !configElement) {
        return;
    }
    const config = JSON.parse(configElement.textContent);
    const csrfToken = (root.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";

    // ~6-7 decodes a second is quick at the door and leaves a cheap phone's CPU some room.
    const DECODE_INTERVAL_MS = 150;
    const MAX_FRAME_SIZE = 640;
    // A code still in front of the camera is not sent again until it has been out of view this long.
    const SAME_CODE_QUIET_MS = 2000;
    const REQUEST_TIMEOUT_MS = 8000;
    const SEARCH_DELAY_MS = 250;
    const MAX_SYNC_BATCH = 200;
    const MAX_SENT_SHOWN = 50;
    const POLL_MS = Math.min(Math.max(Number(config.pollSeconds) || 5, 2), 10) * 1000;
    const QUEUE_KEY = `ddsc.checkin.queue.${root.dataset.seatPage || location.pathname}`;

    const find = (selector) => root.querySelector(selector);
    const elements = {
        result: find("[data-result]"),
        resultTitle: find("[data-result-title]"),
        resultMessage: find("[data-result-message]"),
        undoResult: find("[data-undo-result]"),
        scanNext: find("[data-scan-next]"),
        offline: find("[data-offline-banner]"),
        queue: find("[data-queue]"),
        queueCount: find("[data-queue-count]"),
        queueLabel: find("[data-queue-label]"),
        queueSend: find("[data-queue-send]"),
        queueProblem: find("[data-queue-problem]"),
        cameraToggle: find("[data-camera-toggle]"),
        cameraStatus: find("[data-camera-status]"),
        cameraView: find("[data-camera-view]"),
        video: find("[data-camera-video]"),
        codeForm: find("[data-code-form]"),
        codeInput: find("[data-code-form] input[name=code]"),
        searchForm: find("[data-search-form]"),
        searchInput: find("[data-search-form] input[name=q]"),
        searchStatus: find("[data-search-status]"),
        searchResults: find("[data-search-results]"),
        sent: find("[data-sent]"),
        sentList: find("[data-sent-list]"),
    };

    /** A translated string from data-text-<name> on #checkin, with {placeholders} filled in. */
    function text(name, values = {}) {
        const key = `text${name.charAt(0).toUpperCase()}${name.slice(1)}`;
        const template = root.dataset[key] || "";
        return template.replace(/\{(\w+)\}/g, (match, field) => (field in values ? String(values[field]) : match));
    }

    // --- Talking to the server ---------------------------------------------------------------------------

    class NetworkError extends Error {}

    /** fetch as JSON; resolves to {ok, status, data} when the server answered, throws NetworkError when not. */
    async function api(url, { method = "GET", body, signal } = {}) {
        const timeout = new AbortController();
        const timer = setTimeout(() => timeout.abort(), REQUEST_TIMEOUT_MS);
        if (signal) {
            signal.addEventListener("abort", () => timeout.abort(signal.reason), { once: true });
        }
        const headers = { Accept: "application/json" };
        if (method !== "GET") {
            headers["Content-Type"] = "application/json";
            headers["X-CSRFToken"] = csrfToken;
        }
        let response;
        try {
            response = await fetch(url, {
                method,
                headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                credentials: "same-origin",
                cache: "no-store",
                signal: timeout.signal,
            });
        } catch (error) {
            if (signal && signal.aborted) {
                throw error; // a newer search replaced this one
            }
            throw new NetworkError(String(error));
        } finally {
            clearTimeout(timer);
        }
        let data = {};
        try {
            data = await response.json();
        } catch (error) {
            data = {};
        }
        return { ok: response.ok, status: response.status, data };
    }

    /** The server cannot be reached: no network, or it is down for a moment (a deploy, a proxy error). */
    const unreachable = (answer) => answer.status >= 500;

    let reachable = true;

    function setReachable(value) {
        reachable = value;
        renderOffline();
    }

    function renderOffline() {
        elements.offline.hidden = navigator.onLine && reachable;
    }

    // --- Feedback: the result panel, a beep and a buzz ----------------------------------------------------

    let audio = null;

    /** Browsers only let a page make sound after a tap, so the audio context starts on the first one. */
    function wakeAudio() {
        const AudioContextClass = window.AudioContext || window.webkitAudioContext;
        if (!AudioContextClass) {
            return;
        }
        try {
            audio = audio || new AudioContextClass();
            if (audio.state === "suspended") {
                audio.resume().catch(() => {});
            }
        } catch (error) {
            audio = null;
        }
    }

    const TONES = {
        success: { notes: [[880, 0, 0.12]], wave: "sine", vibrate: [80] },
        warning: { notes: [[660, 0, 0.1], [660, 0.16, 0.1]], wave: "sine", vibrate: [80, 60, 80] },
        danger: { notes: [[220, 0, 0.4]], wave: "square", vibrate: [350] },
        info: { notes: [[520, 0, 0.08]], wave: "sine", vibrate: [40] },
    };

    function feedback(tone) {
        const pattern = TONES[tone];
        if (!pattern) {
            return;
        }
        if (navigator.vibrate) {
            try {
                navigator.vibrate(pattern.vibrate);
            } catch (error) {
                // vibration is a nicety
            }
        }
        if (!audio || audio.state !== "running") {
            return;
        }
        const start = audio.currentTime + 0.01;
        for (const [frequency, offset, length] of pattern.notes) {
            const oscillator = audio.createOscillator();
            const gain = audio.createGain();
            oscillator.type = pattern.wave;
            oscillator.frequency.value = frequency;
            gain.gain.setValueAtTime(0.0001, start + offset);
            gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.01);
            gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + length);
            oscillator.connect(gain).connect(audio.destination);
            oscillator.start(start + offset);
            oscillator.stop(start + offset + length + 0.02);
        }
    }

    let undoRegistration = null;

    /** Show one answer ({state, tone, title, message, can_undo, registration}) in the result panel. */
    function showResult(result, { quiet = false } = {}) {
        elements.result.dataset.state = result.state;
        elements.result.dataset.tone = result.tone || "danger";
        elements.resultTitle.textContent = result.title || "";
        elements.resultMessage.textContent = result.message || "";
        undoRegistration = result.can_undo && result.registration ? result.registration : null;
        elements.undoResult.hidden = undoRegistration === null;
        if (!quiet) {
            feedback(result.tone);
        }
    }

    function showReady() {
        const message = text(stream ? "cameraRunning" : "readyMessage");
        showResult({ state: "idle", tone: "idle", title: text("readyTitle"), message }, { quiet: true });
    }

    function showProblem(answer, fallback) {
        const forbidden = answer && answer.status === 403;
        showResult({
            state: "error",
            tone: "danger",
            title: text("errorTitle"),
            message: (answer && answer.data && answer.data.error) || (forbidden ? text("forbidden") : fallback),
        });
    }

    // --- Live counts ------------------------------------------------------------------------------------

    function renderCounts(counts) {
        if (!counts) {
            return;
        }
        for (const element of root.querySelectorAll("[data-count]")) {
            const key = element.dataset.count;
            if (key === "capacity") {
                element.textContent = counts.capacity === null || counts.capacity === undefined ? text("noLimit") : String(counts.capacity);
            } else if (key in counts) {
                element.textContent = String(counts[key]);
            }
        }
    }

    async function refreshCounts() {
        if (document.hidden) {
            return;
        }
        try {
            const answer = await api(config.urls.counts);
            if (unreachable(answer)) {
                setReachable(false);
                return;
            }
            setReachable(true);
            if (answer.ok) {
                renderCounts(answer.data.counts);
            }
        } catch (error) {
            setReachable(false);
        }
    }

    // --- The offline queue --------------------------------------------------------------------------------

    let memoryQueue = []; // when localStorage is not available (private mode, full)

    function readQueue() {
        try {
            const stored = JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]");
            return Array.isArray(stored) ? stored : [];
        } catch (error) {
            return memoryQueue.slice();
        }
    }

    function writeQueue(items) {
        memoryQueue = items.slice();
        try {
            if (items.length) {
                localStorage.setItem(QUEUE_KEY, JSON.stringify(items));
            } else {
                localStorage.removeItem(QUEUE_KEY);
            }
        } catch (error) {
            // kept in memory only
        }
        renderQueue();
    }

    function renderQueue() {
        const count = readQueue().length;
        elements.queueCount.textContent = String(count);
        elements.queueLabel.textContent = text(count === 1 ? "queueOne" : "queueMany");
        elements.queue.hidden = count === 0;
        elements.queueSend.hidden = count === 0;
    }

    function randomId() {
        if (window.crypto && typeof crypto.randomUUID === "function") {
            return crypto.randomUUID();
        }
        const bytes = crypto.getRandomValues(new Uint8Array(16));
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }

    /** How a queued code reads on screen: a QR code's URL is long, so only the start of its token. */
    function shortCode(code) {
        const match = /\/checkin\/([\w-]+)\/?$/.exec(code);
        return match ? `${match[1].slice(0, 8)}…` : code;
    }

    function enqueue(scan) {
        const items = readQueue();
        if (!items.some((item) => item.client_id === scan.client_id)) {
            items.push(scan);
        }
        writeQueue(items);
        setReachable(false);
        showResult({
            state: "queued",
            tone: "info",
            title: text("queuedTitle"),
            message: text("queuedMessage", { code: shortCode(scan.code) }),
        });
    }

    function addSent(scan, result) {
        const item = document.createElement("li");
        item.dataset.state = result.state;
        item.dataset.tone = result.tone;
        item.dataset.duplicate = result.duplicate ? "true" : "false";
        item.dataset.clientId = scan.client_id;
        const badge = document.createElement("span");
        badge.className = "checkin-sent__badge";
        badge.dataset.tone = result.tone;
        badge.setAttribute("aria-hidden", "true");
        badge.textContent = { success: "✓", warning: "!", info: "i" }[result.tone] || "✕";
        const words = document.createElement("span");
        words.className = "checkin-sent__words";
        const message = document.createElement("strong");
        message.textContent = result.message || result.title;
        const code = document.createElement("span");
        code.className = "checkin-attendee__detail checkin-code";
        code.textContent = shortCode(scan.code);
        words.append(message, code);
        if (result.duplicate) {
            const duplicate = document.createElement("span");
            duplicate.className = "badge text-bg-dark ms-1";
            duplicate.dataset.duplicateLabel = "";
            duplicate.textContent = text("duplicate");
            words.append(" ", duplicate);
        }
        item.append(badge, words);
        elements.sentList.prepend(item);
        while (elements.sentList.children.length > MAX_SENT_SHOWN) {
            elements.sentList.lastElementChild.remove();
        }
        elements.sent.hidden = false;
    }

    let flushing = false;

    /** Send the queue to the server; a scan leaves the queue only when the server has answered it. */
    async function flushQueue() {
        if (flushing || !navigator.onLine) {
            return;
        }
        flushing = true;
        try {
            for (;;) {
                const batch = readQueue().slice(0, MAX_SYNC_BATCH);
                if (!batch.length) {
                    break;
                }
                let answer;
                try {
                    answer = await api(config.urls.sync, { method: "POST", body: { scans: batch } });
                } catch (error) {
                    setReachable(false);
                    break;
                }
                if (unreachable(answer)) {
                    setReachable(false);
                    break;
                }
                setReachable(true);
                if (!answer.ok || !Array.isArray(answer.data.results)) {
                    // Shown by the queue, not in the result panel: the next scan's answer must not be hidden.
                    elements.queueProblem.textContent =
                        (answer.data && answer.data.error) || text(answer.status === 403 ? "forbidden" : "errorMessage");
                    elements.queueProblem.hidden = false;
                    break;
                }
                elements.queueProblem.hidden = true;
                const sent = new Set(batch.map((scan) => scan.client_id));
                writeQueue(readQueue().filter((scan) => !sent.has(scan.client_id)));
                answer.data.results.forEach((result, index) => addSent(batch[index], result));
                renderCounts(answer.data.counts);
                refreshSearch();
            }
        } finally {
            flushing = false;
            renderQueue();
        }
        if (!readQueue().length && elements.result.dataset.state === "queued") {
            showReady(); // what was saved is answered in the "Sent from the queue" list
        }
    }

    // --- Scanning ---------------------------------------------------------------------------------------

    let busy = false;

    /** Check a code in (camera, typed or from the search); offline, or when the server cannot be reached, queue it. */
    async function submitScan(code, source) {
        const scan = { client_id: randomId(), scanned_at: new Date().toISOString(), code, source };
        if (!navigator.onLine) {
            enqueue(scan);
            return;
        }
        busy = true;
        elements.result.dataset.state = "sending";
        elements.result.dataset.tone = "idle";
        elements.resultTitle.textContent = text("sending");
        elements.resultMessage.textContent = shortCode(code);
        elements.undoResult.hidden = true;
        try {
            const answer = await api(config.urls.scan, { method: "POST", body: scan });
            if (unreachable(answer)) {
                enqueue(scan);
                return;
            }
            setReachable(true);
            if (answer.ok && answer.data.result) {
                showResult(answer.data.result);
                renderCounts(answer.data.counts);
                refreshSearch();
                flushQueue();
            } else {
                showProblem(answer, text("errorMessage"));
            }
        } catch (error) {
            // The scan may or may not have arrived; its client_id lets the server tell when it comes again.
            enqueue(scan);
        } finally {
            busy = false;
        }
    }

    async function undo(registration) {
        if (!navigator.onLine) {
            showResult({ state: "error", tone: "danger", title: text("errorTitle"), message: text("undoOffline") });
            return;
        }
        try {
            const answer = await api(config.urls.undo, { method: "POST", body: { registration } });
            setReachable(!unreachable(answer));
            if (answer.ok && answer.data.result) {
                showResult(answer.data.result);
                renderCounts(answer.data.counts);
                refreshSearch();
            } else {
                showProblem(answer, text("errorMessage"));
            }
        } catch (error) {
            setReachable(false);
            showResult({ state: "error", tone: "danger", title: text("errorTitle"), message: text("undoOffline") });
        }
    }

    // --- The camera ---------------------------------------------------------------------------------------

    let stream = null;
    let decodeTimer = null;
    let decodeFrame = null;
    let lastCode = null;
    let lastCodeSeenAt = 0;

    function cameraMessage(message, problem = false) {
        elements.cameraStatus.textContent = message;
        if (problem) {
            elements.cameraStatus.dataset.problem = "";
        } else {
            delete elements.cameraStatus.dataset.problem;
        }
    }

    /** A function that reads one QR code from the video, or null: the browser's BarcodeDetector, else jsQR. */
    async function makeDecoder(video) {
        if ("BarcodeDetector" in window) {
            try {
                const formats = await window.BarcodeDetector.getSupportedFormats();
                if (formats.includes("qr_code")) {
                    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
                    const detect = async () => {
                        const codes = await detector.detect(video);
                        return codes.length ? codes[0].rawValue : null;
                    };
                    detect.kind = "barcode-detector";
                    return detect;
                }
            } catch (error) {
                // fall back to jsQR
            }
        }
        if (typeof window.jsQR !== "function") {
            return null;
        }
        const canvas = document.createElement("canvas");
        const context = canvas.getContext("2d", { willReadFrequently: true });
        const decode = async () => {
            const width = video.videoWidth;
            const height = video.videoHeight;
            if (!width || !height) {
                return null;
            }
            const scale = Math.min(1, MAX_FRAME_SIZE / Math.max(width, height));
            const frameWidth = Math.round(width * scale);
            const frameHeight = Math.round(height * scale);
            if (canvas.width !== frameWidth || canvas.height !== frameHeight) {
                canvas.width = frameWidth;
                canvas.height = frameHeight;
            }
            context.drawImage(video, 0, 0, frameWidth, frameHeight);
            const image = context.getImageData(0, 0, frameWidth, frameHeight);
            const code = window.jsQR(image.data, frameWidth, frameHeight, { inversionAttempts: "dontInvert" });
            return code ? code.data : null;
        };
        decode.kind = "jsqr";
        return decode;
    }

    function onDecoded(value) {
        const code = (value || "").trim();
        if (!code) {
            return;
        }
        const now = Date.now();
        if (code === lastCode && now - lastCodeSeenAt < SAME_CODE_QUIET_MS) {
            lastCodeSeenAt = now; // still in view: not again
            return;
        }
        if (busy) {
            return; // another scan is on its way; this code is read again on a later frame
        }
        lastCode = code;
        lastCodeSeenAt = now;
        submitScan(code, "camera").finally(() => {
            if (lastCode === code) {
                lastCodeSeenAt = Date.now(); // a slow answer does not count as time out of view
            }
        });
    }

    async function decodeLoop() {
        decodeTimer = null;
        if (!stream) {
            return;
        }
        const started = performance.now();
        if (!document.hidden && elements.video.readyState >= 2 && decodeFrame) {
            try {
                onDecoded(await decodeFrame());
            } catch (error) {
                // a frame that could not be read; try the next one
            }
        }
        if (stream) {
            const elapsed = performance.now() - started;
            decodeTimer = setTimeout(decodeLoop, Math.max(DECODE_INTERVAL_MS - elapsed, 30));
        }
    }

    function renderCameraButton() {
        const running = stream !== null;
        elements.cameraToggle.textContent = text(running ? "cameraStop" : "cameraStart");
        elements.cameraToggle.setAttribute("aria-pressed", running ? "true" : "false");
        elements.cameraView.hidden = !running;
        elements.scanNext.hidden = !running;
    }

    async function startCamera() {
        if (!window.isSecureContext) {
            cameraMessage(text("cameraInsecure"), true);
            return;
        }
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
            cameraMessage(text("cameraMissing"), true);
            return;
        }
        cameraMessage(text("cameraStarting"));
        elements.cameraToggle.disabled = true;
        try {
            stream = await navigator.mediaDevices.getUserMedia({
                audio: false,
                video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
            });
        } catch (error) {
            stream = null;
            const name = error && error.name;
            if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") {
                cameraMessage(text("cameraDenied"), true);
            } else if (name === "NotFoundError" || name === "DevicesNotFoundError" || name === "OverconstrainedError") {
                cameraMessage(text("cameraMissing"), true);
            } else {
                cameraMessage(text("cameraFailed"), true);
            }
            return;
        } finally {
            elements.cameraToggle.disabled = false;
        }
        for (const track of stream.getVideoTracks()) {
            track.addEventListener("ended", () => stopCamera(text("cameraFailed")));
        }
        elements.video.srcObject = stream;
        renderCameraButton();
        try {
            await elements.video.play();
        } catch (error) {
            // muted inline video may start on its own; decoding waits for frames either way
        }
        decodeFrame = await makeDecoder(elements.video);
        root.dataset.decoder = decodeFrame ? decodeFrame.kind : "";
        if (!decodeFrame) {
            stopCamera(text("cameraFailed"));
            return;
        }
        cameraMessage(text("cameraRunning"));
        lastCode = null;
        decodeLoop();
    }

    function stopCamera(message = "") {
        if (decodeTimer) {
            clearTimeout(decodeTimer);
            decodeTimer = null;
        }
        if (stream) {
            for (const track of stream.getTracks()) {
                track.stop();
            }
        }
        stream = null;
        decodeFrame = null;
        elements.video.srcObject = null;
        renderCameraButton();
        cameraMessage(message, Boolean(message));
    }

    // --- Search -------------------------------------------------------------------------------------------

    let searchTimer = null;
    let searchRequest = null;

    function attendeeItem(attendee) {
        const item = document.createElement("li");
        item.dataset.registration = String(attendee.registration);
        item.dataset.checkedIn = attendee.checked_in_at ? "true" : "false";

        const who = document.createElement("span");
        who.className = "checkin-attendee__who";
        const name = document.createElement("span");
        name.className = "checkin-attendee__name";
        name.textContent = attendee.name;
        const detail = document.createElement("span");
        detail.className = "checkin-attendee__detail";
        detail.textContent = attendee.email || "";
        if (attendee.code) {
            const code = document.createElement("span");
            code.className = "checkin-code";
            code.textContent = attendee.code;
            detail.append(detail.textContent ? " · " : "", code);
        }
        const status = document.createElement("span");
        status.className = "checkin-attendee__detail checkin-attendee__status";
        status.dataset.checkedIn = attendee.checked_in_at ? "true" : "false";
        if (attendee.checked_in_at) {
            const values = { time: attendee.checked_in_time || "", volunteer: attendee.checked_in_by || "" };
            status.textContent = text(attendee.checked_in_by ? "checkedInAtBy" : "checkedInAt", values);
        } else {
            status.textContent = text("notCheckedIn");
        }
        who.append(name, detail, status);
        item.append(who);

        const button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-lg checkin-btn";
        if (!attendee.checked_in_at) {
            button.classList.add("btn-primary");
            button.textContent = text("checkIn");
            button.setAttribute("aria-label", text("checkInName", { name: attendee.name }));
            button.dataset.action = "check-in";
            button.addEventListener("click", () => submitScan(attendee.code, "search"));
            item.append(button);
        } else if (attendee.can_undo) {
            button.classList.add("btn-outline-dark");
            button.textContent = text("undo");
            button.setAttribute("aria-label", text("undoName", { name: attendee.name }));
            button.dataset.action = "undo";
            button.addEventListener("click", () => undo(attendee.registration));
            item.append(button);
        }
        return item;
    }

    async function runSearch() {
        clearTimeout(searchTimer);
        searchTimer = null;
        const query = elements.searchInput.value.trim();
        if (searchRequest) {
            searchRequest.abort();
            searchRequest = null;
        }
        if (!query) {
            elements.searchResults.replaceChildren();
            elements.searchStatus.textContent = "";
            return;
        }
        const request = new AbortController();
        searchRequest = request;
        elements.searchStatus.textContent = text("searching");
        const url = new URL(config.urls.attendees, location.href);
        url.searchParams.set("q", query);
        try {
            const answer = await api(url.toString(), { signal: request.signal });
            if (request.signal.aborted) {
                return;
            }
            setReachable(!unreachable(answer));
            if (!answer.ok) {
                elements.searchStatus.textContent = unreachable(answer)
                    ? text("searchOffline")
                    : (answer.data && answer.data.error) || text("errorMessage");
                return;
            }
            const attendees = answer.data.attendees || [];
            elements.searchResults.replaceChildren(...attendees.map(attendeeItem));
            elements.searchStatus.textContent = attendees.length ? "" : text("searchEmpty");
            renderCounts(answer.data.counts);
        } catch (error) {
            if (request.signal.aborted) {
                return;
            }
            setReachable(false);
            elements.searchStatus.textContent = text("searchOffline");
        } finally {
            if (searchRequest === request) {
                searchRequest = null;
            }
        }
    }

    /** Show the current search again after a check-in or undo changed someone's status. */
    function refreshSearch() {
        if (elements.searchInput.value.trim() && navigator.onLine) {
            runSearch();
        }
    }

    // --- Wiring ---------------------------------------------------------------------------------------------

    root.addEventListener("pointerdown", wakeAudio, { passive: true });
    root.addEventListener("keydown", wakeAudio);

    elements.cameraToggle.addEventListener("click", () => {
        wakeAudio();
        if (stream) {
            stopCamera();
        } else {
            startCamera();
        }
    });

    elements.scanNext.addEventListener("click", () => {
        lastCode = null;
        showReady();
    });

    elements.undoResult.addEventListener("click", () => {
        if (undoRegistration !== null) {
            undo(undoRegistration);
        }
    });

    elements.codeForm.addEventListener("submit", (event) => {
        event.preventDefault();
        wakeAudio();
        const code = elements.codeInput.value.trim();
        if (!code) {
            elements.codeInput.focus();
            return;
        }
        elements.codeInput.value = "";
        submitScan(code, "code");
        elements.codeInput.focus();
    });

    elements.searchInput.addEventListener("input", () => {
        clearTimeout(searchTimer);
        searchTimer = setTimeout(runSearch, SEARCH_DELAY_MS);
    });

    elements.searchForm.addEventListener("submit", (event) => {
        event.preventDefault();
        runSearch();
    });

    elements.queueSend.addEventListener("click", () => {
        setReachable(true);
        flushQueue();
    });

    window.addEventListener("online", () => {
        setReachable(true);
        flushQueue();
        refreshCounts();
    });
    window.addEventListener("offline", renderOffline);
    window.addEventListener("storage", (event) => {
        if (event.key === QUEUE_KEY) {
            renderQueue(); // another tab of this event changed the queue
        }
    });
    document.addEventListener("visibilitychange", () => {
        if (!document.hidden) {
            refreshCounts();
            flushQueue();
        }
    });
    window.addEventListener("pagehide", () => stopCamera());

    setInterval(() => {
        refreshCounts();
        flushQueue();
    }, POLL_MS);

    // --- Offline fallback ------------------------------------------------------------------------------------

    /** A service worker (events/checkin/sw.js) keeps this page and its files, so a reload without a network still
     * shows the scanner. What this load fetched before the worker controlled it is sent to the worker to keep. */
    function registerOfflineFallback() {
        const container = navigator.serviceWorker;
        const worker = config.serviceWorker;
        if (!container || !worker || !worker.url) {
            return;
        }
        // Asked on registering and when a worker takes control (often both for one worker): told once per worker.
        let toldWorker = null;
        const keep = () =>
            container.ready.then((registration) => {
                const active = registration.active;
                if (!active || active === toldWorker) {
                    return;
                }
                toldWorker = active;
                const files = performance.getEntriesByType("resource").map((entry) => entry.name);
                active.postMessage({ type: "checkin-keep", urls: [location.href, ...files] });
            });
        container.addEventListener("message", (event) => {
            if (event.data && event.data.type === "checkin-kept") {
                root.dataset.offlineReady = event.data.page ? "true" : "false";
            }
        });
        container.addEventListener("controllerchange", () => keep().catch(() => {}));
        container.startMessages();
        container
            .register(worker.url, { scope: worker.scope })
            .then(keep)
            .catch((error) => console.warn("Check-in: the offline fallback is not available.", error));
    }

    renderQueue();
    renderOffline();
    flushQueue();
    registerOfflineFallback();
})();
