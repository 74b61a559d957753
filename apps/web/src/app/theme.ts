import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Accessible theme: Mantine's default blue at shade 6 fails axe colour-contrast on white, so the primary
 * colour is used at shade 8 (#1864ab-ish, ≥ 4.5:1) and dimmed text is darkened from gray.6 to gray.7.
 * White text on a filled green, orange, teal or red button or badge fails WCAG AA (4.5:1) at Mantine's
 * shades, also while hovered (green.8 is 3.4:1, orange.9 4.3:1), so those fills are darker hex values,
 * each ≥ 4.5:1 with white, the hover darker still.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    '--mantine-color-green-filled': '#1b6b2f',
    '--mantine-color-green-filled-hover': '#155724',
    '--mantine-color-orange-filled': '#b8440b',
    '--mantine-color-orange-filled-hover': '#9c3a09',
    '--mantine-color-teal-filled': '#087f5b',
    '--mantine-color-teal-filled-hover': '#066649',
    '--mantine-color-red-filled': '#c92a2a',
    '--mantine-color-red-filled-hover': '#a61e1e',
  },
  dark: {},
});
