/**
 * Phones: the panel is a bottom sheet, collapsed to its handle and the
 * headline. A tap on the handle toggles it (on its click), a drag opens (up)
 * or closes (down) it (on its release), Escape closes it. The map's first view and its bottom controls
 * stay clear of the collapsed sheet.
 */
import type * as maplibregl from 'maplibre-gl';

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
  /** The pointer now down (or last up) dragged the sheet: the click a browser may add after it is not a tap. */
  private dragged = false;

  /** Create it while a component initialises (it follows the panel's height). */
  constructor(embedded: boolean) {
    this.phone = !embedded && Boolean(window.matchMedia?.('(max-width: 760px)').matches);
    this.fitPadding = { top: 16, left: 16, right: 16, bottom: this.phone ? 170 : 16 };
    $effect(() => {
      if (!this.open) this.collapsedHeight = this.panelHeight;
    });
  }

  dragStart = (e: PointerEvent): void => {
    this.dragFrom = e.clientY;
    this.dragged = false;
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId); // the release counts even off the handle
  };

  /**
   * A drag moves the sheet on release; a tap (under 24 px) leaves it to the
   * click that follows. Why not toggle here: a browser hit-tests the click
   * it sends after a touch's release only after this handler has run, so a
   * sheet opened here had already moved the panel under the finger, and the
   * click landed on a scenario's radio button (3 taps in 4).
   */
  dragEnd = (e: PointerEvent): void => {
    if (this.dragFrom === null) return;
    const dy = e.clientY - this.dragFrom;
    this.dragFrom = null;
    if (Math.abs(dy) < 24) return;
    this.dragged = true;
    this.open = dy < 0;
  };

  dragCancel = (): void => {
    this.dragFrom = null;
  };

  /**
   * A tap, a key (detail 0) or a screen reader toggles the sheet; the click a
   * browser may add after a drag's release is ignored, since the release did
   * the work. The flag is cleared by the next pointer down, so a browser that
   * sends no click after a drag cannot leave it set for the next tap.
   */
  click = (e: MouseEvent): void => {
    const afterDrag = e.detail > 0 && this.dragged;
    this.dragged = false;
    if (!afterDrag) this.open = !this.open;
  };

  closeOnEscape = (e: KeyboardEvent): void => {
    // Not while the embed dialog is open: Escape closes that first.
    if (e.key !== 'Escape' || !this.open || !this.phone || document.querySelector('dialog[open]')) return;
    this.open = false;
    this.handle?.focus();
  };
}
