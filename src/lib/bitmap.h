/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bitmaps of unsigned longs, as lib/bitmap.c keeps them: bit k is bit k%64
 * of word k/64. Also the kernel's two text forms: the list form of "%*pbl"
 * ("0-3,8") and the mask form of "%*pb" (32-bit hex groups, high first).
 */
#ifndef NC_LIB_BITMAP_H
#define NC_LIB_BITMAP_H

#include <stdbool.h>
#include <stddef.h>

#define BITS_PER_LONG 64
#define BITS_TO_LONGS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)

static inline void __set_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline void __clear_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

static inline bool test_bit(unsigned int nr, const unsigned long *map)
{
	return (map[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1;
}

/* models lib/find_bit.c:_find_next_bit(); returns nbits if none */
unsigned int find_next_bit(const unsigned long *map, unsigned int nbits,
			   unsigned int start);
/* models lib/find_bit.c:_find_next_zero_bit(); returns nbits if none */
unsigned int find_next_zero_bit(const unsigned long *map, unsigned int nbits,
				unsigned int start);
/* models lib/bitmap.c:__bitmap_weight() */
unsigned int bitmap_weight(const unsigned long *map, unsigned int nbits);
bool bitmap_empty(const unsigned long *map, unsigned int nbits);
void bitmap_zero(unsigned long *map, unsigned int nbits);
void bitmap_fill(unsigned long *map, unsigned int nbits);
void bitmap_and(unsigned long *dst, const unsigned long *a,
		const unsigned long *b, unsigned int nbits);
void bitmap_or(unsigned long *dst, const unsigned long *a,
	       const unsigned long *b, unsigned int nbits);
bool bitmap_equal(const unsigned long *a, const unsigned long *b,
		  unsigned int nbits);
bool bitmap_subset(const unsigned long *a, const unsigned long *b,
		   unsigned int nbits);
bool bitmap_intersects(const unsigned long *a, const unsigned long *b,
		       unsigned int nbits);

/*
 * models lib/bitmap-str.c:bitmap_parselist(): "0-3,8,10-15:2/4", spaces
 * allowed around separators, an empty string is the empty set.
 * Returns 0, or -EINVAL (bad syntax) / -ERANGE (a bit >= nbits) with *errpos
 * (if non-NULL) the offset of the offending character.
 */
int bitmap_parselist(const char *buf, unsigned long *map, unsigned int nbits,
		     size_t *errpos);

/* models lib/bitmap-str.c:bitmap_print_to_pagebuf(list=true): "%*pbl".
 * Writes at most size bytes (always NUL-terminated) and returns the length
 * the full text has, snprintf-style. No trailing newline. */
int bitmap_print_list(char *buf, size_t size, const unsigned long *map,
		      unsigned int nbits);
/* models "%*pb": comma-separated 32-bit hex groups, most significant first */
int bitmap_print_mask(char *buf, size_t size, const unsigned long *map,
		      unsigned int nbits);

#endif
