import { parse } from "node-html-parser";

/**
 * What a browser would post from the form of `html` that posts to `action`:
 * each field's current value, checked boxes only (a repeated name as an array).
 */
export function formValues(html: string, action: string): Record<string, string | string[]> {
  const form = parse(html).querySelector(`form[action="${action}"]`);
  if (!form) throw new Error(`no form posting to ${action}`);
  const values: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const before = values[name];
    values[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  };
  for (const el of form.querySelectorAll("input, select, textarea")) {
    const name = el.getAttribute("name");
    const type = (el.getAttribute("type") ?? "text").toLowerCase();
    if (!name || ((type === "checkbox" || type === "radio") && !el.hasAttribute("checked"))) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === "textarea") add(name, el.textContent);
    else if (tag === "select") add(name, el.querySelector("option[selected]")?.getAttribute("value") ?? "");
    else add(name, el.getAttribute("value") ?? "");
  }
  return values;
}
