// Colours of the native picture, light and dark: every text colour meets WCAG AA (4.5:1) on the
// surface it is drawn on, and persona curves get a colour and a dash pattern so they read in greyscale.
import { JourneymapError } from "../../errors.js";
import type { Surface, Tone } from "./geometry.js";

export type { Surface, Tone } from "./geometry.js";

export interface Theme {
  name: "light" | "dark";
  background: string;
  /** Fill of every kind of box. A team cannot pick colours: every lane a map declares gets the neutral
   * `declared` surface, its tags, people and systems the `chip` one. */
  surfaces: Record<Surface, string>;
  /** Border of boxes, grid lines of the curve. */
  border: string;
  grid: string;
  /** Alternate stage columns get this faint band so columns read as columns. */
  band: string;
  tones: Record<Tone, string>;
  /** Curve colours for personas that set none, in persona order (repeating). */
  personaColors: string[];
  /** The funnel lane's bars. */
  bar: string;
}

export const THEMES: Record<Theme["name"], Theme> = {
  light: {
    name: "light",
    background: "#ffffff",
    surfaces: {
      page: "#ffffff",
      persona: "#f6f8fa",
      stage: "#dde7f3",
      lane: "#eef1f4",
      declared: "#f7f7f4",
      chip: "#e6eaee",
      touchpoint: "#ffffff",
      actions: "#f6f8fa",
      thoughts: "#f6f8fa",
      emotion: "#ffffff",
      painPoints: "#fdecea",
      opportunities: "#e6f4ea",
      metrics: "#f6f8fa",
      funnel: "#ffffff",
    },
    border: "#8c959f",
    grid: "#d0d7de",
    band: "#f3f6fa",
    tones: { text: "#1f2328", muted: "#4f5861", warning: "#a40e26", good: "#116329", caution: "#7d4e00" },
    personaColors: ["#0b5cad", "#b34700", "#1a7f37", "#8250df", "#bf3989", "#4d5a66"],
    bar: "#0b5cad",
  },
  dark: {
    name: "dark",
    background: "#0d1117",
    surfaces: {
      page: "#0d1117",
      persona: "#161b22",
      stage: "#1c2d44",
      lane: "#1b2129",
      declared: "#15191e",
      chip: "#262d36",
      touchpoint: "#0d1117",
      actions: "#161b22",
      thoughts: "#161b22",
      emotion: "#0d1117",
      painPoints: "#3a1d1f",
      opportunities: "#17301f",
      metrics: "#161b22",
      funnel: "#0d1117",
    },
    border: "#6e7681",
    grid: "#30363d",
    band: "#11161d",
    tones: { text: "#e6edf3", muted: "#a8b1bb", warning: "#ff9492", good: "#56d364", caution: "#e3b341" },
    personaColors: ["#58a6ff", "#ffa657", "#3fb950", "#d2a8ff", "#ff80c0", "#b1bac4"],
    bar: "#58a6ff",
  },
};

/** Dash patterns for persona curves, in persona order (repeating): the first is solid. */
export const DASHES = ["", "9 5", "2 4", "12 4 2 4", "5 5", "14 4 2 4 2 4"];

export function themeNamed(name: string | undefined): Theme {
  if (name === undefined || name === "light") return THEMES.light;
  if (name === "dark") return THEMES.dark;
  throw new JourneymapError(`unknown theme "${name}": use light or dark`);
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** A persona's curve colour: its own `color` when it is a valid #rrggbb, else the theme's palette. */
export function personaColor(theme: Theme, index: number, own: string | undefined): string {
  if (own !== undefined && HEX_COLOR.test(own)) return own.toLowerCase();
  return theme.personaColors[index % theme.personaColors.length]!;
}

export function personaDash(index: number): string {
  return DASHES[index % DASHES.length]!;
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1..21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
