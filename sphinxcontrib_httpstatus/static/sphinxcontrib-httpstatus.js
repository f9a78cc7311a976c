/* sphinxcontrib-httpstatus: what CSS alone cannot do for description cards.
 * Escape hides the card under the pointer or focus (until they leave it);
 * focus inside the card goes back to its reference. On a touch screen, a
 * first tap on a reference opens its card instead of following the link
 * (the card links to the same row), a second follows it, and a tap
 * elsewhere closes it. Without this script, hover and focus still show the
 * cards. */
(() => {
  const REF = ".http-status-ref", OPEN = "http-status-open";
  const DISMISSED = "http-status-dismissed";
  let touch = false;
  const close = (except) => {
    for (const ref of document.querySelectorAll(`${REF}.${OPEN}`)) {
      if (ref !== except) ref.classList.remove(OPEN);
    }
  };
  document.addEventListener("keydown", (event) => {
    touch = false;
    if (event.key !== "Escape") return;
    const card = document.activeElement.closest(".http-status-card");
    if (card) card.parentElement.querySelector(":scope > .http-status").focus();
    for (const ref of document.querySelectorAll(
      `${REF}:hover, ${REF}:focus-within, ${REF}.${OPEN}`)) {
      ref.classList.add(DISMISSED);
      ref.classList.remove(OPEN);
    }
  });
  const rearm = (event) => {
    const ref = event.target.closest && event.target.closest(REF);
    if (ref && !ref.contains(event.relatedTarget)) {
      ref.classList.remove(DISMISSED);
    }
  };
  document.addEventListener("mouseout", rearm);
  document.addEventListener("focusout", rearm);
  document.addEventListener("pointerdown", (event) => {
    touch = event.pointerType === "touch";
  }, true);
  document.addEventListener("click", (event) => {
    const ref = event.target.closest(REF);
    if (!ref) return close();
    const status = event.target.closest(".http-status");
    if (!touch || !status || ref.classList.contains(OPEN)) return;
    event.preventDefault();
    close(ref);
    ref.classList.remove(DISMISSED);
    ref.classList.add(OPEN);
  });
})();
