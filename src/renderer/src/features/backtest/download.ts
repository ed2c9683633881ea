/** Saves text as a file through the browser's download (works in Electron and in `serve`). */
export function downloadText(fileName: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Give the download a moment to take the data before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
