// Code blocks: syntax highlighting (highlight.js, bundled, a few languages only) and a copy button.
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import csharp from "highlight.js/lib/languages/csharp";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import { UiText } from "./ui-text";

hljs.registerLanguage("csharp", csharp);
hljs.registerLanguage("python", python);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("json", json);

export function highlightCode(text: UiText): void {
  for (const code of document.querySelectorAll<HTMLElement>("pre > code")) {
    const language = [...code.classList].find((c) => c.startsWith("language-"))?.slice("language-".length);
    if (language && hljs.getLanguage(language)) hljs.highlightElement(code);
    addCopyButton(code, text);
  }
}

function addCopyButton(code: HTMLElement, text: UiText): void {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy";
  button.textContent = text["copy"] ?? "Copy";
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code.textContent ?? "");
      button.textContent = text["copied"] ?? "Copied";
      setTimeout(() => (button.textContent = text["copy"] ?? "Copy"), 1500);
    } catch {
      button.hidden = true;
    }
  });
  code.parentElement?.append(button);
}
