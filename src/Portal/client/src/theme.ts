// Light/dark switch: follows prefers-color-scheme until the visitor chooses, then remembers the choice.

export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    button.addEventListener("click", () => {
      const current = document.documentElement.dataset["theme"] ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
      const next = current === "dark" ? "light" : "dark";
      document.documentElement.dataset["theme"] = next;
      try {
        localStorage.setItem("theme", next);
      } catch {
        // Storage may be off; the choice then lasts for this page only.
      }
    });
  }
}
