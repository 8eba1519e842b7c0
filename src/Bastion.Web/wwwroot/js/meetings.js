// Print buttons of the meetings pages (no inline handlers: the content security policy forbids them).
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
