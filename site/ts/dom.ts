// Small DOM helpers the widgets share.

/** Makes an element with properties set (className, textContent, value, ...). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, props: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

/** A plain button with a class and a tooltip that names its key. */
export function button(text: string, className: string, title: string): HTMLButtonElement {
  return el("button", { type: "button", textContent: text, className, title });
}

/** Saves blob as a file named name. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
