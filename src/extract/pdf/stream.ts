import type { Fragment } from "./lattice.js";
import type { PageContent, TextItem } from "./page.js";
export function findStreamTables(items: TextItem[], _page: PageContent): { fragments: Fragment[]; outside: TextItem[] } {
  return { fragments: [], outside: items };
}
