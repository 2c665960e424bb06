// The language picker applies at once (the page's policy allows no inline script).
(function () {
  var picker = document.querySelector("select[name=lang]");
  if (picker) picker.addEventListener("change", function () { picker.form.submit(); });
})();
