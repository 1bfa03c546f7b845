/** The recommendations example's records (JSON values) and its two tuning constants. */

/** `categories`, keyed by category id. */
export interface Category {
  categoryId: string;
  name: string;
}
/** `products`, keyed by product id: the catalogue; `categoryId` is the foreign key. */
export interface Product {
  productId: string;
  name: string;
  categoryId: string;
}
/** `clicks`, keyed by user id, so one user's clicks stay in order in one partition. */
export interface Click {
  userId: string;
  productId: string;
}
/** `product-catalogue`: a product with its category's name (the foreign-key join's result). */
export interface CatalogueEntry {
  productId: string;
  name: string;
  categoryId: string;
  category: string;
}
/** One product viewed with another, and how many times. */
export interface CoView {
  productId: string;
  count: number;
}
/** `recommendations`, keyed by product id: its catalogue entry and the products most viewed with it. */
export interface Recommendation extends CatalogueEntry {
  alsoViewed: CoView[];
}

/** How many of a user's latest (distinct) products a click is paired with. */
export const RECENT_VIEWS = 5;
/** How many co-viewed products each recommendation lists. */
export const TOP_N = 3;
