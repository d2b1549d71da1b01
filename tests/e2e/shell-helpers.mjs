// Helpers for the journeys through the app's frame (identity, saved reports, import/export).
// Not a test file itself (node --test runs *.test.mjs only).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { waitForAppReady } from './lib/app.mjs';

/** Vietnamese text from the page, in the composed form the app writes (NFC). */
export const nfc = (s) => (s ?? '').normalize('NFC');

/**
 * Empties localStorage and reloads, so a test starts like a first visit (the harness shares one
 * browser profile between the tests of a file).
 */
export async function forgetEverything(page) {
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForAppReady(page);
}

/** Waits until the header says the open report is saved ("Đã lưu lúc 14:32"). */
export async function waitSaved(page) {
  await page.waitForFunction(
    () => document.querySelector('[data-save-status]')?.textContent.startsWith('Đã lưu lúc'),
    null,
    { timeout: 5_000 },
  );
}

export async function headerTitle(page) {
  return nfc(await page.locator('.report-title').textContent());
}

export async function openTab(page, tab) {
  await page.click(`[data-tab="${tab}"]`);
}

/** Picks a file with the import button's file input. */
export async function pickFile(page, name, text) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Picks a file, checks the preview appears, confirms it. */
export async function importAndConfirm(page, name, text) {
  await pickFile(page, name, text);
  await page.locator('#import-preview').waitFor();
  await page.click('#import-preview [data-action="confirm"]');
  await page.locator('#import-preview').waitFor({ state: 'detached' });
}

/** Clicks "Xuất JSON"; returns the suggested file name and the parsed file. */
export async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
  const path = await download.path();
  return { name: download.suggestedFilename(), json: JSON.parse(await readFile(path, 'utf8')), text: await readFile(path, 'utf8') };
}

/** Ids of the rows of the saved-reports list, in order. */
export async function listedIds(page) {
  return page.locator('tr[data-report-id]').evaluateAll((rows) => rows.map((r) => r.dataset.reportId));
}

/** A report of this app's shape, as `exchange::import` reads a bare report. */
export function bareReport({ id, identity = {}, values = {}, assessments = {} }) {
  return {
    id,
    identity: {
      commune_kind: 'xa',
      commune: 'Tân Hà',
      province: 'Lâm Đồng',
      receiving_body: '',
      period: 'six_months',
      year: 2026,
      from: null,
      to: null,
      number: '27/BC-UBND',
      date: '2026-06-18',
      place: '',
      signer: 'Nguyễn Văn An',
      signer_title: 'CHỦ TỊCH',
      recipients: '- Sở Nội vụ tỉnh Lâm Đồng;\n- Lưu: VT.',
      ...identity,
    },
    appendix: { id: 'phuluc-xa', version: 1 },
    criteria: { id: 'mau-xa-2026', version: 1 },
    values,
    assessments,
    optional_sections: [],
  };
}

/** The value of an appendix input cell (the sheets' DOM contract: `[data-cell="{id}"]`). */
export async function cellValue(page, cell) {
  return page.locator(`[data-cell="${cell}"]`).inputValue();
}

export function assertNoErrors(errors) {
  assert.deepEqual(errors, [], 'no console errors or uncaught exceptions');
}
