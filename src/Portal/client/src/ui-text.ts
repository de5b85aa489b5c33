// Interface text in the page's language, sent by the server as JSON (UiText.Client).

export type UiText = Readonly<Record<string, string>>;

export function readUiText(): UiText {
  const element = document.getElementById("ui-text");
  return element?.textContent ? (JSON.parse(element.textContent) as UiText) : {};
}
