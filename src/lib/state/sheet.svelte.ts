/**
 * Phones: the panel is a bottom sheet, collapsed to its handle and the
 * headline. A tap on the handle toggles it and a drag opens (up) or closes
 * (down) it, both on the pointer's release; a key toggles it (on its click);
 * Escape closes it. The map's first view and its bottom controls
 * stay clear of the collapsed sheet.
 */
import type * as maplibregl from 'maplibre-gl';
import { CUSTOM_MEDIA } from './breakpoints';

/** The collapsed sheet's height on a 360 px phone once its headline and legend are in (measured: 220–235 px). */
const COLLAPSED_ESTIMATE = 230;

export class Sheet {
  open = $state(false);
  /** Whether the page is laid out as a phone's (read once: the first view only). */
  readonly phone: boolean;
  /** Space around Ukraine in the first view: above the collapsed sheet (about 150 px high at 360 px wide). */
  readonly fitPadding: maplibregl.PaddingOptions;
  /** The panel's height, measured (the headline wraps). */
  panelHeight = $state(0);
  /** The collapsed sheet's height: the map's bottom controls sit above it. */
  collapsedHeight = $state(0);
  handle = $state<HTMLButtonElement>();

  /**
   * Space kept free when the map frames a scenario: room for the zoom
   * buttons at the top left, and on a phone for the collapsed sheet.
   */
  get framePadding(): maplibregl.PaddingOptions {
    // Before the headline is in, the sheet is not yet its collapsed height: about 230 px with it (3 lines) and the legend.
    const bottom = this.phone ? Math.max(this.collapsedHeight, COLLAPSED_ESTIMATE) : 0;
    return { top: 48, left: 48, right: 32, bottom: bottom + 32 };
  }
  private dragFrom: number | null = null;
  /** The pointer's release already toggled or moved the sheet: the click a browser may add after it is not another toggle. */
  private released = false;

  /** Create it while a component initialises (it follows the panel's height). */
  constructor(embedded: boolean) {
    // The same query as the CSS's `@media (--phone)`.
    this.phone = !embedded && Boolean(window.matchMedia?.(CUSTOM_MEDIA['--phone']).matches);
    this.fitPadding = { top: 16, left: 16, right: 16, bottom: this.phone ? 170 : 16 };
    $effect(() => {
      if (!this.open) this.collapsedHeight = this.panelHeight;
    });
  }

  dragStart = (e: PointerEvent): void => {
    this.dragFrom = e.clientY;
    this.released = false;
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId); // the release counts even off the handle
  };

  /**
   * The release acts: a drag (24 px or more) opens (up) or closes (down) the
   * sheet, a tap toggles it. Not the click: Chrome sends none for a tap that
   * comes within about half a second of a flick (it takes the touch for the
   * end of a fling), so a tap right after a drag-close did nothing. The
   * click the browser may still send is swallowed (swallowNextClick): it is
   * hit-tested after this handler has moved the panel, and would land on a
   * scenario's radio button under the finger.
   */
  dragEnd = (e: PointerEvent): void => {
    if (this.dragFrom === null) return;
    const dy = e.clientY - this.dragFrom;
    this.dragFrom = null;
    this.released = true;
    this.open = Math.abs(dy) < 24 ? !this.open : dy < 0;
    swallowNextClick();
  };

  dragCancel = (): void => {
    this.dragFrom = null;
  };

  /**
   * A key (detail 0) or a screen reader toggles the sheet; the click a
   * browser adds after a pointer's release is ignored, since the release did
   * the work. The flag is cleared by the next pointer down, so a browser that
   * sends no click after a release cannot leave it set for the next one.
   */
  click = (e: MouseEvent): void => {
    const afterRelease = e.detail > 0 && this.released;
    this.released = false;
    if (!afterRelease) this.open = !this.open;
  };

  closeOnEscape = (e: KeyboardEvent): void => {
    // Not while the embed dialog is open: Escape closes that first.
    if (e.key !== 'Escape' || !this.open || !this.phone || document.querySelector('dialog[open]')) return;
    this.open = false;
    this.handle?.focus();
  };
}

/** How long after a release its click may still come (a busy main thread delays it). */
const GHOST_CLICK_MS = 800;

/**
 * Drop the click a browser sends after the pointer release that just acted
 * (wherever it lands), unless a new press comes first or it does not come in
 * GHOST_CLICK_MS: a later, real click goes through.
 */
function swallowNextClick(): void {
  const stop = (e: MouseEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    done();
  };
  const done = (): void => {
    window.removeEventListener('click', stop, true);
    window.removeEventListener('pointerdown', done, true);
    clearTimeout(timer);
  };
  window.addEventListener('click', stop, true);
  window.addEventListener('pointerdown', done, true);
  const timer = setTimeout(done, GHOST_CLICK_MS);
}
