/** The UI's elements, looked up once; a missing id fails at start-up, not on first click. */
export function uiElements() {
  const get = <T extends HTMLElement>(id: string): T => {
    const element = document.getElementById(id);
    if (!element) throw new Error(`ui.html lacks #${id}`);
    return element as T;
  };
  return {
    settings: get<HTMLElement>("settings"),
    apiKey: get<HTMLInputElement>("api-key"),
    baseUrl: get<HTMLInputElement>("base-url"),
    saveSettings: get<HTMLButtonElement>("save-settings"),
    composer: get<HTMLElement>("composer"),
    template: get<HTMLSelectElement>("template"),
    prompt: get<HTMLTextAreaElement>("prompt"),
    hints: get<HTMLUListElement>("hints"),
    durations: get<HTMLElement>("durations"),
    resolutions: get<HTMLElement>("resolutions"),
    seed: get<HTMLInputElement>("seed"),
    randomSeed: get<HTMLButtonElement>("random-seed"),
    generate: get<HTMLButtonElement>("generate"),
    regenerate: get<HTMLButtonElement>("regenerate"),
    open: get<HTMLButtonElement>("open"),
    progress: get<HTMLProgressElement>("progress"),
    status: get<HTMLElement>("status"),
    selected: get<HTMLElement>("selected"),
    changeKey: get<HTMLButtonElement>("change-key"),
  };
}

export type UiElements = ReturnType<typeof uiElements>;

/** Quick-button groups: one pressed button per group, its data attribute as the value. */
export function quickChoice(group: HTMLElement, attribute: string, onChange?: () => void) {
  const buttons = [...group.querySelectorAll<HTMLButtonElement>("button")];
  group.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest("button");
    if (!button) return;
    for (const b of buttons) b.setAttribute("aria-pressed", String(b === button));
    onChange?.();
  });
  return {
    get value(): number {
      const pressed = buttons.find((b) => b.getAttribute("aria-pressed") === "true");
      return Number(pressed?.dataset[attribute]);
    },
    set value(v: number) {
      for (const b of buttons) b.setAttribute("aria-pressed", String(Number(b.dataset[attribute]) === v));
    },
  };
}
