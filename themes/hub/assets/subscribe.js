// The newsletter form (partials/subscribe.html) with JavaScript: posts to the CMS without
// leaving the page and shows its answer in the form's status line. Without JavaScript the
// form posts as usual and the CMS answers with a page of its own. No cookies are sent.
"use strict";

document.querySelectorAll("form[data-subscribe]").forEach((form) => {
  const status = form.querySelector("[data-subscribe-status]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.textContent = "Skickar anmälan …";
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "omit",
      });
      const answer = await response.json();
      status.textContent = answer.message;
      if (response.ok) form.reset();
    } catch {
      status.textContent = "Anmälan kunde inte skickas just nu. Försök igen om en stund.";
    }
  });
});
