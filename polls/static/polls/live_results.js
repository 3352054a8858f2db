// Live poll results: while a poll is open, every results region marked data-live-results fetches its own
// fragment again every few seconds and swaps the new figures in, with no reload. It stops when the poll has
// closed (the fresh fragment no longer asks to be refreshed) or the results are no longer shown (403/404).

const DEFAULT_SECONDS = 5;

function follow(section) {
  const url = section.dataset.liveResults;
  const seconds = Number(section.dataset.refreshSeconds) || DEFAULT_SECONDS;
  let timer = null;

  const stop = () => {
    window.clearInterval(timer);
    section.removeAttribute("data-live-results");
  };

  const refresh = async () => {
    if (document.hidden) {
      return; // a background tab asks again when it is looked at
    }
    if (section.contains(document.activeElement)) {
      return; // swapping would take away the keyboard focus (and the scroll) of a table being read; next tick
    }
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (response.status === 403 || response.status === 404) {
        stop();
        return;
      }
      if (!response.ok) {
        return;
      }
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector(".poll-results");
      if (!fresh) {
        return;
      }
      section.innerHTML = fresh.innerHTML;
      if (!fresh.hasAttribute("data-live-results")) {
        stop();
      }
    } catch {
      // Offline for a moment: the next tick tries again.
    }
  };

  timer = window.setInterval(refresh, seconds * 1000);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && section.hasAttribute("data-live-results")) {
      refresh();
    }
  });
}

document.querySelectorAll("[data-live-results]").forEach(follow);
