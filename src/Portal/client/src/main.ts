// Entry point: brings the server-rendered page to life.
import { DemoWidget } from "./demo-widget";
import { highlightCode } from "./highlight";
import { initThemeToggle } from "./theme";
import { readUiText } from "./ui-text";

const text = readUiText();
initThemeToggle();
highlightCode(text);
for (const root of document.querySelectorAll<HTMLElement>(".demo[data-demo]")) {
  new DemoWidget(root, text);
}
