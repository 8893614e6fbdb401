// Accept suggested labels: copy the suggested plan areas and national projects into the
// project form. The person can still change them before saving. No inline script (CSP).
(function () {
  "use strict";
  function codes(value) {
    return (value || "").split(" ").filter(function (code) { return code; });
  }
  function setChecks(form, name, wanted) {
    form.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
      box.checked = wanted.indexOf(box.value) !== -1;
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".accept-suggestion") : null;
    if (!button) { return; }
    var form = button.closest("form");
    if (!form) { return; }
    var primary = button.getAttribute("data-primary");
    var select = form.querySelector('select[name="primary_plan_area"]');
    if (select && primary) { select.value = primary; }
    setChecks(form, "other_plan_areas", codes(button.getAttribute("data-other-plan-areas")));
    setChecks(form, "national_projects", codes(button.getAttribute("data-national-projects")));
    var marker = form.querySelector('input[name="suggested_primary"]');
    if (marker) { marker.value = primary || ""; }
    var status = button.parentNode.querySelector(".accept-status");
    if (status) { status.textContent = button.getAttribute("data-done") || "✓"; }
  });
})();
