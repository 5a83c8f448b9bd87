// Printed pages say when they were printed (the footer already names the site and the page's
// permanent address): a printed policy is only a copy as of that day.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll(".print-date").forEach(function (node) {
    node.textContent = " · " + node.getAttribute("data-label") + " " +
      new Date().toLocaleDateString(document.documentElement.lang || undefined);
  });
});
