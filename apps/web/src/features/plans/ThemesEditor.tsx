import { letterAt, type PlanDocument } from '@dx/domain';
import { ActionIcon, Paper, Textarea, TextInput, Title } from '@mantine/core';
import { usePlanLabels } from '../../locales/plans';
import { ListEditor } from './ListEditor';

type Themes = PlanDocument['themes'];
type Theme = Themes[number];
type SubTheme = Theme['children'][number];

/** Themes are numbered 1., 2.… and their sub-themes a), b)… by position (Plan 54 II.1–6, II.4 a–h). */
export const renumberThemes = (xs: Themes): Themes =>
  xs.map((t, i) => ({
    ...t,
    label: String(i + 1),
    children: t.children.map((c, k) => ({ ...c, label: letterAt(k) })),
  }));

/** A theme without sub-themes goes under the theme above it, as its last sub-theme (its id kept: records stay tagged). */
export function nestTheme(xs: Themes, i: number): Themes {
  const t = xs[i];
  const above = xs[i - 1];
  if (!t || !above || t.children.length) return xs;
  const { children: _c, ...sub } = t;
  return renumberThemes(
    xs.flatMap((x, j) => (j === i ? [] : j === i - 1 ? [{ ...x, children: [...x.children, sub] }] : [x])),
  );
}

/** A sub-theme becomes a theme of its own, right after the theme it was in. */
export function unnestTheme(xs: Themes, i: number, k: number): Themes {
  const parent = xs[i];
  const c = parent?.children[k];
  if (!parent || !c) return xs;
  const rest = { ...parent, children: parent.children.filter((_, j) => j !== k) };
  return renumberThemes([...xs.slice(0, i), rest, { ...c, children: [] }, ...xs.slice(i + 1)]);
}

const lines = (s: string) => s.split('\n').filter((b) => b.trim() !== '');

/**
 * The contents of the plan (nội dung tuyên truyền): themes added, removed, reordered, nested under the theme
 * above and taken out again; each with its bullets and sub-themes. The server's field errors beside each input.
 */
export function ThemesEditor({
  themes,
  onChange,
  err,
}: {
  themes: Themes;
  onChange: (xs: Themes) => void;
  err: (...path: (string | number)[]) => string | undefined;
}) {
  const L = usePlanLabels();
  const themeName = (i: number) => `${L.theme} ${i + 1}.`;
  return (
    <Paper withBorder p="sm" style={{ minWidth: 0 }}>
      <Title order={3} size="h4" mb="xs">
        {L.themes}
      </Title>
      <ListEditor<Theme>
        frame="fieldset"
        items={themes}
        onChange={onChange}
        normalize={renumberThemes}
        max={30}
        name={themeName}
        addLabel={L.addTheme}
        make={() => ({ label: '', title: '', bullets: [], children: [] })}
        actions={(t, i) =>
          i > 0 && t.children.length === 0 ? (
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`${L.nest}: ${themeName(i)}`}
              title={L.nest}
              onClick={() => onChange(nestTheme(themes, i))}
            >
              →
            </ActionIcon>
          ) : null
        }
        render={(t, i, put) => (
          <>
            <Textarea
              autosize
              label={L.themeTitle}
              value={t.title}
              onChange={(e) => put({ ...t, title: e.currentTarget.value })}
              error={err('themes', i, 'title') ?? err('themes', i, 'label')}
            />
            <Textarea
              autosize
              label={L.bullets}
              value={t.bullets.join('\n')}
              onChange={(e) => put({ ...t, bullets: lines(e.currentTarget.value) })}
              error={err('themes', i, 'bullets')}
            />
            <ListEditor<SubTheme>
              items={t.children}
              onChange={(children) => put({ ...t, children })}
              max={30}
              name={(k) => `${L.subTheme} ${i + 1}.${letterAt(k)})`}
              addLabel={L.addSubTheme}
              make={() => ({ label: '', title: '', bullets: [] })}
              actions={(_, k) => (
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={`${L.unnest}: ${L.subTheme} ${i + 1}.${letterAt(k)})`}
                  title={L.unnest}
                  onClick={() => onChange(unnestTheme(themes, i, k))}
                >
                  ←
                </ActionIcon>
              )}
              render={(c, k, putChild) => (
                <>
                  <TextInput
                    aria-label={`${L.themeTitle} ${i + 1}.${letterAt(k)})`}
                    value={c.title}
                    onChange={(e) => putChild({ ...c, title: e.currentTarget.value })}
                    error={
                      err('themes', i, 'children', k, 'title') ?? err('themes', i, 'children', k, 'label')
                    }
                  />
                  <Textarea
                    autosize
                    aria-label={`${L.bullets} ${i + 1}.${letterAt(k)})`}
                    value={c.bullets.join('\n')}
                    onChange={(e) => putChild({ ...c, bullets: lines(e.currentTarget.value) })}
                    error={err('themes', i, 'children', k, 'bullets')}
                  />
                </>
              )}
            />
          </>
        )}
      />
    </Paper>
  );
}
