import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { AAPL_DAILY_CSV, sharedDataFile } from '../../support/shared-data';

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
