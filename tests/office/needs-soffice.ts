/**
 * Tests that need LibreOffice: they run when soffice is on the PATH, FAIL when CI=true and it is
 * missing (CI must install it), and are skipped with a visible message otherwise.
 */
import { findSoffice } from "../../src/extract/office/libreoffice.js";

export const HAVE_SOFFICE = findSoffice() !== null;

export function sofficeGate(): { run: boolean; failInCi: boolean } {
  if (HAVE_SOFFICE) return { run: true, failInCi: false };
  if (process.env.CI === "true") return { run: false, failInCi: true };
  console.warn(
    "SKIPPED: LibreOffice (soffice) is not on the PATH: the .doc/.odt/.rtf conversion tests do not run (apt-get install libreoffice-writer-nogui)",
  );
  return { run: false, failInCi: false };
}
