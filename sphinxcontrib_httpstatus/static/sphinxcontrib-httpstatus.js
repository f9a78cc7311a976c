/* sphinxcontrib-httpstatus: what CSS cannot do for description cards.
 * Escape hides a card (focus in it returns to its reference); on touch, a
 * first tap opens a card, a second follows the link; search summaries
 * leave cards out. Without it, hover and focus still show cards. */
(() => {
  const REF = ".http-status-ref", OPEN = "http-status-open";
  const GONE = "http-status-dismissed", on = (...a) => addEventListener(...a);
  let touch = false;
  const all = (query) => document.querySelectorAll(query);
  const close = (keep) => {
    for (const ref of all(`${REF}.${OPEN}`)) if (ref !== keep) ref.classList.remove(OPEN);
  };
  on("keydown", (e) => {
    touch = false;
    if (e.key !== "Escape") return;
    const card = document.activeElement.closest(".http-status-card");
    if (card) card.previousElementSibling.focus();
    for (const ref of all(`${REF}:hover, ${REF}:focus-within, ${REF}.${OPEN}`)) {
      ref.classList.add(GONE);
      ref.classList.remove(OPEN);
    }
  });
  const rearm = (e) => {
    const ref = e.target.closest && e.target.closest(REF);
    if (ref && !ref.contains(e.relatedTarget)) ref.classList.remove(GONE);
  };
  on("mouseout", rearm);
  on("focusout", rearm);
  on("pointerdown", (e) => { touch = e.pointerType === "touch"; }, true);
  on("click", (e) => {
    const ref = e.target.closest(REF);
    if (!ref) return close();
    if (!touch || !e.target.closest(".http-status")
      || ref.classList.contains(OPEN)) return;
    e.preventDefault();
    close(ref);
    ref.classList.remove(GONE);
    ref.classList.add(OPEN);
  });
  on("DOMContentLoaded", () => {
    if (typeof Search === "undefined" || !Search.htmlToText) return;
    const text = Search.htmlToText;
    Search.htmlToText = (html, anchor) => {
      const page = new DOMParser().parseFromString(html, "text/html");
      page.querySelectorAll(".http-status-card, .http-status-print")
        .forEach((el) => el.remove());
      return text(page.documentElement.outerHTML, anchor);
    };
  });
})();
