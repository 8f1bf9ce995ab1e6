// Saving an export from the panel: a Blob and an <a download> click. Measured in Chromium 156
// (test/e2e/report.e2e.test.ts): a download started from a DevTools extension panel goes through like one from
// a page. Where it cannot (no URL.createObjectURL, or it throws), the caller falls back to the clipboard and
// says so.
export function downloadText(text: string, fileName: string, mimeType: string, doc: Document = document): boolean {
  let url: string | null = null;
  try {
    url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
    const a = doc.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    a.style.display = 'none';
    doc.body.appendChild(a);
    a.click();
    a.remove();
    return true;
  } catch {
    return false;
  } finally {
    // Revoking at once can cancel the download in Chromium; give it a minute.
    const made = url;
    if (made) setTimeout(() => URL.revokeObjectURL(made), 60_000);
  }
}
