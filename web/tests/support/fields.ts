import type { Locator } from 'playwright-core';

/**
 * The server's message beside a field, once the field is marked invalid: the last of the
 * descriptions its aria-describedby names is its error.
 */
export async function errorBeside(field: Locator): Promise<string> {
  const page = field.page();
  await field.and(page.locator('[aria-invalid="true"]')).waitFor();
  const ids = (await field.getAttribute('aria-describedby'))!.split(' ');
  return (await page.locator(`[id="${ids[ids.length - 1]}"]`).textContent()) ?? '';
}

/** What an input suggests as one types: the values of the datalist it names. */
export async function suggestionsOf(field: Locator): Promise<string[]> {
  const id = await field.getAttribute('list');
  if (!id) return [];
  return field
    .page()
    .locator(`datalist[id="${id}"] option`)
    .evaluateAll((options) => options.map((option) => option.getAttribute('value') ?? ''));
}
