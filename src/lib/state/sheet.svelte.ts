/**
 * Phones: the panel is a bottom sheet, collapsed to its handle and the
 * headline. A tap on the handle toggles it, a drag opens (up) or closes
 * (down) it, Escape closes it. The map's first view and its bottom controls
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
  private releasedAt = 0;

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
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId); // the release counts even off the handle
  };

  dragEnd = (e: PointerEvent): void => {
    if (this.dragFrom === null) return;
    const dy = e.clientY - this.dragFrom;
    this.dragFrom = null;
    this.releasedAt = performance.now();
    this.open = Math.abs(dy) < 24 ? !this.open : dy < 0;
  };

  dragCancel = (): void => {
    this.dragFrom = null;
  };

  /**
   * Keyboard and screen readers send a click alone (a key's has detail 0); the
   * click a browser may add after a pointer's release is ignored, since the
   * release did the work (after a drag some browsers send none, so a flag
   * could go stale: the release's time is used).
   */
  click = (e: MouseEvent): void => {
    const fromPointer = e.detail > 0 && performance.now() - this.releasedAt < 600;
    if (!fromPointer) this.open = !this.open;
  };

  closeOnEscape = (e: KeyboardEvent): void => {
    // Not while the embed dialog is open: Escape closes that first.
    if (e.key !== 'Escape' || !this.open || !this.phone || document.querySelector('dialog[open]')) return;
    this.open = false;
    this.handle?.focus();
  };
}
