// Entry point: brings the server-rendered page to life.
import { ComparePage, initComparePicker } from "./compare-page";
import { DemoWidget } from "./demo-widget";
import { highlightCode } from "./highlight";
import { RunPage } from "./run-page";
import { initThemeToggle } from "./theme";
import { readUiText } from "./ui-text";

const text = readUiText();
initThemeToggle();
highlightCode(text);
for (const root of document.querySelectorAll<HTMLElement>(".demo[data-demo]")) {
  new DemoWidget(root, text);
}
for (const root of document.querySelectorAll<HTMLElement>("[data-run-page]")) {
  new RunPage(root, text);
}
for (const root of document.querySelectorAll<HTMLElement>("[data-compare]")) {
  new ComparePage(root, text);
}
for (const form of document.querySelectorAll<HTMLFormElement>("form[data-compare-form]")) {
  initComparePicker(form);
}
// Times arrive in UTC; show them in the reader's own time zone.
for (const time of document.querySelectorAll<HTMLTimeElement>("time[datetime]")) {
  const at = new Date(time.dateTime);
  if (!Number.isNaN(at.getTime())) time.textContent = at.toLocaleString(document.documentElement.lang || undefined, { dateStyle: "medium", timeStyle: "short" });
}
