/* The layout's small behaviours (no inline script: the Content-Security-Policy forbids it).
   - The language select switches the page on change; its submit button stays for use
     without script and for keyboard users who reach it.
   - Every table in the content sits in a .table-responsive box; a table wider than its box
     is marked (.is-scrolling, a hint above it, keyboard-focusable, named as a region).
   - Cells that hold only a code (JR-2016-0001, P6, N12) or an ISO date never break inside. */
(function () {
  "use strict";
  var CODE = /^[A-Z]{1,4}(-[0-9A-Z]{1,6}){0,3}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

  function hintText() {
    return document.documentElement.getAttribute("data-scroll-hint") ||
      (document.body && document.body.getAttribute("data-scroll-hint")) || "";
  }

  function tableName(table) {
    var caption = table.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    var labelled = table.getAttribute("aria-label");
    if (labelled) return labelled;
    var node = table.parentElement;
    while (node && node !== document.body) {
      var heading = node.previousElementSibling;
      while (heading) {
        if (/^H[1-6]$/.test(heading.tagName)) return heading.textContent.trim();
        heading = heading.previousElementSibling;
      }
      node = node.parentElement;
    }
    return document.title;
  }

  function markScrolling(box) {
    var wide = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("is-scrolling", wide);
    var hint = box.previousElementSibling;
    var hasHint = hint && hint.classList.contains("scroll-hint");
    if (wide) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", tableName(box.querySelector("table")));
      if (!hasHint && hintText()) {
        hint = document.createElement("p");
        hint.className = "scroll-hint";
        hint.textContent = hintText();
        box.parentNode.insertBefore(hint, box);
      }
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      if (hasHint) hint.remove();
    }
  }

  function markCells(table) {
    table.querySelectorAll("td, th[scope=row]").forEach(function (cell) {
      var text = cell.textContent.trim();
      if (text.length > 24) return;
      if (DATE.test(text)) cell.classList.add("is-date");
      else if (CODE.test(text)) cell.classList.add("is-code");
    });
  }

  function wrapTables(root) {
    var main = document.getElementById("main");
    if (!main) return;
    var scope = root && root.querySelectorAll ? root : main;
    var tables = scope.tagName === "TABLE" ? [scope] : scope.querySelectorAll("table");
    tables.forEach(function (table) {
      if (!main.contains(table) || table.closest(".no-wrap")) return;
      var box = table.parentElement;
      if (!box.classList.contains("table-responsive")) {
        if (box.classList.contains("matrix-wrap")) {
          box.classList.add("table-responsive");
        } else {
          box = document.createElement("div");
          box.className = "table-responsive";
          table.parentNode.insertBefore(box, table);
          box.appendChild(table);
        }
      }
      markCells(table);
      markScrolling(box);
    });
  }

  function remark() {
    document.querySelectorAll("#main .table-responsive").forEach(markScrolling);
  }

  function switchLanguageOnChange() {
    document.querySelectorAll("form[data-switch-on-change] select").forEach(function (select) {
      select.addEventListener("change", function () {
        if (select.form.requestSubmit) select.form.requestSubmit();
        else select.form.submit();
      });
    });
  }

  function start() {
    document.body.classList.remove("no-js");
    switchLanguageOnChange();
    wrapTables();
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(remark, 150);
    });
    // Rows that htmx swaps in (filters, pages of a list) get the same treatment.
    document.body.addEventListener("htmx:afterSettle", function (event) {
      wrapTables(event.target);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
