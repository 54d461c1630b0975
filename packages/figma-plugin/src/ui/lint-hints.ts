import type { LintResult, Sketchreel } from "@sketchreel/sdk";

export const LINT_DEBOUNCE_MS = 350;

/**
 * Live prompt lint: calls `POST /v1/prompts/lint` once typing pauses (and at once before a submit),
 * drops answers that arrive after a newer request, and renders the issues (or "looks good") into
 * `list`. For a closed-vocabulary model the lint's errors are exactly what generation would refuse.
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

  async function lintNow(prompt: string, id: number): Promise<LintResult | null> {
    const api = client();
    if (!api) return null;
    try {
      const result = await api.prompts.lint({ prompt });
      if (id === latest) render(result);
      return result;
    } catch (error) {
      if (id === latest) list.replaceChildren(item("error", `Lint unavailable: ${(error as Error).message}`));
      return null;
    }
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
      timer = setTimeout(() => void lintNow(prompt, id), LINT_DEBOUNCE_MS);
    },
    /**
     * Lints `prompt` now and shows the hints: the check before submitting. Resolves with the result,
     * or null when lint is unavailable (the API's own check still refuses what the model cannot draw).
     */
    check(prompt: string): Promise<LintResult | null> {
      clearTimeout(timer);
      return lintNow(prompt, ++latest);
    },
  };
}
