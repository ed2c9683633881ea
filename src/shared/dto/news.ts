import { z } from 'zod';

/** An https URL only: the renderer opens headlines in the system browser, nothing else. */
export const HttpsUrl = z.url({ protocol: /^https$/ }).max(2048);

/** One headline from the news source (Polygon's `/v2/reference/news`). */
export const NewsItem = z.strictObject({
  id: z.string().min(1).max(200),
  /** UTC epoch ms. */
  publishedAt: z.number().int(),
  title: z.string().max(500),
  publisher: z.string().max(200),
  url: HttpsUrl,
  tickers: z.array(z.string().max(32)).max(100),
  summary: z.string().max(2000).nullable(),
});
export type NewsItem = z.infer<typeof NewsItem>;

/** `available: false` (with the reason a person can act on) when no news source is configured. */
export const NewsResult = z.strictObject({
  available: z.boolean(),
  reason: z.string().max(500).nullable(),
  items: z.array(NewsItem),
});
export type NewsResult = z.infer<typeof NewsResult>;
