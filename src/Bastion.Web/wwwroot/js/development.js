// Member development pages: print buttons, and showing only the fields of the chosen step.
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
const stepSelect = document.getElementById("Number");
function showStepFields() {
    if (!stepSelect) return;
    const step = stepSelect.value;
    document.querySelectorAll("[data-steps]").forEach((el) => {
        el.hidden = !el.dataset.steps.split(" ").includes(step);
    });
}
if (stepSelect) { stepSelect.addEventListener("change", showStepFields); showStepFields(); }
