/* lp-signature-pad.h — a place to draw one's signature with a finger, a pen or the mouse
 *
 * A GtkDrawingArea (accessible role "img", named "Signature area") driven by a
 * GtkGestureDrag: it takes mouse buttons and touch alike (tech-notes.md §2.6). The ink
 * lives in an off-screen surface of a fixed size, allocated once, so that strokes survive
 * resizing; the widget shows it scaled to fit. It takes no keyboard focus: drawing is
 * optional and keyboard users go past it.
 *
 * The exported picture is a small PNG flattened on white (no alpha channel): libharu 2.3.0
 * stores an alpha mask uncompressed (tech-notes.md §1.4), and the letter's signature box is
 * 62 × 24 mm, so about 150 dpi is plenty.
 *
 * Signal "changed": a stroke was finished, or the pad was cleared or loaded.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The ink surface, in pixels: the shape of the letter's signature box (62 × 24 mm). */
#define LP_SIGNATURE_PAD_WIDTH   620
#define LP_SIGNATURE_PAD_HEIGHT  240
/* The exported PNG: about 150 dpi over 62 × 24 mm. */
#define LP_SIGNATURE_PNG_WIDTH   372
#define LP_SIGNATURE_PNG_HEIGHT  144

#define LP_TYPE_SIGNATURE_PAD (lp_signature_pad_get_type ())
G_DECLARE_FINAL_TYPE (LpSignaturePad, lp_signature_pad, LP, SIGNATURE_PAD, GtkDrawingArea)

GtkWidget *lp_signature_pad_new          (void);

/* TRUE when nothing is drawn. */
gboolean   lp_signature_pad_is_empty     (LpSignaturePad *self);
/* Erases everything ("changed" is emitted when something was drawn). */
void       lp_signature_pad_clear        (LpSignaturePad *self);

/* Shows a signature exported earlier (or any PNG, scaled to fit). NULL clears. Does not emit
 * "changed": this is loading, not drawing. */
gboolean   lp_signature_pad_set_png      (LpSignaturePad *self,
                                          GBytes         *png,
                                          GError        **error);
/* The signature as a PNG (RGB, white background, LP_SIGNATURE_PNG_WIDTH × _HEIGHT), in a
 * buffer zeroed when freed; the bytes given to set_png() when nothing was drawn since.
 * NULL when the pad is empty. */
GBytes    *lp_signature_pad_get_png      (LpSignaturePad *self);

/* The strokes as the drag gesture makes them, in widget coordinates: for the gesture
 * callbacks and for tests. */
void       lp_signature_pad_begin_stroke (LpSignaturePad *self,
                                          double          x,
                                          double          y);
void       lp_signature_pad_extend_stroke (LpSignaturePad *self,
                                           double          x,
                                           double          y);
void       lp_signature_pad_end_stroke   (LpSignaturePad *self);

G_END_DECLS
