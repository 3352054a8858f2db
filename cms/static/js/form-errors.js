// A form sent back with errors: move the keyboard and screen-reader focus to the summary at its top, so the
// errors are read out and the first link leads to the field (the summary is also role="alert").
const summary = document.querySelector(".form-error-summary");
if (summary) {
    summary.focus();
}
