// The two things the benchmark measures, driven the same way: this app (dist/, the release
// build) and Biểu 06 built in SurveyJS (scripts/bench/surveyjs/, with survey-core and
// survey-js-ui copied from node_modules). Both mark each input of Biểu 06 with
// data-cell="<row>.<column>" and each TỔNG CỘNG cell with data-cell="hs_tong.<column>".
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, DIST_DIR, waitForAppReady } from '../../tests/e2e/lib/app.mjs';
import { FIXTURE, loadFixture, openTab } from '../../tests/e2e/fixtures/report.mjs';

export const ROWS = [
  'hs_ho_tich',
  'hs_chung_thuc',
  'hs_dat_dai',
  'hs_bao_tro_xa_hoi',
  'hs_nguoi_co_cong',
  'hs_lao_dong',
  'hs_thi_dua',
  'hs_khac',
];
/** The 8 typed columns of Biểu 06; (3), (7), (11) are computed. */
export const INPUT_COLUMNS = ['c4', 'c5', 'c6', 'c8', 'c9', 'c10', 'c12', 'c13'];
/** The 64 input cells, row by row: the walk of the typing measurement. */
export const CELLS = ROWS.flatMap((r) => INPUT_COLUMNS.map((c) => `${r}.${c}`));
export const TOTAL_CELL = 'hs_tong.c3';

/** Biểu 06 of the sample report (tests/e2e/fixtures/tan-ha-2025.json) as SurveyJS data. */
function surveyData() {
  const matrix = {};
  for (const [key, raw] of Object.entries(FIXTURE.report.values)) {
    const [row, col] = key.split('.');
    if (!ROWS.includes(row) || !INPUT_COLUMNS.includes(col)) continue;
    (matrix[row] ??= {})[col] = Number(raw);
  }
  return { bieu06: matrix };
}

const SURVEY_FILES = [
  ['node_modules/survey-core/survey.core.min.js', 'survey.core.min.js'],
  ['node_modules/survey-core/survey-core.fontless.min.css', 'survey-core.fontless.min.css'],
  ['node_modules/survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js'],
  ['scripts/bench/surveyjs/index.html', 'index.html'],
  ['scripts/bench/surveyjs/form.js', 'form.js'],
];

/** Copies the SurveyJS page and the library files it loads into one directory to serve. */
export async function stageSurveyJs() {
  const dir = join(REPO_ROOT, 'target', 'bench', 'surveyjs');
  await mkdir(dir, { recursive: true });
  for (const [from, to] of SURVEY_FILES) await cp(join(REPO_ROOT, from), join(dir, to));
  return dir;
}

export const app = {
  name: 'this app',
  key: 'app',
  root: DIST_DIR,
  /** Waits until the app is mounted. */
  async ready(page) {
    await waitForAppReady(page);
  },
  /** Puts the sample report in (filled) or keeps the new empty one, and opens Biểu 06. */
  async openForm(page, filled) {
    if (filled) await loadFixture(page);
    await openTab(page, 'appendix');
    await page.waitForSelector(`[data-cell="${CELLS[0]}"]`);
  },
};

export function surveyjs(root) {
  return {
    name: 'SurveyJS',
    key: 'surveyjs',
    root,
    async ready(page) {
      await page.waitForSelector(`[data-cell="${CELLS[0]}"]`, { timeout: 30_000 });
    },
    async openForm(page, filled) {
      if (filled) {
        await page.evaluate((data) => {
          window.benchSurvey.data = data;
        }, surveyData());
        await page.waitForFunction(
          ([cell, want]) => document.querySelector(`[data-cell="${cell}"]`)?.value === want,
          [CELLS[0], FIXTURE.report.values[CELLS[0]]],
        );
      }
      await page.waitForSelector(`[data-cell="${TOTAL_CELL}"]`);
    },
  };
}
