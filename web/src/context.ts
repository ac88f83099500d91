/** What a page gets to draw itself. */
export interface PageContext {
  /** The element the page fills. */
  main: HTMLElement;
  /** The query string of the current path. */
  params: URLSearchParams;
  /** Goes to another path of the UI (pushes history, draws it). */
  navigate(path: string): void;
  /** Sets the document title (the app adds " · jiedu"). */
  setTitle(title: string): void;
}
