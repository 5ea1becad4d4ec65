/** Every input limit in one place; the README's "Limits" table mirrors this file. */
export const LIMITS = {
  /** Largest notes or template file read, in bytes. */
  fileBytes: 2 * 1024 * 1024,
  /** Files read at the same time. */
  readConcurrency: 32,
  /** Largest logo or image file, in bytes. */
  imageBytes: 10 * 1024 * 1024,
} as const;
