/* slv-colour-names.c: the named colours swatches are labelled with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A compact table in the words a design team uses for garments and yarns,
 * spread over the colour space so every colour has a near neighbour.
 */
#define G_LOG_DOMAIN "slv-colour"

#include "config.h"

#include "slv-colour.h"

static const SlvNamedColour names[] = {
  /* neutrals */
  { "Black", 0x111111 }, { "Jet", 0x2a2a2a }, { "Charcoal", 0x3b3d40 },
  { "Graphite", 0x54575c }, { "Slate grey", 0x6e7780 }, { "Mid grey", 0x8c8c8c },
  { "Silver grey", 0xaeb0b3 }, { "Light grey", 0xcfcfcf }, { "Pale grey", 0xe4e4e2 },
  { "White", 0xfafafa }, { "Off-white", 0xf1eee6 }, { "Ivory", 0xf5efd9 },
  { "Ecru", 0xe8dfc6 }, { "Cream", 0xf2e6c4 }, { "Oatmeal", 0xd9cdb4 },
  { "Beige", 0xd7c4a3 }, { "Sand", 0xcdb891 }, { "Stone", 0xb5aa96 },
  { "Taupe", 0x8b7d6b }, { "Mushroom", 0xa3968a }, { "Greige", 0xb9b2a5 },
  /* browns */
  { "Khaki", 0xb0a27a }, { "Camel", 0xc19a6b }, { "Tan", 0xb5895c },
  { "Caramel", 0xb4713d }, { "Cognac", 0x9a4d22 }, { "Tobacco", 0x72502f },
  { "Brown", 0x6b4423 }, { "Chocolate", 0x4a2c1d }, { "Espresso", 0x35241b },
  /* reds and pinks */
  { "Rust", 0xa0471f }, { "Terracotta", 0xc26a4a }, { "Brick red", 0x9c3b2e },
  { "Red", 0xc8202f }, { "Scarlet", 0xe0302a }, { "Cherry", 0xa3162e },
  { "Burgundy", 0x6d1a2b }, { "Wine", 0x5a1f2e }, { "Oxblood", 0x4a1416 },
  { "Coral", 0xf0735e }, { "Salmon", 0xf2a08a }, { "Peach", 0xf7c4a5 },
  { "Blush", 0xf0cfc8 }, { "Dusty rose", 0xc98f8f }, { "Rose", 0xe07b91 },
  { "Pink", 0xf4a9c0 }, { "Baby pink", 0xf8d3dc }, { "Hot pink", 0xe8438c },
  { "Fuchsia", 0xc42a85 }, { "Magenta", 0xc2186b },
  /* oranges and yellows */
  { "Apricot", 0xf4b183 }, { "Orange", 0xee7623 }, { "Tangerine", 0xf2852b },
  { "Burnt orange", 0xc45a1a }, { "Ochre", 0xc28f2c }, { "Mustard", 0xd2a32a },
  { "Gold", 0xd4af37 }, { "Yellow", 0xf5d631 }, { "Lemon", 0xf6e56b },
  { "Butter", 0xf5e7a1 },
  /* greens */
  { "Olive", 0x6b6b2f }, { "Army green", 0x4b5320 }, { "Moss", 0x7a7f3a },
  { "Sage", 0x9aab8e }, { "Pistachio", 0xb4c99a }, { "Mint", 0xb7e2c8 },
  { "Lime", 0xa8cf3a }, { "Green", 0x3a9a4a }, { "Kelly green", 0x2f9a3c },
  { "Emerald", 0x0f8a5f }, { "Forest green", 0x23452f }, { "Bottle green", 0x17382b },
  { "Teal", 0x137a7a }, { "Petrol", 0x1d4f5c },
  /* blues */
  { "Turquoise", 0x32b8b0 }, { "Aqua", 0x8fd6d6 }, { "Sky blue", 0x8ec5ea },
  { "Powder blue", 0xb9d1e6 }, { "Baby blue", 0xcfe3f3 }, { "Cornflower", 0x6f91d6 },
  { "Chambray", 0x7f9fc4 }, { "Denim", 0x3d5f8a }, { "Indigo", 0x283a68 },
  { "Cobalt", 0x1f4bb0 }, { "Royal blue", 0x2a3fa6 }, { "Blue", 0x2f6bd0 },
  { "Navy", 0x1b2a49 }, { "Midnight", 0x141b2d }, { "Steel blue", 0x587a98 },
  /* purples */
  { "Lavender", 0xc3b5e0 }, { "Lilac", 0xc9a6d3 }, { "Mauve", 0xa57e9c },
  { "Violet", 0x7047a8 }, { "Purple", 0x5e2d86 }, { "Plum", 0x5d2a4c },
  { "Aubergine", 0x3b1f33 },
};

const SlvNamedColour *
slv_colour_get_names (guint *n_names)
{
  if (n_names != NULL)
    *n_names = G_N_ELEMENTS (names);
  return names;
}
