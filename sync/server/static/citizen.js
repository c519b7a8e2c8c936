// The citizen's pages: a little JavaScript, no framework, nothing from elsewhere.
//  1. A code or token carried after '#' in a mail's link goes into its field, then leaves the address bar
//     (a fragment never reaches a server; this keeps it out of the history and of copied links too).
//  2. The robot check (ALTCHA v1): fetch a challenge, find the number whose SHA-256 with the salt gives it,
//     and send the solution with the form. Runs while the person types; submitting waits for it.
"use strict";

(function () {
  function fragmentValues() {
    var values = {};
    var hash = window.location.hash.replace(/^#/, "");
    if (!hash) { return values; }
    hash.split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at > 0) {
        try { values[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1)); } catch (e) { /* not ours */ }
      }
    });
    return values;
  }

  function takeFragment() {
    var values = fragmentValues();
    var taken = false;
    document.querySelectorAll("[data-fragment]").forEach(function (input) {
      var value = values[input.getAttribute("data-fragment")];
      if (value && !input.value) {
        input.value = value;
        taken = true;
        if (input.getAttribute("data-fragment") === "token") {
          var box = input.closest("[data-fragment-field]");
          if (box) { box.hidden = true; }
          var found = document.querySelector("[data-fragment-found]");
          if (found) { found.hidden = false; }
        }
      }
    });
    if (window.location.hash) {
      // The language switch keeps what the link carried; then the address bar forgets it.
      var hash = window.location.hash;
      document.querySelectorAll("a[data-keep-fragment]").forEach(function (link) {
        link.href = link.href.split("#")[0] + hash;
      });
      if (taken && window.history && window.history.replaceState) {
        window.history.replaceState(null, "", window.location.pathname + window.location.search);
      }
    }
  }

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = "";
    for (var i = 0; i < bytes.length; i++) { out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16); }
    return out;
  }

  async function solve(challenge) {
    var encoder = new TextEncoder();
    var max = challenge.maxNumber || 1000000;
    for (var n = 0; n <= max; n++) {
      var digest = await window.crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n));
      if (hex(digest) === challenge.challenge) { return n; }
    }
    throw new Error("no solution");
  }

  function robotCheck(form) {
    var field = form.querySelector("input[name=altcha]");
    var status = form.querySelector("[data-altcha-status]");
    var button = form.querySelector("button[type=submit]");
    var say = function (text) { if (status) { status.textContent = text; } };
    var solved = false;
    var failed = false;
    var sending = false;
    var waiting = false;
    var work;
    // A check that could not load (a dead spot, a server restarting) starts again when the person sends
    // the form: what they typed stays where it is, no reload needed.
    function begin() {
      failed = false;
      say(form.getAttribute("data-altcha-working"));
      work = fetch(form.getAttribute("data-altcha"), { credentials: "omit", cache: "no-store" })
        .then(function (answer) { if (!answer.ok) { throw new Error("challenge " + answer.status); } return answer.json(); })
        .then(function (challenge) {
          return solve(challenge).then(function (number) {
            field.value = btoa(JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge,
                                                number: number, salt: challenge.salt, signature: challenge.signature }));
            solved = true;
            say(form.getAttribute("data-altcha-done"));
          });
        })
        .catch(function () { failed = true; say(form.getAttribute("data-altcha-failed")); });
      return work;
    }
    begin();
    form.addEventListener("submit", function (event) {
      if (sending) { event.preventDefault(); return; }
      if (solved) { sending = true; markBusy(button); return; }
      event.preventDefault();
      if (waiting) { return; }
      waiting = true;
      markBusy(button);
      (failed ? begin() : work).then(function () {
        waiting = false;
        if (solved) { sending = true; form.submit(); } else { unmark(button); }
      });
    });
  }

  function markBusy(button) { if (button) { button.setAttribute("aria-disabled", "true"); } }
  function unmark(button) { if (button) { button.removeAttribute("aria-disabled"); } }

  function guardDoubleSubmit(form) {
    var sending = false;
    form.addEventListener("submit", function (event) {
      if (sending) { event.preventDefault(); return; }
      sending = true;
      markBusy(form.querySelector("button[type=submit]"));
    });
  }

  function start() {
    takeFragment();
    document.querySelectorAll("form").forEach(function (form) {
      if (form.hasAttribute("data-altcha")) { robotCheck(form); }
      else if (!form.hasAttribute("data-repeatable")) { guardDoubleSubmit(form); }
    });
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) { summary.focus(); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
