import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedDataFile } from '../../support/shared-data';

/** Yahoo's daily AAPL history, 2004-08-19 to 2018-01-19, from ../shared/data. */
export const AAPL_DAILY_CSV = 'daily/yahoo-samples/mplfinance__yahoofinance-AAPL-20040819-20180120.csv';

/** Imports the real AAPL daily CSV through the UI's import dialog and waits for the commit. */
export async function importAaplDaily(page: Page): Promise<void> {
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-dialog').waitFor();
  await page.getByTestId('import-file').setInputFiles(sharedDataFile(AAPL_DAILY_CSV));
  await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
  await page.getByTestId('import-symbol').fill('AAPL');
  await page.getByTestId('import-timeframe').selectOption('1d');
  await page.getByTestId('import-commit').click();
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 60_000 });
  expect(await result.getAttribute('data-committed'), (await result.textContent()) ?? '').toBe('true');
  await page.getByTestId('import-close').click();
}
