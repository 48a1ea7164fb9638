/** A size as people read it: "512 B", "879 KB", "4.8 MB", "1.25 GB" (binary units). Shared by the server's messages and the dashboard. */
export function formatBytes(bytes: number): string {
  const size = Math.max(0, bytes);
  if (size < 1024) return `${size} B`;
  if (size < 1024 ** 2) return `${(size / 1024).toFixed(0)} KB`;
  if (size < 1024 ** 3) return `${(size / 1024 ** 2).toFixed(1)} MB`;
  return `${(size / 1024 ** 3).toFixed(2)} GB`;
}
