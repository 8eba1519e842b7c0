// Rectification pages: the print button of the case file.
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
