// The children's kiosk: prompts and pictures are spoken with the browser's own speech
// synthesis (nothing leaves the device). The first tap on a picture says what it shows and
// marks it; a second tap on it, or the big OK button, chooses it. Without JavaScript (or
// without speech) every picture is simply a button that chooses at once.
(() => {
  "use strict";
  const synth = window.speechSynthesis;
  const language = document.documentElement.lang === "de" ? "de-DE" : document.documentElement.lang;

  function say(text) {
    if (!synth || !text || typeof window.SpeechSynthesisUtterance !== "function") return;
    try {
      synth.cancel();
      const utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = language;
      utterance.rate = 0.9;
      synth.speak(utterance);
    } catch (error) {
      // No speech on this device: the pictures still work.
    }
  }

  const prompt = document.querySelector("[data-speak]");
  const promptText = prompt ? prompt.textContent.trim() : "";
  const again = document.querySelector("[data-speak-again]");
  if (again) {
    again.hidden = false;
    again.addEventListener("click", () => say(promptText));
  }
  say(promptText);
  // Some browsers speak only after the first touch: say the prompt then.
  document.addEventListener("pointerdown", () => {
    if (synth && !synth.speaking) say(promptText);
  }, { once: true, capture: true });

  const okRow = document.querySelector(".kiosk__ok-row");
  const ok = document.getElementById("kiosk-ok");
  let armed = null;
  for (const button of document.querySelectorAll(".kiosk__choice")) {
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", (event) => {
      if (armed === button) return; // the second tap chooses
      event.preventDefault();
      if (armed) armed.setAttribute("aria-pressed", "false");
      armed = button;
      button.setAttribute("aria-pressed", "true");
      say(button.dataset.say);
      if (okRow) okRow.hidden = false;
    });
  }
  if (ok) {
    ok.addEventListener("click", () => {
      if (armed) armed.click();
    });
  }
  // After "thank you", the kiosk is ready for the next child by itself (the "start again"
  // button does the same at once).
  const main = document.querySelector("[data-return-to]");
  if (main) {
    window.setTimeout(() => window.location.assign(main.dataset.returnTo), 30000);
  }
  for (const button of document.querySelectorAll(".kiosk__small[data-say]")) {
    button.addEventListener("focus", () => say(button.dataset.say));
  }
})();
