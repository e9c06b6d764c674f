// Saves text as a file from the page (CSV export): a Blob and a temporary link, so it works in the
// browser and in Electron's renderer alike without asking main for anything.
export function downloadText(fileName: string, text: string, mimeType = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or the download can be cancelled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
