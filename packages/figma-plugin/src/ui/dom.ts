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
    allowedOrigins: get<HTMLElement>("allowed-origins"),
    settingsError: get<HTMLElement>("settings-error"),
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
    cancel: get<HTMLButtonElement>("cancel"),
    regenerate: get<HTMLButtonElement>("regenerate"),
    open: get<HTMLButtonElement>("open"),
    progress: get<HTMLProgressElement>("progress"),
    status: get<HTMLElement>("status"),
    selected: get<HTMLElement>("selected"),
    changeKey: get<HTMLButtonElement>("change-key"),
  };
}

export type UiElements = ReturnType<typeof uiElements>;

/**
 * A quick-button group: one pressed button, its data attribute as the value. `render` replaces the
 * buttons (the options come from the model's capabilities, not from the markup).
 */
export function quickChoice(group: HTMLElement, attribute: string) {
  const buttons = () => [...group.querySelectorAll<HTMLButtonElement>("button")];
  const press = (value: string | undefined) => {
    for (const b of buttons()) b.setAttribute("aria-pressed", String(b.dataset[attribute] === value));
  };
  group.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest("button");
    if (button) press(button.dataset[attribute]);
  });
  return {
    /** The pressed button's value; undefined when none is pressed. */
    get value(): string | undefined {
      return buttons().find((b) => b.getAttribute("aria-pressed") === "true")?.dataset[attribute];
    },
    set value(v: string | undefined) {
      press(v);
    },
    render(options: { value: string; label: string; title: string }[], selected: string): void {
      group.replaceChildren(
        ...options.map((option) => {
          const button = document.createElement("button");
          button.type = "button";
          button.dataset[attribute] = option.value;
          button.textContent = option.label;
          button.title = option.title;
          return button;
        }),
      );
      press(options.some((o) => o.value === selected) ? selected : options[0]?.value);
    },
  };
}
