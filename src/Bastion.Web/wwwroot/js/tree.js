// Lazy organization tree: children are fetched page by page when a node is expanded,
// so a tree of any size opens instantly and the browser only holds what was opened.
(function () {
  "use strict";
  const tree = document.getElementById("org-tree");
  if (!tree) return;
  const childrenUrl = (id, page) => tree.dataset.childrenUrl.replace("{id}", id) + "?pageSize=100&page=" + page;
  const detailsUrl = (id) => tree.dataset.detailsUrl.replace("{id}", id);
  const kinds = JSON.parse(tree.dataset.kinds || "{}");

  function nodeElement(org) {
    const li = document.createElement("li");
    li.setAttribute("role", "treeitem");
    li.dataset.id = org.id;
    li.dataset.children = org.childCount;
    if (org.childCount > 0) li.setAttribute("aria-expanded", "false");
    const row = document.createElement("span");
    row.className = "node";
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "toggle";
    toggle.textContent = "▸";
    toggle.disabled = org.childCount === 0;
    toggle.setAttribute("aria-label", org.name);
    const link = document.createElement("a");
    link.href = detailsUrl(org.id);
    link.textContent = org.name;
    const badge = document.createElement("span");
    badge.className = "badge text-bg-light";
    badge.textContent = kinds[org.kind] || org.kind;
    row.append(toggle, " ", link, " ", badge);
    if (org.childCount > 0) {
      const count = document.createElement("span");
      count.className = "text-muted small";
      count.textContent = " (" + org.childCount + ")";
      row.append(count);
    }
    li.append(row);
    return li;
  }

  async function loadPage(li, group, page) {
    const status = document.createElement("li");
    status.className = "text-muted small";
    status.textContent = tree.dataset.textLoading;
    group.append(status);
    try {
      const response = await fetch(childrenUrl(li.dataset.id, page), { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(response.status);
      const result = await response.json();
      status.remove();
      for (const org of result.items) group.append(nodeElement(org));
      if (result.pageNumber < result.pageCount) {
        const more = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-link btn-sm p-0";
        button.textContent = tree.dataset.textMore + " (" + (result.totalCount - result.pageNumber * result.pageSize) + ")";
        button.addEventListener("click", () => { more.remove(); loadPage(li, group, page + 1); });
        more.append(button);
        group.append(more);
      }
    } catch (e) {
      status.textContent = tree.dataset.textError;
      status.className = "text-danger small";
    }
  }

  tree.addEventListener("click", (event) => {
    const toggle = event.target.closest("button.toggle");
    if (!toggle || toggle.disabled) return;
    const li = toggle.closest("li[role=treeitem]");
    const expanded = li.getAttribute("aria-expanded") === "true";
    let group = li.querySelector(":scope > ul");
    if (expanded) {
      li.setAttribute("aria-expanded", "false");
      toggle.textContent = "▸";
      if (group) group.hidden = true;
      return;
    }
    li.setAttribute("aria-expanded", "true");
    toggle.textContent = "▾";
    if (group) { group.hidden = false; return; }
    group = document.createElement("ul");
    group.setAttribute("role", "group");
    li.append(group);
    loadPage(li, group, 1);
  });

  // Open the root at once: that is what the user came for.
  const rootToggle = tree.querySelector("li[role=treeitem] > .node > button.toggle");
  if (rootToggle && !rootToggle.disabled) rootToggle.click();
})();
