/* lp-font-composites.c — see lp-font-composites.h
 *
 * The font file is parsed once per process (tables "head", "maxp", "loca", "glyf"), into
 * the list of direct components of each composite glyph. Every read is bounds-checked:
 * the file is a packaged font, but a damaged one must not crash the letter.
 */
#define G_LOG_DOMAIN "lp-letter"

#include "lp-font-composites.h"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <string.h>

/* Composite glyph flags (TrueType "glyf" table). */
#define ARG_1_AND_2_ARE_WORDS     0x0001
#define WE_HAVE_A_SCALE           0x0008
#define MORE_COMPONENTS           0x0020
#define WE_HAVE_AN_X_AND_Y_SCALE  0x0040
#define WE_HAVE_A_TWO_BY_TWO      0x0080

typedef struct {
  char *path;
  guint n_glyphs;
  GPtrArray *components;  /* gid -> GArray of guint16, or NULL for a simple glyph */
} CompositeMap;

static guint
read_u16 (const guint8 *data,
          gsize         size,
          gsize         offset,
          gboolean     *ok)
{
  if (offset + 2 > size)
    {
      *ok = FALSE;
      return 0;
    }
  return (data[offset] << 8) | data[offset + 1];
}

static guint32
read_u32 (const guint8 *data,
          gsize         size,
          gsize         offset,
          gboolean     *ok)
{
  if (offset + 4 > size)
    {
      *ok = FALSE;
      return 0;
    }
  return ((guint32) data[offset] << 24) | ((guint32) data[offset + 1] << 16)
         | ((guint32) data[offset + 2] << 8) | data[offset + 3];
}

/* Offset of table @tag in the font, 0 when absent. */
static gsize
find_table (const guint8 *data,
            gsize         size,
            const char   *tag,
            gboolean     *ok)
{
  guint n_tables = read_u16 (data, size, 4, ok);

  for (guint i = 0; i < n_tables && *ok; i++)
    {
      gsize record = 12 + 16 * (gsize) i;

      if (record + 16 > size)
        break;
      if (memcmp (data + record, tag, 4) == 0)
        return read_u32 (data, size, record + 8, ok);
    }
  return 0;
}

static GArray *
parse_components (const guint8 *data,
                  gsize         size,
                  gsize         glyph,
                  gsize         glyph_end)
{
  gboolean ok = TRUE;
  GArray *components;
  gsize p = glyph + 10;
  guint flags;

  /* A negative number of contours marks a composite glyph. */
  if (glyph + 10 > glyph_end || (gint16) read_u16 (data, size, glyph, &ok) >= 0 || !ok)
    return NULL;

  components = g_array_new (FALSE, FALSE, sizeof (guint16));
  do
    {
      guint16 gid;

      flags = read_u16 (data, size, p, &ok);
      gid = read_u16 (data, size, p + 2, &ok);
      if (!ok || p + 4 > glyph_end)
        break;
      g_array_append_val (components, gid);
      p += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE)
        p += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE)
        p += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO)
        p += 8;
    }
  while ((flags & MORE_COMPONENTS) && p < glyph_end);
  return components;
}

static void
free_components (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static CompositeMap *
composite_map_new (const char *path)
{
  g_autofree guint8 *data = NULL;
  gsize size = 0;
  gboolean ok = TRUE;
  gsize head, maxp, loca, glyf;
  gboolean long_offsets;
  CompositeMap *map;

  if (!g_file_get_contents (path, (char **) &data, &size, NULL))
    return NULL;
  head = find_table (data, size, "head", &ok);
  maxp = find_table (data, size, "maxp", &ok);
  loca = find_table (data, size, "loca", &ok);
  glyf = find_table (data, size, "glyf", &ok);
  if (!ok || head == 0 || maxp == 0 || loca == 0 || glyf == 0)
    return NULL;

  map = g_new0 (CompositeMap, 1);
  map->path = g_strdup (path);
  map->n_glyphs = read_u16 (data, size, maxp + 4, &ok);
  long_offsets = read_u16 (data, size, head + 50, &ok) != 0;
  map->components = g_ptr_array_new_full (map->n_glyphs, free_components);

  for (guint gid = 0; gid < map->n_glyphs && ok; gid++)
    {
      gsize start, end;

      if (long_offsets)
        {
          start = read_u32 (data, size, loca + 4 * (gsize) gid, &ok);
          end = read_u32 (data, size, loca + 4 * (gsize) gid + 4, &ok);
        }
      else
        {
          start = 2 * (gsize) read_u16 (data, size, loca + 2 * (gsize) gid, &ok);
          end = 2 * (gsize) read_u16 (data, size, loca + 2 * (gsize) gid + 2, &ok);
        }
      if (end <= start || glyf + end > size)
        g_ptr_array_add (map->components, NULL);
      else
        g_ptr_array_add (map->components, parse_components (data, size, glyf + start, glyf + end));
    }
  if (!ok)
    {
      g_ptr_array_unref (map->components);
      g_free (map->path);
      g_free (map);
      return NULL;
    }
  return map;
}

/* The map of the letter font, made once: the font does not change while we run. */
static const CompositeMap *
get_composite_map (const char *path)
{
  static GMutex lock;
  static CompositeMap *cached;
  const CompositeMap *map;

  g_mutex_lock (&lock);
  if (cached == NULL || g_strcmp0 (cached->path, path) != 0)
    {
      CompositeMap *fresh = composite_map_new (path);

      /* An older map stays alive (it may be in use in another thread): a handful of
       * bytes, and only if the font path changes while the program runs. */
      if (fresh != NULL)
        cached = fresh;
    }
  map = cached != NULL && g_strcmp0 (cached->path, path) == 0 ? cached : NULL;
  g_mutex_unlock (&lock);
  return map;
}

static void
mark_components (const CompositeMap *map,
                 HPDF_BYTE          *used,
                 guint               gid,
                 guint               depth)
{
  GArray *components;

  /* TrueType nests composites a few levels at most; the bound guards against loops. */
  if (gid >= map->n_glyphs || depth > 8)
    return;
  components = g_ptr_array_index (map->components, gid);
  for (guint i = 0; components != NULL && i < components->len; i++)
    {
      guint16 component = g_array_index (components, guint16, i);

      if (component >= map->n_glyphs)
        continue;
      used[component] = 1;
      mark_components (map, used, component, depth + 1);
    }
}

gboolean
lp_font_complete_composites (HPDF_Font   font,
                             const char *font_path)
{
  const CompositeMap *map;
  HPDF_FontAttr font_attr;
  HPDF_TTFontDefAttr def_attr;
  g_autofree HPDF_BYTE *used_before = NULL;
  guint n_glyphs;

  if (font == NULL || font_path == NULL)
    return FALSE;
  font_attr = (HPDF_FontAttr) font->attr;
  if (font_attr == NULL || font_attr->fontdef == NULL
      || font_attr->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE)
    return FALSE;
  def_attr = (HPDF_TTFontDefAttr) font_attr->fontdef->attr;
  if (def_attr == NULL || def_attr->glyph_tbl.flgs == NULL || !def_attr->embedding)
    return FALSE;

  map = get_composite_map (font_path);
  n_glyphs = def_attr->num_glyphs;
  /* The file we parsed must be the one libharu loaded. */
  if (map == NULL || map->n_glyphs != n_glyphs)
    return FALSE;

  /* Walk from the glyphs libharu marked, not from those we add along the way (they are
   * reached through the recursion). */
  used_before = g_memdup2 (def_attr->glyph_tbl.flgs, n_glyphs);
  for (guint gid = 0; gid < n_glyphs; gid++)
    if (used_before[gid])
      mark_components (map, def_attr->glyph_tbl.flgs, gid, 0);
  return TRUE;
}
