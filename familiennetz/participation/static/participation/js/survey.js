// Survey pages: questions with a condition are shown only when it is met. Without JavaScript
// every question is shown with a note ("only if you answered …"); the server drops answers to
// questions whose condition is not met either way.
(() => {
  "use strict";
  const form = document.getElementById("survey-form");
  if (!form) return;
  const dependants = Array.from(form.querySelectorAll("[data-condition-field]"));
  if (!dependants.length) return;

  function questionOf(name) {
    const field = form.querySelector(`[name="${name}"]`);
    return field ? field.closest(".q") : null;
  }

  function update() {
    const data = new FormData(form);
    for (const element of dependants) {
      const name = element.dataset.conditionField;
      const wanted = element.dataset.conditionValues.split(",").filter(Boolean);
      const parent = questionOf(name);
      const chosen = data.getAll(name);
      const met = wanted.length === 0 || chosen.some((value) => wanted.includes(value));
      element.hidden = !met || (parent !== null && parent.hidden);
      const note = element.querySelector(".q__condition");
      if (note) note.hidden = true;
    }
  }

  form.addEventListener("change", update);
  update();
})();
