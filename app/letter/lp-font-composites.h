/* lp-font-composites.h — works around libharu 2.3.0 dropping the parts of nested
 * composite glyphs
 *
 * When libharu embeds a subset of a TrueType font, it keeps each used glyph and, for a
 * composite glyph, its direct components — but not the components of a component (fixed
 * upstream after 2.3.0, PR #54; tech-notes.md §1.12). In DejaVu Serif that loses the
 * accents of 470 characters, among them the Vietnamese letters of « Nguyễn Thị Minh Khai »
 * (ễ = e + a circumflex-tilde glyph made of two parts, ị = i + a dot-below glyph made of a
 * dot): pdftotext still gives the right text, but the printed name has no accents.
 *
 * lp_font_complete_composites() reads the font file's glyph table itself and marks every
 * component, at any depth, of every glyph libharu marked as used, just before the
 * document is saved. It reads libharu's semi-internal font structures (hpdf_font.h,
 * hpdf_fontdef.h, installed by libhpdf-dev 2.3.0).
 */
#pragma once

#include <glib.h>
#include <hpdf.h>

G_BEGIN_DECLS

/* @font: a TrueType font loaded from @font_path with embedding on. Returns FALSE (and
 * leaves the font alone) when the file cannot be read or does not look like the font
 * libharu loaded; the PDF is then still valid, only accents of nested composites may be
 * missing. */
gboolean lp_font_complete_composites (HPDF_Font   font,
                                      const char *font_path);

G_END_DECLS
