// "1 session", "2 sessions", "1 entry", "3 entries": a count with its noun in the right number.
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : pluralForm}`;
}
