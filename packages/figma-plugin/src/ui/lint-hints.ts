import type { LintResult, Sketchreel } from "@sketchreel/sdk";

export const LINT_DEBOUNCE_MS = 350;

/**
 * Live prompt lint: calls `POST /v1/prompts/lint` once typing pauses, drops answers that arrive
 * after a newer request, and renders the issues (or "looks good") into `list`.
 */
export function createLintHints(list: HTMLElement, client: () => Sketchreel | null) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  function render(result: LintResult): void {
    list.replaceChildren();
    if (result.issues.length === 0) {
      list.append(item("ok", "Looks good: no lint issues."));
      return;
    }
    for (const issue of result.issues) {
      const text = issue.suggestion ? `${issue.message} Try: ${issue.suggestion}` : issue.message;
      list.append(item(issue.severity, text, issue.code));
    }
  }

  function item(severity: string, text: string, code?: string): HTMLLIElement {
    const li = document.createElement("li");
    li.className = `hint hint-${severity}`;
    li.textContent = text; // never innerHTML: prompts and messages are text
    if (code) li.dataset.code = code;
    return li;
  }

  return {
    /** Schedules a lint of `prompt` (empty clears the hints). */
    update(prompt: string): void {
      clearTimeout(timer);
      const id = ++latest;
      if (!prompt.trim()) {
        list.replaceChildren();
        return;
      }
      timer = setTimeout(async () => {
        const api = client();
        if (!api) return;
        try {
          const result = await api.prompts.lint({ prompt });
          if (id === latest) render(result);
        } catch (error) {
          if (id === latest) list.replaceChildren(item("error", `Lint unavailable: ${(error as Error).message}`));
        }
      }, LINT_DEBOUNCE_MS);
    },
  };
}
